import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { problem } from '@cjg/domain';
import { CodedRule } from '../../common/validation';

/** Payloads the UI may send in one call (a history event has a handful; a batch view more). */
export const CODEC_MAX_PAYLOADS = 1000;

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** A base64 string (protobuf JSON of `bytes`: standard or URL-safe alphabet). */
const IsBase64Bytes = () =>
  CodedRule('isBase64Bytes', (value) =>
    typeof value === 'string' && BASE64.test(value)
      ? undefined
      : problem('invalid-format', '$property must be base64'),
  );

/** Every value of the metadata map is base64 (protobuf JSON of `map<string, bytes>`). */
const IsBase64Map = () =>
  CodedRule('isBase64Map', (value) =>
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((entry) => typeof entry === 'string' && BASE64.test(entry))
      ? undefined
      : problem('invalid-format', '$property must map names to base64 strings'),
  );

/** One `temporal.api.common.v1.Payload` in protobuf JSON: bytes as base64. */
export class CodecPayloadDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', format: 'byte' },
    example: { encoding: 'YmluYXJ5L2VuY3J5cHRlZA==', 'encryption-key-id': 'azIwMjY=' },
    description: 'Metadata, each value base64',
  })
  @IsOptional()
  @IsObject()
  @IsBase64Map()
  metadata?: Record<string, string>;

  @ApiPropertyOptional({ type: 'string', format: 'byte', description: 'Data, base64' })
  @IsOptional()
  @IsBase64Bytes()
  data?: string;
}

/** `temporal.api.common.v1.Payloads` in protobuf JSON: the body and answer of both routes. */
export class CodecPayloadsDto {
  @ApiProperty({ type: [CodecPayloadDto] })
  @IsArray()
  @ArrayMaxSize(CODEC_MAX_PAYLOADS)
  @ValidateNested({ each: true })
  @Type(() => CodecPayloadDto)
  payloads!: CodecPayloadDto[];
}
