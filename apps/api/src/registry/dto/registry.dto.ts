import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  CARER_RELATIONS,
  PARTNER_KINDS,
  type CarerRelation,
  type PartnerKind,
} from '@cjg/persistence';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { withCode } from '../../common/validation';
import { IsBsn, IsMunicipalityCode, IsPersonId } from '../../common/validators';

export class PutCoordinatorDto {
  @ApiProperty({ example: 'Anna de Vries' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'anna.devries@cjg.example' })
  @IsEmail()
  @Length(3, 254)
  email!: string;

  @ApiPropertyOptional({ example: 'team-roermond-noord', description: 'A registered team' })
  @IsOptional()
  @IsPersonId()
  teamId?: string;
}

export class CoordinatorDto extends PutCoordinatorDto {
  @ApiProperty({ example: 'coord-anna' })
  id!: string;
}

/** One line of text: what a letter prints as it is. */
const ONE_LINE = /^[^\r\n]*\S[^\r\n]*$/;
const ONE_LINE_MESSAGE = '$property must be one line of text';

/**
 * A municipality and what its letters give (docs/letters.md): where to reach it, who signs a
 * decision on behalf of the college, and where an objection goes. Each detail is optional; a PUT
 * replaces them all (one left out is cleared), and a letter without them says "de gemeente".
 */
export class PutMunicipalityDto {
  @ApiProperty({ example: 'Roermond' })
  @IsString()
  @Length(1, 80)
  @Matches(ONE_LINE, { message: ONE_LINE_MESSAGE })
  name!: string;

