import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { usePrincipal } from '../../auth/session';
import { Link, useRouter } from '../../router';
import { dueKindLabel, formatDate, formatDateTime, PHASES, type Phase } from '../../texts/labels';
import { describeRefusal, type Refusal } from '../../texts/refusals';
import { RefusalMessage } from '../../ui/forms';
import { Loading, Page } from '../../ui/page';
import { Button, Cell, Paragraph, Row, SelectField, StatusBadge, Table } from '../../ui/ui';

type Summary = Schemas['TrajectorySummaryDto'];
const PAGE_SIZE = 25;

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
  const { query, navigate } = useRouter();
  const phase = (query.get('fase') ?? '') as Phase | '';
  const overdue = query.get('te-laat') ?? '';
  const offset = Number(query.get('vanaf') ?? 0) || 0;
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

  const filter = (name: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('vanaf');
    const search = next.toString();
    navigate(`/${search ? `?${search}` : ''}`);
  };
  const toOffset = (value: number) => {
    const next = new URLSearchParams(query);
    next.set('vanaf', String(value));
    navigate(`/?${next.toString()}`);
  };

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
        <SelectField
          label="Termijn"
          name="te-laat"
          placeholder="Alle zaken"
          options={[
            { value: 'ja', label: 'Alleen te laat' },
            { value: 'nee', label: 'Alleen op tijd' },
          ]}
          value={overdue}
          onChange={(event) => filter('te-laat', event.target.value)}
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
          <div className="utrecht-button-group" role="group" aria-label="Pagina's">
            <Button
              disabled={offset === 0}
              onClick={() => toOffset(Math.max(0, offset - PAGE_SIZE))}
            >
              Vorige
            </Button>
            <Button
              disabled={offset + page.items.length >= page.total}
              onClick={() => toOffset(offset + PAGE_SIZE)}
            >
              Volgende
            </Button>
          </div>
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
