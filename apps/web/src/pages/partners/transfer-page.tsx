import { useState, type ReactNode } from 'react';
import { api, type Schemas } from '../../api/client';
import { usePrincipal } from '../../auth/session';
import { Link } from '../../router';
import { formatDate, formatDateTime } from '../../texts/labels';
import {
  MEASURES,
  nameOf,
  optionsOf,
  TRANSFER_COMMANDS,
  TRANSFER_DUE_KINDS,
  TRANSFER_NOT_AGREED_REASONS,
  TRANSFER_STATUSES,
  TRANSFER_WAITS_FOR,
  TRANSFER_WITHDRAWAL_REASONS,
  YES_NO,
} from '../../texts/partners';
import { RefusalMessage, useSubmission } from '../../ui/forms';
import { Loading, Page } from '../../ui/page';
import { Cell, Checkbox, DataList, Heading, Row, SelectField, Table, TextField } from '../../ui/ui';
import { CaseLink, DoneMessage, NoSteps, OverdueBadge, StepForm, useLoad } from './shared';

type Transfer = Schemas['TransferStateDto'];
type Done = (message: string) => void;

/*
 * The parts of a transfer the API describes as free objects (TransferStateDto), in the shape of
 * the domain's TransferState (libs/domain/src/processes/schakeloverleg/state.ts).
 */
interface Meeting {
  date: string;
  plannedAt: string;
  outcomeReminded: boolean;
  outcomeEscalated?: boolean;
}
interface Outcome {
  round: number;
  meetingDate: string;
  agreed: boolean;
  recordedAt: string;
  caseNumber?: string;
  reason?: string;
  revisitDate?: string;
}
interface Trajectory {
  caseNumber: string;
  startedAt: string;
  alreadyExisted: boolean;
}

const meetingOf = (transfer: Transfer) => transfer.meeting as Meeting | undefined;
const outcomesOf = (transfer: Transfer) => transfer.outcomes as unknown as Outcome[];
const trajectoryOf = (transfer: Transfer) => transfer.trajectory as Trajectory | undefined;
const agreementOf = (transfer: Transfer) =>
  transfer.agreement as { caseNumber: string; agreedAt: string } | undefined;
const revisitOf = (transfer: Transfer) => transfer.revisit as { date: string } | undefined;

/**
 * One Schakeloverleg transfer: the measure and the care in place, the meeting and its outcomes,
 * the dates that follow from the measure's end, and the steps this caller may take now.
 */
export default function TransferPage({ transferId }: { transferId: string }) {
  const [done, setDone] = useState<string>();
  const {
    data: transfer,
    refusal,
    reload,
  } = useLoad(
    () => api.GET('/transfers/{transferId}', { params: { path: { transferId } } }),
    [transferId],
  );
  const onDone: Done = (message) => {
    setDone(message);
    reload();
  };
  return (
    <Page title={`Schakeloverleg ${transferId}`}>
      <Link to="/schakeloverleg">Terug naar het Schakeloverleg</Link>
      <DoneMessage text={done} />
      <RefusalMessage refusal={refusal} />
      {!transfer && !refusal && <Loading what="Het voorstel" />}
      {transfer && <TransferView transfer={transfer} onDone={onDone} />}
    </Page>
  );
}

