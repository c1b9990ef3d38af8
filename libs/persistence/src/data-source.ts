import { DataSource, type DataSourceOptions } from 'typeorm';
import { AnswerTokenUseEntity } from './entities/answer-token-use.entity';
import { AuditEventEntity } from './entities/audit-event.entity';
import { CaseTextEntity } from './entities/case-text.entity';
import { ClientEntity } from './entities/client.entity';
import { ClientCarerEntity } from './entities/client-carer.entity';
import { FamilyEntity } from './entities/family.entity';
import { MunicipalityEntity } from './entities/municipality.entity';
import { PartnerOrganisationEntity } from './entities/partner-organisation.entity';
import { TeamEntity } from './entities/team.entity';
import {
  ClientAnswerEntity,
  TrajectoryBeschikkingEntity,
  TrajectoryCareEntity,
  TrajectoryEvaluationEntity,
  TrajectoryProviderDueEntity,
  TrajectoryReviewEntity,
  TrajectoryToewijzingEntity,
} from './entities/trajectory-details.entity';
import { CoordinatorEntity } from './entities/coordinator.entity';
import { IdempotencyRecordEntity } from './entities/idempotency-record.entity';
import { NotificationLedgerEntity } from './entities/notification-ledger.entity';
import { ProviderEntity } from './entities/provider.entity';
import { TrajectoryEntity } from './entities/trajectory.entity';
import {
  VeiligThuisHandoverEntity,
  VeiligThuisHandoverLeadEntity,
  VeiligThuisHandoverTextEntity,
} from './entities/veilig-thuis-handover.entity';
import { VtoEntity, VtoExplanationEntity } from './entities/vto.entity';
import { InitialSchema1763900000000 } from './migrations/1763900000000-InitialSchema';
import { TrajectoryProcess1763910000000 } from './migrations/1763910000000-TrajectoryProcess';
import { ApiAuditAndIdempotency1763920000000 } from './migrations/1763920000000-ApiAuditAndIdempotency';
import { LetterDelivery1763925000000 } from './migrations/1763925000000-LetterDelivery';
import { AnswerTokens1763930000000 } from './migrations/1763930000000-AnswerTokens';
import { ReadModelReports1763940000000 } from './migrations/1763940000000-ReadModelReports';
import { ReportIndexes1763950000000 } from './migrations/1763950000000-ReportIndexes';
import { PartnerOrganisations1763960000000 } from './migrations/1763960000000-PartnerOrganisations';
import { BackfillArchiveActionDate1763990000000 } from './migrations/1763990000000-BackfillArchiveActionDate';
import { VeiligThuisHandover1763970000000 } from './migrations/1763970000000-VeiligThuisHandover';
import { Vto1763980000000 } from './migrations/1763980000000-Vto';
import { CaseText1764000000000 } from './migrations/1764000000000-CaseText';
import { IdempotencyRecordWorkflow1764100000020 } from './migrations/1764100000020-IdempotencyRecordWorkflow';
import { ReadAudit1764200000050 } from './migrations/1764200000050-ReadAudit';
import { RegistryScope1764200000051 } from './migrations/1764200000051-RegistryScope';
import { PgbReferrals1764300000000 } from './migrations/1764300000000-PgbReferrals';
import { TrajectoryReceivedOn1764300000100 } from './migrations/1764300000100-TrajectoryReceivedOn';
import { TrajectoryIntakeOutcome1764300000200 } from './migrations/1764300000200-TrajectoryIntakeOutcome';
import { LetterRecipientsAndMunicipalityDetails1764400000300 } from './migrations/1764400000300-LetterRecipientsAndMunicipalityDetails';
import { TrajectoryDrang1764400000400 } from './migrations/1764400000400-TrajectoryDrang';
import { Professional1764400000500 } from './migrations/1764400000500-Professional';
import { SamenloopNaming1764400000600 } from './migrations/1764400000600-SamenloopNaming';
import { ClientAnswerThreeRatings1764400000700 } from './migrations/1764400000700-ClientAnswerThreeRatings';
import { TrajectoryProviderDue1764500000100 } from './migrations/1764500000100-TrajectoryProviderDue';
import { ProcessView1764500000200 } from './migrations/1764500000200-ProcessView';
import { ProfessionalEntity } from './entities/professional.entity';

export const ENTITIES = [
  ProfessionalEntity,
  CoordinatorEntity,
  ClientEntity,
  ClientCarerEntity,
  ProviderEntity,
  TrajectoryEntity,
  NotificationLedgerEntity,
  AuditEventEntity,
  IdempotencyRecordEntity,
  MunicipalityEntity,
  TeamEntity,
  FamilyEntity,
  TrajectoryBeschikkingEntity,
  TrajectoryToewijzingEntity,
  TrajectoryReviewEntity,
  TrajectoryEvaluationEntity,
  TrajectoryCareEntity,
  TrajectoryProviderDueEntity,
  ClientAnswerEntity,
  AnswerTokenUseEntity,
  PartnerOrganisationEntity,
  VeiligThuisHandoverEntity,
  VeiligThuisHandoverTextEntity,
  VeiligThuisHandoverLeadEntity,
  VtoEntity,
  VtoExplanationEntity,
  CaseTextEntity,
];
export const MIGRATIONS = [
  InitialSchema1763900000000,
  TrajectoryProcess1763910000000,
  ApiAuditAndIdempotency1763920000000,
  LetterDelivery1763925000000,
  AnswerTokens1763930000000,
  ReadModelReports1763940000000,
  ReportIndexes1763950000000,
  PartnerOrganisations1763960000000,
  VeiligThuisHandover1763970000000,
  Vto1763980000000,
  BackfillArchiveActionDate1763990000000,
  CaseText1764000000000,
  IdempotencyRecordWorkflow1764100000020,
  ReadAudit1764200000050,
  RegistryScope1764200000051,
  PgbReferrals1764300000000,
  TrajectoryReceivedOn1764300000100,
  TrajectoryIntakeOutcome1764300000200,
  LetterRecipientsAndMunicipalityDetails1764400000300,
  TrajectoryDrang1764400000400,
  Professional1764400000500,
  SamenloopNaming1764400000600,
  ClientAnswerThreeRatings1764400000700,
  TrajectoryProviderDue1764500000100,
  ProcessView1764500000200,
];

/** The local stack's database; `npm start` creates it in a project-local cluster. */
export const DEFAULT_DATABASE_URL = 'postgres://cjg@127.0.0.1:54329/cjg_toegang';

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // Schema changes go through reviewed migrations only.
    synchronize: false,
    migrationsRun: false,
    // Fail fast when PostgreSQL is unreachable; callers retry (activities through Temporal).
    connectTimeoutMS: 5000,
    extra: { max: 10 },
  };
}

export function createDataSource(url: string = databaseUrlFromEnv()): DataSource {
  return new DataSource(dataSourceOptions(url));
}
