import { ApiProperty } from '@nestjs/swagger';
import { CLIENT_QUESTIONS, INTAKE_OUTCOMES, REFERRAL_GROUPS } from '@cjg/persistence';

const PCT = 'in %, one decimal; null when there is nothing to divide by';

/** What every report answers with besides its figures. */
export class ReportEnvelopeDto {
  @ApiProperty({ example: 'waiting-times' })
  report!: string;

  @ApiProperty({ example: '2026-01-01' })
  from!: string;

  @ApiProperty({ example: '2026-12-31' })
  to!: string;

  @ApiProperty({
    type: [String],
    nullable: true,
    example: ['0957', '0983'],
    description: 'The municipalities counted; null: all',
  })
  municipalityCodes!: string[] | null;

  @ApiProperty({ example: '2027-01-04T09:12:00.000Z' })
  generatedAt!: string;
}

// ───────────────────────────────────────────── caseload

export class CaseloadCoordinatorDto {
  @ApiProperty({ example: 'coord-anna' })
  coordinatorId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'team-noord' })
  teamId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Team Noord' })
  teamName!: string | null;

  @ApiProperty({ example: 23, description: 'Open at the end of `to`' })
  open!: number;

  @ApiProperty({ example: 31, description: 'Open at any moment of the period' })
  active!: number;

  @ApiProperty({ example: 9, description: 'Registered in the period' })
  started!: number;

  @ApiProperty({ example: 8, description: 'Closed (ended or withdrawn) in the period' })
  closed!: number;
}

export class CaseloadTeamDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'team-noord',
    description: 'null: no team',
  })
  teamId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Team Noord' })
  teamName!: string | null;

  @ApiProperty({ example: 5, description: 'Coordinators with a trajectory counted here' })
  coordinators!: number;

  @ApiProperty({ example: 112 })
  open!: number;

  @ApiProperty({ example: 150 })
  active!: number;

  @ApiProperty({ example: 41 })
  started!: number;

  @ApiProperty({ example: 38 })
  closed!: number;

  @ApiProperty({ type: Number, nullable: true, example: 22.4 })
  openPerCoordinator!: number | null;
}

export class CaseloadReportDto extends ReportEnvelopeDto {
  @ApiProperty({ example: '2026-12-31', description: 'The day at whose end `open` is counted' })
  asOf!: string;

  @ApiProperty({ type: [CaseloadCoordinatorDto] })
  coordinators!: CaseloadCoordinatorDto[];

  @ApiProperty({ type: [CaseloadTeamDto] })
  teams!: CaseloadTeamDto[];
}

// ───────────────────────────────────────────── waiting times

export class WaitingTimeFiguresDto {
  @ApiProperty({ example: 310, description: 'First beschikking issued in the period' })
  trajectories!: number;

  @ApiProperty({ type: Number, nullable: true, example: 38.2 })
  meanDays!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 35 })
  medianDays!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 61.5 })
  p90Days!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 96 })
  maxDays!: number | null;

  @ApiProperty({ example: 42, description: 'Waited more than 8 weeks (56 days)' })
  overEightWeeks!: number;
}

export class WaitingTimeRowDto extends WaitingTimeFiguresDto {
  @ApiProperty({ example: '0957' })
  municipalityCode!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Roermond' })
  municipalityName!: string | null;
}

export class WaitingTimesReportDto extends ReportEnvelopeDto {
  @ApiProperty({ type: [WaitingTimeRowDto] })
  rows!: WaitingTimeRowDto[];

  @ApiProperty({ type: WaitingTimeFiguresDto, description: 'All municipalities counted together' })
  total!: WaitingTimeFiguresDto;
}

// ───────────────────────────────────────────── referrals

export class ReferralRowDto {
  @ApiProperty({ example: '2026-03', description: '2026-03, 2026-Q1, 2026 or from/to' })
  period!: string;

  @ApiProperty({
    example: '45',
    description: 'JZ020 productcategorie, or `pgb` for a persoonsgebonden budget',
  })
  productCategory!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Jeugdhulp ambulant' })
  productCategoryName!: string | null;

  @ApiProperty({
    example: 57,
    description: 'Toewijzingen and PGB beschikkingen starting in the group',
  })
  referrals!: number;

  @ApiProperty({ example: 51, description: 'Distinct trajectories among them' })
  trajectories!: number;
}

export class ReferralTotalDto {
  @ApiProperty({ example: 640 })
  referrals!: number;

  @ApiProperty({ example: 512 })
  trajectories!: number;
}

export class ReferralsReportDto extends ReportEnvelopeDto {
  @ApiProperty({ enum: REFERRAL_GROUPS, example: 'month' })
  group!: string;

  @ApiProperty({ type: [ReferralRowDto] })
  rows!: ReferralRowDto[];

