import { isValidCaseNumber } from './case-number';
import { isValidPersonId } from './ids';
import { isValidMunicipalityCode } from './municipality';

/**
 * The phases of a toegang trajectory (002 §3.5, 001). The skeleton only reaches `intake`; the
 * trajectory issue adds the transitions between them.
 */
export const TRAJECTORY_PHASES = [
  'intake',
  'results-agreed',
  'provider-intake',
  'beschikking',
  'monitoring',
  'end-evaluation',
  'closed',
  'withdrawn',
] as const;

export type TrajectoryPhase = (typeof TRAJECTORY_PHASES)[number];

/** What the API hands a new trajectory: ids only, never personal data. */
export interface TrajectoryInput {
  caseNumber: string;
  /** CBS gemeentecode of the municipality on whose behalf the CJG grants access. */
  municipalityCode: string;
  coordinatorId: string;
  clientId: string;
}

/** The state a trajectory workflow answers to its `state` query. */
export interface TrajectoryState {
  caseNumber: string;
  municipalityCode: string;
  coordinatorId: string;
  clientId: string;
  phase: TrajectoryPhase;
  /** ISO instant the trajectory started (the request for help was registered). */
  startedAt: string;
  /** Whether the "intake registered" letter to the coordinator has gone out. */
  intakeLetterSent: boolean;
}

/**
 * Every reason the input cannot start a trajectory; empty when it can. The API validates first
 * and answers 400; the workflow checks again so that no other client can start a malformed case.
 */
export function trajectoryInputProblems(input: TrajectoryInput): string[] {
  const problems: string[] = [];
  if (!isValidCaseNumber(input.caseNumber)) problems.push('caseNumber is not a valid case number');
  if (!isValidMunicipalityCode(input.municipalityCode)) {
    problems.push('municipalityCode must be a four-digit CBS gemeentecode');
  }
  if (!isValidPersonId(input.coordinatorId)) problems.push('coordinatorId is not a valid id');
  if (!isValidPersonId(input.clientId)) problems.push('clientId is not a valid id');
  return problems;
}
