import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { Link, useRouter } from '../../router';
import { HANDOVER_TYPES, HANDOVER_URGENCIES, optionsOf } from '../../texts/partners';
import { RefusalMessage, useSubmission } from '../../ui/forms';
import { Page } from '../../ui/page';
import { Button, Fieldset, Paragraph, SelectField, TextArea, TextField } from '../../ui/ui';
import { AlreadyThere, linesOf } from './shared';

const LABELS = {
  reference: 'Kenmerk Veilig Thuis',
  urgency: 'Urgentie',
  handoverType: 'Soort overdracht',
  municipalityCode: 'Gemeentecode',
  safetyConditions: 'Veiligheidsvoorwaarden',
  monitoringAgreements: 'Afspraken over monitoring',
};

type Urgency = keyof typeof HANDOVER_URGENCIES;
type HandoverType = keyof typeof HANDOVER_TYPES;

/**
 * A Veilig Thuis liaison hands a case over to the CJG (warme overdracht): the CJG's handover lead
 * of the municipality gets a letter and accepts or refuses within the term. The same kenmerk again
 * starts nothing: the page then links to the handover that exists.
 */
export default function NewHandover() {
  const { navigate } = useRouter();
  const [form, setForm] = useState({
    reference: '',
    urgency: '',
    handoverType: '',
    municipalityCode: '',
    safetyConditions: '',
    monitoringAgreements: '',
  });
  const [existing, setExisting] = useState<string>();
  const start = useSubmission<Schemas['HandoverCreatedDto']>();
  const set = (name: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setExisting(undefined);
    const monitoring = linesOf(form.monitoringAgreements);
    const result = await start.submit((key) =>
      api.POST('/handovers', {
        headers: { 'Idempotency-Key': key },
        body: {
          reference: form.reference.trim().toUpperCase(),
          urgency: form.urgency as Urgency,
          handoverType: form.handoverType as HandoverType,
          municipalityCode: form.municipalityCode.trim(),
          safetyConditions: linesOf(form.safetyConditions),
          ...(monitoring.length > 0 ? { monitoringAgreements: monitoring } : {}),
        },
      }),
    );
    if (!result) return;
    if (result.created) navigate(`/overdrachten/${encodeURIComponent(result.handoverId)}`);
    else setExisting(result.handoverId);
  };

  return (
    <Page title="Nieuwe overdracht aan het CJG">
      <Paragraph>
        De overdrachtsleider van het CJG in de gemeente krijgt bericht en neemt de zaak binnen 5
        werkdagen over (bij spoed binnen 1 werkdag). Daarna plant het CJG de warme overdracht met u
        en het gezin.
      </Paragraph>
      <Link to="/overdrachten">Terug naar de overdrachten</Link>
      {existing && (
        <AlreadyThere
          text="Dit kenmerk heeft uw organisatie al overgedragen. Er is niets nieuws gestart."
          to={`/overdrachten/${encodeURIComponent(existing)}`}
          linkText={`Naar overdracht ${existing}`}
        />
      )}
      <RefusalMessage refusal={start.refusal} labels={LABELS} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Fieldset legend="De zaak">
          <TextField
            label={LABELS.reference}
            name="reference"
            description="Het zaaknummer bij Veilig Thuis, bijvoorbeeld VT-2026-04711. Alleen letters, cijfers en streepjes."
            value={form.reference}
            error={start.fieldError('reference')}
            onChange={set('reference')}
            required
          />
          <SelectField
            label={LABELS.urgency}
            name="urgency"
            placeholder="Kies de urgentie"
            options={optionsOf(HANDOVER_URGENCIES)}
            value={form.urgency}
            error={start.fieldError('urgency')}
            onChange={set('urgency')}
            required
          />
          <SelectField
            label={LABELS.handoverType}
            name="handoverType"
            placeholder="Kies de soort overdracht"
            options={optionsOf(HANDOVER_TYPES)}
            value={form.handoverType}
            error={start.fieldError('handoverType')}
            onChange={set('handoverType')}
            required
          />
          <TextField
            label={LABELS.municipalityCode}
            name="municipalityCode"
            description="De CBS-code van de gemeente waar het gezin woont: vier cijfers, bijvoorbeeld 0957"
            inputMode="numeric"
            autoComplete="off"
            value={form.municipalityCode}
            error={start.fieldError('municipalityCode')}
            onChange={set('municipalityCode')}
            required
          />
        </Fieldset>
        <Fieldset legend="Veiligheid">
          <TextArea
            label={LABELS.safetyConditions}
            name="safetyConditions"
            description="Eén voorwaarde per regel, ten minste één"
            value={form.safetyConditions}
            error={start.fieldError('safetyConditions')}
            onChange={set('safetyConditions')}
            // Not `required`: the library marks an empty required text area red before any input.
            aria-required
          />
          <TextArea
            label={LABELS.monitoringAgreements}
            name="monitoringAgreements"
            description="Wie houdt wat in de gaten, en tot wanneer. Eén afspraak per regel. Niet verplicht."
            value={form.monitoringAgreements}
            error={start.fieldError('monitoringAgreements')}
            onChange={set('monitoringAgreements')}
          />
        </Fieldset>
        <Button appearance="primary" type="submit" busy={start.busy}>
          Overdracht registreren
        </Button>
      </form>
    </Page>
  );
}
