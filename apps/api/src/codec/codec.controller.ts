import {
  applyDecorators,
  Body,
  Controller,
  Headers,
  HttpCode,
  HttpStatus,
  Post,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { addAuditDetail, Audited } from '../audit/audit.interceptor';
import { Roles } from '../auth/auth.decorators';
import { ApiProtected } from '../common/api-docs';
import { CodecPayloadsDto } from './dto/codec-payloads.dto';
import { CodecService } from './codec.service';

/**
 * A codec route: 200 with the payloads in order, `done` (decoded or encoded); the namespace they
 * belong to in the X-Namespace header.
 */
const CodecRoute = (path: string, operationId: string, summary: string, done: string) =>
  applyDecorators(
    Post(path),
    HttpCode(HttpStatus.OK),
    ApiOperation({ operationId, summary }),
    ApiHeader({
      name: 'X-Namespace',
      required: false,
      description:
        'The Temporal namespace of the payloads (the Web UI sends it); absent: the configured one. ' +
        'Another namespace is answered 400: this server has its keys only.',
    }),
    ApiOkResponse({ type: CodecPayloadsDto, description: `The payloads, ${done}, in order` }),
  );

/**
 * The codec server of the Temporal Web UI and CLI (Temporal's remote codec protocol): payloads
 * in Temporal are encrypted with the API's payload keys, and ops read them through these routes.
 * Ops only; every decode is in the audit trail (`read:codec-decode`, with the count).
 */
@ApiTags('codec')
@ApiProtected('Only ops read payloads')
@Roles('ops')
@Controller('codec')
export class CodecController {
  constructor(private readonly codec: CodecService) {}

  /** Decrypts payloads as stored in Temporal, for display; plain payloads come back as sent. */
  @CodecRoute('decode', 'decodePayloads', 'Decode payloads (ops, Temporal UI)', 'decoded')
  @Audited('read:codec-decode')
  async decode(
    @Body() body: CodecPayloadsDto,
    @Headers('x-namespace') namespaceHeader: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CodecPayloadsDto> {
    addAuditDetail(res, {
      payloads: body.payloads.length,
      ...(namespaceHeader ? { namespace: namespaceHeader.slice(0, 64) } : {}),
    });
    this.codec.namespaceOf(namespaceHeader);
    return this.codec.decode(body);
  }

  /** Encrypts payloads the UI or CLI is about to send (a signal, a workflow started by hand). */
  @CodecRoute('encode', 'encodePayloads', 'Encode payloads (ops, Temporal UI)', 'encoded')
  async encode(
    @Body() body: CodecPayloadsDto,
    @Headers('x-namespace') namespaceHeader: string | undefined,
  ): Promise<CodecPayloadsDto> {
    this.codec.namespaceOf(namespaceHeader);
    return this.codec.encode(body);
  }
}
