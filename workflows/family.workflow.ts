import {
  condition,
  continueAsNew,
  log,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { FamilyIdKey, SamenloopKey } from '@cjg/temporal';
import type { TrajectoryActivities } from '../activities';
import { LETTER_OPTIONS } from './activity-options';
import {
  familyCareChangedSignal,
  familyStateQuery,
  type FamilyCareReport,
  type FamilyState,
} from './trajectory.definitions';

const letters = proxyActivities<TrajectoryActivities>(LETTER_OPTIONS);

/** Signals a family run takes before it continues as new. */
const REPORTS_PER_RUN = 200;

/** Distinct providers active in the family's open trajectories. */
export function familyProviders(state: FamilyState): string[] {
  return [...new Set(Object.values(state.cases).flatMap((c) => c.activeAgbCodes))].sort();
}

/**
 * One family (1Gezin1Plan), id `family-<familyId>`: its trajectories report their active
 * providers here, and when three or more providers are active at once (samenloop, 004) the
 * family is flagged and the coordinators of all its trajectories are told. Started by the first
 * report (signal-with-start); it ends when no trajectory of the family has active care.
 */
export async function familyWorkflow(
  familyId: string,
  resumed?: FamilyState,
): Promise<FamilyState> {
  const state: FamilyState = resumed ?? {
    familyId,
    cases: {},
    samenloop: false,
    threshold: 3,
    letterSequence: 0,
    alerts: 0,
  };
  let reports = 0;
  let pending = 0;

  setHandler(familyStateQuery, () => state);
  setHandler(familyCareChangedSignal, (report: FamilyCareReport) => {
    reports += 1;
    pending += 1;
    const known = state.cases[report.caseNumber];
    if (known && known.revision >= report.revision) return; // a late, older report
    state.threshold = report.threshold;
    if (report.activeAgbCodes.length === 0) delete state.cases[report.caseNumber];
    else {
      state.cases[report.caseNumber] = {
        coordinatorId: report.coordinatorId,
        activeAgbCodes: report.activeAgbCodes,
        revision: report.revision,
      };
    }
  });

  for (;;) {
    await condition(() => pending > 0);
    pending = 0;
    const providers = familyProviders(state);
    const samenloop = providers.length >= state.threshold;
    if (samenloop !== state.samenloop) {
      state.samenloop = samenloop;
      upsertSearchAttributes([
        { key: FamilyIdKey, value: familyId },
        { key: SamenloopKey, value: samenloop },
      ]);
      if (samenloop) {
        state.alerts += 1;
        state.letterSequence += 1;
        const coordinators = [...new Set(Object.values(state.cases).map((c) => c.coordinatorId))];
        try {
          await letters.sendLetter({
            workflowId: workflowInfo().workflowId,
            sequence: state.letterSequence,
            kind: 'samenloop-alert',
            to: coordinators.map((id) => ({ role: 'coordinator' as const, id })),
            facts: {
              familyId,
              providers: providers.length,
              caseNumbers: Object.keys(state.cases).sort().join(', '),
            },
          });
        } catch (error) {
          log.warn('samenloop alert failed', { error: String(error) });
        }
      }
    }
    if (Object.keys(state.cases).length === 0 && pending === 0) return state;
    if (reports >= REPORTS_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await condition(() => pending === 0);
      return await continueAsNew<typeof familyWorkflow>(familyId, state);
    }
  }
}
