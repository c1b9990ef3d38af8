import { usePrincipal } from '../../auth/session';
import { Link } from '../../router';
import { formatDate } from '../../texts/labels';
import { REPORT_TEXTS } from '../../texts/reports';
import { RefusalMessage } from '../../ui/forms';
import { Loading, Page } from '../../ui/page';
import { Cell, Heading, Paragraph, Row, Table } from '../../ui/ui';
import { BarChart } from './bar-chart';
import { CsvDownload } from './csv-download';
import { formatNumber, useReport, useReportQuery } from './report-data';
import { FILTER_LABELS, ReportFilter } from './report-filter';
import './team-lead.css';

/** Who is in no team (the caseload report's `teamId: null`). */
const NO_TEAM = 'Geen team';

/**
 * The caseload (GET /reports/caseload): open cases per coordinator and per team, with a way into
 * each coordinator's cases, where a team lead can move a case to someone else.
 */
export default function Caseload() {
  const principal = usePrincipal();
  const query = useReportQuery();
  const { answer, refusal } = useReport('caseload', query);
  const texts = REPORT_TEXTS.caseload;
  return (
    <Page title="Caseload">
      <Paragraph lead>{texts.intro}</Paragraph>
      <ReportFilter query={query} answered={answer} />
      <RefusalMessage refusal={refusal} labels={FILTER_LABELS} />
      {!answer && !refusal && <Loading what="De caseload" />}
      {answer && (
        <>
          <CsvDownload report="caseload" query={query} label={texts.file} />
          <section>
            <Heading level={2}>Per coördinator</Heading>
            {principal.role === 'team-lead' && (
              <Paragraph>
                Open de zaken van een coördinator om ze te bekijken of om een zaak over te dragen
                aan een andere coördinator.
              </Paragraph>
            )}
            <BarChart
              title={`Open zaken per coördinator op ${formatDate(answer.asOf)}`}
              unit="zaken"
              bars={answer.coordinators.map((row) => ({
                label: row.coordinatorId,
                value: row.open,
              }))}
            />
            <Table
              caption={`Zaken per coördinator (open op ${formatDate(answer.asOf)})`}
              head={['Coördinator', 'Team', 'Open', 'Liep in de periode', 'Gestart', 'Afgesloten']}
            >
              {answer.coordinators.map((row) => (
                <Row key={row.coordinatorId}>
                  <Cell header>
                    <Link
                      to={`/caseload/${encodeURIComponent(row.coordinatorId)}`}
                      aria-label={`Zaken van ${row.coordinatorId}`}
                    >
                      {row.coordinatorId}
                    </Link>
                  </Cell>
                  <Cell>{row.teamName ?? NO_TEAM}</Cell>
                  <Cell>{formatNumber(row.open)}</Cell>
                  <Cell>{formatNumber(row.active)}</Cell>
                  <Cell>{formatNumber(row.started)}</Cell>
                  <Cell>{formatNumber(row.closed)}</Cell>
                </Row>
              ))}
            </Table>
          </section>
          <section>
            <Heading level={2}>Per team</Heading>
            <Table
              caption="Zaken per team"
              head={[
                'Team',
                'Coördinatoren',
                'Open',
                'Liep in de periode',
                'Gestart',
                'Afgesloten',
                'Open per coördinator',
              ]}
            >
              {answer.teams.map((team) => (
                <Row key={team.teamId ?? ''}>
                  <Cell header>{team.teamName ?? NO_TEAM}</Cell>
                  <Cell>{formatNumber(team.coordinators)}</Cell>
                  <Cell>{formatNumber(team.open)}</Cell>
                  <Cell>{formatNumber(team.active)}</Cell>
                  <Cell>{formatNumber(team.started)}</Cell>
                  <Cell>{formatNumber(team.closed)}</Cell>
                  <Cell>{formatNumber(team.openPerCoordinator)}</Cell>
                </Row>
              ))}
            </Table>
          </section>
        </>
      )}
    </Page>
  );
}
