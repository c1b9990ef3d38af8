import { useState, type ReactNode } from 'react';
import { api, type Schemas } from '../../api/client';
import { usePrincipal } from '../../auth/session';
import { Link } from '../../router';
import { formatDate, formatDateTime, today } from '../../texts/labels';
import {
  HANDOVER_COMMANDS,
  HANDOVER_DUE_KINDS,
  HANDOVER_REFUSAL_REASONS,
  HANDOVER_REFUSAL_REASONS_SHOWN,
  HANDOVER_STATUSES,
  HANDOVER_TYPES,
  HANDOVER_URGENCIES,
  HANDOVER_WAITS_FOR,
  HANDOVER_WITHDRAWAL_REASONS,
  nameOf,
  optionsOf,
} from '../../texts/partners';
import { RefusalMessage, useSubmission } from '../../ui/forms';
import { Loading, Page } from '../../ui/page';
import {
  Cell,
  Checkbox,
  DataList,
  Heading,
  Row,
  SelectField,
  Table,
  TextArea,
  TextField,
} from '../../ui/ui';
import {
  CaseLink,
  DoneMessage,
  linesOf,
  NoSteps,
  OverdueBadge,
  StepForm,
  TextList,
  useLoad,
} from './shared';

type Handover = Schemas['HandoverDto'];
type Done = (message: string) => void;

const yesNo = (value: boolean | undefined) => (value === undefined ? '—' : value ? 'Ja' : 'Nee');

/**
 * One Veilig Thuis handover: its facts, the safety conditions and agreements, its deadlines, and
 * each step the caller may take now (the API's `allowedCommands` for this role) as a form.
 */
export default function HandoverPage({ handoverId }: { handoverId: string }) {
  const [done, setDone] = useState<string>();
  const {
    data: handover,
    refusal,
    reload,
  } = useLoad(
    () => api.GET('/handovers/{handoverId}', { params: { path: { handoverId } } }),
    [handoverId],
  );
  const onDone: Done = (message) => {
    setDone(message);
    reload();
  };
  return (
    <Page title={`Overdracht ${handoverId}`}>
      <Link to="/overdrachten">Terug naar de overdrachten</Link>
      <DoneMessage text={done} />
      <RefusalMessage refusal={refusal} />
      {!handover && !refusal && <Loading what="De overdracht" />}
      {handover && <HandoverView handover={handover} onDone={onDone} />}
    </Page>
  );
}

