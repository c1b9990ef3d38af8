import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/registry.module';
import { VtoController } from './vto.controller';
import { VtoService } from './vto.service';

/** Verzoeken tot onderzoek at the Raad voor de Kinderbescherming (002 §3.6). */
@Module({ imports: [RegistryModule], controllers: [VtoController], providers: [VtoService] })
export class VtoModule {}
