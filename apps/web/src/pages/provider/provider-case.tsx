import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, type Schemas } from '../../api/client';
import { usePrincipal } from '../../auth/session';
import {
  codeName,
  codeOptions,
  JZ020_PRODUCT_CATEGORIES,
  JZ588_END_REASONS,
  omvangText,
  RESULT_OUTCOMES,
  WJ756_UNITS,
  WMO757_FREQUENCIES,
  type EndReason,
  type Frequency,
  type ProductCategory,
  type ResultOutcome,
  type Unit,
} from '../../texts/codes';
import { formatDate, formatDateTime, PHASES, today } from '../../texts/labels';
import {
  DIVERGENCE_STATUS,
  EVALUATION_KINDS,
  providerDueDay,
  providerDueLabel,
} from '../../texts/provider';
import { RefusalMessage, useSubmission } from '../../ui/forms';
import {
  Alert,
  Button,
  Cell,
  Checkbox,
  DataList,
  Fieldset,
  Heading,
  Paragraph,
  Row,
  SelectField,
  StatusBadge,
  Table,
  TextArea,
  TextField,
} from '../../ui/ui';

type View = Schemas['ProviderTrajectoryViewDto'];
type Plan = Schemas['ProviderPlanDto'];
type Inzet = Schemas['InzetDto'];

/** Gives a section its heading and names the section by it. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

function inzetText(inzet: Inzet): string {
  const category = codeName(JZ020_PRODUCT_CATEGORIES, inzet.productCategory);
  const product = inzet.productCode ? `, product ${inzet.productCode}` : '';
  return `${category}${product}: ${omvangText(inzet.omvang)}`;
}

/**
 * A provider's part of a case (the API's `view: provider`), shown by the case page: what it is
 * asked for and by when, plan deel 1, its intake, toewijzingen, care and evaluations, and the
 * commands its role may give now as forms. After each command the view is read again.
 */
