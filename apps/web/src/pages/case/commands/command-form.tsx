import { useState, type FormEvent, type ReactNode } from 'react';
import type { Schemas } from '../../../api/client';
import { COMMANDS } from '../../../texts/case-labels';
import {
  WMO757_FREQUENCIES,
  codeOptions,
  JZ020_PRODUCT_CATEGORIES,
  RESULT_OUTCOMES,
  WJ756_UNITS,
} from '../../../texts/codes';
import { RefusalMessage, type Submission } from '../../../ui/forms';
import { Button, Fieldset, Paragraph, SelectField, TextArea, TextField } from '../../../ui/ui';
import type { CaseParts, CaseState, Inzet } from '../case-view';

/** What every command form of the case page gets. */
export interface CommandProps {
  caseNumber: string;
  view: CaseState;
  parts: CaseParts;
  /** After the API accepted the command: the page says so and reads the case again. */
  onDone(command: string): void;
}

/**
 * One command as a form that opens from its title (a <details>: a real disclosure, by keyboard
 * too). The API's refusal shows above the fields, with the fields named by `labels`.
 */
export function CommandForm({
  command,
  intro,
  submitLabel,
  submission,
  labels,
  onSubmit,
  children,
}: {
  command: string;
  intro?: ReactNode;
  submitLabel: string;
  submission: Submission<unknown>;
  labels?: Record<string, string>;
  /** Sends the command; true when the API accepted it. */
  onSubmit(): Promise<boolean>;
  children: ReactNode;
}) {
  const title = COMMANDS[command]?.title ?? command;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submission.busy) return;
    await onSubmit();
  };
  return (
    <details className="werkplek-command" data-command={command}>
      <summary className="werkplek-command__summary">{title}</summary>
      <div className="werkplek-command__body">
        {typeof intro === 'string' ? <Paragraph>{intro}</Paragraph> : intro}
        <RefusalMessage refusal={submission.refusal} labels={labels} />
        <form noValidate aria-label={title} onSubmit={(event) => void submit(event)}>
          {children}
          <Button appearance="primary" type="submit" busy={submission.busy}>
            {submitLabel}
          </Button>
        </form>
      </div>
    </details>
  );
}

/** A form's values as state, with a setter per field for inputs and selects. */
export function useFields<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const field = (name: keyof T) => ({
    value: values[name],
    onChange: (event: { target: { value: string } }) =>
      setValues((previous) => ({ ...previous, [name]: event.target.value })),
  });
  return { values, setValues, field };
}

