import { Module } from '@nestjs/common';
import { TrajectoriesController } from './trajectories.controller';
import { TrajectoriesService } from './trajectories.service';
import { TrajectoryCommandsController } from './trajectory-commands.controller';

@Module({
  controllers: [TrajectoriesController, TrajectoryCommandsController],
  providers: [TrajectoriesService],
  exports: [TrajectoriesService],
})
export class TrajectoriesModule {}
