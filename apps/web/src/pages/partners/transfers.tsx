import { api, type Schemas } from '../../api/client';
import { usePrincipal } from '../../auth/session';
import { Link } from '../../router';
import { formatDate } from '../../texts/labels';
import {
  optionsOf,
  TRANSFER_STATUSES,
  TRANSFER_WAITS_FOR,
  type TransferStatus,
} from '../../texts/partners';
import { RefusalMessage } from '../../ui/forms';
import { OverdueFilter, useListAddress } from '../../ui/lists';
import { Loading, Page } from '../../ui/page';
import { Cell, Paragraph, Row, SelectField, Table } from '../../ui/ui';
import { OverdueBadge, useLoad } from './shared';
import { TRANSFER_STARTERS } from './starters';

type Summary = Schemas['TransferSummaryDto'];
/** The API reads Temporal's visibility store, newest first, at most 100 (no paging). */
const LIMIT = 100;

/** Open transfers by what falls due first; closed ones after them, newest first (as listed). */
function byDue(items: readonly Summary[]): Summary[] {
  const open = items.filter((item) => item.closedAt === null && item.nextDueAt !== null);
  const rest = items.filter((item) => !open.includes(item));
  open.sort((a, b) => (a.nextDueAt! < b.nextDueAt! ? -1 : a.nextDueAt! > b.nextDueAt! ? 1 : 0));
  return [...open, ...rest];
}

/**
 * The Schakeloverleg transfers (000): a GI sees the transfers it proposed, the CJG those of its
 * municipalities, ops all (the API decides).
 */
export default function Transfers() {
  const principal = usePrincipal();
  const { query, filter } = useListAddress('/schakeloverleg');
  const status = (query.get('status') ?? '') as TransferStatus | '';
  const overdue = query.get('te-laat') ?? '';
  const { data, refusal } = useLoad(
    () =>
      api.GET('/transfers', {
        params: {
          query: {
            limit: LIMIT,
            ...(status ? { status } : {}),
            ...(overdue ? { overdue: overdue === 'ja' } : {}),
          },
        },
      }),
    [status, overdue],
  );
  const items = data ? byDue(data.items) : [];

  return (
    <Page title="Schakeloverleg">
      <Paragraph>
        {principal.role === 'gi'
          ? 'De overgangen naar het vrijwillig kader die uw organisatie heeft voorgesteld.'
          : 'Overgangen van het gedwongen naar het vrijwillig kader, voorgesteld door de gecertificeerde instellingen. Wat het eerst moet, staat bovenaan.'}
      </Paragraph>
      {TRANSFER_STARTERS.includes(principal.role) && (
        <Paragraph>
          <Link to="/schakeloverleg/nieuw">Nieuw voorstel voor het Schakeloverleg</Link>
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
          options={optionsOf(TRANSFER_STATUSES)}
          value={status}
          onChange={(event) => filter('status', event.target.value)}
        />
        <OverdueFilter
          value={overdue}
          placeholder="Alle voorstellen"
          onChange={(value) => filter('te-laat', value)}
        />
      </form>
      <RefusalMessage refusal={refusal} />
      {!data && !refusal && <Loading what="Voorstellen" />}
      {data && items.length === 0 && <Paragraph>Geen voorstellen gevonden.</Paragraph>}
      {items.length > 0 && (
        <Table
          caption={`Voorstellen voor het Schakeloverleg (${items.length}${items.length >= LIMIT ? ', de nieuwste' : ''})`}
          head={[
            'Voorstel',
            'Status',
            'Wacht op',
            'Volgende termijn',
            'Gemeente',
            'Coördinator',
            'Traject',
            'Voorgesteld op',
          ]}
        >
          {items.map((item) => (
            <Row key={item.transferId}>
              <Cell header>
                <Link to={`/schakeloverleg/${encodeURIComponent(item.transferId)}`}>
                  {item.transferId}
                </Link>
              </Cell>
              <Cell>{TRANSFER_STATUSES[item.status]}</Cell>
              <Cell>{TRANSFER_WAITS_FOR[item.status] ?? '—'}</Cell>
              <Cell>
                {formatDate(item.nextDueAt)} <OverdueBadge overdue={item.overdue} />
              </Cell>
              <Cell>{item.municipalityCode}</Cell>
              <Cell>{item.coordinatorId ?? '—'}</Cell>
              <Cell>{item.caseNumber ?? '—'}</Cell>
              <Cell>{formatDate(item.proposedAt)}</Cell>
            </Row>
          ))}
        </Table>
      )}
    </Page>
  );
}
