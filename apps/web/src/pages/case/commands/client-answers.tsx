import { api, type Schemas } from '../../../api/client';
import { codeOptions, QUESTIONNAIRE_MOMENTS, RATINGS } from '../../../texts/codes';
import { formatDate } from '../../../texts/labels';
import { useSubmission } from '../../../ui/forms';
import { SelectField } from '../../../ui/ui';
import { CommandForm, useFields, type CommandProps } from './command-form';

/** The family answered the 3-month check another way (by phone): the coordinator records it. */
export function AnswerThreeMonthCheckForm({ caseNumber, onDone }: CommandProps) {
  const submission = useSubmission();
  const { values, field } = useFields({ fitting: 'true' });
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/answer-three-month-check', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: { fitting: values.fitting === 'true' },
      }),
    );
    if (done) onDone('answerThreeMonthCheck');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="answerThreeMonthCheck"
      intro="Na drie maanden vragen we het gezin of de hulp past. Gaf het gezin het antwoord aan u, leg het dan hier vast."
      submitLabel="Antwoord vastleggen"
      submission={submission}
      labels={{ fitting: 'Past de hulp?' }}
      onSubmit={send}
    >
      <SelectField
        label="Past de hulp?"
        options={[
          { value: 'true', label: 'Ja, de hulp past' },
          { value: 'false', label: 'Nee, de hulp past niet (u krijgt een melding)' },
        ]}
        error={submission.fieldError('fitting')}
        {...field('fitting')}
      />
    </CommandForm>
  );
}

/** The family's rating in a questionnaire, when it gave it to the coordinator. */
export function AnswerQuestionnaireForm({ caseNumber, parts, onDone }: CommandProps) {
  const open = (['midway', 'end'] as const).filter(
    (moment) => parts.questionnaires[moment]?.status === 'sent',
  );
  const submission = useSubmission();
  const { values, field } = useFields({
    moment: open[0] ?? 'midway',
    rating: '4',
    ratingCjg: '',
    ratingCoordinator: '',
  });
  const deadline = parts.questionnaires[values.moment as 'midway' | 'end']?.responseDeadline;
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/answer-questionnaire', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: {
          moment: values.moment as Schemas['AnswerQuestionnaireDto']['moment'],
          rating: Number(values.rating),
          ...(values.ratingCjg ? { ratingCjg: Number(values.ratingCjg) } : {}),
          ...(values.ratingCoordinator
            ? { ratingCoordinator: Number(values.ratingCoordinator) }
            : {}),
        },
      }),
    );
    if (done) onDone('answerQuestionnaire');
    return done !== undefined;
  };
  const moments = Object.fromEntries(open.map((m) => [m, QUESTIONNAIRE_MOMENTS[m]!]));
  return (
    <CommandForm
      command="answerQuestionnaire"
      intro={`Het gezin kan tot ${formatDate(deadline)} antwoorden. Gaf het gezin de cijfers aan u, leg ze dan hier vast.`}
      submitLabel="Antwoord vastleggen"
      submission={submission}
      labels={{
        moment: 'Vragenlijst',
        rating: 'Cijfer voor de hulp',
        ratingCjg: 'Cijfer voor het CJG',
        ratingCoordinator: 'Cijfer voor de coördinator',
      }}
      onSubmit={send}
    >
      <SelectField
        label="Vragenlijst"
        options={codeOptions(moments, false)}
        error={submission.fieldError('moment')}
        {...field('moment')}
      />
      <SelectField
        label="Cijfer voor de hulp"
        options={codeOptions(RATINGS, false)}
        error={submission.fieldError('rating')}
        {...field('rating')}
      />
      <SelectField
        label="Cijfer voor het CJG"
        placeholder="Niet gegeven"
        options={codeOptions(RATINGS, false)}
        error={submission.fieldError('ratingCjg')}
        {...field('ratingCjg')}
      />
      <SelectField
        label="Cijfer voor de coördinator"
        placeholder="Niet gegeven"
        options={codeOptions(RATINGS, false)}
        error={submission.fieldError('ratingCoordinator')}
        {...field('ratingCoordinator')}
      />
    </CommandForm>
  );
}

/** 001: the coordinator re-assesses whether the CJG's follow-up is still needed. */
export function AnswerReassessmentForm({ caseNumber, parts, onDone }: CommandProps) {
  const submission = useSubmission();
  const { values, field } = useFields({ followUpNeeded: 'true' });
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/answer-reassessment', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: { followUpNeeded: values.followUpNeeded === 'true' },
      }),
    );
    if (done) onDone('answerReassessment');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="answerReassessment"
      intro={`Beantwoord de herbeoordeling uiterlijk ${formatDate(parts.reassessment?.decideBy)}. Het gezin en de aanbieders krijgen de uitkomst.`}
      submitLabel="Herbeoordeling vastleggen"
      submission={submission}
      labels={{ followUpNeeded: 'Is opvolging door het CJG nog nodig?' }}
      onSubmit={send}
    >
      <SelectField
        label="Is opvolging door het CJG nog nodig?"
        options={[
          { value: 'true', label: 'Ja, het CJG blijft coördineren' },
          { value: 'false', label: 'Nee, het CJG stopt met coördineren' },
        ]}
        error={submission.fieldError('followUpNeeded')}
        {...field('followUpNeeded')}
      />
    </CommandForm>
  );
}