function TransferView({ transfer, onDone }: { transfer: Transfer; onDone: Done }) {
  const meeting = meetingOf(transfer);
  const outcomes = outcomesOf(transfer);
  const trajectory = trajectoryOf(transfer);
  const agreement = agreementOf(transfer);
  const revisit = revisitOf(transfer);
  const caseNumber = trajectory?.caseNumber ?? agreement?.caseNumber;
  const facts: [string, ReactNode][] = [
    [
      'Status',
      <>
        {TRANSFER_STATUSES[transfer.status]} <OverdueBadge overdue={transfer.overdue} />
      </>,
    ],
    ['Wacht op', TRANSFER_WAITS_FOR[transfer.status] ?? '—'],
    ['Kenmerk van de GI', transfer.reference],
    ['Gecertificeerde instelling', transfer.organisationId],
    ['Maatregel', MEASURES[transfer.measure]],
    ['Maatregel eindigt op', formatDate(transfer.measureEndDate)],
    ['Gemeente', transfer.municipalityCode],
    ['Cliënt', transfer.clientId],
    ['Gezin', transfer.familyId],
    ['Ronde', String(transfer.round)],
    ['Coördinator', transfer.coordinatorId ?? '—'],
    ['Voorgesteld op', formatDateTime(transfer.proposedAt)],
  ];
  if (meeting) facts.push(['Schakeloverleg gepland op', formatDate(meeting.date)]);
  if (revisit) facts.push(['Opnieuw bekijken op', formatDate(revisit.date)]);
  if (caseNumber) facts.push(['Traject', <CaseLink caseNumber={caseNumber} />]);
  if (trajectory) facts.push(['Traject gestart op', formatDateTime(trajectory.startedAt)]);
  if (transfer.closedAt) facts.push(['Afgesloten op', formatDateTime(transfer.closedAt)]);
  if (transfer.accessEndsAt)
    facts.push(['Zichtbaar voor de GI tot', formatDateTime(transfer.accessEndsAt)]);

  return (
    <>
      <DataList items={facts} />

      <Heading level={2}>Data die volgen uit de einddatum</Heading>
      <DataList
        items={[
          ['Herinnering als het nog niet is gepland', formatDate(transfer.dates.planningReminder)],
          ['Uiterlijk gepland op', formatDate(transfer.dates.planBy)],
          ['Laatste dag voor het Schakeloverleg', formatDate(transfer.dates.latestMeetingDate)],
        ]}
      />

      <Heading level={2}>Hulp die doorloopt</Heading>
      {transfer.care.length === 0 ? (
        <NoSteps>Er loopt geen hulp van een aanbieder.</NoSteps>
      ) : (
        <Table caption="Aanbieders met hulp die doorloopt" head={['AGB-code', 'Productcategorie']}>
          {transfer.care.map((care) => (
            <Row key={`${care.agbCode}-${care.productCategory}`}>
              <Cell header>{care.agbCode}</Cell>
              <Cell>{care.productCategory}</Cell>
            </Row>
          ))}
        </Table>
      )}

      {outcomes.length > 0 && (
        <>
          <Heading level={2}>Gehouden Schakeloverleggen</Heading>
          <Table
            caption="Uitkomst per ronde"
            head={['Ronde', 'Datum', 'Uitkomst', 'Reden', 'Opnieuw bekijken op', 'Traject']}
          >
            {outcomes.map((outcome) => (
              <Row key={outcome.round}>
                <Cell header>{outcome.round}</Cell>
                <Cell>{formatDate(outcome.meetingDate)}</Cell>
                <Cell>{outcome.agreed ? 'Akkoord' : 'Niet akkoord'}</Cell>
                <Cell>{nameOf(TRANSFER_NOT_AGREED_REASONS, outcome.reason)}</Cell>
                <Cell>{formatDate(outcome.revisitDate)}</Cell>
                <Cell>{outcome.caseNumber ?? '—'}</Cell>
              </Row>
            ))}
          </Table>
        </>
      )}

      <Heading level={2}>Termijnen</Heading>
      {transfer.pendingDeadlines.length === 0 ? (
        <NoSteps>Er lopen geen termijnen.</NoSteps>
      ) : (
        <Table caption="Wat het voorstel afwacht, het eerst bovenaan" head={['Termijn', 'Wanneer']}>
          {transfer.pendingDeadlines.map((deadline) => (
            <Row key={`${deadline.kind}-${deadline.at}`}>
              <Cell header>{nameOf(TRANSFER_DUE_KINDS, deadline.kind)}</Cell>
              <Cell>{formatDateTime(deadline.at)}</Cell>
            </Row>
          ))}
        </Table>
      )}

      <Heading level={2}>Wat u nu kunt doen</Heading>
      <TransferSteps transfer={transfer} onDone={onDone} />
    </>
  );
}

function TransferSteps({ transfer, onDone }: { transfer: Transfer; onDone: Done }) {
  const allowed = new Set(transfer.allowedCommands);
  if (allowed.size === 0) return <NoSteps>U kunt nu geen stap zetten in dit voorstel.</NoSteps>;
  const props = { transfer, onDone };
  return (
    <>
      {allowed.has('plan') && <PlanStep {...props} />}
      {allowed.has('recordOutcome') && <OutcomeStep {...props} />}
      {allowed.has('changeMeasureEnd') && <MeasureEndStep {...props} />}
      {allowed.has('withdraw') && <WithdrawStep {...props} />}
    </>
  );
}

