import { api, type Schemas } from '../../api/client';
import { usePrincipal } from '../../auth/session';
import { Link } from '../../router';
import { formatDate } from '../../texts/labels';
import {
  HANDOVER_DUE_KINDS,
  HANDOVER_STATUSES,
  HANDOVER_URGENCIES,
  HANDOVER_WAITS_FOR,
  nameOf,
  optionsOf,
  type HandoverStatus,
} from '../../texts/partners';
import { RefusalMessage } from '../../ui/forms';
import { OverdueFilter, PAGE_SIZE, Pager, useListAddress } from '../../ui/lists';
import { Loading, Page } from '../../ui/page';
import { Cell, Paragraph, Row, SelectField, Table } from '../../ui/ui';
import { OverdueBadge, useLoad } from './shared';
import { HANDOVER_STARTERS } from './starters';

type Summary = Schemas['HandoverSummaryDto'];

/**
 * The Veilig Thuis handovers, the one due first on top (an overdue one keeps its missed deadline,
 * so it stays on top). Veilig Thuis sees its own organisation's (its inbox of what it handed
 * over), the CJG those of its municipalities, ops all: the API decides.
 */
export default function Handovers() {
  const principal = usePrincipal();
  const { query, offset, filter, toOffset } = useListAddress('/overdrachten');
  const status = (query.get('status') ?? '') as HandoverStatus | '';
  const overdue = query.get('te-laat') ?? '';
  const { data: page, refusal } = useLoad(
    () =>
      api.GET('/handovers', {
        params: {
          query: {
            limit: PAGE_SIZE,
            offset,
            ...(status ? { status } : {}),
            ...(overdue ? { overdue: overdue === 'ja' } : {}),
          },
        },
      }),
    [status, overdue, offset],
  );

  const isVeiligThuis = principal.role === 'veilig-thuis';

  return (
    <Page title="Overdrachten van Veilig Thuis">
      <Paragraph>
        {isVeiligThuis
          ? 'De zaken die uw organisatie aan het CJG heeft overgedragen, met wat het CJG nog moet doen en wanneer.'
          : 'Warme overdrachten van Veilig Thuis, met wat het eerst moet bovenaan.'}
      </Paragraph>
      {HANDOVER_STARTERS.includes(principal.role) && (
        <Paragraph>
          <Link to="/overdrachten/nieuw">Nieuwe overdracht registreren</Link>
        </Paragraph>
      )}
      <form
        className="werkplek-filters"
        aria-label="Filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label="Status"
          name="status"
          placeholder="Alle statussen"
          options={optionsOf(HANDOVER_STATUSES)}
          value={status}
          onChange={(event) => filter('status', event.target.value)}
        />
        <OverdueFilter
          value={overdue}
          placeholder="Alle overdrachten"
          onChange={(value) => filter('te-laat', value)}
        />
      </form>
      <RefusalMessage refusal={refusal} />
      {!page && !refusal && <Loading what="Overdrachten" />}
      {page && page.items.length === 0 && <Paragraph>Geen overdrachten gevonden.</Paragraph>}
      {page && page.items.length > 0 && (
        <>
          <Table
            caption={`Overdrachten ${offset + 1}–${offset + page.items.length} van ${page.total}`}
            head={[
              'Overdracht',
              'Kenmerk Veilig Thuis',
              'Urgentie',
              'Status',
              'Wacht op',
              'Volgende termijn',
              'Gemeente',
            ]}
          >
            {page.items.map((item) => (
              <HandoverRow key={item.handoverId} item={item} />
            ))}
          </Table>
          <Pager offset={offset} shown={page.items.length} total={page.total} onOffset={toOffset} />
        </>
      )}
    </Page>
  );
}

function HandoverRow({ item }: { item: Summary }) {
  return (
    <Row>
      <Cell header>
        <Link to={`/overdrachten/${encodeURIComponent(item.handoverId)}`}>{item.handoverId}</Link>
      </Cell>
      <Cell>{item.reference}</Cell>
      <Cell>{HANDOVER_URGENCIES[item.urgency]}</Cell>
      <Cell>{HANDOVER_STATUSES[item.status]}</Cell>
      <Cell>
        {HANDOVER_WAITS_FOR[item.status] ?? '—'}
        {item.status === 'received' && item.acceptDueDate && (
          <> (uiterlijk {formatDate(item.acceptDueDate)})</>
        )}
        {item.status === 'meeting-planned' && item.meetingDate && (
          <> (gepland op {formatDate(item.meetingDate)})</>
        )}
      </Cell>
      <Cell>
        {item.nextDueAt ? (
          <>
            {nameOf(HANDOVER_DUE_KINDS, item.nextDueKind)}: {formatDate(item.nextDueAt)}{' '}
            <OverdueBadge overdue={item.overdue} />
          </>
        ) : (
          '—'
        )}
      </Cell>
      <Cell>{item.municipalityCode}</Cell>
    </Row>
  );
}
