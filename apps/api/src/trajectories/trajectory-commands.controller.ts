import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandType } from '@cjg/domain';
import { ApiProtected } from '../common/api-docs';
import { PathParam } from '../common/path-params';
import { CallerOf, type Caller } from '../idempotency/idempotency.interceptor';
import { CommandRoute } from '../processes/process-routes';
import {
  AgreeResultsDto,
  AnswerQuestionnaireDto,
  AnswerReassessmentDto,
  AnswerThreeMonthCheckDto,
  DecideCoordinationDto,
  DecideDivergenceDto,
  IssueBeschikkingDto,
  ReassignCoordinatorDto,
  RecordEndEvaluationDto,
  RecordProviderIntakeDto,
  RecordReviewDto,
  RecordVerdagingDto,
  ReferToProviderDto,
  ReportEvaluationDto,
  RequestEndEvaluationDto,
  StartZorgDto,
  StopZorgDto,
  WithdrawDto,
  CloseWithAdviceDto,
  RejectRequestDto,
  MarkDrangDto,
  SignOffPlanDto,
} from './dto/commands.dto';
import { CASE_VIEW_RESPONSE } from './dto/trajectory.dto';
import { TRAJECTORY_ACCESS } from './trajectory.access';
import { TrajectoriesService } from './trajectories.service';

/** The `:caseNumber` of a trajectory. */
const CaseNumber = () => PathParam('caseNumber');

/**
 * A trajectory command route: the command's roles (COMMAND_ROLES), its audit action
 * `command:<type>`, its documentation, and the answers every trajectory command gives.
 */
const TrajectoryCommand = (type: CommandType, summary: string) =>
  CommandRoute(TRAJECTORY_ACCESS, type, {
    operationId: type,
    summary,
    description: `Roles: ${TRAJECTORY_ACCESS.commandRoles[type].join(', ')}. Gives the \`${type}\` update to the trajectory workflow.`,
    audit: `command:${type}`,
    ok: {
      ...CASE_VIEW_RESPONSE,
      description: 'Accepted: the state after the command, as this caller may see it',
    },
    notFound: 'No trajectory with this case number',
    conflict: 'Refused in this phase or state; nothing changed',
    unprocessable:
      'Refused: the data does not fit the case, or the Idempotency-Key was used for another request',
  });

/**
 * The command endpoints of a trajectory, one per command that someone may give through the API
 * (`requestReassessment` comes from the ops batch only), each named after its command
 * (`recordReview` → `record-review`) as the Temporal UI names its update. Each answers the state
 * after the command as this caller may see it; a retry with the same Idempotency-Key answers the
 * same without a second effect. The roles are COMMAND_ROLES (trajectory.access.ts).
 */
@ApiTags('trajectory commands')
@ApiProtected()
@Controller('trajectories')
export class TrajectoryCommandsController {
  constructor(private readonly trajectories: TrajectoriesService) {}

