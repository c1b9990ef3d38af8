import { useId, type ReactNode } from 'react';
import type { Schemas } from '../../api/client';
import {
  ACTOR_ROLES,
  DELIVERY_REASONS,
  LETTER_STATUSES,
  letterKindLabel,
  recipientLabel,
  timelineActionLabel,
} from '../../texts/case-labels';
import {
  ADVICE_CODES,
  BESCHIKKING_KINDS,
  DIVERGENCE_STATUSES,
  DRANG_SOURCES,
  durationText,
  END_DECISIONS,
  JZ588_END_REASONS,
  END_TRIGGERS,
  codeName,
  omvangText,
  JZ020_PRODUCT_CATEGORIES,
  QUESTIONNAIRE_MOMENTS,
  QUESTIONNAIRE_STATUSES,
  REASSESSMENT_STATUSES,
  REJECTION_GROUNDS,
  RESULT_OUTCOMES,
  REVIEW_DECISIONS,
  THREE_MONTH_CHECK_STATUSES,
} from '../../texts/codes';
import {
  dueKindLabel,
  formatDate,
  formatDateTime,
  PHASE_LINE,
  PHASES,
  type Phase,
} from '../../texts/labels';
import type { Refusal } from '../../texts/refusals';
import { RefusalMessage } from '../../ui/forms';
import { ClientName } from './client-name';
import { Alert, Cell, DataList, Heading, Paragraph, Row, StatusBadge, Table } from '../../ui/ui';
import {
  involvedProviders,
  resultText,
  type Beschikking,
  type CaseParts,
  type CaseState,
  type Inzet,
  type Judgement,
} from './case-view';

/** A part of the case page: a <section> named by its <h2>. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="werkplek-section">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/**
 * The way a trajectory goes, with the phase it is in now marked (aria-current="step", and in
 * words: not by colour alone). A withdrawn case ends in "Ingetrokken" instead of "Afgesloten".
 * The phases up to `reached` (the furthest the case got, case-view.ts) are shaded as passed: a
 * case closed at its intake skipped the rest.
 */
