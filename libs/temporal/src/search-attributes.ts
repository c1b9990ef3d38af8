import {
  defineSearchAttributeKey,
  SearchAttributeType,
  type SearchAttributePair,
} from '@temporalio/common';
import type { temporal } from '@temporalio/proto';

/** A search attribute's name and type (the SDK's key type is not exported from its index). */
export interface SearchAttributeDefinition {
  name: string;
  type: SearchAttributeType;
}

/** temporal.api.enums.v1.IndexedValueType, by the SDK's type names. */
const INDEXED_VALUE_TYPE: Record<SearchAttributeType, temporal.api.enums.v1.IndexedValueType> = {
  TEXT: 1,
  KEYWORD: 2,
  INT: 3,
  DOUBLE: 4,
  BOOL: 5,
  DATETIME: 6,
  KEYWORD_LIST: 7,
};

/**
 * The custom search attributes ops staff use in the Temporal Web UI to find a case: by case number,
 * municipality, phase, coordinator, provider and due date. Ids and codes only, never personal data.
 */
export const CaseNumberKey = defineSearchAttributeKey('CaseNumber', SearchAttributeType.KEYWORD);
export const MunicipalityCodeKey = defineSearchAttributeKey(
  'MunicipalityCode',
  SearchAttributeType.KEYWORD,
);
export const TrajectoryPhaseKey = defineSearchAttributeKey(
  'TrajectoryPhase',
  SearchAttributeType.KEYWORD,
);
export const CoordinatorIdKey = defineSearchAttributeKey(
  'CoordinatorId',
  SearchAttributeType.KEYWORD,
);
export const ProviderAgbCodesKey = defineSearchAttributeKey(
  'ProviderAgbCodes',
  SearchAttributeType.KEYWORD_LIST,
);
export const FamilyIdKey = defineSearchAttributeKey('FamilyId', SearchAttributeType.KEYWORD);
export const CoordinatedKey = defineSearchAttributeKey('Coordinated', SearchAttributeType.BOOL);
/** The earliest deadline the workflow waits for (review, check, Awb decision, reminder). */
export const NextDueAtKey = defineSearchAttributeKey('NextDueAt', SearchAttributeType.DATETIME);
export const OverdueKey = defineSearchAttributeKey('Overdue', SearchAttributeType.BOOL);
/** On family workflows: three or more providers active at once (004). */
export const SamenloopKey = defineSearchAttributeKey('Samenloop', SearchAttributeType.BOOL);

/**
 * Which process a workflow runs: `trajectory`, `family`, `veilig-thuis-handover`,
 * `schakeloverleg-transfer`, `vto`, `reassessment-batch`, `retention`. Ops filter on it first.
 */
export const CaseKindKey = defineSearchAttributeKey('CaseKind', SearchAttributeType.KEYWORD);

/**
 * What a trajectory is searchable by from its start, before its first change: every starter (the
 * API, a handover or transfer starting the linked trajectory, the benchmarks and the recorder)
 * sets the same, so each starts the same run.
 */
export function trajectoryStartSearchAttributes(trajectory: {
  caseNumber: string;
  municipalityCode: string;
  coordinatorId: string;
  familyId: string;
}): SearchAttributePair[] {
  return [
    { key: CaseKindKey, value: 'trajectory' },
    { key: CaseNumberKey, value: trajectory.caseNumber },
    { key: MunicipalityCodeKey, value: trajectory.municipalityCode },
    { key: CoordinatorIdKey, value: trajectory.coordinatorId },
    { key: FamilyIdKey, value: trajectory.familyId },
    { key: TrajectoryPhaseKey, value: 'intake' },
  ];
}
/** The step a handover, transfer or VTO is in (the trajectory keeps `TrajectoryPhase`). */
export const ProcessStatusKey = defineSearchAttributeKey(
  'ProcessStatus',
  SearchAttributeType.KEYWORD,
);
/** The partner organisation of a handover or transfer (Veilig Thuis, a GI). */
export const OrganisationIdKey = defineSearchAttributeKey(
  'OrganisationId',
  SearchAttributeType.KEYWORD,
);

/**
 * On Schakeloverleg transfers: the client it is about. A transfer has no row in PostgreSQL, so
 * this is how the registry finds that a client has a transfer in a coordinator's municipality.
 */
export const ClientIdKey = defineSearchAttributeKey('ClientId', SearchAttributeType.KEYWORD);

export const CJG_SEARCH_ATTRIBUTES: readonly SearchAttributeDefinition[] = [
  CaseNumberKey,
  MunicipalityCodeKey,
  TrajectoryPhaseKey,
  CoordinatorIdKey,
  ProviderAgbCodesKey,
  FamilyIdKey,
  CoordinatedKey,
  NextDueAtKey,
  OverdueKey,
  SamenloopKey,
  CaseKindKey,
  ProcessStatusKey,
  OrganisationIdKey,
  ClientIdKey,
];

/** The part of a Temporal `Connection` that registers search attributes. */
export interface OperatorServiceLike {
  operatorService: {
    listSearchAttributes(
      request: temporal.api.operatorservice.v1.IListSearchAttributesRequest,
    ): Promise<temporal.api.operatorservice.v1.IListSearchAttributesResponse>;
    addSearchAttributes(
      request: temporal.api.operatorservice.v1.IAddSearchAttributesRequest,
    ): Promise<temporal.api.operatorservice.v1.IAddSearchAttributesResponse>;
  };
}

/**
 * Registers the search attributes that are missing in the namespace and returns their names.
 * Safe to run at every start: attributes already present are left alone. A present attribute of
 * another type is an error an operator must resolve, so it throws.
 */
export async function ensureSearchAttributes(
  connection: OperatorServiceLike,
  namespace: string,
  keys: readonly SearchAttributeDefinition[] = CJG_SEARCH_ATTRIBUTES,
): Promise<string[]> {
  let present: Record<string, temporal.api.enums.v1.IndexedValueType> | undefined;
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    present = existing.customAttributes ?? {};
  } catch (error) {
    // Temporal's Java test server implements adding search attributes but not listing them.
    if (grpcCode(error) !== GRPC_UNIMPLEMENTED) throw error;
  }
  const missing: Record<string, temporal.api.enums.v1.IndexedValueType> = {};
  for (const key of keys) {
    const wanted = INDEXED_VALUE_TYPE[key.type];
    const current = present?.[key.name];
    if (current === undefined || current === null) {
      missing[key.name] = wanted;
    } else if (current !== wanted) {
      throw new Error(
        `Search attribute ${key.name} exists in namespace ${namespace} with another type (${current}, wanted ${wanted})`,
      );
    }
  }
  const names = Object.keys(missing);
  if (names.length === 0) return names;
  if (present) {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
    return names;
  }
  // Without a list, add one at a time and take "already exists" as done.
  const added: string[] = [];
  for (const name of names) {
    try {
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: { [name]: missing[name] as temporal.api.enums.v1.IndexedValueType },
      });
      added.push(name);
    } catch (error) {
      if (grpcCode(error) !== GRPC_ALREADY_EXISTS) throw error;
    }
  }
  return added;
}

const GRPC_ALREADY_EXISTS = 6;
const GRPC_UNIMPLEMENTED = 12;

function grpcCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}
