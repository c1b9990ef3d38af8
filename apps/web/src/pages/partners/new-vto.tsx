import { useId, useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { usePrincipal } from '../../auth/session';
import { Link, useRouter } from '../../router';
import { VTO_GROUNDS } from '../../texts/partners';
import { RefusalMessage, useSubmission } from '../../ui/forms';
import { Page } from '../../ui/page';
import {
  Button,
  Checkbox,
  Fieldset,
  Paragraph,
  SelectField,
  TextArea,
  TextField,
} from '../../ui/ui';
import { AlreadyThere } from './shared';

const LABELS = {
  caseNumber: 'Zaaknummer van het verzoek',
  municipalityCode: 'Gemeente',
  coordinatorId: 'Coördinator',
  trajectoryCaseNumber: 'Zaaknummer van het traject',
  clientId: 'Cliënt',
  familyId: 'Gezin',
  grounds: 'Gronden',
  explanation: 'Toelichting',
};

type Ground = keyof typeof VTO_GROUNDS;
/** The ground every VTO has (the API refuses one without it). */
const REQUIRED_GROUND: Ground = 'ernstige-ontwikkelingsbedreiging';
const EXPLANATION_MAX = 4000;

/**
 * A coordinator proposes a verzoek tot onderzoek to the Raad voor de Kinderbescherming for a drang
 * case: the parents get the written request at once, and the beschermingsplein decides whether it
 * goes to the Raad. The same case number again starts nothing.
 */
export default function NewVto() {
  const principal = usePrincipal();
  const { navigate } = useRouter();
  const [form, setForm] = useState({
    caseNumber: '',
    municipalityCode: principal.municipalities[0] ?? '',
    coordinatorId: principal.role === 'coordinator' ? principal.sub : '',
    trajectoryCaseNumber: '',
    clientId: '',
    familyId: '',
    explanation: '',
  });
  const [grounds, setGrounds] = useState<readonly Ground[]>([REQUIRED_GROUND]);
  const [existing, setExisting] = useState<string>();
  const start = useSubmission<Schemas['VtoProposedDto']>();
  const groundsId = useId();
  const set = (name: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [name]: event.target.value }));
  const toggle = (ground: Ground, on: boolean) =>
    setGrounds((chosen) =>
      // In the table's order, whatever the order of clicking.
      (Object.keys(VTO_GROUNDS) as Ground[]).filter((g) =>
        g === ground ? on : chosen.includes(g),
      ),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setExisting(undefined);
    const caseNumber = form.caseNumber.trim().toUpperCase();
    const trajectory = form.trajectoryCaseNumber.trim().toUpperCase();
    const clientId = form.clientId.trim();
    const familyId = form.familyId.trim();
    const result = await start.submit((key) =>
      api.POST('/vtos', {
        headers: { 'Idempotency-Key': key },
        body: {
          caseNumber,
          municipalityCode: form.municipalityCode,
          coordinatorId: form.coordinatorId.trim(),
          ...(trajectory ? { trajectoryCaseNumber: trajectory } : {}),
          ...(clientId ? { clientId } : {}),
          ...(familyId ? { familyId } : {}),
          grounds: [...grounds],
          explanation: form.explanation.trim(),
        },
      }),
    );
    if (!result) return;
    if (result.created) navigate(`/vto/${encodeURIComponent(result.caseNumber)}`);
    else setExisting(result.caseNumber);
  };

  const groundsError = start.fieldError('grounds');
  return (
    <Page title="Nieuw verzoek tot onderzoek">
      <Paragraph>
        Een verzoek aan de Raad voor de Kinderbescherming om onderzoek te doen. De ouders krijgen
        het verzoek meteen op papier; daarna legt u vast dat u ze hebt geïnformeerd. Het
        beschermingsplein besluit of het verzoek naar de Raad gaat.
      </Paragraph>
      <Link to="/vto">Terug naar de verzoeken tot onderzoek</Link>
      {existing && (
        <AlreadyThere
          text="Er is al een verzoek met dit zaaknummer. Er is niets nieuws gestart."
          to={`/vto/${encodeURIComponent(existing)}`}
          linkText={`Naar verzoek ${existing}`}
        />
      )}
      <RefusalMessage refusal={start.refusal} labels={LABELS} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Fieldset legend="Het verzoek">
          <TextField
            label={LABELS.caseNumber}
            name="caseNumber"
            description="Een nieuw zaaknummer, bijvoorbeeld VTO-2026-000012"
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
            required
          />
          <TextField
            label={LABELS.coordinatorId}
            name="coordinatorId"
            description="Wie het verzoek begeleidt en de herinneringen krijgt, bijvoorbeeld coord-anna"
            value={form.coordinatorId}
            error={start.fieldError('coordinatorId')}
            onChange={set('coordinatorId')}
            required
          />
        </Fieldset>
        <Fieldset legend="Het kind en het gezin">
          <TextField
            label={LABELS.trajectoryCaseNumber}
            name="trajectoryCaseNumber"
            description="Het traject van deze drangzaak, bijvoorbeeld CJG-2026-000123. Dan komen de cliënt en het gezin uit het traject."
            value={form.trajectoryCaseNumber}
            error={start.fieldError('trajectoryCaseNumber')}
            onChange={set('trajectoryCaseNumber')}
          />
          <TextField
            label={LABELS.clientId}
            name="clientId"
            description="Het kind, zoals het in het register staat, bijvoorbeeld client-0001. Nodig zonder traject."
            value={form.clientId}
            error={start.fieldError('clientId')}
            onChange={set('clientId')}
          />
          <TextField
            label={LABELS.familyId}
            name="familyId"
            description="Eén gezin, één plan: het id van het gezin, bijvoorbeeld fam-jansen. Nodig zonder traject."
            value={form.familyId}
            error={start.fieldError('familyId')}
            onChange={set('familyId')}
          />
        </Fieldset>
        <fieldset
          className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
          aria-describedby={`${groundsId}-beschrijving${groundsError ? ` ${groundsId}-fout` : ''}`}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {LABELS.grounds}
          </legend>
          <div className="utrecht-form-field-description" id={`${groundsId}-beschrijving`}>
            Kies alle gronden die gelden. Een ernstige bedreiging van de ontwikkeling hoort er
            altijd bij.
          </div>
          {groundsError && (
            <div className="utrecht-form-field-error-message" id={`${groundsId}-fout`}>
              {groundsError}
            </div>
          )}
          {(Object.keys(VTO_GROUNDS) as Ground[]).map((ground) => (
            <Checkbox
              key={ground}
              label={VTO_GROUNDS[ground]}
              name="grounds"
              value={ground}
              checked={grounds.includes(ground)}
              onChange={(event) => toggle(ground, event.target.checked)}
            />
          ))}
        </fieldset>
        <TextArea
          label={LABELS.explanation}
          name="explanation"
          description={`Waarom een onderzoek nodig is, in uw woorden (ten hoogste ${EXPLANATION_MAX} tekens). Alleen het CJG leest dit; het staat niet in de brieven.`}
          maxLength={EXPLANATION_MAX}
          value={form.explanation}
          error={start.fieldError('explanation')}
          onChange={set('explanation')}
          // Not `required`: the library marks an empty required text area red before any input.
          aria-required
        />
        <Button appearance="primary" type="submit" busy={start.busy}>
          Verzoek indienen
        </Button>
      </form>
    </Page>
  );
}
