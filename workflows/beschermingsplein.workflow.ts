import {
  ApplicationFailure,
  getExternalWorkflowHandle,
  log,
  proxyActivities,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  agendaIdOf,
  amsterdamDate,
  compareDates,
  isCalendarDate,
  isValidPersonId,
  nextMeetingDate,
  vtoWorkflowId,
  type AgendaPlacement,
} from '@cjg/domain';
import { CaseKindKey, OrganisationIdKey } from '@cjg/temporal';
import type { TrajectoryActivities } from '../activities/trajectory.activities';
import type { VtoActivities } from '../activities/vto.activities';
import { LETTER_OPTIONS, VTO_AGENDA_OPTIONS } from './activity-options';
import {
  BESCHERMINGSPLEIN_AGENDA_CASE_KIND,
  placedOnAgendaSignal,
  type BeschermingspleinAgenda,
  type BeschermingspleinAgendaInput,
} from './vto.definitions';

const lookups = proxyActivities<VtoActivities>(VTO_AGENDA_OPTIONS);
const letters = proxyActivities<TrajectoryActivities>(LETTER_OPTIONS);

export function agendaInputProblems(input: BeschermingspleinAgendaInput, today: string): string[] {
  const problems: string[] = [];
  if (input.meetingDate !== undefined) {
    if (!isCalendarDate(input.meetingDate))
      problems.push('meetingDate must be a calendar date (YYYY-MM-DD)');
    else if (compareDates(input.meetingDate, today) < 0)
      problems.push(`meetingDate must not be before today (${today})`);
  }
  for (const field of ['beschermingspleinId', 'raadId'] as const) {
    const value = input[field];
    if (value !== undefined && (typeof value !== 'string' || !isValidPersonId(value)))
      problems.push(`${field} is not a valid organisation id`);
  }
  return problems;
}

/**
 * The agenda of one weekly beschermingsplein (002 §3.6), run every Tuesday morning by the
 * `beschermingsplein-agenda` schedule for that week's meeting (`nextMeetingDate`).
 *
 * It finds the beschermingsplein and the Raad among the registered partner organisations, takes
 * the VTOs waiting for the agenda from the read model (the parents informed, no decision yet, or
 * held over), tells each VTO it is on the agenda (a signal: each then invites the parents and its
 * coordinator), and sends the agenda, VTO case numbers only, to the beschermingsplein. A VTO whose
 * workflow is gone or closed is left off. The history holds ids and dates only.
 */
export async function beschermingspleinAgendaWorkflow(
  input: BeschermingspleinAgendaInput = {},
): Promise<BeschermingspleinAgenda> {
  const startedAt = new Date().toISOString();
  const today = amsterdamDate(new Date());
  const problems = agendaInputProblems(input, today);
  if (problems.length > 0) {
    throw ApplicationFailure.nonRetryable(problems.join('; '), 'InvalidAgendaInput');
  }
  upsertSearchAttributes([{ key: CaseKindKey, value: BESCHERMINGSPLEIN_AGENDA_CASE_KIND }]);
  const meetingDate = input.meetingDate ?? nextMeetingDate(today);
  const agendaId = agendaIdOf(meetingDate);

  const partners = await lookups.findVtoPartners({
    ...(input.beschermingspleinId ? { beschermingspleinId: input.beschermingspleinId } : {}),
    ...(input.raadId ? { raadId: input.raadId } : {}),
  });
  upsertSearchAttributes([{ key: OrganisationIdKey, value: partners.beschermingspleinId }]);
  const waiting = await lookups.listVtosAwaitingAgenda();

  const placement: AgendaPlacement = { agendaId, meetingDate, ...partners };
  const placed: string[] = [];
  const skipped: string[] = [];
  const signalled = await Promise.all(
    waiting.map((caseNumber) =>
      getExternalWorkflowHandle(vtoWorkflowId(caseNumber))
        .signal(placedOnAgendaSignal, placement)
        .then(
          () => true,
          (error: unknown) => {
            log.warn('VTO left off the agenda', { caseNumber, error: String(error) });
            return false;
          },
        ),
    ),
  );
  waiting.forEach((caseNumber, i) => (signalled[i] ? placed : skipped).push(caseNumber));

  const outcome = await letters.sendLetter({
    workflowId: workflowInfo().workflowId,
    sequence: 1,
    kind: 'vto-agenda',
    to: [{ role: 'organisation', id: partners.beschermingspleinId }],
    // The agenda's reference goes where every letter names its case.
    facts: {
      caseNumber: agendaId,
      meetingDate,
      items: placed.length,
      caseNumbers: placed.join(','),
    },
  });
  const letterDelivered = (outcome.failures ?? []).length === 0;
  if (!letterDelivered) log.warn('the agenda did not reach the beschermingsplein', { agendaId });

  return {
    agendaId,
    meetingDate,
    ...partners,
    placed,
    skipped,
    letterDelivered,
    startedAt,
    finishedAt: new Date().toISOString(),
  };
}
