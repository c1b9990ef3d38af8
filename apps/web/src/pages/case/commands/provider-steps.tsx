import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import { JZ588_END_REASONS, EVALUATION_KINDS, codeOptions } from '../../../texts/codes';
import { today } from '../../../texts/labels';
import { useSubmission } from '../../../ui/forms';
import { Checkbox, SelectField, TextArea, TextField } from '../../../ui/ui';
import { assignedProviders } from '../case-view';
import {
  CommandForm,
  InzetFields,
  inzetOf,
  inzetValues,
  JudgementFields,
  numberOf,
  useFields,
  useJudgements,
  type CommandProps,
} from './command-form';

/**
 * The provider's own steps, which the coordinator may record on its behalf (a phone call): its
 * intake, start and stop zorg, its evaluation. The provider records them itself in its own part.
 */

/** Which provider: a select of those it can be, or a field when the case names none yet. */
function ProviderField({
  agbCodes,
  error,
  value,
  onChange,
}: {
  agbCodes: string[];
  error?: string;
  value: string;
  onChange(event: { target: { value: string } }): void;
}) {
  return agbCodes.length > 0 ? (
    <SelectField
      label="Aanbieder"
      options={agbCodes.map((agb) => ({ value: agb, label: `AGB ${agb}` }))}
      error={error}
      value={value}
      onChange={onChange}
    />
  ) : (
    <TextField
      label="AGB-code van de aanbieder"
      description="Acht cijfers"
      inputMode="numeric"
      maxLength={8}
      error={error}
      value={value}
      onChange={onChange}
    />
  );
}

/** Plan deel 2: what the provider will do, for how long, and any other inzet it asks for. */
export function RecordProviderIntakeForm({ caseNumber, parts, onDone }: CommandProps) {
  const waiting = parts.referrals.filter(
    (agb) => !parts.providerIntakes.some((intake) => intake.agbCode === agb),
  );
  const submission = useSubmission();
  const { values, field } = useFields({
    agbCode: waiting[0] ?? '',
    activities: '',
    weeks: '',
  });
  const [diverges, setDiverges] = useState(false);
  const [inzet, setInzet] = useState(inzetValues(parts.plan?.inzet));
  const send = async () => {
    const body: Schemas['RecordProviderIntakeDto'] = {
      agbCode: values.agbCode.trim(),
      activities: values.activities
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      expectedDurationWeeks: numberOf(values.weeks) ?? 0,
      ...(diverges ? { requestedInzet: inzetOf(inzet) } : {}),
    };
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/record-provider-intake', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body,
      }),
    );
    if (done) onDone('recordProviderIntake');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="recordProviderIntake"
      intro="Meestal legt de aanbieder zijn intake zelf vast. Doe het hier als de aanbieder het u doorgaf."
      submitLabel="Intake vastleggen"
      submission={submission}
      labels={{
        agbCode: 'Aanbieder',
        activities: 'Wat de aanbieder gaat doen',
        expectedDurationWeeks: 'Verwachte duur in weken',
        requestedInzet: 'Gevraagde inzet',
      }}
      onSubmit={send}
    >
      <ProviderField
        agbCodes={waiting}
        error={submission.fieldError('agbCode')}
        {...field('agbCode')}
      />
      <TextArea
        label="Wat de aanbieder gaat doen"
        description="Eén activiteit per regel"
        required
        error={submission.fieldError('activities')}
        {...field('activities')}
      />
      <TextField
        label="Verwachte duur in weken"
        inputMode="numeric"
        required
        error={submission.fieldError('expectedDurationWeeks')}
        {...field('weeks')}
      />
      <Checkbox
        label="De aanbieder vraagt een andere inzet dan plan deel 1"
        checked={diverges}
        onChange={(event) => setDiverges(event.target.checked)}
      />
      {diverges && (
        <InzetFields
          values={inzet}
          onChange={setInzet}
          path="requestedInzet"
          fieldError={submission.fieldError}
          legend="Gevraagde inzet"
        />
      )}
    </CommandForm>
  );
}

