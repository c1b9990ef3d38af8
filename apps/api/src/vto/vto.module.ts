import { Module } from '@nestjs/common';
import { VtoController } from './vto.controller';
import { VtoService } from './vto.service';

/** Verzoeken tot onderzoek at the Raad voor de Kinderbescherming (002 §3.6). */
@Module({ controllers: [VtoController], providers: [VtoService] })
export class VtoModule {}
