import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import { BESCHIKKING_KINDS, codeOptions } from '../../../texts/codes';
import { today } from '../../../texts/labels';
import { useSubmission } from '../../../ui/forms';
import { Checkbox, Fieldset, Paragraph, SelectField, TextArea, TextField } from '../../../ui/ui';
import {
  CommandForm,
  InzetFields,
  inzetOf,
  inzetValues,
  numberOf,
  textOf,
  useFields,
  type CommandProps,
  type InzetValues,
} from './command-form';

/** The last day of a year from `date` (YYYY-MM-DD): a beschikking of a year. */
function yearFrom(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year + 1, month - 1, day - 1)).toISOString().slice(0, 10);
}

interface ToewijzingValues {
  agbCode: string;
  include: boolean;
  toewijzingnummer: string;
  inzet: InzetValues;
}

/**
 * The beschikking: ZIN with a toewijzing per provider whose intake is recorded (at most the
 * inzet of plan deel 1, or an accepted divergence), or a PGB with its budget.
 */
export function IssueBeschikkingForm({ caseNumber, parts, onDone }: CommandProps) {
  const submission = useSubmission();
  const start = today();
  const { values, field } = useFields({
    number: '',
    kind: 'zin',
    startDate: start,
    endDate: yearFrom(start),
    budgetEuro: '',
    motivation: '',
  });
  const [toewijzingen, setToewijzingen] = useState<ToewijzingValues[]>(() =>
    parts.providerIntakes.map((intake, i) => ({
      agbCode: intake.agbCode,
      include: true,
      toewijzingnummer: `T${i + 1}`,
      inzet: inzetValues(
        intake.divergence?.status === 'accepted' && intake.requestedInzet
          ? intake.requestedInzet
          : parts.plan?.inzet,
      ),
    })),
  );
  const included = toewijzingen.filter((t) => t.include);
  const update = (agbCode: string, change: Partial<ToewijzingValues>) =>
    setToewijzingen((previous) =>
      previous.map((t) => (t.agbCode === agbCode ? { ...t, ...change } : t)),
    );

  const labels: Record<string, string> = {
    'beschikking.number': 'Beschikkingnummer',
    'beschikking.startDate': 'Ingangsdatum',
    'beschikking.endDate': 'Einddatum',
    'beschikking.budgetEuro': 'Budget',
    'beschikking.toewijzingen': 'Toewijzingen',
    motivation: 'Motivering',
  };
  included.forEach((t, i) => {
    for (const [path, name] of [
      ['', 'Toewijzing'],
      ['.toewijzingnummer', 'Toewijzingnummer'],
      ['.productCategory', 'Productcategorie'],
      ['.productCode', 'Productcode'],
      ['.omvang.volume', 'Omvang'],
    ] as const) {
      labels[`beschikking.toewijzingen[${i}]${path}`] = `${name} (AGB ${t.agbCode})`;
    }
  });

  const send = async () => {
    const common = {
      number: values.number.trim().toUpperCase(),
      startDate: values.startDate,
      endDate: values.endDate,
    };
    const beschikking: Schemas['IssueBeschikkingDto']['beschikking'] =
      values.kind === 'pgb'
        ? { ...common, kind: 'pgb', budgetEuro: numberOf(values.budgetEuro) ?? 0 }
        : {
            ...common,
            kind: 'zin',
            toewijzingen: included.map((t) => ({
              agbCode: t.agbCode,
              toewijzingnummer: t.toewijzingnummer.trim().toUpperCase(),
              ...inzetOf(t.inzet),
            })),
          };
    const motivation = textOf(values.motivation);
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/issue-beschikking', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: { beschikking, ...(motivation ? { motivation } : {}) },
      }),
    );
    if (done) onDone('issueBeschikking');
    return done !== undefined;
  };

  return (
    <CommandForm
      command="issueBeschikking"
      intro="De beschikking geeft de zorg uit plan deel 1, of een geaccepteerde afwijking, en niet meer. Het gezin en de aanbieders krijgen een brief."
      submitLabel="Beschikking afgeven"
      submission={submission}
      labels={labels}
      onSubmit={send}
    >
      <TextField
        label="Beschikkingnummer"
        description="3 tot 40 tekens: hoofdletters, cijfers en -"
        autoComplete="off"
        required
        error={submission.fieldError('beschikking.number')}
        {...field('number')}
      />
      <SelectField
        label="Soort"
        options={codeOptions(BESCHIKKING_KINDS, false)}
        error={submission.fieldError('beschikking.kind')}
        {...field('kind')}
      />
      <TextField
        label="Ingangsdatum"
        type="date"
        required
        error={submission.fieldError('beschikking.startDate')}
        {...field('startDate')}
      />
      <TextField
        label="Einddatum"
        type="date"
        description="De laatste dag van de zorg"
        required
        error={submission.fieldError('beschikking.endDate')}
        {...field('endDate')}
      />
      {values.kind === 'pgb' ? (
        <TextField
          label="Budget in euro"
          inputMode="decimal"
          required
          error={submission.fieldError('beschikking.budgetEuro')}
          {...field('budgetEuro')}
        />
      ) : toewijzingen.length === 0 ? (
        <Paragraph>Er is nog geen intake van een aanbieder: zorg in natura kan nog niet.</Paragraph>
      ) : (
        toewijzingen.map((t) => {
          const i = included.indexOf(t);
          const path = `beschikking.toewijzingen[${i}]`;
          return (
            <Fieldset key={t.agbCode} legend={`Toewijzing aan AGB ${t.agbCode}`}>
              <Checkbox
                label={`Zorg toewijzen aan AGB ${t.agbCode}`}
                checked={t.include}
                onChange={(event) => update(t.agbCode, { include: event.target.checked })}
              />
              {t.include && (
                <>
                  <TextField
                    label={`Toewijzingnummer (AGB ${t.agbCode})`}
                    autoComplete="off"
                    required
                    error={submission.fieldError(`${path}.toewijzingnummer`)}
                    value={t.toewijzingnummer}
                    onChange={(event) =>
                      update(t.agbCode, { toewijzingnummer: event.target.value })
                    }
                  />
                  <InzetFields
                    values={t.inzet}
                    onChange={(inzet) => update(t.agbCode, { inzet })}
                    path={path}
                    fieldError={submission.fieldError}
                    legend={`Zorg voor AGB ${t.agbCode}`}
                  />
                </>
              )}
            </Fieldset>
          );
        })
      )}
      <TextArea
        label="Motivering (niet verplicht)"
        description="Zonder eigen motivering staat de standaardtekst in de brief"
        maxLength={2000}
        error={submission.fieldError('motivation')}
        {...field('motivation')}
      />
    </CommandForm>
  );
}