interface StepProps {
  transfer: Transfer;
  onDone: Done;
}

const path = (transfer: Transfer) => ({ path: { transferId: transfer.transferId } });
const headers = (key: string) => ({ 'Idempotency-Key': key });

function PlanStep({ transfer, onDone }: StepProps) {
  const principal = usePrincipal();
  const submission = useSubmission();
  const planned = meetingOf(transfer);
  const [meetingDate, setMeetingDate] = useState(planned?.date ?? '');
  const [coordinatorId, setCoordinatorId] = useState(
    transfer.coordinatorId ?? (principal.role === 'coordinator' ? principal.sub : ''),
  );
  const labels = { meetingDate: 'Datum van het Schakeloverleg', coordinatorId: 'Coördinator' };
  return (
    <StepForm
      title={planned ? 'Schakeloverleg verzetten' : TRANSFER_COMMANDS.plan}
      intro={`Een werkdag, vanaf vandaag en uiterlijk ${formatDate(transfer.dates.latestMeetingDate)}. De coördinator, de GI en het gezin krijgen een uitnodiging.`}
      submitLabel={planned ? 'Schakeloverleg verzetten' : 'Schakeloverleg plannen'}
      submission={submission}
      labels={labels}
      onSubmit={async () => {
        const result = await submission.submit((key) =>
          api.POST('/transfers/{transferId}/plan', {
            params: path(transfer),
            headers: headers(key),
            body: { meetingDate, coordinatorId: coordinatorId.trim() },
          }),
        );
        if (result) onDone('Het Schakeloverleg is gepland. De uitnodigingen gaan op de post.');
      }}
    >
      <TextField
        label={labels.meetingDate}
        name="meetingDate"
        type="date"
        value={meetingDate}
        error={submission.fieldError('meetingDate')}
        onChange={(event) => setMeetingDate(event.target.value)}
        required
      />
      <TextField
        label={labels.coordinatorId}
        name="coordinatorId"
        description="Neemt deel en voert het traject daarna, bijvoorbeeld coord-anna"
        value={coordinatorId}
        error={submission.fieldError('coordinatorId')}
        onChange={(event) => setCoordinatorId(event.target.value)}
        required
      />
    </StepForm>
  );
}

function OutcomeStep({ transfer, onDone }: StepProps) {
  const submission = useSubmission();
  const [agreed, setAgreed] = useState<'' | 'ja' | 'nee'>('');
  const [parentsConsent, setParentsConsent] = useState(false);
  const [caseNumber, setCaseNumber] = useState('');
  const [reason, setReason] = useState('');
  const [revisitDate, setRevisitDate] = useState('');
  const [measureEndDate, setMeasureEndDate] = useState('');
  const labels = {
    agreed: 'Akkoord over de overgang?',
    parentsConsent: 'De ouders stemmen in met hulp in het vrijwillig kader',
    caseNumber: 'Zaaknummer van het traject',
    reason: 'Reden',
    revisitDate: 'Opnieuw bekijken op',
    measureEndDate: 'Nieuwe einddatum van de maatregel',
  };
  // Without a choice the API says what is missing (400 on `agreed`).
  const body = (): Schemas['RecordTransferOutcomeDto'] =>
    agreed === ''
      ? ({} as Schemas['RecordTransferOutcomeDto'])
      : agreed === 'ja'
        ? { agreed: true, parentsConsent, caseNumber: caseNumber.trim().toUpperCase() }
        : {
            agreed: false,
            reason: reason as keyof typeof TRANSFER_NOT_AGREED_REASONS,
            revisitDate,
            ...(measureEndDate ? { measureEndDate } : {}),
          };
  return (
    <StepForm
      title={TRANSFER_COMMANDS.recordOutcome}
      intro="Vanaf de dag van het Schakeloverleg. Bij akkoord start het traject meteen; de beschikking moet er zijn voor de maatregel eindigt."
      submitLabel="Uitkomst vastleggen"
      submission={submission}
      labels={labels}
      onSubmit={async () => {
        const result = await submission.submit((key) =>
          api.POST('/transfers/{transferId}/record-outcome', {
            params: path(transfer),
            headers: headers(key),
            body: body(),
          }),
        );
        if (result) onDone('De uitkomst van het Schakeloverleg is vastgelegd.');
      }}
    >
      <SelectField
        label={labels.agreed}
        name="agreed"
        placeholder="Kies ja of nee"
        options={optionsOf(YES_NO)}
        value={agreed}
        error={submission.fieldError('agreed')}
        onChange={(event) => setAgreed(event.target.value as '' | 'ja' | 'nee')}
        required
      />
      {agreed === 'ja' && (
        <>
          <Checkbox
            label={labels.parentsConsent}
            name="parentsConsent"
            checked={parentsConsent}
            onChange={(event) => setParentsConsent(event.target.checked)}
          />
          <TextField
            label={labels.caseNumber}
            name="caseNumber"
            description="Een nieuw zaaknummer, bijvoorbeeld CJG-2027-000042"
            value={caseNumber}
            error={submission.fieldError('caseNumber')}
            onChange={(event) => setCaseNumber(event.target.value)}
            required
          />
        </>
      )}
      {agreed === 'nee' && (
        <>
          <SelectField
            label={labels.reason}
            name="reason"
            placeholder="Kies een reden"
            options={optionsOf(TRANSFER_NOT_AGREED_REASONS)}
            value={reason}
            error={submission.fieldError('reason')}
            onChange={(event) => setReason(event.target.value)}
            required
          />
          <TextField
            label={labels.revisitDate}
            name="revisitDate"
            type="date"
            value={revisitDate}
            error={submission.fieldError('revisitDate')}
            onChange={(event) => setRevisitDate(event.target.value)}
            required
          />
          <TextField
            label={labels.measureEndDate}
            name="measureEndDate"
            type="date"
            description="Alleen als de maatregel wordt verlengd"
            value={measureEndDate}
            error={submission.fieldError('measureEndDate')}
            onChange={(event) => setMeasureEndDate(event.target.value)}
          />
        </>
      )}
    </StepForm>
  );
}

