import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { Link, useRouter } from '../../router';
import { formatDate } from '../../texts/labels';
import { nameOf, VTO_DECISIONS, VTO_DUE_KINDS, VTO_STATUSES } from '../../texts/partners';
import { RefusalMessage } from '../../ui/forms';
import { Loading, Page } from '../../ui/page';
import { Button, Cell, Heading, Paragraph, Row, Table, TextField } from '../../ui/ui';
import { OverdueBadge, useLoad } from './shared';

type Summary = Schemas['VtoSummaryDto'];
/** At most this many per list (the API's page limit); the agenda of one region is far shorter. */
const LIMIT = 100;

const meetingFormat = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});
const meetingName = (date: string) => meetingFormat.format(new Date(`${date}T12:00:00Z`));

/**
 * The beschermingsplein's agenda. The API has no agenda of its own: the weekly agenda run
 * (Tuesday 09:00, for Thursday's meeting; docs/vto.md) puts each waiting VTO on a meeting, and
 * `GET /vtos` lists them by status and `meetingDate`. So this page shows the VTOs on an agenda
 * per meeting, earliest meeting first, the ones waiting for the next agenda, and, on request, the
 * VTOs of one meeting with their decisions.
 */
export default function Agenda() {
  const { query, navigate } = useRouter();
  const meeting = query.get('vergadering') ?? '';
  const onAgenda = useLoad(
    () => api.GET('/vtos', { params: { query: { status: 'on-agenda', limit: LIMIT } } }),
    [],
  );
  const waiting = useLoad(
    () => api.GET('/vtos', { params: { query: { status: 'awaiting-agenda', limit: LIMIT } } }),
    [],
  );
  const [date, setDate] = useState(meeting);
  const show = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/beschermingsplein${date ? `?vergadering=${date}` : ''}`);
  };

  const meetings = new Map<string, Summary[]>();
  for (const item of onAgenda.data?.items ?? []) {
    const key = item.meetingDate ?? '';
    meetings.set(key, [...(meetings.get(key) ?? []), item]);
  }
  const dates = [...meetings.keys()].sort();
  // Longest waiting first, as the agenda run takes them.
  const queue = [...(waiting.data?.items ?? [])].sort((a, b) =>
    (a.parentsInformedOn ?? a.proposedAt).localeCompare(b.parentsInformedOn ?? b.proposedAt),
  );

  return (
    <Page title="Agenda beschermingsplein">
      <Paragraph>
        Het beschermingsplein vergadert elke week op donderdag. Elke dinsdag om 9.00 uur komen de
        verzoeken waarover de ouders zijn geïnformeerd op de agenda; de ouders en de partners
        krijgen de agenda dan. <Link to="/vto">Naar alle verzoeken</Link>
      </Paragraph>

      <RefusalMessage refusal={onAgenda.refusal ?? waiting.refusal} />
      {(!onAgenda.data || !waiting.data) && !onAgenda.refusal && !waiting.refusal && (
        <Loading what="De agenda" />
      )}

      {onAgenda.data && dates.length === 0 && (
        <>
          <Heading level={2}>Op de agenda</Heading>
          <Paragraph>Er staan nu geen verzoeken op een agenda.</Paragraph>
        </>
      )}
      {dates.map((meetingDate) => (
        <section key={meetingDate} aria-labelledby={`vergadering-${meetingDate}`}>
          <Heading level={2} id={`vergadering-${meetingDate}`}>
            Vergadering van {meetingDate ? meetingName(meetingDate) : 'onbekende datum'}
          </Heading>
          <AgendaTable
            caption={`Op de agenda van ${meetingDate ? formatDate(meetingDate) : 'onbekende datum'}`}
            items={meetings.get(meetingDate) ?? []}
          />
        </section>
      ))}

      {waiting.data && (
        <section aria-labelledby="wacht-op-agenda">
          <Heading level={2} id="wacht-op-agenda">
            Wacht op de volgende agenda
          </Heading>
          {queue.length === 0 ? (
            <Paragraph>Er wachten geen verzoeken.</Paragraph>
          ) : (
            <AgendaTable
              caption="Verzoeken die wachten, het langst wachtende bovenaan"
              items={queue}
            />
          )}
        </section>
      )}

      <section aria-labelledby="eerdere-vergadering">
        <Heading level={2} id="eerdere-vergadering">
          Een vergadering bekijken
        </Heading>
        <form className="werkplek-filters" onSubmit={show} aria-labelledby="eerdere-vergadering">
          <TextField
            label="Datum van de vergadering"
            name="vergadering"
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
          <Button type="submit">Toon de vergadering</Button>
        </form>
        {meeting && <MeetingList meetingDate={meeting} />}
      </section>
    </Page>
  );
}

function AgendaTable({ caption, items }: { caption: string; items: readonly Summary[] }) {
  return (
    <Table
      caption={caption}
      head={['Verzoek', 'Status', 'Volgende termijn', 'Ouders geïnformeerd op', 'Coördinator']}
    >
      {items.map((item) => (
        <Row key={item.caseNumber}>
          <Cell header>
            <Link to={`/vto/${encodeURIComponent(item.caseNumber)}`}>{item.caseNumber}</Link>
          </Cell>
          <Cell>{VTO_STATUSES[item.status]}</Cell>
          <Cell>
            {item.nextDueAt ? (
              <>
                {nameOf(VTO_DUE_KINDS, item.nextDueKind)}: {formatDate(item.nextDueAt)}{' '}
                <OverdueBadge overdue={item.overdue} />
              </>
            ) : (
              '—'
            )}
          </Cell>
          <Cell>{formatDate(item.parentsInformedOn)}</Cell>
          <Cell>{item.coordinatorId}</Cell>
        </Row>
      ))}
    </Table>
  );
}

/** The VTOs on (or decided at) one meeting, with the decision taken there. */
function MeetingList({ meetingDate }: { meetingDate: string }) {
  const { data, refusal } = useLoad(
    () => api.GET('/vtos', { params: { query: { meetingDate, limit: LIMIT } } }),
    [meetingDate],
  );
  return (
    <>
      <RefusalMessage refusal={refusal} />
      {!data && !refusal && <Loading what="De vergadering" />}
      {data && data.items.length === 0 && (
        <Paragraph>Geen verzoeken op de vergadering van {formatDate(meetingDate)}.</Paragraph>
      )}
      {data && data.items.length > 0 && (
        <Table
          caption={`Verzoeken op de vergadering van ${formatDate(meetingDate)}`}
          head={['Verzoek', 'Status', 'Besluit', 'Coördinator']}
        >
          {data.items.map((item) => (
            <Row key={item.caseNumber}>
              <Cell header>
                <Link to={`/vto/${encodeURIComponent(item.caseNumber)}`}>{item.caseNumber}</Link>
              </Cell>
              <Cell>{VTO_STATUSES[item.status]}</Cell>
              <Cell>
                {item.decision ? nameOf(VTO_DECISIONS, item.decision) : 'Nog niet besloten'}
              </Cell>
              <Cell>{item.coordinatorId}</Cell>
            </Row>
          ))}
        </Table>
      )}
    </>
  );
}
