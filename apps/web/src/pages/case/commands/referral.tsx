import { api } from '../../../api/client';
import { codeName, JZ020_PRODUCT_CATEGORIES, omvangText } from '../../../texts/codes';
import { useSubmission } from '../../../ui/forms';
import { Paragraph, SelectField, TextField } from '../../../ui/ui';
import { CommandForm, ReasonField, textOf, useFields, type CommandProps } from './command-form';

/** Verwijzing: the family chose this provider; it is told, and its intake is awaited. */
export function ReferToProviderForm({ caseNumber, parts, onDone }: CommandProps) {
  const submission = useSubmission();
  const { values, setValues, field } = useFields({ agbCode: '' });
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/refer-to-provider', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: { agbCode: values.agbCode.trim() },
      }),
    );
    if (done) {
      setValues({ agbCode: '' });
      onDone('referToProvider');
    }
    return done !== undefined;
  };
  const referred = parts.referrals;
  return (
    <CommandForm
      command="referToProvider"
      intro={
        referred.length > 0
          ? `Al verwezen naar: ${referred.join(', ')}. De aanbieder krijgt een brief en legt daarna zijn intake vast.`
          : 'De aanbieder die het gezin koos krijgt een brief en legt daarna zijn intake vast.'
      }
      submitLabel="Verwijzen"
      submission={submission}
      labels={{ agbCode: 'AGB-code van de aanbieder' }}
      onSubmit={send}
    >
      <TextField
        label="AGB-code van de aanbieder"
        description="Acht cijfers"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        required
        error={submission.fieldError('agbCode')}
        {...field('agbCode')}
      />
    </CommandForm>
  );
}

/** A provider asked for more or other care than plan deel 1: the coordinator accepts or refuses. */
export function DecideDivergenceForm({ caseNumber, parts, onDone }: CommandProps) {
  const pending = parts.providerIntakes.filter((i) => i.divergence?.status === 'pending');
  const submission = useSubmission();
  const { values, field } = useFields({
    agbCode: pending[0]?.agbCode ?? '',
    accept: 'true',
    reason: '',
  });
  const intake = pending.find((i) => i.agbCode === values.agbCode);
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/decide-divergence', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: {
          agbCode: values.agbCode,
          accept: values.accept === 'true',
          reason: textOf(values.reason),
        },
      }),
    );
    if (done) onDone('decideDivergence');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="decideDivergence"
      submitLabel="Besluit vastleggen"
      submission={submission}
      labels={{ agbCode: 'Aanbieder', accept: 'Besluit', reason: 'Reden' }}
      onSubmit={send}
    >
      <SelectField
        label="Aanbieder"
        options={pending.map((i) => ({ value: i.agbCode, label: `AGB ${i.agbCode}` }))}
        error={submission.fieldError('agbCode')}
        {...field('agbCode')}
      />
      {intake?.requestedInzet && (
        <Paragraph>
          De aanbieder vraagt:{' '}
          {codeName(JZ020_PRODUCT_CATEGORIES, intake.requestedInzet.productCategory)},{' '}
          {omvangText(intake.requestedInzet.omvang)}.
        </Paragraph>
      )}
      <SelectField
        label="Besluit"
        options={[
          { value: 'true', label: 'Accepteren: de beschikking mag deze inzet geven' },
          { value: 'false', label: 'Weigeren: het blijft bij plan deel 1' },
        ]}
        error={submission.fieldError('accept')}
        {...field('accept')}
      />
      <ReasonField label="Reden" error={submission.fieldError('reason')} {...field('reason')} />
    </CommandForm>
  );
}