function HandoverView({ handover, onDone }: { handover: Handover; onDone: Done }) {
  const meeting = handover.meeting;
  const facts: [string, ReactNode][] = [
    [
      'Status',
      <>
        {HANDOVER_STATUSES[handover.status]} <OverdueBadge overdue={handover.overdue} />
      </>,
    ],
    ['Wacht op', HANDOVER_WAITS_FOR[handover.status] ?? '—'],
    ['Kenmerk Veilig Thuis', handover.reference],
    ['Organisatie', handover.organisationId],
    ['Soort overdracht', HANDOVER_TYPES[handover.handoverType]],
    ['Urgentie', HANDOVER_URGENCIES[handover.urgency]],
    ['Gemeente', handover.municipalityCode],
    ['Ontvangen op', formatDateTime(handover.receivedAt)],
    [
      'Overnemen uiterlijk',
      <>
        {formatDate(handover.acceptance.dueDate)}
        {handover.acceptance.acceptedAt &&
          `, overgenomen op ${formatDateTime(handover.acceptance.acceptedAt)}${handover.acceptance.late ? ' (te laat)' : ''}`}
      </>,
    ],
    ['Coördinator', handover.coordinatorId ?? '—'],
  ];
  if (handover.view === 'case') {
    facts.push(['Cliënt', handover.clientId ?? '—'], ['Gezin', handover.familyId ?? '—']);
  }
  if (handover.accessEndsAt) {
    facts.push(['Zichtbaar voor Veilig Thuis tot', formatDateTime(handover.accessEndsAt)]);
  }
  const outcome = outcomeFacts(handover);
  return (
    <>
      <DataList items={facts} />

      <Heading level={2}>Veiligheid en afspraken</Heading>
      <DataList
        items={[
          ['Veiligheidsvoorwaarden', <TextList items={handover.texts.safetyConditions} />],
          ['Afspraken over monitoring', <TextList items={handover.texts.monitoringAgreements} />],
          ['Afspraken uit de warme overdracht', <TextList items={handover.texts.agreements} />],
        ]}
      />

      {meeting && (
        <>
          <Heading level={2}>Warme overdracht</Heading>
          <DataList
            items={[
              [
                'Uiterlijk houden op',
                <>
                  {formatDate(meeting.dueDate)}{' '}
                  {!meeting.held && <OverdueBadge overdue={meeting.overdue} />}
                </>,
              ],
              [
                'Gepland op',
                meeting.planned
                  ? `${formatDate(meeting.planned.date)}${meeting.planned.time ? ` om ${meeting.planned.time}` : ''}${meeting.planned.times > 1 ? ` (${meeting.planned.times - 1} keer verzet)` : ''}`
                  : 'Nog niet gepland',
              ],
              [
                'Gezamenlijk huisbezoek',
                yesNo(meeting.held?.jointHomeVisit ?? meeting.planned?.jointHomeVisit),
              ],
              [
                'Gehouden op',
                meeting.held
                  ? `${formatDate(meeting.held.on)}${meeting.held.late ? ' (te laat)' : ''}`
                  : '—',
              ],
            ]}
          />
        </>
      )}

      {outcome.length > 0 && (
        <>
          <Heading level={2}>Uitkomst</Heading>
          <DataList items={outcome} />
        </>
      )}

      <Heading level={2}>Termijnen</Heading>
      {handover.pendingDeadlines.length === 0 ? (
        <NoSteps>Er lopen geen termijnen.</NoSteps>
      ) : (
        <Table
          caption="Wat de overdracht afwacht, het eerst bovenaan"
          head={['Termijn', 'Wanneer']}
        >
          {handover.pendingDeadlines.map((deadline) => (
            <Row key={`${deadline.kind}-${deadline.at}`}>
              <Cell header>{nameOf(HANDOVER_DUE_KINDS, deadline.kind)}</Cell>
              <Cell>{formatDateTime(deadline.at)}</Cell>
            </Row>
          ))}
        </Table>
      )}

      {handover.deliveryProblems && handover.deliveryProblems.length > 0 && (
        <Table
          caption="Brieven die niet zijn aangekomen"
          head={['Brief', 'Aan', 'Reden', 'Wanneer']}
        >
          {handover.deliveryProblems.map((problem) => (
            <Row key={`${problem.letter}-${problem.sequence}-${problem.recipient}`}>
              <Cell header>{problem.letter}</Cell>
              <Cell>{problem.recipient}</Cell>
              <Cell>{DELIVERY_PROBLEMS[problem.reason] ?? problem.reason}</Cell>
              <Cell>{formatDateTime(problem.at)}</Cell>
            </Row>
          ))}
        </Table>
      )}

      <Heading level={2}>Wat u nu kunt doen</Heading>
      <HandoverSteps handover={handover} onDone={onDone} />
    </>
  );
}

const DELIVERY_PROBLEMS: Record<string, string> = {
  refused: 'Geweigerd door de mailserver',
  'no-address': 'Geen adres bekend',
  'unknown-recipient': 'Ontvanger onbekend',
};

function outcomeFacts(handover: Handover): [string, ReactNode][] {
  const facts: [string, ReactNode][] = [];
  if (handover.feedback && !handover.outcome) {
    facts.push([
      'Terugkoppeling uiterlijk',
      <>
        {formatDate(handover.feedback.dueDate)} <OverdueBadge overdue={handover.feedback.overdue} />
      </>,
    ]);
  }
  if (handover.outcome) {
    const { outcome } = handover;
    facts.push([
      'Uitkomst',
      outcome.decision === 'trajectory' ? 'Een toegangstraject is gestart' : 'Basisondersteuning',
    ]);
    if (outcome.caseNumber) facts.push(['Traject', <CaseLink caseNumber={outcome.caseNumber} />]);
    facts.push(['Besloten op', `${formatDateTime(outcome.at)}${outcome.late ? ' (te laat)' : ''}`]);
  }
  if (handover.refusal) {
    facts.push(
      ['Niet overgenomen, reden', nameOf(HANDOVER_REFUSAL_REASONS_SHOWN, handover.refusal.reason)],
      ['Toelichting', <TextList items={handover.texts.explanation} />],
      ['Niet overgenomen op', formatDateTime(handover.refusal.at)],
    );
  }
  if (handover.withdrawal) {
    facts.push(
      ['Ingetrokken, reden', nameOf(HANDOVER_WITHDRAWAL_REASONS, handover.withdrawal.reason)],
      ['Ingetrokken op', formatDateTime(handover.withdrawal.at)],
    );
  }
  return facts;
}

