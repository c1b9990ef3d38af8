import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import { DRANG_SOURCES, codeOptions } from '../../../texts/codes';
import { formatDate, today } from '../../../texts/labels';
import { useSubmission } from '../../../ui/forms';
import { Button, ButtonGroup, Fieldset, SelectField, TextArea, TextField } from '../../../ui/ui';
import {
  CommandForm,
  InzetFields,
  inzetOf,
  inzetValues,
  ReasonField,
  textOf,
  useFields,
  type CommandProps,
} from './command-form';

const MAX_RESULTS = 20;

/** Plan deel 1: the results agreed with the family (each with how it is judged) and the inzet. */
export function AgreeResultsForm({ caseNumber, onDone }: CommandProps) {
  const submission = useSubmission();
  const [results, setResults] = useState([{ description: '', measure: '' }]);
  const [inzet, setInzet] = useState(inzetValues());
  const labels: Record<string, string> = {
    'plan.results': 'Resultaten',
    'plan.inzet': 'Inzet',
    'plan.inzet.productCategory': 'Productcategorie',
    'plan.inzet.productCode': 'Productcode',
    'plan.inzet.omvang.volume': 'Omvang',
  };
  results.forEach((_, i) => {
    labels[`plan.results[${i}].description`] = `Resultaat ${i + 1}`;
    labels[`plan.results[${i}].measure`] = `Hoe beoordeeld (resultaat ${i + 1})`;
  });
  const setResult = (i: number, name: 'description' | 'measure', value: string) =>
    setResults((previous) => previous.map((r, j) => (j === i ? { ...r, [name]: value } : r)));

  const send = async () => {
    const body: Schemas['AgreeResultsDto'] = {
      plan: {
        // Short ids in order: reviews and evaluations judge each result by its id.
        results: results.map((r, i) => ({
          id: `r${i + 1}`,
          description: textOf(r.description),
          measure: textOf(r.measure),
        })),
        inzet: inzetOf(inzet),
      },
    };
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/agree-results', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body,
      }),
    );
    if (done) onDone('agreeResults');
    return done !== undefined;
  };

  return (
    <CommandForm
      command="agreeResults"
      intro="Leg de resultaten vast die u met het gezin hebt afgesproken, in de woorden van het gezin, en welke inzet daarvoor nodig is."
      submitLabel="Resultaten vastleggen"
      submission={submission}
      labels={labels}
      onSubmit={send}
    >
      {results.map((result, i) => (
        <Fieldset key={i} legend={`Resultaat ${i + 1}`}>
          <TextArea
            label="Wat wil het gezin bereiken?"
            value={result.description}
            maxLength={2000}
            rows={2}
            required
            error={submission.fieldError(`plan.results[${i}].description`)}
            onChange={(event) => setResult(i, 'description', event.target.value)}
          />
          <TextArea
            label="Hoe beoordelen we of het is bereikt?"
            value={result.measure}
            maxLength={2000}
            rows={2}
            required
            error={submission.fieldError(`plan.results[${i}].measure`)}
            onChange={(event) => setResult(i, 'measure', event.target.value)}
          />
          {results.length > 1 && (
            <Button
              appearance="subtle"
              onClick={() => setResults((previous) => previous.filter((_, j) => j !== i))}
            >
              Resultaat {i + 1} weghalen
            </Button>
          )}
        </Fieldset>
      ))}
      {results.length < MAX_RESULTS && (
        <ButtonGroup>
          <Button
            onClick={() =>
              setResults((previous) => [...previous, { description: '', measure: '' }])
            }
          >
            Nog een resultaat
          </Button>
        </ButtonGroup>
      )}
      <InzetFields
        values={inzet}
        onChange={setInzet}
        path="plan.inzet"
        fieldError={submission.fieldError}
        legend="Inzet die het CJG besluit"
      />
    </CommandForm>
  );
}

/** 002 §3.4: a registered BPP or gedragswetenschapper signs off plan deel 1. */
export function SignOffPlanForm({ caseNumber, onDone }: CommandProps) {
  const submission = useSubmission();
  const { values, field } = useFields({ professionalId: '' });
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/sign-off-plan', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: { professionalId: values.professionalId.trim() },
      }),
    );
    if (done) onDone('signOffPlan');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="signOffPlan"
      intro="Een geregistreerde BPP'er of gedragswetenschapper tekent plan deel 1 af. Dat moet voordat u de beschikking afgeeft."
      submitLabel="Aftekenen"
      submission={submission}
      labels={{ professionalId: 'Professional' }}
      onSubmit={send}
    >
      <TextField
        label="Professional"
        description="Het id van de BPP'er of gedragswetenschapper in het register, bijvoorbeeld gw-petra"
        autoComplete="off"
        required
        error={submission.fieldError('professionalId')}
        {...field('professionalId')}
      />
    </CommandForm>
  );
}

/** Awb 4:14: the decision date moves; the family is told why. */
export function RecordVerdagingForm({ caseNumber, parts, onDone }: CommandProps) {
  const submission = useSubmission();
  const { values, field } = useFields({ newDueDate: '', reason: '' });
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/record-verdaging', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: { newDueDate: values.newDueDate, reason: textOf(values.reason) },
      }),
    );
    if (done) onDone('recordVerdaging');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="recordVerdaging"
      intro={`De beslistermijn loopt nu tot ${formatDate(parts.awb?.dueAt)}. Verdagen kan één keer met een redelijke termijn; het gezin hoort waarom.`}
      submitLabel="Verdagen"
      submission={submission}
      labels={{ newDueDate: 'Nieuwe uiterste datum', reason: 'Reden' }}
      onSubmit={send}
    >
      <TextField
        label="Nieuwe uiterste datum"
        type="date"
        required
        error={submission.fieldError('newDueDate')}
        {...field('newDueDate')}
      />
      <ReasonField
        label="Reden"
        description="Deze reden staat in de brief aan het gezin"
        error={submission.fieldError('reason')}
        {...field('reason')}
      />
    </CommandForm>
  );
}

/** 002 §3.6: drang is registered apart, so that it is counted. */
export function MarkDrangForm({ caseNumber, onDone }: CommandProps) {
  const submission = useSubmission();
  const { values, field } = useFields({ since: today(), source: 'basisvoorziening', reason: '' });
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/mark-drang', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: {
          since: values.since,
          source: values.source as Schemas['MarkDrangDto']['source'],
          reason: textOf(values.reason),
        },
      }),
    );
    if (done) onDone('markDrang');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="markDrang"
      intro="Drang: er zijn (grote) zorgen over het kind en de ouders zien of pakken die nog niet op. De hulp is vrijwillig maar niet vrijblijvend."
      submitLabel="Registreren als drang"
      submission={submission}
      labels={{ since: 'Sinds', source: 'Van wie komen de zorgen?', reason: 'De zorgen' }}
      onSubmit={send}
    >
      <TextField
        label="Sinds"
        type="date"
        required
        error={submission.fieldError('since')}
        {...field('since')}
      />
      <SelectField
        label="Van wie komen de zorgen?"
        options={codeOptions(DRANG_SOURCES, false)}
        error={submission.fieldError('source')}
        {...field('source')}
      />
      <ReasonField label="De zorgen" error={submission.fieldError('reason')} {...field('reason')} />
    </CommandForm>
  );
}
