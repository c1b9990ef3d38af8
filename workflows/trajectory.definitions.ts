/**
 * The contract of the trajectory and family workflows shared by the API (client) and the worker:
 * names, queries, updates and signals. Import from here, never from the implementations.
 */
import { defineQuery, defineSignal } from '@temporalio/workflow';
import { COMMAND_FIELDS } from '@cjg/domain';
import type { CommandType, TrajectoryCommand, TrajectoryView } from '@cjg/domain';
import { processContract, type CommandArgsOf } from './command-updates';

export const TRAJECTORY_WORKFLOW_TYPE = 'trajectoryWorkflow';
export const FAMILY_WORKFLOW_TYPE = 'familyWorkflow';

/** What the `state` query answers: the state plus what may happen next (libs/domain). */
export type { TrajectoryView };

/**
 * The `state` query, the commands in the order of COMMAND_FIELDS, and one update per
 * command named after it (`agreeResults`, `recordReview`…): see processContract.
 */
export const {
  stateQuery: trajectoryStateQuery,
  commandTypes: COMMAND_TYPES,
  updates: commandUpdates,
} = processContract<TrajectoryCommand, TrajectoryView>(COMMAND_FIELDS);

export type CommandArgs<T extends CommandType> = CommandArgsOf<TrajectoryCommand, T>;

/** `ApplicationFailure.type` of a command refused by a validator; its details list the reasons. */
export const COMMAND_REFUSED = 'CommandRefused';

// ─────────────────────────────── family (samenloop, 004)

export interface FamilyCareReport {
  caseNumber: string;
  coordinatorId: string;
  /** Providers with care granted and not stopped in this trajectory. */
  activeAgbCodes: string[];
  /** The trajectory's revision: an older report arriving late is ignored. */
  revision: number;
  threshold: number;
}

export interface FamilyState {
  familyId: string;
  cases: Record<string, { coordinatorId: string; activeAgbCodes: string[]; revision: number }>;
  samenloop: boolean;
  threshold: number;
  letterSequence: number;
  /** How often the family crossed into samenloop. */
  alerts: number;
}

export const familyCareChangedSignal = defineSignal<[FamilyCareReport]>('careChanged');
export const familyStateQuery = defineQuery<FamilyState>('family');

export function familyWorkflowId(familyId: string): string {
  return `family-${familyId}`;
}
