import { api, type Schemas } from '../../api/client';
import { usePrincipal } from '../../auth/session';
import { Link } from '../../router';
import { formatDate } from '../../texts/labels';
import {
  nameOf,
  optionsOf,
  VTO_DUE_KINDS,
  VTO_STATUSES,
  type VtoStatus,
} from '../../texts/partners';
import { RefusalMessage } from '../../ui/forms';
import { OverdueFilter, PAGE_SIZE, Pager, useListAddress } from '../../ui/lists';
import { Loading, Page } from '../../ui/page';
import { Cell, Paragraph, Row, SelectField, Table } from '../../ui/ui';
import { OverdueBadge, useLoad } from './shared';
import { VTO_STARTERS } from './starters';

type Summary = Schemas['VtoSummaryDto'];

/**
 * The verzoeken tot onderzoek of the caller's municipalities (ops: all), newest first, with the
 * step each waits for and when it is due.
 */
export default function Vtos() {
  const principal = usePrincipal();
  const { query, offset, filter, toOffset } = useListAddress('/vto');
  const status = (query.get('status') ?? '') as VtoStatus | '';
  const overdue = query.get('te-laat') ?? '';
  const { data: page, refusal } = useLoad(
    () =>
      api.GET('/vtos', {
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

  return (
    <Page title="Verzoeken tot onderzoek">
      <Paragraph>
        Verzoeken aan de Raad voor de Kinderbescherming, het nieuwste bovenaan. De ouders worden
        altijd eerst geïnformeerd; het beschermingsplein besluit of het verzoek naar de Raad gaat.{' '}
        <Link to="/beschermingsplein">Naar de agenda van het beschermingsplein</Link>
      </Paragraph>
      {VTO_STARTERS.includes(principal.role) && (
        <Paragraph>
          <Link to="/vto/nieuw">Nieuw verzoek tot onderzoek</Link>
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
          options={optionsOf(VTO_STATUSES)}
          value={status}
          onChange={(event) => filter('status', event.target.value)}
        />
        <OverdueFilter
          value={overdue}
          placeholder="Alle verzoeken"
          onChange={(value) => filter('te-laat', value)}
        />
      </form>
      <RefusalMessage refusal={refusal} />
      {!page && !refusal && <Loading what="Verzoeken" />}
      {page && page.items.length === 0 && <Paragraph>Geen verzoeken gevonden.</Paragraph>}
      {page && page.items.length > 0 && (
        <>
          <Table
            caption={`Verzoeken ${offset + 1}–${offset + page.items.length} van ${page.total}`}
            head={[
              'Verzoek',
              'Status',
              'Volgende termijn',
              'Vergadering',
              'Traject',
              'Coördinator',
              'Voorgesteld op',
            ]}
          >
            {page.items.map((item) => (
              <VtoRow key={item.caseNumber} item={item} />
            ))}
          </Table>
          <Pager offset={offset} shown={page.items.length} total={page.total} onOffset={toOffset} />
        </>
      )}
    </Page>
  );
}

function VtoRow({ item }: { item: Summary }) {
  return (
    <Row>
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
      <Cell>{formatDate(item.meetingDate)}</Cell>
      <Cell>
        {item.trajectoryCaseNumber ? (
          <Link to={`/zaken/${encodeURIComponent(item.trajectoryCaseNumber)}`}>
            {item.trajectoryCaseNumber}
          </Link>
        ) : (
          '—'
        )}
      </Cell>
      <Cell>{item.coordinatorId}</Cell>
      <Cell>{formatDate(item.proposedAt)}</Cell>
    </Row>
  );
}
