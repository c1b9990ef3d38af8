import type { UpdateDefinition } from '@temporalio/common';
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  allowedCommands,
  applyCommand,
  applyDeadline,
  involvedProviders,
  commandProblems,
  commandStateProblems,
  initialState,
  isOpenPhase,
  isOverdue,
  pendingDeadlines,
  projectionOf,
  recordDeliveryFailures,
  summary,
  trajectoryInputProblems,
  type Effect,
  type TrajectoryCommand,
  type TrajectoryInput,
  type TrajectoryState,
} from '@cjg/domain';
import {
  CaseNumberKey,
  CoordinatedKey,
  CoordinatorIdKey,
  FamilyIdKey,
  MunicipalityCodeKey,
  NextDueAtKey,
  OverdueKey,
  ProviderAgbCodesKey,
  TrajectoryPhaseKey,
} from '@cjg/temporal';
import type { TrajectoryActivities } from '../activities';
import { LETTER_OPTIONS, PROJECTION_OPTIONS } from './activity-options';
import { createInflight, refuseCommand } from './support/process-kit';
import {
  COMMAND_TYPES,
  commandUpdates,
  trajectoryStateQuery,
  type CommandResult,
  type TrajectoryView,
} from './trajectory.definitions';

const projection = proxyActivities<TrajectoryActivities>(PROJECTION_OPTIONS);
const letters = proxyActivities<TrajectoryActivities>(LETTER_OPTIONS);

function view(state: TrajectoryState): TrajectoryView {
  return {
    ...state,
    allowedCommands: allowedCommands(state),
    pendingDeadlines: pendingDeadlines(state),
    overdue: isOverdue(state),
  };
}

/**
 * One toegang trajectory, from the registered request for help to its closure (002 §3.5, 001,
 * 004). The rules are pure functions in libs/domain; this workflow decides *when*: it runs each
 * accepted command, wakes at the earliest pending deadline, and hands letters, projections and
 * family reports to activities.
 *
 * Its id is `trajectory-<caseNumber>`; its history carries ids and codes only. A long trajectory
 * continues as new with its whole state once a run's history reaches the policy's bound; the
 * deadlines live in the state, so none is lost across runs.
 */
export async function trajectoryWorkflow(
  input: TrajectoryInput,
  resumed?: TrajectoryState,
): Promise<TrajectoryView> {
  if (!resumed) {
    const problems = trajectoryInputProblems(input);
    if (problems.length > 0) {
      throw ApplicationFailure.nonRetryable(problems.join('; '), 'InvalidTrajectoryInput');
    }
  }
  const state: TrajectoryState = resumed ?? initialState(input, new Date());
  const workflowId = workflowInfo().workflowId;
  const effects: Effect[] = [];
  const inflight = createInflight();
  const { track } = inflight;
  /** What changed since the last projection, for the audit trail (`command:…`, `deadline:…`). */
  const causes: string[] = resumed ? [] : ['start'];

  setHandler(trajectoryStateQuery, () => view(state));
  for (const type of COMMAND_TYPES) {
    // One handler per command; the union of their argument types is too wide to name here.
    const update = commandUpdates[type] as unknown as UpdateDefinition<CommandResult, [object]>;
    setHandler(
      update,
      (args: object) => {
        causes.push(`command:${type}`);
        effects.push(...applyCommand(state, { ...args, type } as TrajectoryCommand, new Date()));
        return view(state);
      },
      {
        validator: (args: object) => {
          const problems = commandProblems(
            state,
            { ...args, type } as TrajectoryCommand,
            new Date(),
          );
          if (problems.length > 0) {
            throw refuseCommand(problems, commandStateProblems(state, type).length > 0);
          }
        },
      },
    );
  }

  /** Starts the activities for the effects, in order, without waiting for them. */
  const runEffects = () => {
    for (const effect of effects.splice(0)) {
      if (effect.type === 'letter') {
        state.letterSequence += 1;
        const sequence = state.letterSequence;
        const sent = letters
          .sendLetter({
            workflowId,
            sequence,
            kind: effect.kind,
            to: effect.to,
            facts: effect.facts,
          })
          .then((outcome) => {
            if (effect.kind === 'intake-registered') {
              state.intakeLetterSent = true;
              state.revision += 1;
              causes.push('letter:intake-registered');
            }
            if ((outcome.failures ?? []).length > 0) causes.push(`undelivered:${effect.kind}`);
            // Older runs' results carry no failures; for them nothing changes here.
            effects.push(
              ...recordDeliveryFailures(
                state,
                effect.kind,
                sequence,
                outcome.failures ?? [],
                new Date(),
              ),
            );
          });
        track(sent, `letter ${effect.kind}`);
      } else {
        track(
          projection.reportFamilyCare({
            familyId: state.familyId,
            caseNumber: state.caseNumber,
            coordinatorId: state.coordinatorId,
            activeAgbCodes: effect.activeAgbCodes,
            revision: state.revision,
            threshold: state.policy.samenloopThreshold,
          }),
          'family report',
        );
      }
    }
  };

  let publishedRevision = 0;
  /** Search attributes, memo and read model follow every change. */
  const publish = () => {
    if (state.revision === publishedRevision) return;
    publishedRevision = state.revision;
    const next = pendingDeadlines(state)[0];
    upsertSearchAttributes([
      { key: CaseNumberKey, value: state.caseNumber },
      { key: MunicipalityCodeKey, value: state.municipalityCode },
      { key: TrajectoryPhaseKey, value: state.phase },
      { key: CoordinatorIdKey, value: state.coordinatorId },
      { key: FamilyIdKey, value: state.familyId },
      { key: ProviderAgbCodesKey, value: involvedProviders(state) },
      { key: CoordinatedKey, value: state.coordination?.coordinate ?? false },
      { key: OverdueKey, value: isOverdue(state) },
      { key: NextDueAtKey, value: next ? new Date(next.at) : null },
    ]);
    upsertMemo({ summary: summary(state) });
    track(
      projection.projectTrajectory(projectionOf(state, workflowId, causes.splice(0))),
      'projection',
    );
  };

  if (!resumed) {
    publish();
    // 002 §3.5 step 1: the coordinator learns a case is theirs.
    effects.push({
      type: 'letter',
      kind: 'intake-registered',
      to: [{ role: 'coordinator', id: state.coordinatorId }],
      facts: { caseNumber: state.caseNumber, municipalityCode: state.municipalityCode },
    });
  }

  while (isOpenPhase(state.phase)) {
    runEffects();
    publish();
    const [next] = pendingDeadlines(state);
    const now = Date.now();
    if (next && Date.parse(next.at) <= now) {
      causes.push(`deadline:${next.kind}`);
      effects.push(...applyDeadline(state, next.kind, new Date()));
      continue;
    }
    const info = workflowInfo();
    if (info.historyLength >= state.policy.maxHistoryEvents || info.continueAsNewSuggested) {
      // Let running handlers and activities finish, so nothing is cut off mid-way.
      await condition(allHandlersFinished);
      await inflight.drain();
      if (effects.length === 0) {
        return await continueAsNew<typeof trajectoryWorkflow>(input, state);
      }
      continue;
    }
    const seen = state.revision;
    await condition(
      () => state.revision !== seen || effects.length > 0,
      next ? Date.parse(next.at) - now : undefined,
    );
  }

  // Closed or withdrawn: the last letters and the final projection go out before the end, and
  // so does a notice about a last letter that could not be delivered.
  runEffects();
  publish();
  await condition(allHandlersFinished);
  await inflight.drain();
  while (effects.length > 0) {
    runEffects();
    publish();
    await inflight.drain();
  }
  return view(state);
}
