import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, asErrorBody, type Schemas } from '../../api/client';
import { Link } from '../../router';
import { PHASES } from '../../texts/labels';
import { describeRefusal, type Refusal } from '../../texts/refusals';
import { RefusalMessage, useSubmission } from '../../ui/forms';
import { Loading, Page } from '../../ui/page';
import { Alert, Button, DataList, Fieldset, Paragraph, TextArea, TextField } from '../../ui/ui';
import { useReport } from './report-data';

type CaseView = Schemas['TrajectoryStateDto'];

const NO_FILTER = {};

const LABELS = {
  coordinatorId: 'Nieuwe coördinator',
  reason: 'Reden',
};

/** The coordinators the team lead's caseload knows, as suggestions for the new one. */
function useKnownCoordinators(): string[] {
  const { answer } = useReport('caseload', NO_FILTER);
  return answer?.coordinators.map((row) => row.coordinatorId) ?? [];
}

/**
 * The team lead moves a case to another coordinator (POST
 * /trajectories/{caseNumber}/reassign-coordinator: the team lead only, in its municipalities;
 * the new coordinator must be registered, and the reason is kept with the case).
 */
export default function Reassign({ caseNumber }: { caseNumber: string }) {
  const [view, setView] = useState<CaseView>();
  const [loadRefusal, setLoadRefusal] = useState<Refusal>();
  const [form, setForm] = useState({ coordinatorId: '', reason: '' });
  const [movedTo, setMovedTo] = useState<string>();
  const known = useKnownCoordinators();
  const listId = useId();
  const reassign = useSubmission<unknown>();

  useEffect(() => {
    let live = true;
    void api
      .GET('/trajectories/{caseNumber}', { params: { path: { caseNumber } } })
      .then(({ data, error, response }) => {
        if (!live) return;
        if (data && data.view === 'case') setView(data);
        else setLoadRefusal(describeRefusal(asErrorBody(error), response.status));
      });
    return () => {
      live = false;
    };
  }, [caseNumber]);

  const set = (name: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const coordinatorId = form.coordinatorId.trim();
    const result = await reassign.submit((key) =>
      api.POST('/trajectories/{caseNumber}/reassign-coordinator', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: { coordinatorId, reason: form.reason.trim() },
      }),
    );
    if (result) {
      const after = result as { view?: string; coordinatorId?: string };
      setMovedTo(after.coordinatorId ?? coordinatorId);
      if (after.view === 'case') setView(result as CaseView);
    }
  };

  const mayReassign = view?.allowedCommands.includes('reassignCoordinator') ?? false;
  return (
    <Page title={`Zaak ${caseNumber} overdragen`}>
      <RefusalMessage refusal={loadRefusal} />
      {!view && !loadRefusal && <Loading what="De zaak" />}
      {view && (
        <>
          <DataList
            items={[
              ['Zaak', <Link to={`/zaken/${encodeURIComponent(caseNumber)}`}>{caseNumber}</Link>],
              ['Fase', PHASES[view.phase]],
              ['Gemeente', view.municipalityCode],
              ['Coördinator', view.coordinatorId],
            ]}
          />
          {movedTo && (
            <Alert type="ok" title="De zaak is overgedragen">
              <Paragraph>
                {caseNumber} is nu van {movedTo}.{' '}
                <Link to={`/caseload/${encodeURIComponent(movedTo)}`}>
                  Naar de zaken van {movedTo}
                </Link>
              </Paragraph>
            </Alert>
          )}
          {!movedTo && !mayReassign && (
            <Paragraph>Deze zaak kan niet (meer) worden overgedragen.</Paragraph>
          )}
          {!movedTo && mayReassign && (
            <>
              <RefusalMessage refusal={reassign.refusal} labels={LABELS} />
              <form onSubmit={(event) => void submit(event)} noValidate>
                <Fieldset legend="Aan wie, en waarom">
                  <TextField
                    label={LABELS.coordinatorId}
                    name="coordinatorId"
                    description="De gebruikersnaam van de coördinator in het register, bijvoorbeeld coord-anna. Niet de huidige."
                    list={known.length > 0 ? listId : undefined}
                    autoComplete="off"
                    value={form.coordinatorId}
                    error={reassign.fieldError('coordinatorId')}
                    onChange={set('coordinatorId')}
                    required
                  />
                  {known.length > 0 && (
                    <datalist id={listId}>
                      {known
                        .filter((id) => id !== view.coordinatorId)
                        .map((id) => (
                          <option key={id} value={id} />
                        ))}
                    </datalist>
                  )}
                  <TextArea
                    label={LABELS.reason}
                    name="reason"
                    description="Dit blijft bij de zaak, bijvoorbeeld: langdurig verlof van de coördinator."
                    value={form.reason}
                    error={reassign.fieldError('reason')}
                    onChange={set('reason')}
                    required
                  />
                </Fieldset>
                <Button appearance="primary" type="submit" busy={reassign.busy}>
                  Zaak overdragen
                </Button>
              </form>
            </>
          )}
        </>
      )}
    </Page>
  );
}
