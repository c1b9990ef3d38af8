import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { usePrincipal, type Role } from '../../auth/session';
import { RefusalMessage, useSubmission } from '../../ui/forms';
import { Page } from '../../ui/page';
import { Alert, Button, Fieldset, Heading, Paragraph, SelectField, TextField } from '../../ui/ui';

/** One field of a register form: its name in the request body, its label, and how it is typed. */
interface FieldSpec {
  name: string;
  label: string;
  description?: string;
  type?: 'text' | 'email';
  options?: readonly { value: string; label: string }[];
  required?: boolean;
}

type Values = Record<string, string>;

interface CallResult {
  error?: unknown;
  response: Response;
}

/** A register: who may fill it, its id field, its fields, and the PUT that stores it. */
interface RegisterSpec {
  key: string;
  title: string;
  intro: string;
  roles: readonly Role[];
  id: FieldSpec;
  fields: readonly FieldSpec[];
  put(id: string, body: Values, idempotencyKey: string): Promise<CallResult>;
}

/** The body as the API takes it: empty optional fields left out. */
function bodyOf(values: Values, fields: readonly FieldSpec[]): Values {
  return Object.fromEntries(
    fields
      .map((field) => [field.name, (values[field.name] ?? '').trim()] as const)
      .filter(([, value]) => value !== ''),
  );
}

const headers = (key: string) => ({ 'Idempotency-Key': key });

/**
 * The registers the process needs before a first case (docs: README "Using the API"): the
 * municipality, its team and coordinators, the providers, the professionals who sign off plans,
 * and the partner organisations. A PUT stores the whole entry again, so a second time corrects it.
 */
const REGISTERS: readonly RegisterSpec[] = [
  {
    key: 'gemeente',
    title: 'Gemeente',
    intro: 'De naam en wat de brieven van de gemeente noemen: contact, ondertekening en bezwaar.',
    roles: ['ops'],
    id: { name: 'code', label: 'CBS-gemeentecode', description: 'Vier cijfers, bijvoorbeeld 0957' },
    fields: [
      { name: 'name', label: 'Naam', required: true },
      { name: 'postalAddress', label: 'Postadres' },
      { name: 'phone', label: 'Telefoon' },
      { name: 'email', label: 'E-mailadres', type: 'email' },
      { name: 'website', label: 'Website' },
      { name: 'signatoryName', label: 'Ondertekenaar (naam)' },
      { name: 'signatoryFunction', label: 'Ondertekenaar (functie)' },
      { name: 'objectionAddress', label: 'Adres voor bezwaar' },
    ],
    put: (code, body, key) =>
      api.PUT('/municipalities/{code}', {
        params: { path: { code } },
        headers: headers(key),
        body: body as { name: string },
      }),
  },
  {
    key: 'team',
    title: 'Team',
    intro: 'Een CJG-team, met de gemeente waarvoor het werkt.',
    roles: ['team-lead', 'ops'],
    id: { name: 'id', label: 'Id van het team', description: 'Bijvoorbeeld team-roermond-noord' },
    fields: [
      { name: 'name', label: 'Naam', required: true },
      { name: 'municipalityCode', label: 'CBS-gemeentecode' },
    ],
    put: (id, body, key) =>
      api.PUT('/teams/{id}', {
        params: { path: { id } },
        headers: headers(key),
        body: body as { name: string },
      }),
  },
  {
    key: 'coordinator',
    title: 'Coördinator',
    intro: 'Wie zaken coördineert; het id is de gebruikersnaam waarmee hij of zij inlogt.',
    roles: ['team-lead', 'ops'],
    id: { name: 'id', label: 'Id van de coördinator', description: 'Bijvoorbeeld coord-anna' },
    fields: [
      { name: 'name', label: 'Naam', required: true },
      { name: 'email', label: 'E-mailadres', type: 'email', required: true },
      { name: 'teamId', label: 'Team', description: 'Het id van een geregistreerd team' },
    ],
    put: (id, body, key) =>
      api.PUT('/coordinators/{id}', {
        params: { path: { id } },
        headers: headers(key),
        body: body as { name: string; email: string },
      }),
  },
  {
    key: 'aanbieder',
    title: 'Zorgaanbieder',
    intro: 'Een aanbieder waarnaar verwezen kan worden; het e-mailadres krijgt de toewijzingen.',
    roles: ['ops'],
    id: { name: 'agbCode', label: 'AGB-code', description: 'Acht cijfers' },
    fields: [
      { name: 'name', label: 'Naam', required: true },
      { name: 'email', label: 'E-mailadres', type: 'email', required: true },
    ],
    put: (agbCode, body, key) =>
      api.PUT('/providers/{agbCode}', {
        params: { path: { agbCode } },
        headers: headers(key),
        body: body as { name: string; email: string },
      }),
  },
  {
    key: 'professional',
    title: 'Professional',
    intro:
      'De BPP of gedragswetenschapper die plan deel 1 aftekent voordat er een beschikking komt.',
    roles: ['ops'],
    id: { name: 'id', label: 'Id van de professional', description: 'Bijvoorbeeld gw-petra' },
    fields: [
      { name: 'name', label: 'Naam', required: true },
      {
        name: 'kind',
        label: 'Soort',
        required: true,
        options: [
          { value: 'gedragswetenschapper', label: 'Gedragswetenschapper' },
          { value: 'bpp', label: 'Beroepsgeregistreerde professional (BPP)' },
        ],
      },
      {
        name: 'register',
        label: 'Register',
        required: true,
        options: [
          { value: 'SKJ', label: 'SKJ' },
          { value: 'BIG', label: 'BIG' },
        ],
      },
      { name: 'registrationNumber', label: 'Registratienummer', required: true },
    ],
    put: (id, body, key) =>
      api.PUT('/professionals/{id}', {
        params: { path: { id } },
        headers: headers(key),
        body: body as {
          name: string;
          kind: 'bpp' | 'gedragswetenschapper';
          register: 'SKJ' | 'BIG';
          registrationNumber: string;
        },
      }),
  },
  {
    key: 'organisatie',
    title: 'Partnerorganisatie',
    intro: 'Veilig Thuis, een gecertificeerde instelling, de Raad of het beschermingsplein.',
    roles: ['ops'],
    id: { name: 'id', label: 'Id van de organisatie', description: 'Bijvoorbeeld vt-limburg' },
    fields: [
      {
        name: 'kind',
        label: 'Soort',
        required: true,
        options: [
          { value: 'veilig-thuis', label: 'Veilig Thuis' },
          { value: 'gi', label: 'Gecertificeerde instelling' },
          { value: 'raad', label: 'Raad voor de Kinderbescherming' },
          { value: 'beschermingsplein', label: 'Beschermingsplein' },
        ],
      },
      { name: 'name', label: 'Naam', required: true },
      { name: 'email', label: 'E-mailadres', type: 'email', required: true },
    ],
    put: (id, body, key) =>
      api.PUT('/organisations/{id}', {
        params: { path: { id } },
        headers: headers(key),
        body: body as {
          kind: 'veilig-thuis' | 'gi' | 'raad' | 'beschermingsplein';
          name: string;
          email: string;
        },
      }),
  },
];

