import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { Payload } from '@temporalio/common';
import { PayloadDecryptionError } from '@cjg/temporal/connection';
import { API_CONFIG, type ApiConfig } from '../config';
import type { CodecPayloadDto, CodecPayloadsDto } from './dto/codec-payloads.dto';

/**
 * Temporal's remote codec protocol over the API's own payload keys: the Web UI and the CLI send
 * the payloads they show (protobuf JSON) and get them back decoded, or encoded for what they send.
 * Only the configured namespace's keys are known, so a call for another namespace is refused.
 */
@Injectable()
export class CodecService {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  /** The namespace the call is for: `X-Namespace`, or the configured one when absent. */
  namespaceOf(header: string | undefined): string {
    const namespace = header?.trim() || this.config.temporal.namespace;
    if (namespace !== this.config.temporal.namespace) {
      throw new BadRequestException(
        `This codec server has the payload keys of namespace ${this.config.temporal.namespace} only, not of ${namespace}`,
      );
    }
    return namespace;
  }

  async decode(body: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    const codec = this.config.temporal.codec;
    // Without keys (a development stack only) nothing was encrypted: the payloads are as stored.
    if (!codec) return { payloads: body.payloads };
    try {
      return { payloads: (await codec.decode(body.payloads.map(fromJson))).map(toJson) };
    } catch (error) {
      if (error instanceof PayloadDecryptionError) throw new BadRequestException(error.message);
      throw error;
    }
  }

  async encode(body: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    const codec = this.config.temporal.codec;
    if (!codec) return { payloads: body.payloads };
    return { payloads: (await codec.encode(body.payloads.map(fromJson))).map(toJson) };
  }
}

function fromJson(payload: CodecPayloadDto): Payload {
  const metadata: Record<string, Uint8Array> = {};
  for (const [name, value] of Object.entries(payload.metadata ?? {})) {
    metadata[name] = Buffer.from(value, 'base64');
  }
  return { metadata, data: Buffer.from(payload.data ?? '', 'base64') };
}

function toJson(payload: Payload): CodecPayloadDto {
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload.metadata ?? {})) {
    metadata[name] = Buffer.from(value).toString('base64');
  }
  return { metadata, data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64') };
}
