import { useState, type ReactNode } from 'react';
import { api, type Schemas } from '../../api/client';
import { Link } from '../../router';
import { formatDate, formatDateTime, today } from '../../texts/labels';
import {
  nameOf,
  optionsOf,
  PARENTS_INFORMED_HOW,
  VTO_COMMANDS,
  VTO_DECISIONS,
  VTO_DUE_KINDS,
  VTO_GROUNDS,
  VTO_NOT_SENT_REASONS,
  VTO_STATUSES,
  VTO_WITHDRAWAL_REASONS,
  YES_NO,
} from '../../texts/partners';
import { RefusalMessage, useSubmission } from '../../ui/forms';
import { Loading, Page } from '../../ui/page';
import {
  Cell,
  DataList,
  Heading,
  Paragraph,
  Row,
  SelectField,
  Table,
  TextField,
} from '../../ui/ui';
import { DoneMessage, NoSteps, OverdueBadge, StepForm, TextList, useLoad } from './shared';

type Vto = Schemas['VtoStateDto'];
type Done = (message: string) => void;

/*
 * The parts of a VTO the API describes as free objects (VtoStateDto), in the shape of the
 * domain's VtoState (libs/domain/src/processes/vto/state.ts).
 */
interface Parents {
  dueOn: string;
  informedOn?: string;
  how?: keyof typeof PARENTS_INFORMED_HOW;
  recordedBy?: string;
}
interface Agenda {
  agendaId: string;
  meetingDate: string;
  decisionDueOn: string;
}
interface Decision {
  decision: 'send' | 'not-send';
  reason?: string;
  meetingDate: string;
  recordedAt: string;
  recordedBy: string;
}
interface Raad {
  sentOn: string;
  outcomeDueOn: string;
  investigationStarted?: boolean;
  decidedOn?: string;
  raadReference?: string;
}
interface Postponement {
  agendaId: string;
  meetingDate: string;
}

/**
 * One verzoek tot onderzoek: the grounds, the parents informed, the beschermingsplein's agenda
 * and decision, the Raad's answer, and the steps this caller may take now.
 */
export default function VtoPage({ caseNumber }: { caseNumber: string }) {
  const [done, setDone] = useState<string>();
  const {
    data: vto,
    refusal,
    reload,
  } = useLoad(
    () => api.GET('/vtos/{caseNumber}', { params: { path: { caseNumber } } }),
    [caseNumber],
  );
  const onDone: Done = (message) => {
    setDone(message);
    reload();
  };
  return (
    <Page title={`Verzoek tot onderzoek ${caseNumber}`}>
      <Link to="/vto">Terug naar de verzoeken</Link>
      <DoneMessage text={done} />
      <RefusalMessage refusal={refusal} />
      {!vto && !refusal && <Loading what="Het verzoek" />}
      {vto && <VtoView vto={vto} onDone={onDone} />}
    </Page>
  );
}