  @Post(':caseNumber/agree-results')
  @TrajectoryCommand(
    'agreeResults',
    'Agree the results with the family: plan deel 1 (002 §3.5 step 2)',
  )
  agreeResults(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: AgreeResultsDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'agreeResults', body);
  }

  @Post(':caseNumber/refer-to-provider')
  @TrajectoryCommand(
    'referToProvider',
    'Refer the family to a provider (verwijzing); it may then record its intake',
  )
  referToProvider(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: ReferToProviderDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'referToProvider', body);
  }

  @Post(':caseNumber/record-provider-intake')
  @TrajectoryCommand(
    'recordProviderIntake',
    'Record a provider intake: plan deel 2 (002 §3.5 step 3)',
  )
  recordProviderIntake(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: RecordProviderIntakeDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'recordProviderIntake', body);
  }

  @Post(':caseNumber/decide-divergence')
  @TrajectoryCommand(
    'decideDivergence',
    'Accept or refuse a provider intake that asks for more or other care',
  )
  decideDivergence(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: DecideDivergenceDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'decideDivergence', body);
  }

  @Post(':caseNumber/issue-beschikking')
  @TrajectoryCommand(
    'issueBeschikking',
    'Issue the beschikking: ZIN toewijzing or PGB toekenning (000)',
  )
  issueBeschikking(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: IssueBeschikkingDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'issueBeschikking', body);
  }

  @Post(':caseNumber/record-verdaging')
  @TrajectoryCommand('recordVerdaging', 'Postpone the Awb decision date (verdaging, Awb 4:14)')
  recordVerdaging(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: RecordVerdagingDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'recordVerdaging', body);
  }

  @Post(':caseNumber/decide-coordination')
  @TrajectoryCommand(
    'decideCoordination',
    'Decide per case whether the CJG coordinates and follows up (001)',
  )
  decideCoordination(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: DecideCoordinationDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'decideCoordination', body);
  }

  @Post(':caseNumber/record-review')
  @TrajectoryCommand(
    'recordReview',
    'Record an interim review (tussentijdse evaluatie, at least half-yearly)',
  )
  recordReview(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: RecordReviewDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'recordReview', body);
  }

  @Post(':caseNumber/request-end-evaluation')
  @TrajectoryCommand(
    'requestEndEvaluation',
    'Ask for the end evaluation before the beschikking ends',
  )
  requestEndEvaluation(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: RequestEndEvaluationDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'requestEndEvaluation', body);
  }

  @Post(':caseNumber/record-end-evaluation')
  @TrajectoryCommand(
    'recordEndEvaluation',
    'Record the end evaluation: close, verlenging or vervolgtraject',
  )
  recordEndEvaluation(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: RecordEndEvaluationDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'recordEndEvaluation', body);
  }

  @Post(':caseNumber/withdraw')
  @TrajectoryCommand(
    'withdraw',
    'Withdraw the trajectory (the request is withdrawn or the family moved)',
  )
  withdraw(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: WithdrawDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'withdraw', body);
  }

  @Post(':caseNumber/close-with-advice')
  @TrajectoryCommand(
    'closeWithAdvice',
    'End the intake with advice: no specialised care needed (the family gets it in writing)',
  )
  closeWithAdvice(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: CloseWithAdviceDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'closeWithAdvice', body);
  }

  @Post(':caseNumber/reject-request')
  @TrajectoryCommand(
    'rejectRequest',
    'Afwijzing: refuse the request, a decision with its motivation and how to object',
  )
  rejectRequest(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: RejectRequestDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'rejectRequest', body);
  }

  @Post(':caseNumber/sign-off-plan')
  @TrajectoryCommand(
    'signOffPlan',
    'A registered BPP or gedragswetenschapper signs off plan deel 1 (002 §3.4); needed before the beschikking',
  )
  signOffPlan(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: SignOffPlanDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'signOffPlan', body);
  }

  @Post(':caseNumber/mark-drang')
  @TrajectoryCommand(
    'markDrang',
    'Register the case as drang (002 §3.6): since when, from where, why',
  )
  markDrang(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: MarkDrangDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'markDrang', body);
  }

  @Post(':caseNumber/report-evaluation')
  @TrajectoryCommand('reportEvaluation', "A provider's evaluation is complete (interim or end)")
  reportEvaluation(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: ReportEvaluationDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'reportEvaluation', body);
  }

  @Post(':caseNumber/start-zorg')
  @TrajectoryCommand('startZorg', 'A provider started the care (start zorg)')
  startZorg(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: StartZorgDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'startZorg', body);
  }

  @Post(':caseNumber/stop-zorg')
  @TrajectoryCommand('stopZorg', 'A provider stopped the care, with its JZ588 reason (stop zorg)')
  stopZorg(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: StopZorgDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'stopZorg', body);
  }

  @Post(':caseNumber/answer-three-month-check')
  @TrajectoryCommand(
    'answerThreeMonthCheck',
    "Record the client's answer to the 3-month check (004)",
  )
  answerThreeMonthCheck(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: AnswerThreeMonthCheckDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'answerThreeMonthCheck', body);
  }

  @Post(':caseNumber/answer-questionnaire')
  @TrajectoryCommand(
    'answerQuestionnaire',
    "Record the client's rating (1-5) in a client-experience questionnaire",
  )
  answerQuestionnaire(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: AnswerQuestionnaireDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'answerQuestionnaire', body);
  }

  @Post(':caseNumber/answer-reassessment')
  @TrajectoryCommand(
    'answerReassessment',
    "Record the coordinator's re-assessment: is follow-up still needed (001)",
  )
  answerReassessment(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: AnswerReassessmentDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'answerReassessment', body);
  }

  @Post(':caseNumber/reassign-coordinator')
  @TrajectoryCommand('reassignCoordinator', 'Move the case to another coordinator (team lead)')
  reassignCoordinator(
    @CallerOf() caller: Caller,
    @CaseNumber() caseNumber: string,
    @Body() body: ReassignCoordinatorDto,
  ) {
    return this.trajectories.command(caller, caseNumber, 'reassignCoordinator', body);
  }
}