function RegisterForm({ spec }: { spec: RegisterSpec }) {
  const initial = (): Values =>
    Object.fromEntries(
      [spec.id, ...spec.fields].map((field) => [field.name, field.options?.[0]?.value ?? '']),
    );
  const [values, setValues] = useState<Values>(initial);
  const [saved, setSaved] = useState<string>();
  const [idMissing, setIdMissing] = useState(false);
  const submission = useSubmission();
  const labels = Object.fromEntries(spec.fields.map((field) => [field.name, field.label]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(undefined);
    const id = (values[spec.id.name] ?? '').trim();
    // The id is part of the address: without it there is nothing to send.
    setIdMissing(id === '');
    if (id === '') return;
    const done = await submission.submit(async (key) => {
      const { error, response } = await spec.put(id, bodyOf(values, spec.fields), key);
      return { data: response.ok ? true : undefined, error, response };
    });
    if (done) setSaved(`${spec.title} ${id} is opgeslagen.`);
  };

  const field = (spec: FieldSpec, isId = false) => {
    const common = {
      key: spec.name,
      label: spec.label,
      name: spec.name,
      description: spec.description,
      value: values[spec.name] ?? '',
      error: isId && idMissing ? 'Vul dit in.' : submission.fieldError(spec.name),
    };
    return spec.options ? (
      <SelectField
        {...common}
        options={spec.options}
        onChange={(event) => setValues((v) => ({ ...v, [spec.name]: event.target.value }))}
      />
    ) : (
      <TextField
        {...common}
        type={spec.type ?? 'text'}
        aria-required={spec.required || undefined}
        onChange={(event) => setValues((v) => ({ ...v, [spec.name]: event.target.value }))}
      />
    );
  };

  return (
    <section aria-labelledby={`register-${spec.key}`}>
      <Heading level={2} id={`register-${spec.key}`}>
        {spec.title}
      </Heading>
      <Paragraph>{spec.intro}</Paragraph>
      <RefusalMessage
        refusal={submission.refusal}
        labels={{ ...labels, [spec.id.name]: spec.id.label }}
      />
      {saved && <Alert type="ok">{saved}</Alert>}
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={spec.title}>
        <Fieldset legend={spec.title}>
          {field({ ...spec.id, required: true }, true)}
          {spec.fields.map((f) => field(f))}
        </Fieldset>
        <Button appearance="primary" type="submit" busy={submission.busy}>
          {spec.title} opslaan
        </Button>
      </form>
    </section>
  );
}

/**
 * Registers (ops; team leads their teams and coordinators): what must exist before a first
 * case, so that a new stack can be set up in the app itself.
 */
export default function RegistryPage() {
  const { role } = usePrincipal();
  return (
    <Page title="Registers">
      <Paragraph>
        Wat er moet bestaan voordat een coördinator een traject start. Opslaan met een bestaand id
        werkt het gegeven bij.
      </Paragraph>
      {REGISTERS.filter((spec) => spec.roles.includes(role)).map((spec) => (
        <RegisterForm key={spec.key} spec={spec} />
      ))}
    </Page>
  );
}
