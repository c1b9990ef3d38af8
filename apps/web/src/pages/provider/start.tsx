import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { Link, useRouter } from '../../router';
import { PHASES } from '../../texts/labels';
import { providerDueDay, providerDueLabel } from '../../texts/provider';
import { describeRefusal, type Refusal } from '../../texts/refusals';
import { RefusalMessage } from '../../ui/forms';
import { Loading, Page } from '../../ui/page';
import { Button, Cell, Paragraph, Row, SelectField, StatusBadge, Table } from '../../ui/ui';

type Summary = Schemas['TrajectorySummaryDto'];
const PAGE_SIZE = 25;

/**
 * A provider's start page: the cases it has a part in (its referrals among them), each with what
 * it is asked for next and by when; the one due first on top, late ones marked. The API gives a
 * provider its own due items on these rows, not the CJG's.
 */
export default function ProviderStart() {
  const { query, navigate } = useRouter();
  const overdue = query.get('te-laat') ?? '';
  const offset = Number(query.get('vanaf') ?? 0) || 0;
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

  const to = (changes: Record<string, string>) => {
    const next = new URLSearchParams(query);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    const search = next.toString();
    navigate(`/${search ? `?${search}` : ''}`);
  };

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
        <SelectField
          label="Termijn"
          name="te-laat"
          placeholder="Alle zaken"
          options={[
            { value: 'ja', label: 'Alleen te laat' },
            { value: 'nee', label: 'Alleen op tijd' },
          ]}
          value={overdue}
          onChange={(event) => to({ 'te-laat': event.target.value, vanaf: '' })}
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
          <div className="utrecht-button-group" role="group" aria-label="Pagina's">
            <Button
              disabled={offset === 0}
              onClick={() => to({ vanaf: String(Math.max(0, offset - PAGE_SIZE)) })}
            >
              Vorige
            </Button>
            <Button
              disabled={offset + page.items.length >= page.total}
              onClick={() => to({ vanaf: String(offset + PAGE_SIZE) })}
            >
              Volgende
            </Button>
          </div>
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
