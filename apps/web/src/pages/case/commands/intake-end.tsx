import { api, type Schemas } from '../../../api/client';
import { ADVICE_CODES, codeOptions, REJECTION_GROUNDS } from '../../../texts/codes';
import { useSubmission } from '../../../ui/forms';
import { SelectField } from '../../../ui/ui';
import { CommandForm, ReasonField, textOf, useFields, type CommandProps } from './command-form';

/** The intake ends without specialised care: the family gets the advice in writing. */
export function CloseWithAdviceForm({ caseNumber, onDone }: CommandProps) {
  const submission = useSubmission();
  const { values, field } = useFields({ advice: 'basisondersteuning', explanation: '' });
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/close-with-advice', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: {
          advice: values.advice as Schemas['CloseWithAdviceDto']['advice'],
          explanation: textOf(values.explanation),
        },
      }),
    );
    if (done) onDone('closeWithAdvice');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="closeWithAdvice"
      intro="Er is geen specialistische jeugdhulp nodig. Het gezin krijgt uw advies in een brief en de zaak wordt afgesloten."
      submitLabel="Afsluiten met advies"
      submission={submission}
      labels={{ advice: 'Advies', explanation: 'Het advies in woorden' }}
      onSubmit={send}
    >
      <SelectField
        label="Advies"
        options={codeOptions(ADVICE_CODES, false)}
        error={submission.fieldError('advice')}
        {...field('advice')}
      />
      <ReasonField
        label="Het advies in woorden"
        description="Deze tekst staat in de brief aan het gezin"
        error={submission.fieldError('explanation')}
        {...field('explanation')}
      />
    </CommandForm>
  );
}

/** Afwijzing: the college refuses the request, a decision with its motivation (Awb 3:46). */
export function RejectRequestForm({ caseNumber, onDone }: CommandProps) {
  const submission = useSubmission();
  const { values, field } = useFields({ ground: 'eigen-kracht', motivation: '' });
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/reject-request', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: {
          ground: values.ground as Schemas['RejectRequestDto']['ground'],
          motivation: textOf(values.motivation),
        },
      }),
    );
    if (done) onDone('rejectRequest');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="rejectRequest"
      intro="Het college wijst de aanvraag af. Het gezin krijgt een besluit met de motivering en hoe het bezwaar kan maken."
      submitLabel="Aanvraag afwijzen"
      submission={submission}
      labels={{ ground: 'Grond', motivation: 'Motivering' }}
      onSubmit={send}
    >
      <SelectField
        label="Grond"
        options={codeOptions(REJECTION_GROUNDS, false)}
        error={submission.fieldError('ground')}
        {...field('ground')}
      />
      <ReasonField
        label="Motivering"
        description="Een besluit moet gemotiveerd zijn; deze tekst staat in het besluit"
        error={submission.fieldError('motivation')}
        {...field('motivation')}
      />
    </CommandForm>
  );
}

/** The request is withdrawn or the family moved; once care started, the end evaluation follows. */
export function WithdrawForm({ caseNumber, onDone }: CommandProps) {
  const submission = useSubmission();
  const { values, field } = useFields({ reason: '' });
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/withdraw', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: { reason: textOf(values.reason) },
      }),
    );
    if (done) onDone('withdraw');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="withdraw"
      intro="De aanvraag is ingetrokken of het gezin is verhuisd. Is de zorg al begonnen, dan volgt nog een eindevaluatie."
      submitLabel="Traject intrekken"
      submission={submission}
      labels={{ reason: 'Reden' }}
      onSubmit={send}
    >
      <ReasonField label="Reden" error={submission.fieldError('reason')} {...field('reason')} />
    </CommandForm>
  );
}
