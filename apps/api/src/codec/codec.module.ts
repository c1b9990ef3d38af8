import { Module } from '@nestjs/common';
import { CodecController } from './codec.controller';
import { CodecService } from './codec.service';

/** The codec server for the Temporal Web UI and CLI (docs/operations.md, "Payload encryption"). */
@Module({ controllers: [CodecController], providers: [CodecService] })
export class CodecModule {}
