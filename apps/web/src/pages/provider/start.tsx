import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { Link } from '../../router';
import { PHASES } from '../../texts/labels';
import { providerDueDay, providerDueLabel } from '../../texts/provider';
import { describeRefusal, type Refusal } from '../../texts/refusals';
import { RefusalMessage } from '../../ui/forms';
import { OverdueFilter, PAGE_SIZE, Pager, useListAddress } from '../../ui/lists';
import { Loading, Page } from '../../ui/page';
import { Cell, Paragraph, Row, StatusBadge, Table } from '../../ui/ui';

type Summary = Schemas['TrajectorySummaryDto'];

/**
 * A provider's start page: the cases it has a part in (its referrals among them), each with what
 * it is asked for next and by when; the one due first on top, late ones marked. The API gives a
 * provider its own due items on these rows, not the CJG's.
 */
export default function ProviderStart() {
  const { query, offset, filter, toOffset } = useListAddress('/');
  const overdue = query.get('te-laat') ?? '';
  const [page, setPage] = useState<Schemas['TrajectoryPageDto']>();
  const [refusal, setRefusal] = useState<Refusal>();

  useEffect(() => {
    let live = true;
    setPage(undefined);
    setRefusal(undefined);
    void api
      .GET('/trajectories', {
        params: {
          query: {
            sort: 'nextDueAt',
            order: 'asc',
            limit: PAGE_SIZE,
            offset,
            ...(overdue ? { overdue: overdue === 'ja' } : {}),
          },
        },
      })
      .then(({ data, error, response }) => {
        if (!live) return;
        if (data) setPage(data);
        else setRefusal(describeRefusal(error, response.status));
      });
    return () => {
      live = false;
    };
  }, [overdue, offset]);

  return (
    <Page title="Verwijzingen en zaken">
      <Paragraph>
        De zaken waarin u als zorgaanbieder een rol heeft: nieuwe verwijzingen en lopende zorg. Wat
        het eerst moet, staat bovenaan.
      </Paragraph>
      <form
        className="werkplek-filters"
        aria-label="Filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <OverdueFilter
          value={overdue}
          placeholder="Alle zaken"
          onChange={(value) => filter('te-laat', value)}
        />
      </form>
      <RefusalMessage refusal={refusal} />
      {!page && !refusal && <Loading what="Zaken" />}
      {page && page.items.length === 0 && <Paragraph>Geen zaken gevonden.</Paragraph>}
      {page && page.items.length > 0 && (
        <>
          <Table
            caption={`Uw zaken ${offset + 1}–${offset + page.items.length} van ${page.total}`}
            head={['Zaak', 'Wat moet er gebeuren', 'Uiterlijk', 'Termijn', 'Fase', 'Gemeente']}
          >
            {page.items.map((item) => (
              <CaseRow key={item.caseNumber} item={item} />
            ))}
          </Table>
          <Pager offset={offset} shown={page.items.length} total={page.total} onOffset={toOffset} />
        </>
      )}
    </Page>
  );
}

function CaseRow({ item }: { item: Summary }) {
  return (
    <Row>
      <Cell header>
        <Link to={`/zaken/${encodeURIComponent(item.caseNumber)}`}>{item.caseNumber}</Link>
      </Cell>
      <Cell>{providerDueLabel(item.nextDueKind)}</Cell>
      <Cell>{providerDueDay(item.nextDueKind, item.nextDueAt)}</Cell>
      <Cell>
        {item.overdue ? (
          <StatusBadge status="warning">Te laat</StatusBadge>
        ) : item.nextDueAt ? (
          'Op tijd'
        ) : (
          '—'
        )}
      </Cell>
      <Cell>{PHASES[item.phase]}</Cell>
      <Cell>{item.municipalityCode}</Cell>
    </Row>
  );
}
