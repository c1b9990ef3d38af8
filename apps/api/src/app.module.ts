import {
  Global,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@cjg/persistence';
import { RequestLogMiddleware } from './common/request-log.middleware';
import { API_CONFIG, type ApiConfig } from './config';
import { HealthModule } from './health/health.module';
import { ReassessmentsModule } from './reassessments/reassessments.module';
import { RegistryModule } from './registry/registry.module';
import { TemporalModule } from './temporal/temporal.module';
import { TrajectoriesModule } from './trajectories/trajectories.module';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: API_CONFIG, useValue: config }],
      exports: [API_CONFIG],
    };
  }
}

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), retryAttempts: 10 }),
        TemporalModule,
        HealthModule,
        RegistryModule,
        TrajectoriesModule,
        ReassessmentsModule,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLogMiddleware).forRoutes('*path');
  }
}