/** The steps this caller may take now, in the order of the process. */
function HandoverSteps({ handover, onDone }: { handover: Handover; onDone: Done }) {
  const allowed = new Set(handover.allowedCommands);
  if (allowed.size === 0) {
    return <NoSteps>U kunt nu geen stap zetten in deze overdracht.</NoSteps>;
  }
  const props = { handover, onDone };
  return (
    <>
      {allowed.has('accept') && <AcceptStep {...props} />}
      {allowed.has('refuse') && <RefuseStep {...props} />}
      {allowed.has('planMeeting') && <PlanMeetingStep {...props} />}
      {allowed.has('recordMeeting') && <RecordMeetingStep {...props} />}
      {allowed.has('startTrajectory') && <StartTrajectoryStep {...props} />}
      {allowed.has('closeWithBasicSupport') && <BasicSupportStep {...props} />}
      {allowed.has('withdraw') && <WithdrawStep {...props} />}
    </>
  );
}

interface StepProps {
  handover: Handover;
  onDone: Done;
}

const path = (handover: Handover) => ({ path: { handoverId: handover.handoverId } });
const headers = (key: string) => ({ 'Idempotency-Key': key });

function AcceptStep({ handover, onDone }: StepProps) {
  const principal = usePrincipal();
  const submission = useSubmission();
  const [coordinatorId, setCoordinatorId] = useState(
    principal.role === 'coordinator' ? principal.sub : '',
  );
  const labels = { coordinatorId: 'Coördinator' };
  return (
    <StepForm
      title={HANDOVER_COMMANDS.accept}
      intro="Het CJG neemt de zaak over. Veilig Thuis hoort wie de coördinator is en wanneer de warme overdracht uiterlijk is."
      submitLabel="Overdracht overnemen"
      submission={submission}
      labels={labels}
      onSubmit={async () => {
        const result = await submission.submit((key) =>
          api.POST('/handovers/{handoverId}/accept', {
            params: path(handover),
            headers: headers(key),
            body: { coordinatorId: coordinatorId.trim() },
          }),
        );
        if (result) onDone('De overdracht is overgenomen.');
      }}
    >
      <TextField
        label={labels.coordinatorId}
        name="coordinatorId"
        description="Het id van de coördinator die de zaak neemt, bijvoorbeeld coord-anna"
        value={coordinatorId}
        error={submission.fieldError('coordinatorId')}
        onChange={(event) => setCoordinatorId(event.target.value)}
        required
      />
    </StepForm>
  );
}

function RefuseStep({ handover, onDone }: StepProps) {
  const submission = useSubmission();
  const [reason, setReason] = useState('');
  const [explanation, setExplanation] = useState('');
  const labels = { reason: 'Reden', explanation: 'Toelichting voor Veilig Thuis' };
  return (
    <StepForm
      title={HANDOVER_COMMANDS.refuse}
      intro="Veilig Thuis beoordeelt de veiligheid. Het CJG weigert alleen als de zaak niet van het CJG is. Veilig Thuis en de overdrachtsleider krijgen de reden."
      submitLabel="Overdracht niet overnemen"
      submission={submission}
      labels={labels}
      onSubmit={async () => {
        const items = linesOf(explanation);
        const result = await submission.submit((key) =>
          api.POST('/handovers/{handoverId}/refuse', {
            params: path(handover),
            headers: headers(key),
            body: {
              reason: reason as keyof typeof HANDOVER_REFUSAL_REASONS,
              ...(items.length > 0 ? { explanation: items } : {}),
            },
          }),
        );
        if (result) onDone('De overdracht is niet overgenomen. Veilig Thuis krijgt bericht.');
      }}
    >
      <SelectField
        label={labels.reason}
        name="reason"
        placeholder="Kies een reden"
        options={optionsOf(HANDOVER_REFUSAL_REASONS)}
        value={reason}
        error={submission.fieldError('reason')}
        onChange={(event) => setReason(event.target.value)}
        required
      />
      <TextArea
        label={labels.explanation}
        name="explanation"
        description="Eén punt per regel. Nodig bij 'Geen zaak voor het CJG': zeg wiens zaak het is."
        value={explanation}
        error={submission.fieldError('explanation')}
        onChange={(event) => setExplanation(event.target.value)}
      />
    </StepForm>
  );
}

