import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTNER_KINDS, type PartnerKind } from '@cjg/persistence';
import { IsEmail, IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
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

export class PutMunicipalityDto {
  @ApiProperty({ example: 'Roermond' })
  @IsString()
  @Length(1, 80)
  name!: string;
}

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
  @Length(10, 10, { message: 'dateOfBirth must be a calendar date YYYY-MM-DD' })
  dateOfBirth?: string;

  @ApiPropertyOptional({ example: 'ouders.jansen@example.nl', description: 'Where letters go' })
  @IsOptional()
  @IsEmail()
  @Length(3, 254)
  email?: string;
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
