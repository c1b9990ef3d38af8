import { Module } from '@nestjs/common';
import { SchakeloverlegController } from './schakeloverleg.controller';
import { API_CONFIG, type ApiConfig } from '../config';
import { SCHAKELOVERLEG_CONFIG } from './schakeloverleg.config';
import { SchakeloverlegService } from './schakeloverleg.service';

/** Schakeloverleg transfers (000): `/transfers`. Its settings come from `CJG_SCHAKELOVERLEG`. */
@Module({
  controllers: [SchakeloverlegController],
  providers: [
    SchakeloverlegService,
    // Checked at boot with the rest of the configuration (config.ts).
    {
      provide: SCHAKELOVERLEG_CONFIG,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => config.schakeloverleg,
    },
  ],
})
export class SchakeloverlegModule {}