export function ProviderCase({ view }: { view: View }) {
  const principal = usePrincipal();
  const agbCode = principal.agbCode ?? '';
  const [current, setCurrent] = useState(view);
  const [done, setDone] = useState<string>();
  useEffect(() => setCurrent(view), [view]);

  const reload = async (message: string) => {
    const { data } = await api.GET('/trajectories/{caseNumber}', {
      params: { path: { caseNumber: view.caseNumber } },
    });
    if (data?.view === 'provider') setCurrent(data);
    setDone(message);
  };
  const can = (command: string) => current.allowedCommands.includes(command);
  const { care, intake, plan, toewijzingen } = current;
  const latest = toewijzingen[toewijzingen.length - 1];
  const commandProps = { caseNumber: current.caseNumber, agbCode, onDone: reload };

  return (
    <>
      <div aria-live="polite">
        {done && (
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      <DataList
        items={[
          ['Fase', PHASES[current.phase]],
          ['Gemeente', current.municipalityCode],
          ['Coördinator', current.coordinatorId],
          ['Verwezen naar u', current.referred ? 'Ja' : 'Nee'],
          ...(current.closedAt
            ? ([['Afgesloten op', formatDateTime(current.closedAt)]] as const)
            : []),
          ...(current.accessEndsAt
            ? ([['U kunt de zaak inzien tot', formatDateTime(current.accessEndsAt)]] as const)
            : []),
        ]}
      />

      <Section id="gevraagd" title="Wat er van u gevraagd wordt">
        {current.pendingDeadlines.length === 0 ? (
          <Paragraph>Er staat nu niets voor u open met een termijn.</Paragraph>
        ) : (
          <Table
            caption="Wat u moet doen, en uiterlijk wanneer"
            head={['Wat', 'Uiterlijk', 'Termijn']}
          >
            {current.pendingDeadlines.map((due) => (
              <Row key={`${due.kind}-${due.at}`}>
                <Cell header>{providerDueLabel(due.kind)}</Cell>
                <Cell>{providerDueDay(due.kind, due.at)}</Cell>
                <Cell>
                  {due.overdue ? <StatusBadge status="warning">Te laat</StatusBadge> : 'Op tijd'}
                </Cell>
              </Row>
            ))}
          </Table>
        )}
      </Section>

      <Section id="plan-deel-1" title="Plan deel 1">
        {plan ? (
          <PlanDeel1 plan={plan} />
        ) : (
          <Paragraph>Plan deel 1 is nog niet afgesproken.</Paragraph>
        )}
      </Section>

      <Section id="intake" title="Uw intake (plan deel 2)">
        {intake ? (
          <DataList
            items={[
              ['Vastgelegd op', formatDateTime(intake.recordedAt)],
              [
                'Wat u gaat doen',
                <ul key="activiteiten" className="utrecht-unordered-list">
                  {intake.activities.map((activity, i) => (
                    <li key={i} className="utrecht-unordered-list__item">
                      {activity}
                    </li>
                  ))}
                </ul>,
              ],
              ['Verwachte duur', `${intake.expectedDurationWeeks} weken`],
              ...(intake.requestedInzet
                ? ([['Gevraagde inzet', inzetText(intake.requestedInzet)]] as const)
                : []),
              ...(intake.divergence
                ? ([
                    ['Afwijking van plan deel 1', DIVERGENCE_STATUS[intake.divergence.status]],
                  ] as const)
                : []),
            ]}
          />
        ) : can('recordProviderIntake') ? (
          <IntakeForm {...commandProps} plan={plan} />
        ) : (
          <Paragraph>Uw intake is nog niet vastgelegd.</Paragraph>
        )}
      </Section>

      <Section id="toewijzingen" title="Toewijzingen">
        {toewijzingen.length === 0 ? (
          <Paragraph>Er is nog geen toewijzing aan u.</Paragraph>
        ) : (
          <Table
            caption="Uw toewijzingen"
            head={['Toewijzing', 'Beschikking', 'Zorg', 'Omvang', 'Periode']}
          >
            {toewijzingen.map((t) => (
              <Row key={`${t.beschikkingNumber}-${t.toewijzingnummer}`}>
                <Cell header>{t.toewijzingnummer}</Cell>
                <Cell>{t.beschikkingNumber}</Cell>
                <Cell>
                  {codeName(JZ020_PRODUCT_CATEGORIES, t.productCategory)}
                  {t.productCode ? ` (${t.productCode})` : ''}
                </Cell>
                <Cell>{omvangText(t.omvang)}</Cell>
                <Cell>
                  {formatDate(t.startDate)} t/m {formatDate(t.endDate)}
                </Cell>
              </Row>
            ))}
          </Table>
        )}
      </Section>

      <Section id="zorg" title="Zorg">
        <DataList
          items={[
            [
              'Eerste dag van de zorg',
              care.startedOn ? formatDate(care.startedOn) : 'Nog niet doorgegeven',
            ],
            [
              'Laatste dag van de zorg',
              care.stoppedOn ? formatDate(care.stoppedOn) : 'Nog niet doorgegeven',
            ],
            ...(care.stopReason
              ? ([['Reden van beëindiging', codeName(JZ588_END_REASONS, care.stopReason)]] as const)
              : []),
          ]}
        />
        {latest && can('startZorg') && !care.startedOn && (
          <StartZorgForm {...commandProps} from={latest.startDate} until={latest.endDate} />
        )}
        {latest && can('stopZorg') && !care.stoppedOn && (
          <StopZorgForm {...commandProps} startedOn={care.startedOn} />
        )}
      </Section>

      <Section id="evaluaties" title="Evaluaties">
        {current.endEvaluation && (
          <Paragraph>
            Het CJG vraagt sinds {formatDate(current.endEvaluation.requiredSince)} om de
            eindevaluatie.{' '}
            {current.endEvaluation.delivered
              ? 'U hebt uw eindevaluatie aangeleverd.'
              : 'Uw eindevaluatie ontbreekt nog.'}
          </Paragraph>
        )}
        {current.evaluations.length === 0 ? (
          <Paragraph>U hebt nog geen evaluatie aangeleverd.</Paragraph>
        ) : (
          <Table caption="Uw evaluaties" head={['Evaluatie', 'Datum', 'Resultaten']}>
            {current.evaluations.map((evaluation) => (
              <Row key={evaluation.recordedAt}>
                <Cell header>{EVALUATION_KINDS[evaluation.kind]}</Cell>
                <Cell>{formatDateTime(evaluation.recordedAt)}</Cell>
                <Cell>
                  {evaluation.outcomes
                    .map(
                      (o) =>
                        `${resultName(plan, o.resultId)}: ${RESULT_OUTCOMES[o.outcome].toLowerCase()}`,
                    )
                    .join('; ') || '—'}
                </Cell>
              </Row>
            ))}
          </Table>
        )}
        {plan && latest && can('reportEvaluation') && (
          <EvaluationForm
            {...commandProps}
            plan={plan}
            endAsked={current.phase === 'end-evaluation' && !current.endEvaluation?.delivered}
          />
        )}
      </Section>
    </>
  );
}

function resultName(plan: Plan | undefined, resultId: string): string {
  return plan?.results.find((r) => r.id === resultId)?.description ?? resultId;
}

function PlanDeel1({ plan }: { plan: Plan }) {
  return (
    <>
      <Table
        caption="De resultaten die het gezin wil bereiken"
        head={['Resultaat', 'Hoe beoordeeld']}
      >
        {plan.results.map((result) => (
          <Row key={result.id}>
            <Cell header>{result.description}</Cell>
            <Cell>{result.measure}</Cell>
          </Row>
        ))}
      </Table>
      <Paragraph>Inzet volgens het CJG: {inzetText(plan.inzet)}.</Paragraph>
    </>
  );
}

interface CommandProps {
  caseNumber: string;
  agbCode: string;
  /** After success: read the view again and tell the person what happened. */
  onDone(message: string): Promise<void>;
}

const INTAKE_LABELS = {
  activities: 'Wat gaat u doen?',
  expectedDurationWeeks: 'Verwachte duur in weken',
  'requestedInzet.productCategory': 'Productcategorie',
  'requestedInzet.productCode': 'Productcode',
  'requestedInzet.omvang.volume': 'Omvang',
  'requestedInzet.omvang.unit': 'Eenheid',
  'requestedInzet.omvang.frequency': 'Frequentie',
};

/** recordProviderIntake: plan deel 2, with more or other inzet only when it asks for that. */
function IntakeForm({ caseNumber, agbCode, onDone, plan }: CommandProps & { plan?: Plan }) {
  const submission = useSubmission();
  const [activities, setActivities] = useState('');
  const [weeks, setWeeks] = useState('');
  const [diverge, setDiverge] = useState(false);
  const [inzet, setInzet] = useState({
    productCategory: plan?.inzet.productCategory ?? '',
    productCode: plan?.inzet.productCode ?? '',
    volume: String(plan?.inzet.omvang.volume ?? ''),
    unit: plan?.inzet.omvang.unit ?? '',
    frequency: plan?.inzet.omvang.frequency ?? '',
  });
  const setPart = (name: keyof typeof inzet) => (event: { target: { value: string } }) =>
    setInzet((previous) => ({ ...previous, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const requestedInzet = {
      productCategory: inzet.productCategory as ProductCategory,
      ...(inzet.productCode.trim() ? { productCode: inzet.productCode.trim().toUpperCase() } : {}),
      omvang: {
        volume: Number(inzet.volume),
        unit: inzet.unit as Unit,
        frequency: inzet.frequency as Frequency,
      },
    };
    const result = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/record-provider-intake', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: {
          agbCode,
          activities: activities
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
          expectedDurationWeeks: Number(weeks),
          ...(diverge ? { requestedInzet } : {}),
        },
      }),
    );
    if (result) await onDone('Uw intake (plan deel 2) is vastgelegd.');
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="intake-form-kop">
      <Heading level={3} id="intake-form-kop">
        Intake vastleggen
      </Heading>
      <RefusalMessage refusal={submission.refusal} labels={INTAKE_LABELS} />
      <TextArea
        label={INTAKE_LABELS.activities}
        name="activities"
        description="Eén activiteit per regel, hoogstens 20 activiteiten van elk hoogstens 500 tekens."
        value={activities}
        error={submission.fieldError('activities')}
        onChange={(event) => setActivities(event.target.value)}
        required
      />
      <TextField
        label={INTAKE_LABELS.expectedDurationWeeks}
        name="expectedDurationWeeks"
        type="number"
        inputMode="numeric"
        min={1}
        max={520}
        description="Een heel getal van 1 tot 520."
        value={weeks}
        error={submission.fieldError('expectedDurationWeeks')}
        onChange={(event) => setWeeks(event.target.value)}
        required
      />
      <Checkbox
        label="Ik vraag meer of andere inzet dan plan deel 1"
        name="diverge"
        checked={diverge}
        onChange={(event) => setDiverge(event.target.checked)}
      />
      {diverge && (
        <Fieldset legend="De inzet die u vraagt">
          <Paragraph>
            Het CJG beslist over een afwijking van plan deel 1. Pas daarna kan de beschikking
            volgen.
          </Paragraph>
          <SelectField
            label={INTAKE_LABELS['requestedInzet.productCategory']}
            name="productCategory"
            placeholder="Kies een productcategorie"
            options={codeOptions(JZ020_PRODUCT_CATEGORIES)}
            value={inzet.productCategory}
            error={submission.fieldError('requestedInzet.productCategory')}
            onChange={setPart('productCategory')}
          />
          <TextField
            label={INTAKE_LABELS['requestedInzet.productCode']}
            name="productCode"
            description="Niet verplicht. Vijf tekens, beginnend met de productcategorie, bijvoorbeeld 45A01."
            value={inzet.productCode}
            error={submission.fieldError('requestedInzet.productCode')}
            onChange={setPart('productCode')}
          />
          <TextField
            label={INTAKE_LABELS['requestedInzet.omvang.volume']}
            name="volume"
            type="number"
            inputMode="numeric"
            min={1}
            value={inzet.volume}
            error={submission.fieldError('requestedInzet.omvang.volume')}
            onChange={setPart('volume')}
          />
          <SelectField
            label={INTAKE_LABELS['requestedInzet.omvang.unit']}
            name="unit"
            placeholder="Kies een eenheid"
            options={codeOptions(WJ756_UNITS)}
            value={inzet.unit}
            error={submission.fieldError('requestedInzet.omvang.unit')}
            onChange={setPart('unit')}
          />
          <SelectField
            label={INTAKE_LABELS['requestedInzet.omvang.frequency']}
            name="frequency"
            placeholder="Kies een frequentie"
            options={codeOptions(WMO757_FREQUENCIES)}
            value={inzet.frequency}
            error={submission.fieldError('requestedInzet.omvang.frequency')}
            onChange={setPart('frequency')}
          />
        </Fieldset>
      )}
      <Button appearance="primary" type="submit" busy={submission.busy}>
        Intake vastleggen
      </Button>
    </form>
  );
}

