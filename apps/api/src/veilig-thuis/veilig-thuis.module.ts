import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/registry.module';
import { VeiligThuisController } from './veilig-thuis.controller';
import {
  VEILIG_THUIS_POLICY,
  VeiligThuisService,
  veiligThuisPolicyFromEnv,
} from './veilig-thuis.service';

/** The Veilig Thuis warm handover (002 §3.6, §5.6): `/handovers` and `/handover-leads`. */
@Module({
  imports: [RegistryModule],
  controllers: [VeiligThuisController],
  providers: [
    VeiligThuisService,
    // Read once at boot: a bad VEILIG_THUIS_POLICY stops the API with a message.
    { provide: VEILIG_THUIS_POLICY, useFactory: () => veiligThuisPolicyFromEnv(process.env) },
  ],
})
export class VeiligThuisModule {}
