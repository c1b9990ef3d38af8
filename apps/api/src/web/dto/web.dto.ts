import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { ROLES, type Role } from '../../auth/principal';
import { IsAgbCode, IsMunicipalityCode, IsPersonId } from '../../common/validators';

export class OidcSettingsDto {
  @ApiProperty({ example: 'https://login.gemeente.example/realms/cjg' })
  authority!: string;

  @ApiProperty({ example: 'cjg-werkplek' })
  clientId!: string;

  @ApiProperty({ example: 'openid profile' })
  scope!: string;
}

export class TemporalUiLinkDto {
  @ApiProperty({ example: 'http://127.0.0.1:8233' })
  url!: string;

  @ApiProperty({ example: 'default' })
  namespace!: string;
}

/** What the werkplek needs to know before anyone logs in. */
export class WebSettingsDto {
  @ApiPropertyOptional({
    type: OidcSettingsDto,
    description: 'The identity provider to log in with (authorization code with PKCE)',
  })
  oidc?: OidcSettingsDto;

  @ApiProperty({
    description:
      'Whether the local dev login (POST /auth/dev-login) is offered; never in production',
  })
  devLogin!: boolean;

  @ApiPropertyOptional({ type: TemporalUiLinkDto, description: 'Where ops open a workflow' })
  temporalUi?: TemporalUiLinkDto;
}

/** Who to log in as on the local stack: a role and the data scope it works in. */
export class DevLoginDto {
  @ApiProperty({ enum: ROLES, example: 'coordinator' })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ example: 'coord-anna', description: "The user's id (the token's subject)" })
  @IsPersonId()
  sub!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['0957'],
    description: 'CBS gemeentecodes (coordinator, team lead)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsMunicipalityCode({ each: true })
  municipalities?: string[];

  @ApiPropertyOptional({ example: '12345678', description: 'AGB code (provider)' })
  @IsOptional()
  @IsAgbCode()
  agbCode?: string;

  @ApiPropertyOptional({ example: 'vt-limburg', description: 'Organisation (Veilig Thuis, GI)' })
  @IsOptional()
  @IsPersonId()
  organisationId?: string;
}

export class DevLoginResultDto {
  @ApiProperty({ description: 'A bearer access token signed with the dev key' })
  accessToken!: string;

  @ApiProperty({ example: 28800, description: 'Seconds until it expires' })
  expiresIn!: number;
}
