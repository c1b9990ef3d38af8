import type { SearchAttributeUpdatePair } from '@temporalio/common';
import {
  CaseKindKey,
  CaseNumberKey,
  CoordinatedKey,
  CoordinatorIdKey,
  FamilyIdKey,
  MunicipalityCodeKey,
  NextDueAtKey,
  OrganisationIdKey,
  OverdueKey,
  ProcessStatusKey,
  ProviderAgbCodesKey,
  TrajectoryPhaseKey,
} from '@cjg/temporal';

/**
 * What ops find a case by in the Temporal Web UI (libs/temporal/src/search-attributes.ts): ids
 * and codes only. A field left out is left as it is; `null` clears it.
 */
export interface CaseSearch {
  /** Which process (`CaseKind`); the trajectory's is set when it starts. */
  caseKind?: string;
  caseNumber?: string;
  municipalityCode?: string;
  /** The trajectory's phase (`TrajectoryPhase`). */
  phase?: string;
  /** The step a handover, transfer or VTO is in (`ProcessStatus`). */
  status?: string;
  coordinatorId?: string;
  familyId?: string;
  /** The partner organisation it is about or waits for. */
  organisationId?: string | null;
  providerAgbCodes?: string[];
  coordinated?: boolean;
}

/**
 * The search attributes of a case: what every case has (its municipality, coordinator and family,
 * from its state), what its process adds, whether it is overdue and when its next step is due.
 */
export function caseSearchAttributes(
  search: CaseSearch & { overdue: boolean; nextDue: { at: string } | undefined },
): SearchAttributeUpdatePair[] {
  const pairs: Array<[SearchAttributeUpdatePair['key'], unknown]> = [
    [CaseKindKey, search.caseKind],
    [CaseNumberKey, search.caseNumber],
    [MunicipalityCodeKey, search.municipalityCode],
    [TrajectoryPhaseKey, search.phase],
    [ProcessStatusKey, search.status],
    [CoordinatorIdKey, search.coordinatorId],
    [FamilyIdKey, search.familyId],
    [OrganisationIdKey, search.organisationId],
    [ProviderAgbCodesKey, search.providerAgbCodes],
    [CoordinatedKey, search.coordinated],
    [OverdueKey, search.overdue],
    [NextDueAtKey, search.nextDue ? new Date(search.nextDue.at) : null],
  ];
  return pairs
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ key, value }) as SearchAttributeUpdatePair);
}