function MeasureEndStep({ transfer, onDone }: StepProps) {
  const submission = useSubmission();
  const [endDate, setEndDate] = useState('');
  const labels = { endDate: 'Nieuwe einddatum' };
  return (
    <StepForm
      title={TRANSFER_COMMANDS.changeMeasureEnd}
      intro={`De rechter heeft de maatregel verlengd of ingekort. Nu eindigt hij op ${formatDate(transfer.measureEndDate)}. De termijnen schuiven mee.`}
      submitLabel="Einddatum wijzigen"
      submission={submission}
      labels={labels}
      onSubmit={async () => {
        const result = await submission.submit((key) =>
          api.POST('/transfers/{transferId}/change-measure-end', {
            params: path(transfer),
            headers: headers(key),
            body: { endDate },
          }),
        );
        if (result) onDone('De nieuwe einddatum van de maatregel is vastgelegd.');
      }}
    >
      <TextField
        label={labels.endDate}
        name="endDate"
        type="date"
        value={endDate}
        error={submission.fieldError('endDate')}
        onChange={(event) => setEndDate(event.target.value)}
        required
      />
    </StepForm>
  );
}

function WithdrawStep({ transfer, onDone }: StepProps) {
  const submission = useSubmission();
  const [reason, setReason] = useState('');
  const labels = { reason: 'Reden van intrekken' };
  return (
    <StepForm
      title={TRANSFER_COMMANDS.withdraw}
      intro="Dit kan tot het vrijwillig kader begint. Het CJG en (als het al is uitgenodigd) het gezin krijgen bericht."
      submitLabel="Voorstel intrekken"
      submission={submission}
      labels={labels}
      onSubmit={async () => {
        const result = await submission.submit((key) =>
          api.POST('/transfers/{transferId}/withdraw', {
            params: path(transfer),
            headers: headers(key),
            body: { reason: reason as keyof typeof TRANSFER_WITHDRAWAL_REASONS },
          }),
        );
        if (result) onDone('Het voorstel is ingetrokken.');
      }}
    >
      <SelectField
        label={labels.reason}
        name="reason"
        placeholder="Kies een reden"
        options={optionsOf(TRANSFER_WITHDRAWAL_REASONS)}
        value={reason}
        error={submission.fieldError('reason')}
        onChange={(event) => setReason(event.target.value)}
        required
      />
    </StepForm>
  );
}
