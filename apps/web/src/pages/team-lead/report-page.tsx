import type { ReactNode } from 'react';
import type { Schemas } from '../../api/client';
import { Link } from '../../router';
import { REPORT_TEXTS, questionLabel } from '../../texts/reports';
import { RefusalMessage } from '../../ui/forms';
import { Loading, Page } from '../../ui/page';
import { Cell, Heading, Paragraph, Row, Table } from '../../ui/ui';
import { BarChart, type Bar } from './bar-chart';
import { CsvDownload } from './csv-download';
import {
  formatNumber,
  formatPct,
  REFERRAL_GROUPS,
  useReport,
  useReportQuery,
  type ReportAnswers,
} from './report-data';
import { FILTER_LABELS, ReportFilter } from './report-filter';
import './team-lead.css';

export type ChartReport = Exclude<keyof ReportAnswers, 'caseload'>;

const ALL = 'Alle gemeenten';

/** A municipality by its name, or its CBS code when the registry has no name for it. */
const municipality = (row: { municipalityCode: string; municipalityName: string | null }) =>
  row.municipalityName ?? row.municipalityCode;

/** One report: its period filter, its charts with the same figures in tables, and the CSV. */
export default function ReportPage({ report }: { report: ChartReport }) {
  const texts = REPORT_TEXTS[report];
  const query = useReportQuery();
  const { answer, refusal } = useReport(report, query);
  return (
    <Page title={texts.title}>
      <Paragraph>
        <Link to="/rapportages">Alle rapportages</Link>
      </Paragraph>
      <Paragraph lead>{texts.intro}</Paragraph>
      <ReportFilter query={query} answered={answer} withGroup={report === 'referrals'} />
      <RefusalMessage refusal={refusal} labels={FILTER_LABELS} />
      {!answer && !refusal && <Loading what="De rapportage" />}
      {answer && (
        <>
          <CsvDownload report={report} query={query} label={texts.file} />
          <Figures report={report} answer={answer} />
        </>
      )}
    </Page>
  );
}

function Figures({ report, answer }: { report: ChartReport; answer: ReportAnswers[ChartReport] }) {
  switch (report) {
    case 'waiting-times':
      return <WaitingTimes answer={answer as ReportAnswers['waiting-times']} />;
    case 'overdue':
      return <Overdue answer={answer as ReportAnswers['overdue']} />;
    case 'referrals':
      return <Referrals answer={answer as ReportAnswers['referrals']} />;
    case 'goal-attainment':
      return <GoalAttainment answer={answer as ReportAnswers['goal-attainment']} />;
    case 'client-ratings':
      return <ClientRatings answer={answer as ReportAnswers['client-ratings']} />;
  }
}

/** One row of figures: the first cell names the row (a row header for screen readers). */
function FigureRow({ name, cells }: { name: ReactNode; cells: readonly ReactNode[] }) {
  return (
    <Row>
      <Cell header>{name}</Cell>
      {cells.map((cell, index) => (
        <Cell key={index}>{cell}</Cell>
      ))}
    </Row>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <Heading level={2}>{title}</Heading>
      {children}
    </section>
  );
}

function WaitingTimes({ answer }: { answer: ReportAnswers['waiting-times'] }) {
  const figures = (row: Schemas['WaitingTimeFiguresDto']) => [
    formatNumber(row.trajectories),
    formatNumber(row.meanDays),
    formatNumber(row.medianDays),
    formatNumber(row.p90Days),
    formatNumber(row.maxDays),
    formatNumber(row.overEightWeeks),
  ];
  const withTotal = (value: (row: Schemas['WaitingTimeFiguresDto']) => number | null): Bar[] => [
    ...answer.rows.map((row) => ({ label: municipality(row), value: value(row) })),
    ...(answer.rows.length > 1 ? [{ label: ALL, value: value(answer.total) }] : []),
  ];
  return (
    <Section title="Wachttijd per gemeente">
      <BarChart
        title="Mediaan van de wachttijd, in dagen"
        unit="dagen"
        bars={withTotal((row) => row.medianDays)}
      />
      <BarChart
        title="Zaken met een wachttijd van meer dan 8 weken"
        unit="zaken"
        bars={withTotal((row) => row.overEightWeeks)}
      />
      <Table
        caption="Wachttijd van aanvraag tot eerste beschikking, in dagen"
        head={[
          'Gemeente',
          'Zaken',
          'Gemiddeld',
          'Mediaan',
          '90% binnen',
          'Langste',
          'Meer dan 8 weken',
        ]}
      >
        {answer.rows.map((row) => (
          <FigureRow key={row.municipalityCode} name={municipality(row)} cells={figures(row)} />
        ))}
        <FigureRow name="Totaal" cells={figures(answer.total)} />
      </Table>
    </Section>
  );
}

