import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/registry.module';
import { CaseTextsService } from '../texts/case-texts.service';
import { CaseRecordsController } from './case-records.controller';
import { CaseRecordsService } from './case-records.service';
import { TrajectoriesController } from './trajectories.controller';
import { TrajectoriesService } from './trajectories.service';
import { TrajectoryCommandsController } from './trajectory-commands.controller';

@Module({
  controllers: [TrajectoriesController, TrajectoryCommandsController, CaseRecordsController],
  imports: [RegistryModule],
  providers: [TrajectoriesService, CaseTextsService, CaseRecordsService],
  exports: [TrajectoriesService],
})
export class TrajectoriesModule {}
