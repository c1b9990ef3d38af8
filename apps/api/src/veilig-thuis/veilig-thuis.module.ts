import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/registry.module';
import { VeiligThuisController } from './veilig-thuis.controller';
import { API_CONFIG, type ApiConfig } from '../config';
import { VEILIG_THUIS_POLICY, VeiligThuisService } from './veilig-thuis.service';

/** The Veilig Thuis warm handover (002 §3.6, §5.6): `/handovers` and `/handover-leads`. */
@Module({
  imports: [RegistryModule],
  controllers: [VeiligThuisController],
  providers: [
    VeiligThuisService,
    // Checked at boot with the rest of the configuration (config.ts).
    {
      provide: VEILIG_THUIS_POLICY,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => config.veiligThuisPolicy,
    },
  ],
})
export class VeiligThuisModule {}
