import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/registry.module';
import { CaseTextsService } from '../texts/case-texts.service';
import { TrajectoriesController } from './trajectories.controller';
import { TrajectoriesService } from './trajectories.service';
import { TrajectoryCommandsController } from './trajectory-commands.controller';

@Module({
  controllers: [TrajectoriesController, TrajectoryCommandsController],
  imports: [RegistryModule],
  providers: [TrajectoriesService, CaseTextsService],
  exports: [TrajectoriesService],
})
export class TrajectoriesModule {}