function PlanMeetingStep({ handover, onDone }: StepProps) {
  const submission = useSubmission();
  const planned = handover.meeting?.planned;
  const [form, setForm] = useState({
    date: planned?.date ?? '',
    time: planned?.time ?? '',
    jointHomeVisit: planned?.jointHomeVisit ?? false,
    clientId: handover.clientId ?? '',
    familyId: handover.familyId ?? '',
  });
  const labels = {
    date: 'Datum',
    time: 'Tijd',
    jointHomeVisit: 'Gezamenlijk huisbezoek met Veilig Thuis',
    clientId: 'Cliënt',
    familyId: 'Gezin',
  };
  const set =
    (name: 'date' | 'time' | 'clientId' | 'familyId') => (event: { target: { value: string } }) =>
      setForm((previous) => ({ ...previous, [name]: event.target.value }));
  return (
    <StepForm
      title={planned ? 'Warme overdracht verzetten' : HANDOVER_COMMANDS.planMeeting}
      intro={
        planned
          ? 'Iedereen krijgt een brief met de nieuwe datum.'
          : 'Veilig Thuis, het gezin en de coördinator krijgen een uitnodiging. Registreer de cliënt eerst in het register.'
      }
      submitLabel={planned ? 'Warme overdracht verzetten' : 'Warme overdracht plannen'}
      submission={submission}
      labels={labels}
      onSubmit={async () => {
        const result = await submission.submit((key) =>
          api.POST('/handovers/{handoverId}/plan-meeting', {
            params: path(handover),
            headers: headers(key),
            body: {
              date: form.date,
              ...(form.time ? { time: form.time } : {}),
              jointHomeVisit: form.jointHomeVisit,
              clientId: form.clientId.trim(),
              familyId: form.familyId.trim(),
            },
          }),
        );
        if (result) onDone('De warme overdracht is gepland. De uitnodigingen gaan op de post.');
      }}
    >
      <TextField
        label={labels.date}
        name="date"
        type="date"
        value={form.date}
        error={submission.fieldError('date')}
        onChange={set('date')}
        required
      />
      <TextField
        label={labels.time}
        name="time"
        type="time"
        description="Niet verplicht"
        value={form.time}
        error={submission.fieldError('time')}
        onChange={set('time')}
      />
      <Checkbox
        label={labels.jointHomeVisit}
        name="jointHomeVisit"
        checked={form.jointHomeVisit}
        onChange={(event) =>
          setForm((previous) => ({ ...previous, jointHomeVisit: event.target.checked }))
        }
      />
      <TextField
        label={labels.clientId}
        name="clientId"
        description="Het id van de cliënt in het register, bijvoorbeeld client-0001"
        value={form.clientId}
        error={submission.fieldError('clientId')}
        onChange={set('clientId')}
        required
      />
      <TextField
        label={labels.familyId}
        name="familyId"
        description="Eén gezin, één plan: het id van het gezin, bijvoorbeeld fam-jansen"
        value={form.familyId}
        error={submission.fieldError('familyId')}
        onChange={set('familyId')}
        required
      />
    </StepForm>
  );
}

function RecordMeetingStep({ handover, onDone }: StepProps) {
  const submission = useSubmission();
  const planned = handover.meeting?.planned;
  const [heldOn, setHeldOn] = useState(planned?.date ?? today());
  const [jointHomeVisit, setJointHomeVisit] = useState(planned?.jointHomeVisit ?? false);
  const [agreements, setAgreements] = useState('');
  const labels = {
    heldOn: 'Gehouden op',
    jointHomeVisit: 'Gehouden als gezamenlijk huisbezoek',
    agreements: 'Gemaakte afspraken',
  };
  return (
    <StepForm
      title={HANDOVER_COMMANDS.recordMeeting}
      intro="Veilig Thuis, het gezin en de coördinator krijgen de afspraken op papier."
      submitLabel="Warme overdracht vastleggen"
      submission={submission}
      labels={labels}
      onSubmit={async () => {
        const result = await submission.submit((key) =>
          api.POST('/handovers/{handoverId}/record-meeting', {
            params: path(handover),
            headers: headers(key),
            body: { heldOn, jointHomeVisit, agreements: linesOf(agreements) },
          }),
        );
        if (result) onDone('De warme overdracht is vastgelegd. De afspraken gaan naar iedereen.');
      }}
    >
      <TextField
        label={labels.heldOn}
        name="heldOn"
        type="date"
        value={heldOn}
        error={submission.fieldError('heldOn')}
        onChange={(event) => setHeldOn(event.target.value)}
        required
      />
      <Checkbox
        label={labels.jointHomeVisit}
        name="jointHomeVisit"
        checked={jointHomeVisit}
        onChange={(event) => setJointHomeVisit(event.target.checked)}
      />
      <TextArea
        label={labels.agreements}
        name="agreements"
        description="Eén afspraak per regel"
        value={agreements}
        error={submission.fieldError('agreements')}
        onChange={(event) => setAgreements(event.target.value)}
        required
      />
    </StepForm>
  );
}

