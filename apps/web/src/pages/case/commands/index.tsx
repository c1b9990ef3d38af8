import type { ComponentType } from 'react';
import { Heading, Paragraph } from '../../../ui/ui';
import type { CaseParts, CaseState } from '../case-view';
import { IssueBeschikkingForm } from './beschikking';
import {
  AnswerQuestionnaireForm,
  AnswerReassessmentForm,
  AnswerThreeMonthCheckForm,
} from './client-answers';
import type { CommandProps } from './command-form';
import {
  DecideCoordinationForm,
  RecordEndEvaluationForm,
  RecordReviewForm,
  RequestEndEvaluationForm,
} from './follow-up';
import { AgreeResultsForm, MarkDrangForm, RecordVerdagingForm, SignOffPlanForm } from './intake';
import { CloseWithAdviceForm, RejectRequestForm, WithdrawForm } from './intake-end';
import {
  RecordProviderIntakeForm,
  ReportEvaluationForm,
  StartZorgForm,
  StopZorgForm,
} from './provider-steps';
import { ReassignCoordinatorForm } from './reassign';
import { DecideDivergenceForm, ReferToProviderForm } from './referral';

type Form = ComponentType<CommandProps>;

/**
 * The forms of the commands, grouped as the page shows them, each group in the order a case
 * usually takes them. A command shows when the API lists it in `allowedCommands`: the phase and
 * the state allow it (commandStateProblems) and the caller's role may give it.
 */
const GROUPS: ReadonlyArray<{ heading?: string; forms: ReadonlyArray<readonly [string, Form]> }> = [
  {
    forms: [
      ['agreeResults', AgreeResultsForm],
      ['referToProvider', ReferToProviderForm],
      ['signOffPlan', SignOffPlanForm],
      ['decideDivergence', DecideDivergenceForm],
      ['issueBeschikking', IssueBeschikkingForm],
      ['decideCoordination', DecideCoordinationForm],
      ['recordReview', RecordReviewForm],
      ['requestEndEvaluation', RequestEndEvaluationForm],
      ['recordEndEvaluation', RecordEndEvaluationForm],
      ['answerReassessment', AnswerReassessmentForm],
      ['recordVerdaging', RecordVerdagingForm],
      ['markDrang', MarkDrangForm],
      ['reassignCoordinator', ReassignCoordinatorForm],
    ],
  },
  {
    heading: 'Antwoorden van het gezin',
    forms: [
      ['answerThreeMonthCheck', AnswerThreeMonthCheckForm],
      ['answerQuestionnaire', AnswerQuestionnaireForm],
    ],
  },
  {
    heading: 'Namens de aanbieder',
    forms: [
      ['recordProviderIntake', RecordProviderIntakeForm],
      ['startZorg', StartZorgForm],
      ['stopZorg', StopZorgForm],
      ['reportEvaluation', ReportEvaluationForm],
    ],
  },
  {
    heading: 'De zaak beëindigen',
    forms: [
      ['closeWithAdvice', CloseWithAdviceForm],
      ['rejectRequest', RejectRequestForm],
      ['withdraw', WithdrawForm],
    ],
  },
];

/** Why a step the case is waiting for is not offered yet (the API lists only what is possible). */
function waitingFor(view: CaseState, parts: CaseParts): string[] {
  const reasons: string[] = [];
  if (view.phase === 'provider-intake' || view.phase === 'results-agreed') {
    if (parts.providerIntakes.some((i) => i.divergence?.status === 'pending'))
      reasons.push(
        'De beschikking kan pas als u hebt besloten over de afwijkende intake van een aanbieder.',
      );
    else if (!parts.planSignOff)
      reasons.push(
        'De beschikking kan pas als een BPP’er of gedragswetenschapper plan deel 1 heeft afgetekend.',
      );
    if (view.phase === 'results-agreed')
      reasons.push('De beschikking kan pas als een aanbieder zijn intake heeft vastgelegd.');
  }
  return reasons;
}

/** The commands this caller can give now, each as a form. */
export function CaseCommands({
  caseNumber,
  view,
  parts,
  explain,
  onDone,
}: {
  caseNumber: string;
  view: CaseState;
  parts: CaseParts;
  /** Say why the beschikking is not offered yet (for the coordinator, who gives it). */
  explain: boolean;
  onDone(command: string): void;
}) {
  const allowed = new Set(view.allowedCommands);
  const groups = GROUPS.map((group) => ({
    ...group,
    forms: group.forms.filter(([command]) => allowed.has(command)),
  })).filter((group) => group.forms.length > 0);
  const reasons = !explain || allowed.has('issueBeschikking') ? [] : waitingFor(view, parts);
  if (groups.length === 0) {
    return (
      <Paragraph>
        {view.phase === 'closed' || view.phase === 'withdrawn'
          ? 'De zaak is afgesloten: er is niets meer te doen.'
          : 'Er is nu niets dat u in deze zaak kunt doen.'}
      </Paragraph>
    );
  }
  return (
    <>
      {reasons.map((reason) => (
        <Paragraph key={reason}>{reason}</Paragraph>
      ))}
      {groups.map((group) => (
        <div key={group.heading ?? 'zaak'} className="werkplek-command-group">
          {group.heading && <Heading level={3}>{group.heading}</Heading>}
          {group.forms.map(([command, Form]) => (
            <Form key={command} caseNumber={caseNumber} view={view} parts={parts} onDone={onDone} />
          ))}
        </div>
      ))}
    </>
  );
}
