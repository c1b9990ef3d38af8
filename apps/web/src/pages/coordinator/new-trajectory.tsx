import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { usePrincipal } from '../../auth/session';
import { useRouter } from '../../router';
import { RefusalMessage, useSubmission } from '../../ui/forms';
import { Page } from '../../ui/page';
import { Button, Fieldset, Paragraph, SelectField, TextField } from '../../ui/ui';

const LABELS = {
  caseNumber: 'Zaaknummer',
  municipalityCode: 'Gemeente',
  clientId: 'Cliënt',
  familyId: 'Gezin',
  receivedOn: 'Aanvraag ontvangen op',
};

/** A new trajectory: the case, the registered client and family, the day the request came in. */
export default function NewTrajectory() {
  const principal = usePrincipal();
  const { navigate } = useRouter();
  const [form, setForm] = useState({
    caseNumber: '',
    municipalityCode: principal.municipalities[0] ?? '',
    clientId: '',
    familyId: '',
    receivedOn: '',
  });
  const start = useSubmission();
  const set = (name: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const caseNumber = form.caseNumber.trim().toUpperCase();
    const result = await start.submit((key) =>
      api.POST('/trajectories', {
        headers: { 'Idempotency-Key': key },
        body: {
          caseNumber,
          municipalityCode: form.municipalityCode,
          coordinatorId: principal.sub,
          clientId: form.clientId.trim(),
          familyId: form.familyId.trim(),
          ...(form.receivedOn ? { receivedOn: form.receivedOn } : {}),
        },
      }),
    );
    if (result) navigate(`/zaken/${encodeURIComponent(caseNumber)}`);
  };

  return (
    <Page title="Nieuw traject">
      <Paragraph>
        De cliënt en het gezin staan al in het register. U wordt de coördinator van deze zaak.
      </Paragraph>
      <RefusalMessage refusal={start.refusal} labels={LABELS} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Fieldset legend="De zaak">
          <TextField
            label={LABELS.caseNumber}
            name="caseNumber"
            description="Bijvoorbeeld CJG-2026-000123"
            value={form.caseNumber}
            error={start.fieldError('caseNumber')}
            onChange={set('caseNumber')}
            required
          />
          <SelectField
            label={LABELS.municipalityCode}
            name="municipalityCode"
            options={principal.municipalities.map((code) => ({ value: code, label: code }))}
            value={form.municipalityCode}
            error={start.fieldError('municipalityCode')}
            onChange={set('municipalityCode')}
          />
          <TextField
            label={LABELS.clientId}
            name="clientId"
            description="Het id van de cliënt in het register, bijvoorbeeld client-0001"
            value={form.clientId}
            error={start.fieldError('clientId')}
            onChange={set('clientId')}
            required
          />
          <TextField
            label={LABELS.familyId}
            name="familyId"
            description="Eén gezin, één plan: het id van het gezin, bijvoorbeeld fam-jansen"
            value={form.familyId}
            error={start.fieldError('familyId')}
            onChange={set('familyId')}
            required
          />
          <TextField
            label={LABELS.receivedOn}
            name="receivedOn"
            type="date"
            description="Alleen invullen als de hulpvraag eerder binnenkwam dan vandaag"
            value={form.receivedOn}
            error={start.fieldError('receivedOn')}
            onChange={set('receivedOn')}
          />
        </Fieldset>
        <Button appearance="primary" type="submit" busy={start.busy}>
          Traject starten
        </Button>
      </form>
    </Page>
  );
}