function Overdue({ answer }: { answer: ReportAnswers['overdue'] }) {
  const figures = (row: Schemas['OverdueFiguresDto']) => [
    formatNumber(row.open),
    formatNumber(row.overdue),
    formatNumber(row.beschikkingOverdue),
    formatNumber(row.reviewOverdue),
    formatNumber(row.endEvaluationOverdue),
    formatNumber(row.reviewsRecorded),
    formatNumber(row.reviewsRecordedLate),
    formatPct(row.reviewsRecordedLatePct),
  ];
  return (
    <Section title="Te laat">
      <BarChart
        title="Open zaken die nu te laat zijn, naar wat te laat is"
        unit="zaken"
        bars={[
          { label: 'Beschikking (beslistermijn)', value: answer.total.beschikkingOverdue },
          { label: 'Tussentijdse evaluatie', value: answer.total.reviewOverdue },
          { label: 'Eindevaluatie', value: answer.total.endEvaluationOverdue },
        ]}
      />
      <BarChart
        title="Evaluaties in de periode die te laat zijn vastgelegd, in procenten"
        unit="procent"
        max={100}
        format={formatPct}
        bars={[
          ...answer.rows.map((row) => ({
            label: municipality(row),
            value: row.reviewsRecordedLatePct,
          })),
          ...(answer.rows.length > 1
            ? [{ label: ALL, value: answer.total.reviewsRecordedLatePct }]
            : []),
        ]}
      />
      <Table
        caption="Te laat per gemeente: nu open, en evaluaties in de periode"
        head={[
          'Gemeente',
          'Open zaken',
          'Te laat',
          'Beschikking te laat',
          'Evaluatie te laat',
          'Eindevaluatie te laat',
          'Evaluaties vastgelegd',
          'Daarvan te laat',
          'Percentage te laat',
        ]}
      >
        {answer.rows.map((row) => (
          <FigureRow key={row.municipalityCode} name={municipality(row)} cells={figures(row)} />
        ))}
        <FigureRow name="Totaal" cells={figures(answer.total)} />
      </Table>
    </Section>
  );
}

/** Sums `value` per key, in the order the keys first appear. */
function sumBy<T>(rows: readonly T[], key: (row: T) => string, value: (row: T) => number): Bar[] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + value(row));
  return [...sums].map(([label, sum]) => ({ label, value: sum }));
}

function Referrals({ answer }: { answer: ReportAnswers['referrals'] }) {
  const period = (value: string) => (answer.group === 'period' ? 'De hele periode' : value);
  const categoryName = (row: Schemas['ReferralRowDto']) =>
    row.productCategory === 'pgb'
      ? (row.productCategoryName ?? 'PGB')
      : `${row.productCategory} ${row.productCategoryName ?? ''}`.trim();
  return (
    <Section title="Verwijzingen">
      <Paragraph>Indeling: {REFERRAL_GROUPS[answer.group].toLowerCase()}.</Paragraph>
      <BarChart
        title="Verwijzingen per periode"
        unit="verwijzingen"
        bars={sumBy(
          answer.rows,
          (row) => period(row.period),
          (row) => row.referrals,
        )}
      />
      <BarChart
        title="Verwijzingen per productcategorie, over de hele periode"
        unit="verwijzingen"
        bars={sumBy(answer.rows, categoryName, (row) => row.referrals)}
      />
      <Table
        caption="Verwijzingen per periode en productcategorie"
        head={['Periode', 'Productcategorie', 'Verwijzingen', 'Trajecten']}
      >
        {answer.rows.map((row) => (
          <FigureRow
            key={`${row.period}-${row.productCategory}`}
            name={period(row.period)}
            cells={[categoryName(row), formatNumber(row.referrals), formatNumber(row.trajectories)]}
          />
        ))}
        <FigureRow
          name="Totaal"
          cells={[
            '',
            formatNumber(answer.total.referrals),
            formatNumber(answer.total.trajectories),
          ]}
        />
      </Table>
    </Section>
  );
}

