import { api } from '../../../api/client';
import { useSubmission } from '../../../ui/forms';
import { TextField } from '../../../ui/ui';
import { CommandForm, ReasonField, textOf, useFields, type CommandProps } from './command-form';

/** The team lead moves the case to another coordinator. */
export function ReassignCoordinatorForm({ caseNumber, view, onDone }: CommandProps) {
  const submission = useSubmission();
  const { values, field } = useFields({ coordinatorId: '', reason: '' });
  const send = async () => {
    const done = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/reassign-coordinator', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: { coordinatorId: values.coordinatorId.trim(), reason: textOf(values.reason) },
      }),
    );
    if (done) onDone('reassignCoordinator');
    return done !== undefined;
  };
  return (
    <CommandForm
      command="reassignCoordinator"
      intro={`Nu is ${view.coordinatorId} de coördinator van deze zaak.`}
      submitLabel="Toewijzen"
      submission={submission}
      labels={{ coordinatorId: 'Nieuwe coördinator', reason: 'Reden' }}
      onSubmit={send}
    >
      <TextField
        label="Nieuwe coördinator"
        description="Het id van de coördinator in het register, bijvoorbeeld coord-anna"
        autoComplete="off"
        required
        error={submission.fieldError('coordinatorId')}
        {...field('coordinatorId')}
      />
      <ReasonField label="Reden" error={submission.fieldError('reason')} {...field('reason')} />
    </CommandForm>
  );
}
