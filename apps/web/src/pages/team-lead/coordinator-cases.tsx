import { useEffect, useState } from 'react';
import { api, asErrorBody, type Schemas } from '../../api/client';
import { usePrincipal } from '../../auth/session';
import { Link } from '../../router';
import { dueKindLabel, formatDate, PHASES, type Phase } from '../../texts/labels';
import { describeRefusal, type Refusal } from '../../texts/refusals';
import { RefusalMessage } from '../../ui/forms';
import { PAGE_SIZE, Pager, useListAddress } from '../../ui/lists';
import { Loading, Page } from '../../ui/page';
import { Cell, Paragraph, Row, SelectField, StatusBadge, Table } from '../../ui/ui';
import { isEnded } from './cases';
import './team-lead.css';

const PHASE_OPTIONS = (Object.keys(PHASES) as Phase[]).map((phase) => ({
  value: phase,
  label: PHASES[phase],
}));

/** The coordinator's name from the registry, or nothing (the id then stands alone). */
function useCoordinatorName(coordinatorId: string): string | undefined {
  const [name, setName] = useState<string>();
  useEffect(() => {
    let live = true;
    setName(undefined);
    void api
      .GET('/coordinators/{id}', { params: { path: { id: coordinatorId } } })
      .then(({ data }) => live && setName(data?.name))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [coordinatorId]);
  return name;
}

/** One coordinator's cases (GET /trajectories?coordinatorId=…), the one due first on top. */
export default function CoordinatorCases({ coordinatorId }: { coordinatorId: string }) {
  const principal = usePrincipal();
  const { query, offset, filter, toOffset } = useListAddress();
  const name = useCoordinatorName(coordinatorId);
  const phase = (query.get('fase') ?? '') as Phase | '';
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
            coordinatorId,
            sort: 'nextDueAt',
            order: 'asc',
            limit: PAGE_SIZE,
            offset,
            ...(phase ? { phase } : {}),
          },
        },
      })
      .then(({ data, error, response }) => {
        if (!live) return;
        if (data) setPage(data);
        else setRefusal(describeRefusal(asErrorBody(error), response.status));
      });
    return () => {
      live = false;
    };
  }, [coordinatorId, phase, offset]);

  const title = name ? `Zaken van ${name} (${coordinatorId})` : `Zaken van ${coordinatorId}`;
  return (
    <Page title={title}>
      <Paragraph>
        <Link to={principal.role === 'team-lead' ? '/' : '/caseload'}>Terug naar de caseload</Link>
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
      </form>
      <RefusalMessage refusal={refusal} />
      {!page && !refusal && <Loading what="Zaken" />}
      {page && page.items.length === 0 && <Paragraph>Geen zaken gevonden.</Paragraph>}
      {page && page.items.length > 0 && (
        <>
          <Table
            caption={`Zaken ${offset + 1}–${offset + page.items.length} van ${page.total}`}
            head={[
              'Zaak',
              'Fase',
              'Eerstvolgende',
              'Uiterlijk',
              'Gemeente',
              ...(principal.role === 'team-lead' ? ['Actie'] : []),
            ]}
          >
            {page.items.map((item) => (
              <Row key={item.caseNumber}>
                <Cell header>
                  <Link to={`/zaken/${encodeURIComponent(item.caseNumber)}`}>
                    {item.caseNumber}
                  </Link>
                </Cell>
                <Cell>{PHASES[item.phase]}</Cell>
                <Cell>
                  {dueKindLabel(item.nextDueKind)}{' '}
                  {item.overdue && <StatusBadge status="warning">Te laat</StatusBadge>}
                </Cell>
                <Cell>{formatDate(item.nextDueAt)}</Cell>
                <Cell>{item.municipalityCode}</Cell>
                {principal.role === 'team-lead' && (
                  <Cell>
                    {!isEnded(item.phase) && (
                      <Link to={`/overdragen/${encodeURIComponent(item.caseNumber)}`}>
                        Overdragen
                        <span className="werkplek-visually-hidden"> {item.caseNumber}</span>
                      </Link>
                    )}
                  </Cell>
                )}
              </Row>
            ))}
          </Table>
          <Pager offset={offset} shown={page.items.length} total={page.total} onOffset={toOffset} />
        </>
      )}
    </Page>
  );
}