function VtoView({ vto, onDone }: { vto: Vto; onDone: Done }) {
  const parents = vto.parents as unknown as Parents;
  const agenda = vto.agenda as Agenda | undefined;
  const decision = vto.decision as Decision | undefined;
  const raad = vto.raad as Raad | undefined;
  const withdrawal = vto.withdrawal as { reason: string; at: string } | undefined;
  const postponements = vto.postponements as unknown as Postponement[];

  const facts: [string, ReactNode][] = [
    [
      'Status',
      <>
        {VTO_STATUSES[vto.status]} <OverdueBadge overdue={vto.overdue} />
      </>,
    ],
    ['Gemeente', vto.municipalityCode],
    ['Coördinator', vto.coordinatorId],
    ['Cliënt', vto.clientId],
    ['Gezin', vto.familyId],
    [
      'Traject (drangzaak)',
      vto.trajectoryCaseNumber ? (
        <Link to={`/zaken/${encodeURIComponent(vto.trajectoryCaseNumber)}`}>
          {vto.trajectoryCaseNumber}
        </Link>
      ) : (
        '—'
      ),
    ],
    ['Voorgesteld op', formatDateTime(vto.proposedAt)],
    ['Gronden', <TextList items={vto.grounds.map((ground) => VTO_GROUNDS[ground])} />],
  ];
  if (vto.explanation !== undefined) facts.push(['Toelichting', vto.explanation]);

  const parentFacts: [string, ReactNode][] = parents.informedOn
    ? [
        ['Geïnformeerd op', formatDate(parents.informedOn)],
        ['Hoe', nameOf(PARENTS_INFORMED_HOW, parents.how)],
        ['Vastgelegd door', parents.recordedBy ?? '—'],
      ]
    : [['Vastleggen uiterlijk', formatDate(parents.dueOn)]];

  const progress: [string, ReactNode][] = [];
  if (agenda) {
    progress.push(
      ['Op de agenda van', `${formatDate(agenda.meetingDate)} (${agenda.agendaId})`],
      ['Besluit vastleggen uiterlijk', formatDate(agenda.decisionDueOn)],
    );
  }
  if (postponements.length > 0) {
    progress.push([
      'Aangehouden op',
      postponements.map((p) => formatDate(p.meetingDate)).join(', '),
    ]);
  }
  if (decision) {
    progress.push(
      ['Besluit beschermingsplein', nameOf(VTO_DECISIONS, decision.decision)],
      ['Vergadering', formatDate(decision.meetingDate)],
    );
    if (decision.reason) progress.push(['Reden', nameOf(VTO_NOT_SENT_REASONS, decision.reason)]);
  }
  if (raad) {
    progress.push(['Verstuurd naar de Raad op', formatDate(raad.sentOn)]);
    if (raad.investigationStarted === undefined)
      progress.push(['Antwoord van de Raad verwacht uiterlijk', formatDate(raad.outcomeDueOn)]);
    else
      progress.push(
        ['De Raad start een onderzoek', raad.investigationStarted ? 'Ja' : 'Nee'],
        ['Antwoord van de Raad op', formatDate(raad.decidedOn)],
        ['Kenmerk van de Raad', raad.raadReference ?? '—'],
      );
  }
  if (withdrawal) {
    progress.push(
      ['Ingetrokken, reden', nameOf(VTO_WITHDRAWAL_REASONS, withdrawal.reason)],
      ['Ingetrokken op', formatDateTime(withdrawal.at)],
    );
  }

  return (
    <>
      <DataList items={facts} />

      <Heading level={2}>De ouders</Heading>
      <DataList items={parentFacts} />

      {progress.length > 0 && (
        <>
          <Heading level={2}>Beschermingsplein en Raad</Heading>
          <DataList items={progress} />
        </>
      )}

      <Heading level={2}>Termijnen</Heading>
      {vto.pendingDeadlines.length === 0 ? (
        <NoSteps>Er lopen geen termijnen.</NoSteps>
      ) : (
        <Table caption="Wat het verzoek afwacht" head={['Termijn', 'Wanneer']}>
          {vto.pendingDeadlines.map((deadline) => (
            <Row key={`${deadline.kind}-${deadline.at}`}>
              <Cell header>{nameOf(VTO_DUE_KINDS, deadline.kind)}</Cell>
              <Cell>{formatDateTime(deadline.at)}</Cell>
            </Row>
          ))}
        </Table>
      )}

      <Heading level={2}>Wat u nu kunt doen</Heading>
      <VtoSteps vto={vto} onDone={onDone} />
    </>
  );
}

function VtoSteps({ vto, onDone }: { vto: Vto; onDone: Done }) {
  const allowed = new Set(vto.allowedCommands);
  if (allowed.size === 0) {
    return (
      <NoSteps>
        {vto.status === 'awaiting-agenda'
          ? 'Het verzoek komt op de agenda van het beschermingsplein: die wordt elke dinsdag gemaakt.'
          : 'U kunt nu geen stap zetten in dit verzoek.'}
      </NoSteps>
    );
  }
  const props = { vto, onDone };
  return (
    <>
      {vto.status === 'awaiting-agenda' && (
        <Paragraph>
          Het verzoek komt op de agenda van het beschermingsplein: die wordt elke dinsdag gemaakt.
        </Paragraph>
      )}
      {allowed.has('recordParentsInformed') && <ParentsInformedStep {...props} />}
      {allowed.has('recordDecision') && <DecisionStep {...props} />}
      {allowed.has('recordRaadOutcome') && <RaadOutcomeStep {...props} />}
      {allowed.has('withdraw') && <WithdrawStep {...props} />}
    </>
  );
}

interface StepProps {
  vto: Vto;
  onDone: Done;
}

const path = (vto: Vto) => ({ path: { caseNumber: vto.caseNumber } });
const headers = (key: string) => ({ 'Idempotency-Key': key });

function ParentsInformedStep({ vto, onDone }: StepProps) {
  const submission = useSubmission();
  const [informedOn, setInformedOn] = useState(today());
  const [how, setHow] = useState('');
  const labels = { informedOn: 'Geïnformeerd op', how: 'Hoe zijn de ouders geïnformeerd?' };
  return (
    <StepForm
      title={VTO_COMMANDS.recordParentsInformed}
      intro="Pas daarna komt het verzoek op de agenda van het beschermingsplein."
      submitLabel="Vastleggen"
      submission={submission}
      labels={labels}
      onSubmit={async () => {
        const result = await submission.submit((key) =>
          api.POST('/vtos/{caseNumber}/record-parents-informed', {
            params: path(vto),
            headers: headers(key),
            body: { informedOn, how: how as keyof typeof PARENTS_INFORMED_HOW },
          }),
        );
        if (result) onDone('Vastgelegd dat de ouders zijn geïnformeerd.');
      }}
    >
      <TextField
        label={labels.informedOn}
        name="informedOn"
        type="date"
        max={today()}
        value={informedOn}
        error={submission.fieldError('informedOn')}
        onChange={(event) => setInformedOn(event.target.value)}
        required
      />
      <SelectField
        label={labels.how}
        name="how"
        placeholder="Kies hoe"
        options={optionsOf(PARENTS_INFORMED_HOW)}
        value={how}
        error={submission.fieldError('how')}
        onChange={(event) => setHow(event.target.value)}
        required
      />
    </StepForm>
  );
}