/** startZorg: the first day of care (start zorg, JW305), within the beschikking. */
function StartZorgForm({
  caseNumber,
  agbCode,
  onDone,
  from,
  until,
}: CommandProps & { from: string; until: string }) {
  const submission = useSubmission();
  const [date, setDate] = useState(today);
  const label = 'Eerste dag van de zorg';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/start-zorg', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: { agbCode, date },
      }),
    );
    if (result) await onDone('De start van de zorg is doorgegeven.');
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="start-zorg-kop">
      <Heading level={3} id="start-zorg-kop">
        Start zorg doorgeven
      </Heading>
      <RefusalMessage refusal={submission.refusal} labels={{ date: label }} />
      <TextField
        label={label}
        name="date"
        type="date"
        description={`Binnen de beschikking: ${formatDate(from)} tot en met ${formatDate(until)}.`}
        value={date}
        error={submission.fieldError('date')}
        onChange={(event) => setDate(event.target.value)}
        required
      />
      <Button appearance="primary" type="submit" busy={submission.busy}>
        Start zorg doorgeven
      </Button>
    </form>
  );
}

/** stopZorg: the last day of care and why (stop zorg, JW307); the last stop asks the end evaluation. */
function StopZorgForm({
  caseNumber,
  agbCode,
  onDone,
  startedOn,
}: CommandProps & { startedOn?: string }) {
  const submission = useSubmission();
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const labels = { date: 'Laatste dag van de zorg', reason: 'Reden van beëindiging' };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/stop-zorg', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: { agbCode, date, reason: reason as EndReason },
      }),
    );
    if (result) await onDone('Het einde van de zorg is doorgegeven.');
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="stop-zorg-kop">
      <Heading level={3} id="stop-zorg-kop">
        Stop zorg doorgeven
      </Heading>
      <RefusalMessage refusal={submission.refusal} labels={labels} />
      <TextField
        label={labels.date}
        name="date"
        type="date"
        description={
          startedOn
            ? `Niet vóór de eerste dag van de zorg (${formatDate(startedOn)}).`
            : 'De dag waarop de zorg voor het laatst geleverd is.'
        }
        value={date}
        error={submission.fieldError('date')}
        onChange={(event) => setDate(event.target.value)}
        required
      />
      <SelectField
        label={labels.reason}
        name="reason"
        placeholder="Kies een reden"
        options={codeOptions(JZ588_END_REASONS)}
        value={reason}
        error={submission.fieldError('reason')}
        onChange={(event) => setReason(event.target.value)}
        required
      />
      <Button appearance="primary" type="submit" busy={submission.busy}>
        Stop zorg doorgeven
      </Button>
    </form>
  );
}

