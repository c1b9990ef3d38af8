import { Module } from '@nestjs/common';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { ReassessmentsController } from './reassessments.controller';

@Module({ imports: [TrajectoriesModule], controllers: [ReassessmentsController] })
export class ReassessmentsModule {}