  @ApiProperty({ type: ReferralTotalDto })
  total!: ReferralTotalDto;
}

// ───────────────────────────────────────────── doelrealisatie

export class GoalFiguresDto {
  @ApiProperty({ example: 120, description: 'End evaluations (with goals) recorded' })
  endEvaluations!: number;

  @ApiProperty({ example: 360 })
  goalsTotal!: number;

  @ApiProperty({ example: 317 })
  goalsReached!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 88.1,
    description: `Doelrealisatie ${PCT}`,
  })
  goalsReachedPct!: number | null;

  @ApiProperty({ example: 84 })
  allGoalsReached!: number;

  @ApiProperty({ type: Number, nullable: true, example: 70, description: PCT })
  allGoalsReachedPct!: number | null;
}

export class GoalAttainmentRowDto extends GoalFiguresDto {
  @ApiProperty({ example: '0957' })
  municipalityCode!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Roermond' })
  municipalityName!: string | null;
}

export class GoalAttainmentReportDto extends ReportEnvelopeDto {
  @ApiProperty({ type: [GoalAttainmentRowDto] })
  rows!: GoalAttainmentRowDto[];

  @ApiProperty({ type: GoalFiguresDto })
  total!: GoalFiguresDto;
}

// ───────────────────────────────────────────── intake outcomes

export class IntakeOutcomeRowDto {
  @ApiProperty({ enum: INTAKE_OUTCOMES, example: 'advice' })
  outcome!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'voorliggend-veld',
    description: 'The advice or the ground of the afwijzing; null for a beschikking or withdrawal',
  })
  code!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'een algemene voorziening in de buurt (het voorliggend veld)',
  })
  label!: string | null;

  @ApiProperty({ example: 14 })
  trajectories!: number;

  @ApiProperty({ type: Number, nullable: true, example: 9.5, description: `Of all, ${PCT}` })
  pctOfAll!: number | null;
}

export class IntakeOutcomesTotalDto {
  @ApiProperty({ example: 148, description: 'Every intake that ended in the period' })
  trajectories!: number;
}

export class IntakeOutcomesReportDto extends ReportEnvelopeDto {
  @ApiProperty({ type: [IntakeOutcomeRowDto] })
  rows!: IntakeOutcomeRowDto[];

  @ApiProperty({ type: IntakeOutcomesTotalDto })
  total!: IntakeOutcomesTotalDto;
}

// ───────────────────────────────────────────── drang

export class DrangFiguresDto {
  @ApiProperty({ example: 4, description: 'Registered as drang in the period' })
  marked!: number;

  @ApiProperty({ example: 11, description: 'Drang trajectories open at the end of the period' })
  openAtEnd!: number;

  @ApiProperty({ example: 3, description: 'Drang trajectories closed in the period' })
  closed!: number;
}

export class DrangRowDto extends DrangFiguresDto {
  @ApiProperty({ example: 'basisvoorziening', description: 'Where the concerns came from' })
  source!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'een basisvoorziening (school, huisarts, kinderopvang, GGD)',
  })
  sourceLabel!: string | null;
}

export class DrangReportDto extends ReportEnvelopeDto {
  @ApiProperty({ type: [DrangRowDto] })
  rows!: DrangRowDto[];

  @ApiProperty({ type: DrangFiguresDto, description: 'Every source together' })
  total!: DrangFiguresDto;
}

// ───────────────────────────────────────────── uitval

export class DropoutRowDto {
  @ApiProperty({ type: String, nullable: true, example: '03', description: 'JZ588 reason' })
  reasonCode!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Levering is eenzijdig beëindigd door cliënt',
  })
  reasonLabel!: string | null;

  @ApiProperty({ example: 12, description: 'Care stops (provider × trajectory)' })
  stops!: number;

  @ApiProperty({ example: 11 })
  trajectories!: number;

  @ApiProperty({ type: Number, nullable: true, example: 6.3, description: `Of all stops, ${PCT}` })
  pctOfAllStops!: number | null;
}

export class DropoutTotalDto {
  @ApiProperty({ example: 190 })
  careStops!: number;

  @ApiProperty({ example: 171 })
  careStopTrajectories!: number;

  @ApiProperty({ example: 151, description: 'JZ588 02, volgens plan' })
  plannedStops!: number;

  @ApiProperty({ example: 39, description: 'Every other reason: uitval' })
  earlyStops!: number;

  @ApiProperty({ example: 37 })
  earlyTrajectories!: number;

  @ApiProperty({ type: Number, nullable: true, example: 20.5, description: PCT })
  earlyStopsPct!: number | null;
}

export class DropoutsReportDto extends ReportEnvelopeDto {
  @ApiProperty({ type: [DropoutRowDto], description: 'Uitval per reason (all but 02)' })
  rows!: DropoutRowDto[];

