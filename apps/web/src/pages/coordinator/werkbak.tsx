import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { usePrincipal } from '../../auth/session';
import { Link } from '../../router';
import { dueKindLabel, formatDate, formatDateTime, PHASES, type Phase } from '../../texts/labels';
import { describeRefusal, type Refusal } from '../../texts/refusals';
import { RefusalMessage } from '../../ui/forms';
import { OverdueFilter, PAGE_SIZE, Pager, useListAddress } from '../../ui/lists';
import { Loading, Page } from '../../ui/page';
import { Cell, Paragraph, Row, SelectField, StatusBadge, Table } from '../../ui/ui';

type Summary = Schemas['TrajectorySummaryDto'];

const PHASE_OPTIONS = (Object.keys(PHASES) as Phase[]).map((phase) => ({
  value: phase,
  label: PHASES[phase],
}));

/**
 * The coordinator's werkbak: own cases, the one due first on top, overdue marked; filters for
 * phase and overdue live in the address (a filtered werkbak can be bookmarked).
 */
export default function Werkbak() {
  const principal = usePrincipal();
  const { query, offset, filter, toOffset } = useListAddress('/');
  const phase = (query.get('fase') ?? '') as Phase | '';
  const overdue = query.get('te-laat') ?? '';
  const [page, setPage] = useState<Schemas['TrajectoryPageDto']>();
  const [refusal, setRefusal] = useState<Refusal>();

  useEffect(() => {
    let live = true;
    setPage(undefined);
    void api
      .GET('/trajectories', {
        params: {
          query: {
            coordinatorId: principal.sub,
            sort: 'nextDueAt',
            order: 'asc',
            limit: PAGE_SIZE,
            offset,
            ...(phase ? { phase } : {}),
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
  }, [principal.sub, phase, overdue, offset]);

  return (
    <Page title="Werkbak">
      <Paragraph>
        Uw zaken, met wat het eerst moet bovenaan.{' '}
        <Link to="/trajecten/nieuw">Nieuw traject starten</Link>
      </Paragraph>
      <form
        className="werkplek-filters"
        aria-label="Filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label="Fase"
          name="fase"
          placeholder="Alle fasen"
          options={PHASE_OPTIONS}
          value={phase}
          onChange={(event) => filter('fase', event.target.value)}
        />
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
            caption={`Zaken ${offset + 1}–${offset + page.items.length} van ${page.total}`}
            head={['Zaak', 'Fase', 'Eerstvolgende', 'Uiterlijk', 'Gemeente', 'Laatst gewijzigd']}
          >
            {page.items.map((item) => (
              <WerkbakRow key={item.caseNumber} item={item} />
            ))}
          </Table>
          <Pager offset={offset} shown={page.items.length} total={page.total} onOffset={toOffset} />
        </>
      )}
    </Page>
  );
}

function WerkbakRow({ item }: { item: Summary }) {
  return (
    <Row>
      <Cell header>
        <Link to={`/zaken/${encodeURIComponent(item.caseNumber)}`}>{item.caseNumber}</Link>
      </Cell>
      <Cell>{PHASES[item.phase]}</Cell>
      <Cell>
        {dueKindLabel(item.nextDueKind)}{' '}
        {item.overdue && <StatusBadge status="warning">Te laat</StatusBadge>}
      </Cell>
      <Cell>{formatDate(item.nextDueAt)}</Cell>
      <Cell>{item.municipalityCode}</Cell>
      <Cell>{formatDateTime(item.updatedAt)}</Cell>
    </Row>
  );
}
