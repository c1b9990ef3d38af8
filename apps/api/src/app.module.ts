import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@cjg/persistence';
import { AnswersModule } from './answers/answers.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CodecModule } from './codec/codec.module';
import { HardeningModule } from './common/hardening.module';
import { API_CONFIG, ApiConfigModule, type ApiConfig } from './config';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { ReassessmentsModule } from './reassessments/reassessments.module';
import { FamiliesModule } from './families/families.module';
import { RegistryModule } from './registry/registry.module';
import { ReportsModule } from './reports/reports.module';
import { RetentionModule } from './retention/retention.module';
import { SchakeloverlegModule } from './schakeloverleg/schakeloverleg.module';
import { TemporalModule } from './temporal/temporal.module';
import { TrajectoriesModule } from './trajectories/trajectories.module';
import { VeiligThuisModule } from './veilig-thuis/veilig-thuis.module';
import { VtoModule } from './vto/vto.module';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  /** Called at boot: the configuration is checked here (a bad value stops the API). */
  static forRoot(): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ApiConfigModule.forRoot(),
        TypeOrmModule.forRootAsync({
          inject: [API_CONFIG],
          useFactory: (config: ApiConfig) => ({
            ...dataSourceOptions(config.databaseUrl),
            retryAttempts: 10,
          }),
        }),
        TemporalModule,
        HardeningModule.forRoot(),
        AuthModule,
        AuditModule,
        IdempotencyModule,
        HealthModule,
        CodecModule,
        RegistryModule,
        TrajectoriesModule,
        ReassessmentsModule,
        FamiliesModule,
        AnswersModule,
        ReportsModule,
        RetentionModule,
        SchakeloverlegModule,
        VeiligThuisModule,
        VtoModule,
        WebModule,
      ],
    };
  }
}
