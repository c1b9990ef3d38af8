import { log, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import { placeOnAgenda, VTO_PROCESS, vtoProjectionOf, type AgendaPlacement } from '@cjg/domain';
import type { VtoActivities } from '../activities/vto.activities';
import { LOCAL_PROJECTION_OPTIONS, PROJECTION_OPTIONS } from './activity-options';
import { processWorkflow } from './support/process-runner';
import {
  placedOnAgendaSignal,
  VTO_CASE_KIND,
  vtoCommandUpdates,
  vtoStateQuery,
} from './vto.definitions';

const projection = proxyActivities<VtoActivities>(PROJECTION_OPTIONS);
const localProjection = proxyLocalActivities<VtoActivities>(LOCAL_PROJECTION_OPTIONS);

/**
 * One verzoek tot onderzoek at the Raad voor de Kinderbescherming (002 §3.6), from the
 * coordinator's proposal to the Raad's answer: the process of libs/domain/src/processes/vto, run
 * by the process runner. Besides its commands it takes the `placedOnAgenda` signal of the weekly
 * `beschermingsplein-agenda` run (a request not waiting for the agenda ignores it). Its id is
 * `vto-<caseNumber>`; its history carries ids, codes and dates only.
 */
export const vtoWorkflow = processWorkflow({
  process: VTO_PROCESS,
  invalidInput: 'InvalidVtoInput',
  stateQuery: vtoStateQuery,
  updates: vtoCommandUpdates,
  search: (state) => ({
    caseKind: VTO_CASE_KIND,
    caseNumber: state.caseNumber,
    status: state.status,
    // The partner it waits for: the beschermingsplein while on its agenda, then the Raad.
    organisationId: state.raad?.organisationId ?? state.agenda?.beschermingspleinId ?? null,
  }),
  project: (state, workflowId, _causes, kept) =>
    kept
      ? localProjection.projectVto({ ...vtoProjectionOf(state, workflowId), ...kept })
      : projection.projectVto(vtoProjectionOf(state, workflowId)),
  handlers: ({ state, queue }) =>
    setHandler(placedOnAgendaSignal, (placement: AgendaPlacement) => {
      const placed = placeOnAgenda(state, placement, new Date());
      if (placed.length === 0) {
        log.info('agenda placement ignored', {
          status: state.status,
          agendaId: placement.agendaId,
        });
      }
      queue(placed);
    }),
  opening: 'after-handlers',
  legacy: {
    continuedAtHistoryBound: false,
    continuedWhenEnded: true,
    closing: 'no-last-publish',
  },
});
