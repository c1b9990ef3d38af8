import { Module } from '@nestjs/common';
import { TrajectoriesController } from './trajectories.controller';
import { TrajectoriesService } from './trajectories.service';

@Module({
  controllers: [TrajectoriesController],
  providers: [TrajectoriesService],
  exports: [TrajectoriesService],
})
export class TrajectoriesModule {}
