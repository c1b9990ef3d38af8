import { Module } from '@nestjs/common';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

/** Destruction of personal data on request (Jeugdwet 7.3.9); the sweep runs in the worker. */
@Module({ controllers: [RetentionController], providers: [RetentionService] })
export class RetentionModule {}