function GoalAttainment({ answer }: { answer: ReportAnswers['goal-attainment'] }) {
  const figures = (row: Schemas['GoalFiguresDto']) => [
    formatNumber(row.endEvaluations),
    formatNumber(row.goalsTotal),
    formatNumber(row.goalsReached),
    formatPct(row.goalsReachedPct),
    formatNumber(row.allGoalsReached),
    formatPct(row.allGoalsReachedPct),
  ];
  return (
    <Section title="Doelen bereikt">
      <BarChart
        title="Doelen bereikt, in procenten van alle beoordeelde doelen"
        unit="procent"
        max={100}
        format={formatPct}
        bars={[
          ...answer.rows.map((row) => ({ label: municipality(row), value: row.goalsReachedPct })),
          ...(answer.rows.length > 1 ? [{ label: ALL, value: answer.total.goalsReachedPct }] : []),
        ]}
      />
      <Table
        caption="Doelrealisatie per gemeente bij de eindevaluatie"
        head={[
          'Gemeente',
          'Eindevaluaties',
          'Doelen',
          'Bereikt',
          'Percentage bereikt',
          'Alle doelen bereikt',
          'Percentage alle doelen',
        ]}
      >
        {answer.rows.map((row) => (
          <FigureRow key={row.municipalityCode} name={municipality(row)} cells={figures(row)} />
        ))}
        <FigureRow name="Totaal" cells={figures(answer.total)} />
      </Table>
    </Section>
  );
}

const RATING_HEAD = [
  'Gevraagd',
  'Beantwoord',
  'Geen reactie',
  'Wacht nog',
  'Respons',
  'Cijfer hulp',
  'Cijfer CJG',
  'Cijfer coördinator',
  'Zorg past',
];

function ClientRatings({ answer }: { answer: ReportAnswers['client-ratings'] }) {
  const figures = (row: Schemas['ClientRatingFiguresDto']) => [
    formatNumber(row.asked),
    formatNumber(row.answered),
    formatNumber(row.noResponse),
    formatNumber(row.awaiting),
    formatPct(row.responseRatePct),
    formatNumber(row.meanRating),
    formatNumber(row.meanRatingCjg),
    formatNumber(row.meanRatingCoordinator),
    formatPct(row.fittingPct),
  ];
  const questionnaires = answer.total.filter((row) => row.question !== 'three-month-check');
  return (
    <Section title="Respons en cijfers">
      <BarChart
        title="Respons per moment, in procenten van de vragen die zijn gesteld"
        unit="procent"
        max={100}
        format={formatPct}
        bars={answer.total.map((row) => ({
          label: questionLabel(row.question),
          value: row.responseRatePct,
        }))}
      />
      <BarChart
        title="Gemiddeld cijfer in de vragenlijsten, van 1 tot 5"
        max={5}
        bars={questionnaires.flatMap((row) => [
          { label: `${questionLabel(row.question)}: hulp`, value: row.meanRating },
          { label: `${questionLabel(row.question)}: CJG`, value: row.meanRatingCjg },
          {
            label: `${questionLabel(row.question)}: coördinator`,
            value: row.meanRatingCoordinator,
          },
        ])}
      />
      <Table caption="Alle gemeenten samen, per moment" head={['Moment', ...RATING_HEAD]}>
        {answer.total.map((row) => (
          <FigureRow key={row.question} name={questionLabel(row.question)} cells={figures(row)} />
        ))}
      </Table>
      <Table caption="Per gemeente en moment" head={['Gemeente', 'Moment', ...RATING_HEAD]}>
        {answer.rows.map((row) => (
          <FigureRow
            key={`${row.municipalityCode}-${row.question}`}
            name={municipality(row)}
            cells={[questionLabel(row.question), ...figures(row)]}
          />
        ))}
      </Table>
    </Section>
  );
}
