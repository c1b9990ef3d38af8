import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Post,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { mintDevToken } from '../auth/dev-token';
import { principalFromClaims, PrincipalError } from '../auth/principal';
import { DEFAULT_SCOPE_CLAIM } from '../auth/auth.config';
import { ApiBodyRefusals } from '../common/api-docs';
import { ErrorBody } from '../common/error-body';
import { API_CONFIG, type ApiConfig } from '../config';
import { DevLoginDto, DevLoginResultDto, WebSettingsDto } from './dto/web.dto';
import type { WebConfig } from './web.config';

const DEV_TOKEN_SECONDS = 8 * 3600;

/** What the werkplek (apps/web) asks before a user has logged in. */
@ApiTags('werkplek')
@ApiBodyRefusals()
@Public()
@Controller('auth')
export class WebController {
  private readonly web: WebConfig;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.web = config.web;
  }

  /** How to log in: the identity provider, whether the dev login is on, the Temporal UI. */
  @Get('config')
  @ApiOkResponse({ type: WebSettingsDto })
  settings(): WebSettingsDto {
    return {
      ...(this.web.oidc ? { oidc: { ...this.web.oidc } } : {}),
      devLogin: this.web.devLoginKeyFile !== undefined,
      ...(this.web.temporalUi ? { temporalUi: { ...this.web.temporalUi } } : {}),
    };
  }

  /**
   * The local stack's login: a token for the chosen role and data scope, signed with the dev
   * key. 404 unless the stack configured it (DEV_LOGIN_KEY_FILE; never in production).
   */
  @Post('dev-login')
  @HttpCode(200)
  @ApiOkResponse({ type: DevLoginResultDto })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'A role with a scope it cannot have' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No dev login on this API' })
  async devLogin(@Body() body: DevLoginDto): Promise<DevLoginResultDto> {
    const keyFile = this.web.devLoginKeyFile;
    if (!keyFile) throw new NotFoundException('There is no dev login here');
    const dataScope = [
      ...(body.municipalities ?? []).map((code) => `municipality:${code}`),
      ...(body.agbCode ? [`agb:${body.agbCode}`] : []),
      ...(body.organisationId ? [`org:${body.organisationId}`] : []),
    ];
    try {
      principalFromClaims({ sub: body.sub, role: body.role, [DEFAULT_SCOPE_CLAIM]: dataScope });
    } catch (error) {
      if (error instanceof PrincipalError) throw new BadRequestException(error.message);
      throw error;
    }
    const accessToken = await mintDevToken(keyFile, {
      role: body.role,
      sub: body.sub,
      dataScope,
      ttlSeconds: DEV_TOKEN_SECONDS,
    });
    return { accessToken, expiresIn: DEV_TOKEN_SECONDS };
  }
}