function StartTrajectoryStep({ handover, onDone }: StepProps) {
  const submission = useSubmission();
  const [caseNumber, setCaseNumber] = useState('');
  const labels = { caseNumber: 'Zaaknummer van het traject' };
  return (
    <StepForm
      title={HANDOVER_COMMANDS.startTrajectory}
      intro="Een toegangstraject start voor de cliënt en het gezin van de warme overdracht, met de coördinator van de overdracht. Veilig Thuis krijgt de terugkoppeling."
      submitLabel="Traject starten"
      submission={submission}
      labels={labels}
      onSubmit={async () => {
        const number = caseNumber.trim().toUpperCase();
        const result = await submission.submit((key) =>
          api.POST('/handovers/{handoverId}/start-trajectory', {
            params: path(handover),
            headers: headers(key),
            body: { caseNumber: number },
          }),
        );
        if (result) onDone(`Traject ${number} is gestart. Veilig Thuis krijgt de terugkoppeling.`);
      }}
    >
      <TextField
        label={labels.caseNumber}
        name="caseNumber"
        description="Een nieuw zaaknummer, bijvoorbeeld CJG-2026-000123"
        value={caseNumber}
        error={submission.fieldError('caseNumber')}
        onChange={(event) => setCaseNumber(event.target.value)}
        required
      />
    </StepForm>
  );
}

function BasicSupportStep({ handover, onDone }: StepProps) {
  const submission = useSubmission();
  return (
    <StepForm
      title={HANDOVER_COMMANDS.closeWithBasicSupport}
      intro="Er is geen specialistische hulp nodig: het gezin gaat verder met basisondersteuning in het voorliggend veld. Veilig Thuis en het gezin krijgen bericht."
      submitLabel="Afsluiten met basisondersteuning"
      submission={submission}
      labels={{}}
      onSubmit={async () => {
        const result = await submission.submit((key) =>
          api.POST('/handovers/{handoverId}/close-with-basic-support', {
            params: path(handover),
            headers: headers(key),
            body: {},
          }),
        );
        if (result) onDone('De overdracht is afgesloten met basisondersteuning.');
      }}
    />
  );
}

function WithdrawStep({ handover, onDone }: StepProps) {
  const submission = useSubmission();
  const [reason, setReason] = useState('');
  const labels = { reason: 'Reden van intrekken' };
  return (
    <StepForm
      title={HANDOVER_COMMANDS.withdraw}
      intro="Dit kan tot de warme overdracht is gehouden. De overdrachtsleider, de coördinator en (als het al is uitgenodigd) het gezin krijgen bericht."
      submitLabel="Overdracht intrekken"
      submission={submission}
      labels={labels}
      onSubmit={async () => {
        const result = await submission.submit((key) =>
          api.POST('/handovers/{handoverId}/withdraw', {
            params: path(handover),
            headers: headers(key),
            body: { reason: reason as keyof typeof HANDOVER_WITHDRAWAL_REASONS },
          }),
        );
        if (result) onDone('De overdracht is ingetrokken.');
      }}
    >
      <SelectField
        label={labels.reason}
        name="reason"
        placeholder="Kies een reden"
        options={optionsOf(HANDOVER_WITHDRAWAL_REASONS)}
        value={reason}
        error={submission.fieldError('reason')}
        onChange={(event) => setReason(event.target.value)}
        required
      />
    </StepForm>
  );
}