  @ApiPropertyOptional({
    example: 'Postbus 900, 6040 AX Roermond',
    description: 'Postal address, one line, as the letters print it',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(ONE_LINE, { message: ONE_LINE_MESSAGE })
  postalAddress?: string;

  @ApiPropertyOptional({ example: '14 0475', description: 'Telephone number for questions' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9][0-9 ()-]{1,28}$/, {
    message: 'phone must be a telephone number: digits, spaces, ( ) and -, an optional leading +',
  })
  phone?: string;

  @ApiPropertyOptional({ example: 'jeugd@roermond.nl', description: 'E-mail for questions' })
  @IsOptional()
  @IsEmail()
  @Length(3, 254)
  email?: string;

  @ApiPropertyOptional({ example: 'www.roermond.nl', description: 'Website, as printed' })
  @IsOptional()
  @IsString()
  @Length(4, 200)
  @Matches(/^(https?:\/\/)?[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i, {
    message: 'website must be a web address such as www.roermond.nl',
  })
  website?: string;

  @ApiPropertyOptional({
    example: 'Petra Smeets',
    description: 'Who signs a decision on behalf of the college (mandaat)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(ONE_LINE, { message: ONE_LINE_MESSAGE })
  signatoryName?: string;

  @ApiPropertyOptional({
    example: 'de teamleider toegang, namens deze',
    description: 'The signatory’s function, as printed after the name',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(ONE_LINE, { message: ONE_LINE_MESSAGE })
  signatoryFunction?: string;

  @ApiPropertyOptional({
    example: 'Postbus 900, 6040 AX Roermond, t.a.v. de bezwaarcommissie',
    description: 'Where an objection (bezwaarschrift) is sent; the postal address when left out',
  })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @Matches(ONE_LINE, { message: ONE_LINE_MESSAGE })
  objectionAddress?: string;
}

export class MunicipalityDto extends PutMunicipalityDto {
  @ApiProperty({ example: '0957' })
  code!: string;
}

/** A parent or carer (ouder/verzorger) of a client; each one with an e-mail gets the family's letters. */
export class CarerDto {
  @ApiProperty({ example: 'Maria Jansen', description: 'Greeted by this name in the letters' })
  @IsString()
  @Length(1, 200)
  @Matches(ONE_LINE, { message: ONE_LINE_MESSAGE })
  name!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'maria.jansen@example.nl',
    description: 'Where this carer’s letters go; without one the carer gets no letters',
  })
  @IsOptional()
  @IsEmail()
  @Length(3, 254)
  email?: string | null;

  @ApiProperty({ enum: CARER_RELATIONS, example: 'ouder' })
  @IsIn(CARER_RELATIONS)
  relation!: CarerRelation;
}

/** The most carers a client may have registered: enough for any family (ouders, pleegouders, voogd). */
export const MAX_CARERS = 6;

export class PutTeamDto {
  @ApiProperty({ example: 'Team Roermond Noord' })
  @IsString()
  @Length(1, 80)
  name!: string;

  @ApiPropertyOptional({ example: '0957', description: 'The municipality the team works for' })
  @IsOptional()
  @IsMunicipalityCode()
  municipalityCode?: string;
}

export class PutClientDto {
  @ApiProperty({ example: 'Sam Jansen' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: '111222333', description: 'Burgerservicenummer (elfproef)' })
  @IsOptional()
  @IsBsn()
  bsn?: string;

  @ApiPropertyOptional({ example: '2014-05-17', description: 'Calendar date (YYYY-MM-DD)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Length(10, 10, {
    message: withCode('invalid-date', 'dateOfBirth must be a calendar date YYYY-MM-DD'),
  })
  dateOfBirth?: string;

  @ApiPropertyOptional({
    example: 'ouders.jansen@example.nl',
    description:
      'Without carers: where the family’s letters go. With carers: the young person’s own address, which gets them from the age CLIENT_OWN_LETTERS_FROM_AGE (16)',
  })
  @IsOptional()
  @IsEmail()
  @Length(3, 254)
  email?: string;

  @ApiPropertyOptional({
    type: [CarerDto],
    maxItems: MAX_CARERS,
    description:
      'The parents or carers, in order; each with an e-mail gets the family’s letters. Replaces those registered; left out, they stay as they are; [] removes them',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CARERS)
  @ValidateNested({ each: true })
  @Type(() => CarerDto)
  carers?: CarerDto[];
}

export class ClientDto {
  @ApiProperty({ example: 'client-0001' })
  id!: string;

  @ApiProperty({ example: 'Sam Jansen' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: '111222333' })
  bsn!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2014-05-17' })
  dateOfBirth!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'ouders.jansen@example.nl',
    description: 'Where letters to the family and its answer links go',
  })
  email!: string | null;

  @ApiProperty({ type: [CarerDto], description: 'The parents or carers, in order' })
  carers!: CarerDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'When the personal data was destroyed (Jeugdwet 7.3.8/7.3.9); then nothing else is left',
  })
  personalDataDestroyedAt!: string | null;
}

export class RegisteredDto {
  @ApiProperty({ example: 'client-0001' })
  id!: string;

  @ApiProperty({ description: 'false when an existing record was updated' })
  created!: boolean;
}

export class PutProviderDto {
  @ApiProperty({ example: 'Jeugdhulp Midden-Limburg' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'toewijzingen@jeugdhulp.example' })
  @IsEmail()
  @Length(3, 254)
  email!: string;
}

export const PROFESSIONAL_KINDS = ['bpp', 'gedragswetenschapper'] as const;
export const PROFESSIONAL_REGISTERS = ['SKJ', 'BIG'] as const;

/** A professional who signs off plan deel 1 (002 §3.4). */
export class PutProfessionalDto {
  @ApiProperty({ example: 'Petra Smeets' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    enum: PROFESSIONAL_KINDS,
    example: 'gedragswetenschapper',
    description: 'Begeleider primair proces (bpp) or gedragswetenschapper',
  })
  @IsIn(PROFESSIONAL_KINDS)
  kind!: (typeof PROFESSIONAL_KINDS)[number];

  @ApiProperty({ enum: PROFESSIONAL_REGISTERS, example: 'SKJ' })
  @IsIn(PROFESSIONAL_REGISTERS)
  register!: (typeof PROFESSIONAL_REGISTERS)[number];

  @ApiProperty({
    example: '100012345',
    description: 'The registration number in that register: 6 to 11 digits',
    pattern: '^\\d{6,11}$',
  })
  @Matches(/^\d{6,11}$/, { message: 'registrationNumber must be 6 to 11 digits' })
  registrationNumber!: string;
}

export class PutOrganisationDto {
  @ApiProperty({ enum: PARTNER_KINDS, example: 'veilig-thuis' })
  @IsIn(PARTNER_KINDS)
  kind!: PartnerKind;

  @ApiProperty({ example: 'Veilig Thuis Limburg' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'overdracht@veiligthuis.example', description: 'Where letters go' })
  @IsEmail()
  @Length(3, 254)
  email!: string;
}
