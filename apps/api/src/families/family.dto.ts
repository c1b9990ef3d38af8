import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { IsCalendarDate, IsMunicipalityCode } from '../common/validators';

/** The municipality names a family as a samenloop family itself (004). */
export class NameSamenloopDto {
  @ApiProperty({ example: '0957', description: 'The municipality that names the family' })
  @IsMunicipalityCode()
  municipalityCode!: string;

  @ApiProperty({ example: '2026-12-04', description: 'The day the municipality named it' })
  @IsCalendarDate()
  namedOn!: string;

  @ApiProperty({
    example: true,
    description: 'Whether the municipality informed the family that it named it (004 asks it to)',
  })
  @IsBoolean()
  familyInformed!: boolean;
}

export const CONSENT_ANSWERS = ['given', 'refused'] as const;

/** The family's answer to the CJG's question whether it wants to talk its care over (004). */
export class RecordConsentDto {
  @ApiProperty({ enum: CONSENT_ANSWERS, example: 'given' })
  @IsIn(CONSENT_ANSWERS)
  consent!: (typeof CONSENT_ANSWERS)[number];

  @ApiProperty({ example: '2026-12-05', description: 'The day the family answered' })
  @IsCalendarDate()
  on!: string;
}

/** What the CJG knows of a family's samenloop: who named it, and the family's consent. */
export class FamilySamenloopDto {
  @ApiProperty({ example: 'fam-jansen' })
  familyId!: string;

  @ApiProperty({ type: String, nullable: true, example: '0957' })
  namedByMunicipality!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-12-04' })
  namedOn!: string | null;

  @ApiProperty({ type: Boolean, nullable: true, example: true })
  familyInformed!: boolean | null;

  @ApiProperty({ type: String, nullable: true, enum: CONSENT_ANSWERS, example: 'given' })
  consent!: 'given' | 'refused' | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-12-05' })
  consentOn!: string | null;
}