function DecisionStep({ vto, onDone }: StepProps) {
  const submission = useSubmission();
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const labels = { decision: 'Besluit', reason: 'Reden om niet te versturen' };
  return (
    <StepForm
      title={VTO_COMMANDS.recordDecision}
      intro="Na de vergadering van het beschermingsplein. Bij versturen krijgen de Raad en de ouders bericht; bij niet versturen de ouders, met de reden."
      submitLabel="Besluit vastleggen"
      submission={submission}
      labels={labels}
      onSubmit={async () => {
        const result = await submission.submit((key) =>
          api.POST('/vtos/{caseNumber}/record-decision', {
            params: path(vto),
            headers: headers(key),
            body: {
              decision: decision as keyof typeof VTO_DECISIONS,
              ...(decision === 'not-send' && reason
                ? { reason: reason as keyof typeof VTO_NOT_SENT_REASONS }
                : {}),
            },
          }),
        );
        if (result) onDone('Het besluit van het beschermingsplein is vastgelegd.');
      }}
    >
      <SelectField
        label={labels.decision}
        name="decision"
        placeholder="Kies een besluit"
        options={optionsOf(VTO_DECISIONS)}
        value={decision}
        error={submission.fieldError('decision')}
        onChange={(event) => setDecision(event.target.value)}
        required
      />
      {decision === 'not-send' && (
        <SelectField
          label={labels.reason}
          name="reason"
          placeholder="Kies een reden"
          options={optionsOf(VTO_NOT_SENT_REASONS)}
          value={reason}
          error={submission.fieldError('reason')}
          onChange={(event) => setReason(event.target.value)}
          required
        />
      )}
    </StepForm>
  );
}

function RaadOutcomeStep({ vto, onDone }: StepProps) {
  const submission = useSubmission();
  const [started, setStarted] = useState('');
  const [decidedOn, setDecidedOn] = useState(today());
  const [raadReference, setRaadReference] = useState('');
  const labels = {
    investigationStarted: 'Start de Raad een onderzoek?',
    decidedOn: 'Datum van het antwoord',
    raadReference: 'Kenmerk van de Raad',
  };
  return (
    <StepForm
      title={VTO_COMMANDS.recordRaadOutcome}
      intro="Het antwoord van de Raad sluit het verzoek af. De Raad informeert de ouders zelf."
      submitLabel="Antwoord vastleggen"
      submission={submission}
      labels={labels}
      onSubmit={async () => {
        const result = await submission.submit((key) =>
          api.POST('/vtos/{caseNumber}/record-raad-outcome', {
            params: path(vto),
            headers: headers(key),
            body: {
              // Without a choice the API says what is missing (400 on investigationStarted).
              investigationStarted: (started === '' ? undefined : started === 'ja') as boolean,
              decidedOn,
              ...(raadReference.trim() ? { raadReference: raadReference.trim() } : {}),
            },
          }),
        );
        if (result) onDone('Het antwoord van de Raad is vastgelegd.');
      }}
    >
      <SelectField
        label={labels.investigationStarted}
        name="investigationStarted"
        placeholder="Kies ja of nee"
        options={optionsOf(YES_NO)}
        value={started}
        error={submission.fieldError('investigationStarted')}
        onChange={(event) => setStarted(event.target.value)}
        required
      />
      <TextField
        label={labels.decidedOn}
        name="decidedOn"
        type="date"
        value={decidedOn}
        error={submission.fieldError('decidedOn')}
        onChange={(event) => setDecidedOn(event.target.value)}
        required
      />
      <TextField
        label={labels.raadReference}
        name="raadReference"
        description="Niet verplicht, bijvoorbeeld RvdK-2026/4711"
        value={raadReference}
        error={submission.fieldError('raadReference')}
        onChange={(event) => setRaadReference(event.target.value)}
      />
    </StepForm>
  );
}

function WithdrawStep({ vto, onDone }: StepProps) {
  const submission = useSubmission();
  const [reason, setReason] = useState('');
  const labels = { reason: 'Reden van intrekken' };
  return (
    <StepForm
      title={VTO_COMMANDS.withdraw}
      intro="Dit kan tot het beschermingsplein heeft besloten. De ouders krijgen bericht, en het beschermingsplein als het verzoek op de agenda stond."
      submitLabel="Verzoek intrekken"
      submission={submission}
      labels={labels}
      onSubmit={async () => {
        const result = await submission.submit((key) =>
          api.POST('/vtos/{caseNumber}/withdraw', {
            params: path(vto),
            headers: headers(key),
            body: { reason: reason as keyof typeof VTO_WITHDRAWAL_REASONS },
          }),
        );
        if (result) onDone('Het verzoek is ingetrokken.');
      }}
    >
      <SelectField
        label={labels.reason}
        name="reason"
        placeholder="Kies een reden"
        options={optionsOf(VTO_WITHDRAWAL_REASONS)}
        value={reason}
        error={submission.fieldError('reason')}
        onChange={(event) => setReason(event.target.value)}
        required
      />
    </StepForm>
  );
}
