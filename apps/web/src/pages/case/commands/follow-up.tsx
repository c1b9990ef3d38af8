import { api, type Schemas } from '../../../api/client';
import {
  COMPLEXITIES,
  durationText,
  END_DECISIONS,
  HELP_QUESTIONS,
  codeOptions,
  REVIEW_DECISIONS,
  REVIEW_INTERVALS,
  SELF_RELIANCES,
  TYPES_OF_CARE,
} from '../../../texts/codes';
import { useSubmission } from '../../../ui/forms';
import { Fieldset, SelectField, TextField } from '../../../ui/ui';
import {
  CommandForm,
  JudgementFields,
  numberOf,
  ReasonField,
  textOf,
  useFields,
  useJudgements,
  type CommandProps,
} from './command-form';

type Criteria = Schemas['CoordinationCriteriaDto'];

/** 001: the CJG decides per case whether it coordinates and follows up, weighing five criteria. */
export function DecideCoordinationForm({ caseNumber, onDone }: CommandProps) {
  const submission = useSubmission();
  const { values, field } = useFields({
    coordinate: 'true',
    reviewInterval: '',
    typeOfCare: 'ambulant',
    numberOfProducts: '1',
    complexity: 'medium',
    helpQuestion: 'clear',
    selfReliance: 'medium',
  });
  const coordinate = values.coordinate === 'true';
  const send = async () => {
    const criteria: Criteria = {
      typeOfCare: values.typeOfCare as Criteria['typeOfCare'],
      numberOfProducts: numberOf(values.numberOfProducts) ?? 0,
      complexity: values.complexity as Criteria['complexity'],
      helpQuestion: values.helpQuestion as Criteria['helpQuestion'],
      selfReliance: values.selfReliance as Criteria['selfReliance'],
    };
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/decide-coordination', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: {
          coordinate,
          criteria,
          ...(coordinate && values.reviewInterval ? { reviewInterval: values.reviewInterval } : {}),
        },
      }),
    );
    if (done) onDone('decideCoordination');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="decideCoordination"
      intro="Weeg de vijf criteria en besluit of het CJG de regie houdt en de hulp volgt met evaluaties (minstens elk half jaar)."
      submitLabel="Besluit vastleggen"
      submission={submission}
      labels={{
        coordinate: 'Besluit',
        reviewInterval: 'Hoe vaak evalueren',
        'criteria.typeOfCare': 'Soort zorg',
        'criteria.numberOfProducts': 'Aantal producten',
        'criteria.complexity': 'Complexiteit',
        'criteria.helpQuestion': 'Hulpvraag',
        'criteria.selfReliance': 'Zelfredzaamheid',
      }}
      onSubmit={send}
    >
      <Fieldset legend="Criteria">
        <SelectField
          label="Soort zorg (de zwaarste in de beschikking)"
          options={codeOptions(TYPES_OF_CARE, false)}
          error={submission.fieldError('criteria.typeOfCare')}
          {...field('typeOfCare')}
        />
        <TextField
          label="Aantal producten"
          inputMode="numeric"
          error={submission.fieldError('criteria.numberOfProducts')}
          {...field('numberOfProducts')}
        />
        <SelectField
          label="Complexiteit"
          options={codeOptions(COMPLEXITIES, false)}
          error={submission.fieldError('criteria.complexity')}
          {...field('complexity')}
        />
        <SelectField
          label="Hulpvraag"
          options={codeOptions(HELP_QUESTIONS, false)}
          error={submission.fieldError('criteria.helpQuestion')}
          {...field('helpQuestion')}
        />
        <SelectField
          label="Zelfredzaamheid van cliënt en gezin"
          options={codeOptions(SELF_RELIANCES, false)}
          error={submission.fieldError('criteria.selfReliance')}
          {...field('selfReliance')}
        />
      </Fieldset>
      <SelectField
        label="Besluit"
        options={[
          { value: 'true', label: 'Het CJG coördineert en volgt de hulp' },
          { value: 'false', label: 'Het CJG coördineert niet' },
        ]}
        error={submission.fieldError('coordinate')}
        {...field('coordinate')}
      />
      {coordinate && (
        <SelectField
          label="Hoe vaak evalueren"
          placeholder="Standaard van het beleid"
          options={codeOptions(REVIEW_INTERVALS, false)}
          error={submission.fieldError('reviewInterval')}
          {...field('reviewInterval')}
        />
      )}
    </CommandForm>
  );
}