export function PhaseLine({ phase, reached }: { phase: Phase; reached: Phase }) {
  const line: readonly Phase[] =
    phase === 'withdrawn' ? [...PHASE_LINE.filter((p) => p !== 'closed'), 'withdrawn'] : PHASE_LINE;
  const current = line.indexOf(phase);
  const passed = Math.min(current, line.indexOf(reached) + 1);
  return (
    <nav aria-label="Fasen van de zaak" className="werkplek-phases">
      <ol className="werkplek-phases__list">
        {line.map((step, i) => (
          <li
            key={step}
            className={[
              'werkplek-phases__step',
              i === current && 'werkplek-phases__step--current',
              i < passed && 'werkplek-phases__step--past',
            ]
              .filter(Boolean)
              .join(' ')}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="werkplek-phases__number" aria-hidden="true">
              {i + 1}
            </span>{' '}
            {PHASES[step]}
            {i === current && <span className="werkplek-phases__now"> (nu)</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The case at a glance: who, since when, its decision deadline, how it ended. */
export function CaseFacts({ view, parts }: { view: CaseState; parts: CaseParts }) {
  const items: Array<readonly [string, ReactNode]> = [
    [
      'Fase',
      <>
        {PHASES[view.phase]} {view.overdue && <StatusBadge status="warning">Te laat</StatusBadge>}
      </>,
    ],
    ['Gemeente', view.municipalityCode],
    ['Coördinator', view.coordinatorId],
    ['Cliënt', <ClientName key="client" clientId={view.clientId} />],
    ['Gezin', view.familyId],
    ['Aangemeld op', formatDateTime(view.startedAt)],
  ];
  if (view.receivedOn) items.push(['Hulpvraag ontvangen op', formatDate(view.receivedOn)]);
  if (parts.previousCaseNumber) items.push(['Vervolg op zaak', parts.previousCaseNumber]);
  if (!parts.beschikking && parts.awb && view.phase !== 'closed' && view.phase !== 'withdrawn') {
    items.push([
      'Beslistermijn (Awb)',
      <>
        uiterlijk {formatDate(parts.awb.dueAt)}{' '}
        {parts.awb.overdue && <StatusBadge status="warning">Verstreken</StatusBadge>}
      </>,
    ]);
  }
  if (parts.drang) {
    items.push([
      'Drang',
      `sinds ${formatDate(parts.drang.since)}, zorgen van ${codeName(DRANG_SOURCES, parts.drang.source).toLowerCase()}`,
    ]);
  }
  if (parts.intakeOutcome) {
    const outcome = parts.intakeOutcome;
    items.push([
      outcome.kind === 'advice' ? 'Afgesloten met advies' : 'Aanvraag afgewezen',
      `${
        outcome.kind === 'advice'
          ? codeName(ADVICE_CODES, outcome.advice)
          : codeName(REJECTION_GROUNDS, outcome.ground)
      } (${formatDate(outcome.at)})`,
    ]);
  }
  if (parts.withdrawal) {
    items.push([
      'Ingetrokken op',
      `${formatDate(parts.withdrawal.at)}${parts.withdrawal.reason ? `: ${parts.withdrawal.reason}` : ''}`,
    ]);
  }
  if (view.closedAt) items.push(['Afgesloten op', formatDateTime(view.closedAt)]);
  return <DataList items={items} />;
}

/** What the case waits for, with the dates: the first on top. */
export function Deadlines({ view }: { view: CaseState }) {
  if (view.pendingDeadlines.length === 0) {
    return <Paragraph>Er lopen geen termijnen.</Paragraph>;
  }
  const now = Date.now();
  return (
    <Table caption="Lopende termijnen, de eerste bovenaan" head={['Wat', 'Wanneer', 'Stand']}>
      {view.pendingDeadlines.map((deadline) => (
        <Row key={`${deadline.kind}-${deadline.at}`}>
          <Cell header>{dueKindLabel(deadline.kind)}</Cell>
          <Cell>{formatDateTime(deadline.at)}</Cell>
          <Cell>
            {Date.parse(deadline.at) <= now ? (
              <StatusBadge status="warning">Nu aan de beurt</StatusBadge>
            ) : (
              'Komt nog'
            )}
          </Cell>
        </Row>
      ))}
    </Table>
  );
}

function inzetText(inzet: Inzet | undefined): string {
  if (!inzet) return '—';
  const code = inzet.productCode ? ` (${inzet.productCode})` : '';
  return `${codeName(JZ020_PRODUCT_CATEGORIES, inzet.productCategory)}${code}, ${omvangText(inzet.omvang)}`;
}

/** Plan deel 1: the results agreed with the family and the inzet; who signed it off. */
export function Results({ parts }: { parts: CaseParts }) {
  const plan = parts.plan;
  if (!plan) return <Paragraph>Er zijn nog geen resultaten afgesproken.</Paragraph>;
  return (
    <>
      <Table caption="Afgesproken resultaten" head={['Nr.', 'Resultaat', 'Hoe beoordeeld']}>
        {plan.results.map((result, i) => (
          <Row key={result.id}>
            <Cell header>{i + 1}</Cell>
            <Cell>{result.description ?? '(tekst vernietigd)'}</Cell>
            <Cell>{result.measure ?? '(tekst vernietigd)'}</Cell>
          </Row>
        ))}
      </Table>
      <DataList
        items={[
          ['Inzet', inzetText(plan.inzet)],
          ['Afgesproken op', formatDateTime(plan.agreedAt)],
          [
            'Afgetekend',
            parts.planSignOff
              ? `door ${parts.planSignOff.professionalId} op ${formatDateTime(parts.planSignOff.at)}`
              : 'Nog niet',
          ],
        ]}
      />
    </>
  );
}

function judgementsText(parts: CaseParts, judgements: Judgement[] | undefined): ReactNode {
  if (!judgements || judgements.length === 0) return '—';
  return (
    <ul className="utrecht-unordered-list werkplek-compact-list">
      {judgements.map((j) => (
        <li key={j.resultId} className="utrecht-unordered-list__item">
          {resultText(parts, j.resultId)}: {codeName(RESULT_OUTCOMES, j.outcome).toLowerCase()}
        </li>
      ))}
    </ul>
  );
}

/** Every provider with a part in the case: referral, intake (plan deel 2), care, evaluations. */
export function Providers({ parts }: { parts: CaseParts }) {
  const providers = involvedProviders(parts);
  if (providers.length === 0) return <Paragraph>Er is nog niet verwezen.</Paragraph>;
  return (
    <Table
      caption="Aanbieders in deze zaak"
      head={['Aanbieder', 'Verwezen', 'Intake (plan deel 2)', 'Zorg', 'Evaluaties']}
    >
      {providers.map((agb) => {
        const intake = parts.providerIntakes.find((i) => i.agbCode === agb);
        const care = parts.care[agb];
        const evaluations = parts.evaluations.filter((e) => e.agbCode === agb);
        const activities = Array.isArray(intake?.activities)
          ? intake.activities
          : intake?.activities
            ? [intake.activities]
            : [];
        return (
          <Row key={agb}>
            <Cell header>AGB {agb}</Cell>
            <Cell>{parts.referrals.includes(agb) ? 'Ja' : 'Nee'}</Cell>
            <Cell>
              {intake ? (
                <>
                  Vastgelegd op {formatDate(intake.recordedAt)}, {intake.expectedDurationWeeks}{' '}
                  weken
                  {activities.length > 0 && (
                    <ul className="utrecht-unordered-list werkplek-compact-list">
                      {activities.map((activity, i) => (
                        <li key={i} className="utrecht-unordered-list__item">
                          {activity}
                        </li>
                      ))}
                    </ul>
                  )}
                  {intake.divergence && (
                    <>
                      Vraagt andere inzet: {inzetText(intake.requestedInzet)}.{' '}
                      <StatusBadge
                        status={intake.divergence.status === 'pending' ? 'warning' : 'neutral'}
                      >
                        {codeName(DIVERGENCE_STATUSES, intake.divergence.status)}
                      </StatusBadge>
                    </>
                  )}
                </>
              ) : (
                'Nog niet'
              )}
            </Cell>
            <Cell>
              {care?.startedOn ? `Gestart op ${formatDate(care.startedOn)}` : 'Niet gestart'}
              {care?.stoppedOn &&
                `; gestopt op ${formatDate(care.stoppedOn)} (${codeName(JZ588_END_REASONS, care.stopReason)})`}
            </Cell>
            <Cell>
              {evaluations.length === 0
                ? '—'
                : evaluations
                    .map(
                      (e) =>
                        `${e.kind === 'end' ? 'Eindevaluatie' : 'Tussentijds'} op ${formatDate(e.recordedAt)}`,
                    )
                    .join('; ')}
            </Cell>
          </Row>
        );
      })}
    </Table>
  );
}

function beschikkingFacts(b: Beschikking): Array<readonly [string, ReactNode]> {
  return [
    ['Nummer', b.number],
    ['Soort', codeName(BESCHIKKING_KINDS, b.kind)],
    ['Periode', `${formatDate(b.startDate)} tot en met ${formatDate(b.endDate)}`],
    ...(b.issuedAt ? [['Afgegeven op', formatDateTime(b.issuedAt)] as const] : []),
    ...(b.kind === 'pgb'
      ? [
          [
            'Budget',
            new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(
              b.budgetEuro,
            ),
          ] as const,
        ]
      : []),
  ];
}

/** The beschikking: number, period, product and omvang per toewijzing; earlier periods. */
export function BeschikkingSection({ parts }: { parts: CaseParts }) {
  const b = parts.beschikking;
  const verdagingen = parts.awb?.verdagingen ?? [];
  return (
    <>
      {b ? (
        <>
          <DataList items={beschikkingFacts(b)} />
          {b.kind === 'zin' && (
            <Table
              caption={`Toewijzingen van beschikking ${b.number}`}
              head={['Aanbieder', 'Toewijzing', 'Product', 'Omvang']}
            >
              {b.toewijzingen.map((t) => (
                <Row key={t.toewijzingnummer}>
                  <Cell header>AGB {t.agbCode}</Cell>
                  <Cell>{t.toewijzingnummer}</Cell>
                  <Cell>
                    {codeName(JZ020_PRODUCT_CATEGORIES, t.productCategory)}
                    {t.productCode ? ` (${t.productCode})` : ''}
                  </Cell>
                  <Cell>{omvangText(t.omvang)}</Cell>
                </Row>
              ))}
            </Table>
          )}
        </>
      ) : (
        <Paragraph>
          Er is nog geen beschikking.
          {parts.awb && ` De beslistermijn loopt tot ${formatDate(parts.awb.dueAt)}.`}
        </Paragraph>
      )}
      {parts.previousBeschikkingen.length > 0 && (
        <Table caption="Eerdere beschikkingen (voor een verlenging)" head={['Nummer', 'Periode']}>
          {parts.previousBeschikkingen.map((p) => (
            <Row key={p.number}>
              <Cell header>{p.number}</Cell>
              <Cell>
                {formatDate(p.startDate)} tot en met {formatDate(p.endDate)}
              </Cell>
            </Row>
          ))}
        </Table>
      )}
      {verdagingen.length > 0 && (
        <Table
          caption="Verdagingen van de beslistermijn"
          head={['Vastgelegd', 'Nieuwe datum', 'Reden']}
        >
          {verdagingen.map((v) => (
            <Row key={v.recordedAt}>
              <Cell header>{formatDate(v.recordedAt)}</Cell>
              <Cell>{formatDate(v.newDueDate)}</Cell>
              <Cell>{v.reason ?? '—'}</Cell>
            </Row>
          ))}
        </Table>
      )}
    </>
  );
}

/** Coordination, reviews, the family's answers, the end evaluation and a re-assessment. */
export function FollowUp({ parts }: { parts: CaseParts }) {
  const c = parts.coordination;
  const items: Array<readonly [string, ReactNode]> = [];
  if (c) {
    items.push([
      'Coördinatie',
      c.coordinate
        ? `Het CJG coördineert, evaluatie ${durationText(c.reviewInterval)}`
        : 'Het CJG coördineert niet',
    ]);
    items.push(['Besloten op', formatDateTime(c.decidedAt)]);
    if (c.coordinate && parts.monitoring?.nextReviewDue) {
      items.push([
        'Volgende evaluatie',
        <>
          {formatDateTime(parts.monitoring.nextReviewDue)}{' '}
          {parts.monitoring.overdue && <StatusBadge status="warning">Te laat</StatusBadge>}
        </>,
      ]);
    }
  }
  if (parts.threeMonthCheck) {
    items.push([
      'Cliëntcheck na 3 maanden',
      codeName(THREE_MONTH_CHECK_STATUSES, parts.threeMonthCheck.status),
    ]);
  }
  for (const moment of ['midway', 'end'] as const) {
    const q = parts.questionnaires[moment];
    if (!q) continue;
    const ratings = [
      q.rating !== undefined && `hulp ${q.rating}`,
      q.ratingCjg !== undefined && `CJG ${q.ratingCjg}`,
      q.ratingCoordinator !== undefined && `coördinator ${q.ratingCoordinator}`,
    ].filter(Boolean);
    items.push([
      codeName(QUESTIONNAIRE_MOMENTS, moment),
      `${codeName(QUESTIONNAIRE_STATUSES, q.status)}${ratings.length > 0 ? ` (${ratings.join(', ')})` : ''}`,
    ]);
  }
  const ev = parts.endEvaluation;
  if (ev) {
    items.push([
      'Eindevaluatie',
      ev.recordedAt
        ? `Vastgelegd op ${formatDateTime(ev.recordedAt)}: ${codeName(END_DECISIONS, ev.decision).toLowerCase()}${
            ev.followUpCaseNumber ? ` (${ev.followUpCaseNumber})` : ''
          }`
        : `Nodig sinds ${formatDateTime(ev.requiredSince)} (${codeName(END_TRIGGERS, ev.trigger).toLowerCase()})`,
    ]);
    if (ev.goals) items.push(['Resultaten aan het eind', judgementsText(parts, ev.goals)]);
  }
  if (parts.reassessment) {
    items.push([
      'Herbeoordeling',
      `${codeName(REASSESSMENT_STATUSES, parts.reassessment.status)}, uiterlijk ${formatDate(parts.reassessment.decideBy)}`,
    ]);
  }
  return (
    <>
      {items.length > 0 ? (
        <DataList items={items} />
      ) : (
        <Paragraph>Nog niets: dit begint met de beschikking.</Paragraph>
      )}
      {parts.reviews.length > 0 && (
        <Table caption="Tussentijdse evaluaties" head={['Datum', 'Besluit', 'Resultaten']}>
          {parts.reviews.map((review) => (
            <Row key={review.recordedAt}>
              <Cell header>
                {formatDate(review.recordedAt)}{' '}
                {review.wasOverdue && <StatusBadge status="warning">Te laat</StatusBadge>}
              </Cell>
              <Cell>{codeName(REVIEW_DECISIONS, review.decision)}</Cell>
              <Cell>{judgementsText(parts, review.outcomes)}</Cell>
            </Row>
          ))}
        </Table>
      )}
    </>
  );
}

/** The letters of the case per recipient, and those that did not arrive. */
export function Letters({
  letters,
  parts,
  refusal,
}: {
  letters: Schemas['CaseLettersDto'] | undefined;
  parts: CaseParts;
  refusal: Refusal | undefined;
}) {
  const problems = parts.deliveryProblems;
  return (
    <>
      {problems.length > 0 && (
        <Alert type="warning" title="Niet alle brieven zijn aangekomen">
          <ul className="utrecht-unordered-list">
            {problems.map((p) => (
              <li key={`${p.sequence}-${p.recipient}`} className="utrecht-unordered-list__item">
                {letterKindLabel(p.letter)} aan {recipientLabel(p.recipient).toLowerCase()}:{' '}
                {DELIVERY_REASONS[p.reason] ?? p.reason} ({formatDateTime(p.at)})
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <RefusalMessage refusal={refusal} />
      {letters && letters.items.length === 0 && <Paragraph>Er zijn nog geen brieven.</Paragraph>}
      {letters && letters.items.length > 0 && (
        <Table
          caption={`Brieven van deze zaak${letters.truncated ? ' (de eerste)' : ''}`}
          head={['Nr.', 'Brief', 'Aan', 'Status', 'Verstuurd op']}
        >
          {letters.items.map((letter) => {
            const status = LETTER_STATUSES[letter.status] ?? {
              label: letter.status,
              status: 'neutral' as const,
            };
            return (
              <Row key={`${letter.sequence}-${letter.recipient}`}>
                <Cell>{letter.sequence}</Cell>
                <Cell header>{letterKindLabel(letter.kind)}</Cell>
                <Cell>{recipientLabel(letter.recipient)}</Cell>
                <Cell>
                  <StatusBadge status={status.status}>{status.label}</StatusBadge>
                </Cell>
                <Cell>{formatDateTime(letter.sentAt)}</Cell>
              </Row>
            );
          })}
        </Table>
      )}
    </>
  );
}

/** What happened when, from the audit trail: oldest first. */
export function Timeline({
  timeline,
  refusal,
}: {
  timeline: Schemas['CaseTimelineDto'] | undefined;
  refusal: Refusal | undefined;
}) {
  return (
    <>
      <RefusalMessage refusal={refusal} />
      {timeline && timeline.items.length > 0 && (
        <Table
          caption={`Wat er gebeurde, het oudste eerst${timeline.truncated ? ' (de eerste)' : ''}`}
          head={['Wanneer', 'Wat', 'Door', 'Fase daarna']}
        >
          {timeline.items.map((entry, i) => (
            <Row key={i}>
              <Cell>{formatDateTime(entry.at)}</Cell>
              <Cell header>{timelineActionLabel(entry.action)}</Cell>
              <Cell>
                {ACTOR_ROLES[entry.actorRole] ?? entry.actorRole}
                {entry.actorId ? ` (${entry.actorId})` : ''}
              </Cell>
              <Cell>{entry.phase ? (PHASES[entry.phase as Phase] ?? entry.phase) : '—'}</Cell>
            </Row>
          ))}
        </Table>
      )}
    </>
  );
}
