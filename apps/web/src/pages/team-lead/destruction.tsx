import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { Link, useRouter } from '../../router';
import { DESTRUCTION_STATES } from '../../texts/reports';
import { RefusalMessage, useSubmission } from '../../ui/forms';
import { Page } from '../../ui/page';
import {
  Alert,
  Button,
  Checkbox,
  DataList,
  Fieldset,
  Heading,
  Paragraph,
  TextField,
} from '../../ui/ui';
import { TemporalLink } from './temporal-link';
import './team-lead.css';

type Destruction = Schemas['DestructionDto'];

const LABELS = {
  caseNumber: 'Zaaknummer',
  reason: 'Registratienummer van het verzoek',
  checked: 'Het verzoek is beoordeeld',
};

/**
 * A destruction on request (Jeugdwet 7.3.9; POST /trajectories/{caseNumber}/destruction, ops
 * only): the personal data of the case's client goes, in every case of that client, once the CJG
 * has judged the request valid. Refused while any case of the client is open.
 */
export default function DestructionPage() {
  const { query } = useRouter();
  const { settings } = useSession();
  const [form, setForm] = useState({ caseNumber: query.get('zaak') ?? '', reason: '' });
  const [checked, setChecked] = useState(false);
  const [unchecked, setUnchecked] = useState(false);
  const [outcome, setOutcome] = useState<Destruction>();
  const destroy = useSubmission<Destruction>();

  const set = (name: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Irreversible: the person confirms that the request was judged before anything is sent.
    if (!checked) {
      setUnchecked(true);
      return;
    }
    setUnchecked(false);
    setOutcome(undefined);
    const caseNumber = form.caseNumber.trim().toUpperCase();
    const result = await destroy.submit((key) =>
      api.POST('/trajectories/{caseNumber}/destruction', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: { reason: form.reason.trim() },
      }),
    );
    if (result) setOutcome(result);
  };

  return (
    <Page title="Vernietiging op verzoek">
      <Paragraph>
        Een cliënt kan vragen om vernietiging van zijn gegevens (Jeugdwet artikel 7.3.9). Na
        vernietiging zijn de naam, het BSN, de geboortedatum en het e-mailadres van de cliënt weg
        uit al zijn zaken; wat blijft zijn nummers, codes en data. Dit kan pas als alle zaken van de
        cliënt zijn afgesloten. <Link to="/?fase=closed">Afgesloten zaken bekijken</Link>
      </Paragraph>
      <Alert type="warning" title="Dit kan niet ongedaan worden gemaakt">
        <Paragraph>
          Beoordeel het verzoek eerst en leg het vast in het archief. Vul hier alleen het
          registratienummer in, geen namen: het nummer blijft bewaard.
        </Paragraph>
      </Alert>
      {outcome && (
        <section aria-labelledby="uitkomst">
          <Heading level={2} id="uitkomst">
            Uitkomst
          </Heading>
          <Alert type={outcome.status === 'running' ? 'info' : 'ok'}>
            <Paragraph>{DESTRUCTION_STATES[outcome.status] ?? outcome.status}</Paragraph>
          </Alert>
          <DataList
            items={[
              ['Zaak', outcome.caseNumber],
              ['Cliënt', outcome.clientId],
              [
                'Vernietigd in de zaken',
                outcome.destroyedCaseNumbers.length > 0
                  ? outcome.destroyedCaseNumbers.join(', ')
                  : 'geen',
              ],
              ...(settings?.temporalUi
                ? [
                    [
                      'Workflow',
                      <TemporalLink workflowId={outcome.workflowId}>
                        {`Workflow ${outcome.workflowId} in Temporal`}
                      </TemporalLink>,
                    ] as const,
                  ]
                : []),
            ]}
          />
        </section>
      )}
      <RefusalMessage refusal={destroy.refusal} labels={LABELS} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Fieldset legend="Het verzoek">
          <TextField
            label={LABELS.caseNumber}
            name="caseNumber"
            description="Een zaak van de cliënt, bijvoorbeeld CJG-2026-000123"
            value={form.caseNumber}
            error={destroy.fieldError('caseNumber')}
            onChange={set('caseNumber')}
            required
          />
          <TextField
            label={LABELS.reason}
            name="reason"
            description="Het nummer in het archief, bijvoorbeeld AVG-2026-0042: letters, cijfers en . / : _ -"
            value={form.reason}
            error={destroy.fieldError('reason')}
            onChange={set('reason')}
            required
          />
          {unchecked && (
            <p className="utrecht-form-field-error-message" role="alert">
              Bevestig eerst dat het verzoek is beoordeeld.
            </p>
          )}
          <Checkbox
            label="Het verzoek is beoordeeld en geldig; de gegevens mogen weg"
            name="checked"
            checked={checked}
            onChange={(event) => setChecked(event.target.checked)}
          />
        </Fieldset>
        <Button appearance="primary" type="submit" busy={destroy.busy}>
          Gegevens vernietigen
        </Button>
      </form>
    </Page>
  );
}
