import { useId, useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { usePrincipal } from '../../auth/session';
import { useRouter } from '../../router';
import { CARER_RELATIONS, codeOptions } from '../../texts/codes';
import { RefusalMessage, useSubmission } from '../../ui/forms';
import { Page } from '../../ui/page';
import { Button, ButtonGroup, Fieldset, Paragraph, SelectField, TextField } from '../../ui/ui';

const MAX_CARERS = 6;

const LABELS: Record<string, string> = {
  caseNumber: 'Zaaknummer',
  municipalityCode: 'Gemeente',
  clientId: 'Cliëntnummer',
  familyId: 'Gezin',
  receivedOn: 'Hulpvraag ontvangen op',
  name: 'Naam van de cliënt',
  bsn: 'BSN',
  dateOfBirth: 'Geboortedatum',
  email: 'E-mailadres',
  carers: 'Ouders of verzorgers',
};
for (let i = 0; i < MAX_CARERS; i += 1) {
  LABELS[`carers[${i}].name`] = `Naam (ouder of verzorger ${i + 1})`;
  LABELS[`carers[${i}].relation`] = `Relatie (ouder of verzorger ${i + 1})`;
  LABELS[`carers[${i}].email`] = `E-mailadres (ouder of verzorger ${i + 1})`;
}

/** A new client's number: not a BSN and not a name, so it may travel through the workflows. */
function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `client-${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
}

/** The family of a new client, until the coordinator names another (1Gezin1Plan: siblings share it). */
const familyOf = (clientId: string) => `fam-${clientId.trim().replace(/^client-/, '')}`;

interface Carer {
  name: string;
  relation: string;
  email: string;
}

/**
 * A new trajectory, in one flow: the client (registered here first when new: name, BSN, birth
 * date, where the letters go, the parents or carers), then the case. The coordinator who starts
 * it runs it.
 */
export default function NewTrajectory() {
  const principal = usePrincipal();
  const { navigate } = useRouter();
  const [registered, setRegistered] = useState<'new' | 'known'>('new');
  const [client, setClient] = useState(() => ({
    clientId: newClientId(),
    name: '',
    bsn: '',
    dateOfBirth: '',
    email: '',
  }));
  const [carers, setCarers] = useState<Carer[]>([]);
  const [trajectory, setTrajectory] = useState({
    caseNumber: '',
    municipalityCode: principal.municipalities[0] ?? '',
    familyId: '',
    receivedOn: '',
  });
  const register = useSubmission();
  const start = useSubmission();
  const refusal = register.refusal ?? start.refusal;
  const fieldError = (field: string) => register.fieldError(field) ?? start.fieldError(field);

  const setClientField = (name: keyof typeof client) => (event: { target: { value: string } }) =>
    setClient((previous) => ({ ...previous, [name]: event.target.value }));
  const setTrajectoryField =
    (name: keyof typeof trajectory) => (event: { target: { value: string } }) =>
      setTrajectory((previous) => ({ ...previous, [name]: event.target.value }));
  const setCarer = (i: number, name: keyof Carer, value: string) =>
    setCarers((previous) => previous.map((c, j) => (j === i ? { ...c, [name]: value } : c)));

  const clientId = client.clientId.trim();
  const familyId = trajectory.familyId.trim() || (clientId ? familyOf(clientId) : '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (register.busy || start.busy) return;
    if (registered === 'new') {
      const body: Schemas['PutClientDto'] = {
        name: client.name.trim(),
        ...(client.bsn.trim() ? { bsn: client.bsn.trim() } : {}),
        ...(client.dateOfBirth ? { dateOfBirth: client.dateOfBirth } : {}),
        ...(client.email.trim() ? { email: client.email.trim() } : {}),
        carers: carers.map((carer) => ({
          name: carer.name.trim(),
          relation: carer.relation as Schemas['CarerDto']['relation'],
          ...(carer.email.trim() ? { email: carer.email.trim() } : {}),
        })),
      };
      // A PUT is idempotent by itself: sent again, it registers the same client once.
      const done = await register.submit(() =>
        api.PUT('/clients/{id}', { params: { path: { id: clientId } }, body }),
      );
      if (!done) return;
    }
    const caseNumber = trajectory.caseNumber.trim().toUpperCase();
    const started = await start.submit((key) =>
      api.POST('/trajectories', {
        headers: { 'Idempotency-Key': key },
        body: {
          caseNumber,
          municipalityCode: trajectory.municipalityCode,
          coordinatorId: principal.sub,
          clientId,
          familyId,
          ...(trajectory.receivedOn ? { receivedOn: trajectory.receivedOn } : {}),
        },
      }),
    );
    if (started) navigate(`/zaken/${encodeURIComponent(caseNumber)}`);
  };

  return (
    <Page title="Nieuw traject">
      <Paragraph>
        Registreer de cliënt als die nog niet in het register staat, en start dan het traject. U
        wordt de coördinator van deze zaak.
      </Paragraph>
      <RefusalMessage refusal={refusal} labels={LABELS} />
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Nieuw traject">
        <ClientChoice value={registered} onChange={setRegistered} />
        {registered === 'new' ? (
          <Fieldset legend="De cliënt">
            <TextField
              label={LABELS.name!}
              description="Zo spreken de brieven de cliënt aan"
              autoComplete="off"
              value={client.name}
              error={fieldError('name')}
              onChange={setClientField('name')}
              required
            />
            <TextField
              label={LABELS.bsn!}
              description="Negen cijfers; niet verplicht"
              inputMode="numeric"
              autoComplete="off"
              maxLength={9}
              value={client.bsn}
              error={fieldError('bsn')}
              onChange={setClientField('bsn')}
            />
            <TextField
              label={LABELS.dateOfBirth!}
              type="date"
              value={client.dateOfBirth}
              error={fieldError('dateOfBirth')}
              onChange={setClientField('dateOfBirth')}
            />
            <TextField
              label={LABELS.email!}
              description="Zonder ouders of verzorgers gaan de brieven van het gezin hierheen; met hen is het het eigen adres van de jongere (brieven vanaf 16 jaar)"
              type="email"
              autoComplete="off"
              value={client.email}
              error={fieldError('email')}
              onChange={setClientField('email')}
            />
            <TextField
              label={LABELS.clientId!}
              description="Het kenmerk van de cliënt in het register: kleine letters, cijfers en -. Geen BSN."
              autoComplete="off"
              value={client.clientId}
              error={fieldError('clientId')}
              onChange={setClientField('clientId')}
              required
            />
            {carers.map((carer, i) => (
              <Fieldset key={i} legend={`Ouder of verzorger ${i + 1}`}>
                <TextField
                  label="Naam"
                  autoComplete="off"
                  value={carer.name}
                  error={fieldError(`carers[${i}].name`)}
                  onChange={(event) => setCarer(i, 'name', event.target.value)}
                  required
                />
                <SelectField
                  label="Relatie"
                  options={codeOptions(CARER_RELATIONS, false)}
                  value={carer.relation}
                  error={fieldError(`carers[${i}].relation`)}
                  onChange={(event) => setCarer(i, 'relation', event.target.value)}
                />
                <TextField
                  label="E-mailadres"
                  description="Zonder e-mailadres krijgt deze ouder of verzorger geen brieven"
                  type="email"
                  autoComplete="off"
                  value={carer.email}
                  error={fieldError(`carers[${i}].email`)}
                  onChange={(event) => setCarer(i, 'email', event.target.value)}
                />
                <Button
                  appearance="subtle"
                  onClick={() => setCarers((previous) => previous.filter((_, j) => j !== i))}
                >
                  Ouder of verzorger {i + 1} weghalen
                </Button>
              </Fieldset>
            ))}
            {carers.length < MAX_CARERS && (
              <ButtonGroup>
                <Button
                  onClick={() =>
                    setCarers((previous) => [
                      ...previous,
                      { name: '', relation: 'ouder', email: '' },
                    ])
                  }
                >
                  Ouder of verzorger toevoegen
                </Button>
              </ButtonGroup>
            )}
          </Fieldset>
        ) : (
          <Fieldset legend="De cliënt">
            <TextField
              label={LABELS.clientId!}
              description="Het kenmerk van de cliënt in het register, bijvoorbeeld client-0001"
              autoComplete="off"
              value={client.clientId}
              error={fieldError('clientId')}
              onChange={setClientField('clientId')}
              required
            />
          </Fieldset>
        )}
        <Fieldset legend="Het traject">
          <TextField
            label={LABELS.caseNumber!}
            description="Bijvoorbeeld CJG-2026-000123"
            autoComplete="off"
            value={trajectory.caseNumber}
            error={fieldError('caseNumber')}
            onChange={setTrajectoryField('caseNumber')}
            required
          />
          <SelectField
            label={LABELS.municipalityCode!}
            options={principal.municipalities.map((code) => ({ value: code, label: code }))}
            value={trajectory.municipalityCode}
            error={fieldError('municipalityCode')}
            onChange={setTrajectoryField('municipalityCode')}
          />
          <TextField
            label={LABELS.familyId!}
            description={`Eén gezin, één plan: gebruik het kenmerk van het gezin als een broer of zus al een zaak heeft. Leeg: ${familyId || 'fam-…'}`}
            autoComplete="off"
            placeholder={familyId}
            value={trajectory.familyId}
            error={fieldError('familyId')}
            onChange={setTrajectoryField('familyId')}
          />
          <TextField
            label={LABELS.receivedOn!}
            type="date"
            description="Alleen invullen als de hulpvraag eerder binnenkwam dan vandaag"
            value={trajectory.receivedOn}
            error={fieldError('receivedOn')}
            onChange={setTrajectoryField('receivedOn')}
          />
        </Fieldset>
        <Button appearance="primary" type="submit" busy={register.busy || start.busy}>
          {registered === 'new' ? 'Cliënt registreren en traject starten' : 'Traject starten'}
        </Button>
      </form>
    </Page>
  );
}

/** Whether the client is new (registered in this flow) or already in the register. */
function ClientChoice({
  value,
  onChange,
}: {
  value: 'new' | 'known';
  onChange(value: 'new' | 'known'): void;
}) {
  const name = useId();
  const options = [
    { value: 'new', label: 'Nieuwe cliënt: nu registreren' },
    { value: 'known', label: 'De cliënt staat al in het register' },
  ] as const;
  return (
    <Fieldset legend="Staat de cliënt al in het register?">
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <div key={option.value} className="utrecht-form-field utrecht-form-field--radio">
            <div className="utrecht-form-field__input">
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                className="utrecht-radio-button utrecht-radio-button--html-input"
              />
            </div>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
                {option.label}
              </label>
            </div>
          </div>
        );
      })}
    </Fieldset>
  );
}