/** An interim review (tussentijdse evaluatie): every result judged, and what now. */
export function RecordReviewForm({ caseNumber, parts, onDone }: CommandProps) {
  const submission = useSubmission();
  const judgements = useJudgements(parts);
  const { values, field } = useFields({ decision: 'continue', reviewInterval: '' });
  const scaling = values.decision === 'afschalen' || values.decision === 'opschalen';
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/record-review', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: {
          outcomes: judgements.judgements,
          decision: values.decision as Schemas['RecordReviewDto']['decision'],
          ...(scaling && values.reviewInterval ? { reviewInterval: values.reviewInterval } : {}),
        },
      }),
    );
    if (done) onDone('recordReview');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="recordReview"
      intro={`Nu evalueert het CJG ${durationText(parts.coordination?.reviewInterval)}. Het gezin en de aanbieders krijgen de uitkomst in een brief.`}
      submitLabel="Evaluatie vastleggen"
      submission={submission}
      labels={{ outcomes: 'Resultaten', decision: 'Besluit', reviewInterval: 'Hoe vaak evalueren' }}
      onSubmit={send}
    >
      <JudgementFields
        legend="Hoe staat het met de resultaten?"
        judgements={judgements}
        path="outcomes"
        fieldError={submission.fieldError}
      />
      <SelectField
        label="Besluit"
        options={codeOptions(REVIEW_DECISIONS, false)}
        error={submission.fieldError('decision')}
        {...field('decision')}
      />
      {scaling && (
        <SelectField
          label="Hoe vaak evalueren"
          description="Bij opschalen verplicht: vaker dan nu"
          placeholder="Standaard"
          options={codeOptions(REVIEW_INTERVALS, false)}
          error={submission.fieldError('reviewInterval')}
          {...field('reviewInterval')}
        />
      )}
    </CommandForm>
  );
}

/** The coordinator asks for the end evaluation before the beschikking ends. */
export function RequestEndEvaluationForm({ caseNumber, onDone }: CommandProps) {
  const submission = useSubmission();
  const { values, field } = useFields({ reason: '' });
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/request-end-evaluation', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: { reason: textOf(values.reason) },
      }),
    );
    if (done) onDone('requestEndEvaluation');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="requestEndEvaluation"
      intro="De hulp stopt eerder dan de beschikking. U en de aanbieders krijgen een brief dat de eindevaluatie nodig is."
      submitLabel="Eindevaluatie starten"
      submission={submission}
      labels={{ reason: 'Reden' }}
      onSubmit={send}
    >
      <ReasonField label="Reden" error={submission.fieldError('reason')} {...field('reason')} />
    </CommandForm>
  );
}

/** The end evaluation: every result judged; close, verlenging or vervolgtraject. */
export function RecordEndEvaluationForm({ caseNumber, parts, onDone }: CommandProps) {
  const submission = useSubmission();
  const judgements = useJudgements(parts);
  const withdrawn = parts.withdrawal !== undefined;
  const { values, field } = useFields({
    decision: 'close',
    number: '',
    endDate: '',
    followUpCaseNumber: '',
  });
  const send = async () => {
    const decision = values.decision as Schemas['RecordEndEvaluationDto']['decision'];
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/record-end-evaluation', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: {
          goals: judgements.judgements,
          decision,
          ...(decision === 'verlenging'
            ? {
                verlenging: {
                  number: values.number.trim().toUpperCase(),
                  endDate: values.endDate,
                },
              }
            : {}),
          ...(decision === 'vervolgtraject'
            ? { followUpCaseNumber: values.followUpCaseNumber.trim().toUpperCase() }
            : {}),
        },
      }),
    );
    if (done) onDone('recordEndEvaluation');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="recordEndEvaluation"
      intro={
        withdrawn
          ? 'Het gezin is gestopt: de eindevaluatie sluit het traject af.'
          : 'Beoordeel elk resultaat en besluit hoe het verder gaat. Bij afsluiten krijgt het gezin de eindvragenlijst.'
      }
      submitLabel="Eindevaluatie vastleggen"
      submission={submission}
      labels={{
        goals: 'Resultaten',
        decision: 'Besluit',
        'verlenging.number': 'Nummer van de nieuwe beschikking',
        'verlenging.endDate': 'Nieuwe einddatum',
        followUpCaseNumber: 'Zaaknummer van het vervolgtraject',
      }}
      onSubmit={send}
    >
      <JudgementFields
        legend="Zijn de resultaten bereikt?"
        judgements={judgements}
        path="goals"
        fieldError={submission.fieldError}
      />
      <SelectField
        label="Besluit"
        options={codeOptions(withdrawn ? { close: END_DECISIONS.close! } : END_DECISIONS, false)}
        error={submission.fieldError('decision')}
        {...field('decision')}
      />
      {values.decision === 'verlenging' && (
        <>
          <TextField
            label="Nummer van de nieuwe beschikking"
            autoComplete="off"
            required
            error={submission.fieldError('verlenging.number')}
            {...field('number')}
          />
          <TextField
            label="Nieuwe einddatum"
            type="date"
            required
            error={submission.fieldError('verlenging.endDate')}
            {...field('endDate')}
          />
        </>
      )}
      {values.decision === 'vervolgtraject' && (
        <TextField
          label="Zaaknummer van het vervolgtraject"
          autoComplete="off"
          required
          error={submission.fieldError('followUpCaseNumber')}
          {...field('followUpCaseNumber')}
        />
      )}
    </CommandForm>
  );
}