/** Start zorg: the provider began the care (within the beschikking's period). */
export function StartZorgForm({ caseNumber, parts, onDone }: CommandProps) {
  const candidates = assignedProviders(parts).filter((agb) => !parts.care[agb]?.startedOn);
  const submission = useSubmission();
  const { values, field } = useFields({ agbCode: candidates[0] ?? '', date: today() });
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/start-zorg', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: { agbCode: values.agbCode.trim(), date: values.date },
      }),
    );
    if (done) onDone('startZorg');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="startZorg"
      submitLabel="Start zorg vastleggen"
      submission={submission}
      labels={{ agbCode: 'Aanbieder', date: 'Eerste dag van de zorg' }}
      onSubmit={send}
    >
      <ProviderField
        agbCodes={candidates}
        error={submission.fieldError('agbCode')}
        {...field('agbCode')}
      />
      <TextField
        label="Eerste dag van de zorg"
        type="date"
        required
        error={submission.fieldError('date')}
        {...field('date')}
      />
    </CommandForm>
  );
}

/** Stop zorg: the provider stopped the care, with its JZ588 reason. */
export function StopZorgForm({ caseNumber, parts, onDone }: CommandProps) {
  const candidates = assignedProviders(parts).filter((agb) => !parts.care[agb]?.stoppedOn);
  const submission = useSubmission();
  const { values, field } = useFields({
    agbCode: candidates[0] ?? '',
    date: today(),
    reason: '02',
  });
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/stop-zorg', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: {
          agbCode: values.agbCode.trim(),
          date: values.date,
          reason: values.reason as Schemas['StopZorgDto']['reason'],
        },
      }),
    );
    if (done) onDone('stopZorg');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="stopZorg"
      intro="Stopt de laatste aanbieder, dan begint de eindevaluatie."
      submitLabel="Stop zorg vastleggen"
      submission={submission}
      labels={{ agbCode: 'Aanbieder', date: 'Laatste dag van de zorg', reason: 'Reden' }}
      onSubmit={send}
    >
      <ProviderField
        agbCodes={candidates}
        error={submission.fieldError('agbCode')}
        {...field('agbCode')}
      />
      <TextField
        label="Laatste dag van de zorg"
        type="date"
        required
        error={submission.fieldError('date')}
        {...field('date')}
      />
      <SelectField
        label="Reden"
        options={codeOptions(JZ588_END_REASONS)}
        error={submission.fieldError('reason')}
        {...field('reason')}
      />
    </CommandForm>
  );
}

/** A provider's evaluation is complete: each result judged (interim, or at the end). */
export function ReportEvaluationForm({ caseNumber, view, parts, onDone }: CommandProps) {
  const candidates = assignedProviders(parts);
  const submission = useSubmission();
  const judgements = useJudgements(parts);
  const { values, field } = useFields({
    agbCode: candidates[0] ?? '',
    kind: view.phase === 'end-evaluation' ? 'end' : 'interim',
  });
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/report-evaluation', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: {
          agbCode: values.agbCode.trim(),
          kind: values.kind as Schemas['ReportEvaluationDto']['kind'],
          outcomes: judgements.judgements,
        },
      }),
    );
    if (done) onDone('reportEvaluation');
    return done !== undefined;
  };
  const kinds =
    view.phase === 'end-evaluation' ? EVALUATION_KINDS : { interim: EVALUATION_KINDS.interim! };
  return (
    <CommandForm
      command="reportEvaluation"
      submitLabel="Evaluatie vastleggen"
      submission={submission}
      labels={{ agbCode: 'Aanbieder', kind: 'Soort evaluatie', outcomes: 'Resultaten' }}
      onSubmit={send}
    >
      <ProviderField
        agbCodes={candidates}
        error={submission.fieldError('agbCode')}
        {...field('agbCode')}
      />
      <SelectField
        label="Soort evaluatie"
        options={codeOptions(kinds, false)}
        error={submission.fieldError('kind')}
        {...field('kind')}
      />
      <JudgementFields
        legend="Hoe staat het met de resultaten?"
        judgements={judgements}
        path="outcomes"
        fieldError={submission.fieldError}
      />
    </CommandForm>
  );
}