/**
 * reportEvaluation: how far the results of plan deel 1 are reached, in between (any results) or
 * at the end (every result, once the CJG asks for the end evaluation).
 */
function EvaluationForm({
  caseNumber,
  agbCode,
  onDone,
  plan,
  endAsked,
}: CommandProps & { plan: Plan; endAsked: boolean }) {
  const submission = useSubmission();
  const [kind, setKind] = useState<'interim' | 'end'>(endAsked ? 'end' : 'interim');
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const kinds = (endAsked ? (['end', 'interim'] as const) : (['interim'] as const)).map(
    (value) => ({ value, label: EVALUATION_KINDS[value] }),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await submission.submit((key) =>
      api.POST('/trajectories/{caseNumber}/report-evaluation', {
        params: { path: { caseNumber } },
        headers: { 'Idempotency-Key': key },
        body: {
          agbCode,
          kind,
          outcomes: plan.results
            .filter((r) => outcomes[r.id])
            .map((r) => ({ resultId: r.id, outcome: outcomes[r.id] as ResultOutcome })),
        },
      }),
    );
    if (result) {
      setOutcomes({});
      await onDone(`Uw ${EVALUATION_KINDS[kind].toLowerCase()} is aangeleverd.`);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="evaluatie-kop">
      <Heading level={3} id="evaluatie-kop">
        Evaluatie aanleveren
      </Heading>
      <RefusalMessage refusal={submission.refusal} labels={{ outcomes: 'Resultaten' }} />
      <SelectField
        label="Soort evaluatie"
        name="kind"
        options={kinds}
        value={kind}
        onChange={(event) => setKind(event.target.value as 'interim' | 'end')}
      />
      <Fieldset legend="Hoe ver is elk resultaat bereikt?">
        <Paragraph>
          {kind === 'end'
            ? 'Beoordeel bij de eindevaluatie elk resultaat.'
            : 'Beoordeel de resultaten waarover u nu iets kunt zeggen.'}
        </Paragraph>
        {plan.results.map((result) => (
          <SelectField
            key={result.id}
            label={result.description}
            name={`outcome-${result.id}`}
            description={`Hoe beoordeeld: ${result.measure}`}
            placeholder="Niet beoordeeld"
            options={codeOptions(RESULT_OUTCOMES, false)}
            value={outcomes[result.id] ?? ''}
            onChange={(event) =>
              setOutcomes((previous) => ({ ...previous, [result.id]: event.target.value }))
            }
          />
        ))}
      </Fieldset>
      <Button appearance="primary" type="submit" busy={submission.busy}>
        Evaluatie aanleveren
      </Button>
    </form>
  );
}