/** A number typed in a field, or undefined when it is empty (the API then says what is missing). */
export function numberOf(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** Free text as the API takes it: trimmed. */
export const textOf = (text: string): string => text.trim();

/** The reason or motivation of a command: free text, stored apart from the workflow. */
export function ReasonField({
  label,
  description,
  error,
  value,
  onChange,
}: {
  label: string;
  description?: string;
  error?: string;
  value: string;
  onChange(event: { target: { value: string } }): void;
}) {
  return (
    <TextArea
      label={label}
      description={description}
      error={error}
      value={value}
      onChange={onChange}
      maxLength={2000}
      required
    />
  );
}

/** The values of an inzet's fields, as typed. */
export interface InzetValues {
  productCategory: string;
  productCode: string;
  volume: string;
  unit: string;
  frequency: string;
}

export const inzetValues = (inzet?: Inzet): InzetValues => ({
  productCategory: inzet?.productCategory ?? '45',
  productCode: inzet?.productCode ?? '',
  volume: inzet ? String(inzet.omvang.volume) : '',
  unit: inzet?.omvang.unit ?? '04',
  frequency: inzet?.omvang.frequency ?? '2',
});

type InzetDto = Schemas['InzetDto'];
type OmvangDto = Schemas['OmvangDto'];

/** An inzet as the API takes it (the codes come from the selects; the API checks them again). */
export function inzetOf(values: InzetValues): InzetDto {
  const productCode = values.productCode.trim().toUpperCase();
  return {
    productCategory: values.productCategory as InzetDto['productCategory'],
    ...(productCode ? { productCode } : {}),
    omvang: {
      volume: numberOf(values.volume) ?? 0,
      unit: values.unit as OmvangDto['unit'],
      frequency: values.frequency as OmvangDto['frequency'],
    },
  };
}

/** The fields of an inzet (JZ020 productcategorie, productcode, omvang); `path` for the errors. */
export function InzetFields({
  values,
  onChange,
  path,
  fieldError,
  legend = 'Inzet',
}: {
  values: InzetValues;
  onChange(values: InzetValues): void;
  path: string;
  fieldError(field: string): string | undefined;
  legend?: string;
}) {
  const set = (name: keyof InzetValues) => (event: { target: { value: string } }) =>
    onChange({ ...values, [name]: event.target.value });
  return (
    <Fieldset legend={legend}>
      <SelectField
        label="Productcategorie"
        options={codeOptions(JZ020_PRODUCT_CATEGORIES)}
        value={values.productCategory}
        onChange={set('productCategory')}
        error={fieldError(`${path}.productCategory`)}
      />
      <TextField
        label="Productcode (niet verplicht)"
        description="Vijf tekens, begint met de productcategorie, bijvoorbeeld 45A01"
        value={values.productCode}
        onChange={set('productCode')}
        error={fieldError(`${path}.productCode`)}
        maxLength={5}
      />
      <TextField
        label="Omvang"
        description="Een heel getal"
        inputMode="numeric"
        value={values.volume}
        onChange={set('volume')}
        error={fieldError(`${path}.omvang.volume`)}
        required
      />
      <SelectField
        label="Eenheid"
        options={codeOptions(WJ756_UNITS, false)}
        value={values.unit}
        onChange={set('unit')}
        error={fieldError(`${path}.omvang.unit`)}
      />
      <SelectField
        label="Per"
        options={codeOptions(WMO757_FREQUENCIES, false)}
        value={values.frequency}
        onChange={set('frequency')}
        error={fieldError(`${path}.omvang.frequency`)}
      />
    </Fieldset>
  );
}

/** One outcome per result of plan deel 1 (a review, an evaluation, the end evaluation). */
export function useJudgements(parts: CaseParts) {
  const results = parts.plan?.results ?? [];
  const [outcomes, setOutcomes] = useState<Record<string, string>>(() =>
    Object.fromEntries(results.map((r) => [r.id, 'reached'])),
  );
  const judgements: Schemas['ResultJudgementDto'][] = results.map((r) => ({
    resultId: r.id,
    outcome: (outcomes[r.id] ?? 'reached') as Schemas['ResultJudgementDto']['outcome'],
  }));
  return { results, outcomes, setOutcomes, judgements };
}

export function JudgementFields({
  legend,
  judgements,
  path,
  fieldError,
}: {
  legend: string;
  judgements: ReturnType<typeof useJudgements>;
  path: string;
  fieldError(field: string): string | undefined;
}) {
  const { results, outcomes, setOutcomes } = judgements;
  if (results.length === 0) return <Paragraph>Er zijn geen resultaten afgesproken.</Paragraph>;
  return (
    <Fieldset legend={legend}>
      {results.map((result, i) => (
        <SelectField
          key={result.id}
          label={`Resultaat ${i + 1}: ${result.description ?? result.id}`}
          options={codeOptions(RESULT_OUTCOMES, false)}
          value={outcomes[result.id] ?? 'reached'}
          error={fieldError(`${path}[${i}].outcome`) ?? fieldError(`${path}[${i}].resultId`)}
          onChange={(event) =>
            setOutcomes((previous) => ({ ...previous, [result.id]: event.target.value }))
          }
        />
      ))}
    </Fieldset>
  );
}