  @ApiProperty({ type: DropoutTotalDto })
  total!: DropoutTotalDto;
}

// ───────────────────────────────────────────── client ratings

export class ClientRatingFiguresDto {
  @ApiProperty({ enum: CLIENT_QUESTIONS, example: 'questionnaire-end' })
  question!: string;

  @ApiProperty({ example: 80, description: 'Sent to the client in the period' })
  asked!: number;

  @ApiProperty({ example: 52 })
  answered!: number;

  @ApiProperty({ example: 25 })
  noResponse!: number;

  @ApiProperty({ example: 3, description: 'Answer window still open' })
  awaiting!: number;

  @ApiProperty({ type: Number, nullable: true, example: 65, description: PCT })
  responseRatePct!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 4.12,
    description: 'Questionnaires: mean rating 1–5 of the help, two decimals',
  })
  meanRating!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 4.3,
    description: 'Questionnaires: mean rating 1–5 of the CJG (004), over the answers giving one',
  })
  meanRatingCjg!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 4.6,
    description:
      'Questionnaires: mean rating 1–5 of the coordinator (004), over the answers giving one',
  })
  meanRatingCoordinator!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 84.6,
    description: `3-month check: answers saying the care fits, ${PCT}`,
  })
  fittingPct!: number | null;
}

export class ClientRatingRowDto extends ClientRatingFiguresDto {
  @ApiProperty({ example: '0957' })
  municipalityCode!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Roermond' })
  municipalityName!: string | null;
}

export class ClientRatingsReportDto extends ReportEnvelopeDto {
  @ApiProperty({ type: [ClientRatingRowDto] })
  rows!: ClientRatingRowDto[];

  @ApiProperty({ type: [ClientRatingFiguresDto], description: 'Per question, all together' })
  total!: ClientRatingFiguresDto[];
}

// ───────────────────────────────────────────── overdue

export class OverdueFiguresDto {
  @ApiProperty({ example: 410, description: 'Open trajectories now' })
  open!: number;

  @ApiProperty({ example: 31, description: 'Open and overdue now' })
  overdue!: number;

  @ApiProperty({ example: 4, description: 'No beschikking within the Awb term' })
  beschikkingOverdue!: number;

  @ApiProperty({ example: 22 })
  reviewOverdue!: number;

  @ApiProperty({ example: 5 })
  endEvaluationOverdue!: number;

  @ApiProperty({ example: 260, description: 'Reviews recorded in the period' })
  reviewsRecorded!: number;

  @ApiProperty({ example: 40, description: 'Of which after they were due' })
  reviewsRecordedLate!: number;

  @ApiProperty({ type: Number, nullable: true, example: 15.4, description: PCT })
  reviewsRecordedLatePct!: number | null;
}

export class OverdueRowDto extends OverdueFiguresDto {
  @ApiProperty({ example: '0957' })
  municipalityCode!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Roermond' })
  municipalityName!: string | null;
}

export class OverdueReportDto extends ReportEnvelopeDto {
  @ApiProperty({ type: [OverdueRowDto] })
  rows!: OverdueRowDto[];

  @ApiProperty({ type: OverdueFiguresDto })
  total!: OverdueFiguresDto;
}

// ───────────────────────────────────────────── samenloop

export class SamenloopFamilyDto {
  @ApiProperty({ example: 'fam-jansen' })
  familyId!: string;

  @ApiProperty({ example: 3, description: 'Distinct providers active now' })
  providers!: number;

  @ApiProperty({ example: 2, description: 'Open trajectories with an active provider' })
  trajectories!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '0957',
    description: 'The municipality that named the family itself (004), whatever its count',
  })
  namedByMunicipality!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['given', 'refused'],
    example: 'given',
    description: 'The family’s consent to talk its care over (004); null while there is none',
  })
  consent!: string | null;
}

export class SamenloopReportDto extends ReportEnvelopeDto {
  @ApiProperty({ example: 3 })
  threshold!: number;

  @ApiProperty({ example: 14, description: 'Samenloop families now' })
  families!: number;

  @ApiProperty({ type: [SamenloopFamilyDto] })
  rows!: SamenloopFamilyDto[];
}

// ───────────────────────────────────────────── monitoring effort

export class MonitoringEffortRowDto extends GoalFiguresDto {
  @ApiProperty({ enum: ['0', '1', '2', '3+', 'all'], example: '2' })
  reviews!: string;

  @ApiProperty({ enum: ['coordinated', 'not-coordinated', 'all'], example: 'coordinated' })
  coordination!: string;

  @ApiProperty({ type: Number, nullable: true, example: 2 })
  meanReviews!: number | null;
}

export class MonitoringEffortReportDto extends ReportEnvelopeDto {
  @ApiProperty({ type: [MonitoringEffortRowDto] })
  rows!: MonitoringEffortRowDto[];
}
