import { Module } from '@nestjs/common';
import { SchakeloverlegController } from './schakeloverleg.controller';
import { SCHAKELOVERLEG_CONFIG, schakeloverlegConfigFromEnv } from './schakeloverleg.config';
import { SchakeloverlegService } from './schakeloverleg.service';

/** Schakeloverleg transfers (000): `/transfers`. Its settings come from `CJG_SCHAKELOVERLEG`. */
@Module({
  controllers: [SchakeloverlegController],
  providers: [
    SchakeloverlegService,
    // Read once at boot: a malformed value stops the API with a message naming the variable.
    { provide: SCHAKELOVERLEG_CONFIG, useFactory: () => schakeloverlegConfigFromEnv(process.env) },
  ],
})
export class SchakeloverlegModule {}
