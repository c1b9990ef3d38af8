import type { CommandType } from '@cjg/domain';
import { COMMAND_ROLES } from '../auth/access';
import type { Role } from '../auth/principal';

export interface CommandRoute {
  type: CommandType;
  /** `POST /trajectories/:caseNumber/<path>` */
  path: string;
  roles: readonly Role[];
  summary: string;
}

/** What each command means, for the OpenAPI document (the Dutch terms are the users' own). */
const SUMMARIES: Record<CommandType, string> = {
  agreeResults: 'Agree the results with the family: plan deel 1 (002 §3.5 step 2)',
  referToProvider: 'Refer the family to a provider (verwijzing); it may then record its intake',
  recordProviderIntake: 'Record a provider intake: plan deel 2 (002 §3.5 step 3)',
  decideDivergence: 'Accept or refuse a provider intake that asks for more or other care',
  issueBeschikking: 'Issue the beschikking: ZIN toewijzing or PGB toekenning (000)',
  recordVerdaging: 'Postpone the Awb decision date (verdaging, Awb 4:14)',
  decideCoordination: 'Decide per case whether the CJG coordinates and follows up (001)',
  recordReview: 'Record an interim review (tussentijdse evaluatie, at least half-yearly)',
  requestEndEvaluation: 'Ask for the end evaluation before the beschikking ends',
  recordEndEvaluation: 'Record the end evaluation: close, verlenging or vervolgtraject',
  withdraw: 'Withdraw the trajectory (the request is withdrawn or the family moved)',
  reportEvaluation: "A provider's evaluation is complete (interim or end)",
  startZorg: 'A provider started the care (start zorg)',
  stopZorg: 'A provider stopped the care, with its JZ588 reason (stop zorg)',
  answerThreeMonthCheck: "Record the client's answer to the 3-month check (004)",
  answerQuestionnaire: "Record the client's rating (1-5) in a client-experience questionnaire",
  requestReassessment: 'Ask for a re-assessment (given by the ops batch only)',
  answerReassessment: "Record the coordinator's re-assessment: is follow-up still needed (001)",
  reassignCoordinator: 'Move the case to another coordinator (team lead)',
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * One endpoint per command that someone may give through the API, named after the command
 * (`recordReview` → `record-review`), as the Temporal UI names its update.
 */
export const COMMAND_ROUTES: readonly CommandRoute[] = (Object.keys(COMMAND_ROLES) as CommandType[])
  .filter((type) => COMMAND_ROLES[type].length > 0)
  .map((type) => ({
    type,
    path: kebab(type),
    roles: COMMAND_ROLES[type],
    summary: SUMMARIES[type],
  }));
