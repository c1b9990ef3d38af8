import { useEffect, useState, type FormEvent } from 'react';
import { api, asErrorBody, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { Link } from '../../router';
import { formatDateTime, PHASES, type Phase } from '../../texts/labels';
import { describeRefusal, type Refusal } from '../../texts/refusals';
import { RefusalMessage } from '../../ui/forms';
import { OverdueFilter, PAGE_SIZE, Pager, useListAddress } from '../../ui/lists';
import { Loading, Page } from '../../ui/page';
import {
  Button,
  Cell,
  Paragraph,
  Row,
  SelectField,
  StatusBadge,
  Table,
  TextField,
} from '../../ui/ui';
import { isEnded } from './cases';
import { CaseWorkflowLink } from './temporal-link';
import './team-lead.css';

const PHASE_OPTIONS = (Object.keys(PHASES) as Phase[]).map((phase) => ({
  value: phase,
  label: PHASES[phase],
}));

/**
 * Ops' list of all cases (GET /trajectories), the last changed on top: each with its workflow in
 * the Temporal Web UI, and for an ended case the way to a destruction on request.
 */
export default function OpsCases() {
  const { settings } = useSession();
  const { query, offset, filter, toOffset } = useListAddress();
  const phase = (query.get('fase') ?? '') as Phase | '';
  const municipalityCode = query.get('gemeente') ?? '';
  const overdue = query.get('te-laat') ?? '';
  const [municipalityField, setMunicipalityField] = useState(municipalityCode);
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
            sort: 'updatedAt',
            order: 'desc',
            limit: PAGE_SIZE,
            offset,
            ...(phase ? { phase } : {}),
            ...(municipalityCode ? { municipalityCode } : {}),
            ...(overdue ? { overdue: overdue === 'ja' } : {}),
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
  }, [phase, municipalityCode, overdue, offset]);

  const submitMunicipality = (event: FormEvent) => {
    event.preventDefault();
    filter('gemeente', municipalityField.trim());
  };

  return (
    <Page title="Zaken">
      <Paragraph>
        Alle zaken, de laatst gewijzigde bovenaan.{' '}
        {settings?.temporalUi
          ? 'Bij elke zaak staat de link naar zijn workflow in de Temporal Web UI.'
          : 'De Temporal Web UI is niet ingesteld (TEMPORAL_UI_URL): er staan geen links naar de workflows bij.'}
      </Paragraph>
      <form className="werkplek-filters" aria-label="Filters" onSubmit={submitMunicipality}>
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
        <TextField
          label="Gemeente"
          name="gemeente"
          description="CBS-code; leeg voor alle"
          inputMode="numeric"
          size={6}
          value={municipalityField}
          onChange={(event) => setMunicipalityField(event.target.value)}
        />
        <div className="werkplek-filters__submit">
          <Button type="submit">Toon</Button>
        </div>
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
              'Gemeente',
              'Coördinator',
              'Laatst gewijzigd',
              'Workflow',
              'Vernietiging',
            ]}
          >
            {page.items.map((item) => (
              <Row key={item.caseNumber}>
                <Cell header>
                  <Link to={`/zaken/${encodeURIComponent(item.caseNumber)}`}>
                    {item.caseNumber}
                  </Link>
                </Cell>
                <Cell>
                  {PHASES[item.phase]}{' '}
                  {item.overdue && <StatusBadge status="warning">Te laat</StatusBadge>}
                </Cell>
                <Cell>{item.municipalityCode}</Cell>
                <Cell>{item.coordinatorId}</Cell>
                <Cell>{formatDateTime(item.updatedAt)}</Cell>
                <Cell>
                  <CaseWorkflowLink caseNumber={item.caseNumber} />
                </Cell>
                <Cell>
                  {isEnded(item.phase) && (
                    <Link to={`/vernietiging?zaak=${encodeURIComponent(item.caseNumber)}`}>
                      Vernietigen
                      <span className="werkplek-visually-hidden"> {item.caseNumber}</span>
                    </Link>
                  )}
                </Cell>
              </Row>
            ))}
          </Table>
          <Pager offset={offset} shown={page.items.length} total={page.total} onOffset={toOffset} />
        </>
      )}
    </Page>
  );
}
