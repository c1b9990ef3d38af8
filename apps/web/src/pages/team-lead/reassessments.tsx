import { useEffect, useState, type FormEvent } from 'react';
import { api, asErrorBody, type Schemas } from '../../api/client';
import { Link, useRouter } from '../../router';
import { formatDateTime, today } from '../../texts/labels';
import { describeRefusal, type Refusal } from '../../texts/refusals';
import { BATCH_STATES } from '../../texts/reports';
import { RefusalMessage, useSubmission } from '../../ui/forms';
import { Loading, Page } from '../../ui/page';
import { Button, Cell, Fieldset, Heading, Paragraph, Row, Table, TextField } from '../../ui/ui';
import { TemporalLink } from './temporal-link';
import './team-lead.css';

const LABELS = {
  batchId: 'Naam van de ronde',
  decideBy: 'Coördinatoren besluiten uiterlijk op',
  beschikkingEndFrom: 'Beschikking eindigt op of na',
  beschikkingEndTo: 'Beschikking eindigt op of voor',
  municipalityCode: 'Gemeente',
};

/**
 * Re-assessment batches (001): ops ask every coordinated trajectory in monitoring whose
 * beschikking ends in a window whether follow-up is still needed. The list (GET /reassessments)
 * and a form to start a new round (POST /reassessments); a round runs once per name.
 */
export default function Reassessments() {
  const { navigate } = useRouter();
  const [list, setList] = useState<Schemas['ReassessmentBatchListDto']>();
  const [listRefusal, setListRefusal] = useState<Refusal>();
  const [form, setForm] = useState({
    batchId: '',
    decideBy: '',
    beschikkingEndFrom: '',
    beschikkingEndTo: '',
    municipalityCode: '',
  });
  const start = useSubmission<Schemas['ReassessmentBatchStartedDto']>();

  useEffect(() => {
    let live = true;
    void api.GET('/reassessments', {}).then(({ data, error, response }) => {
      if (!live) return;
      if (data) setList(data);
      else setListRefusal(describeRefusal(asErrorBody(error), response.status));
    });
    return () => {
      live = false;
    };
  }, []);

  const set = (name: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const batchId = form.batchId.trim();
    const municipalityCode = form.municipalityCode.trim();
    const started = await start.submit((key) =>
      api.POST('/reassessments', {
        headers: { 'Idempotency-Key': key },
        body: {
          batchId,
          decideBy: form.decideBy,
          beschikkingEndFrom: form.beschikkingEndFrom,
          beschikkingEndTo: form.beschikkingEndTo,
          ...(municipalityCode ? { municipalityCode } : {}),
        },
      }),
    );
    if (started) {
      navigate(
        `/herbeoordelingen/${encodeURIComponent(started.batchId)}${started.created ? '' : '?bestond=ja'}`,
      );
    }
  };

  return (
    <Page title="Herbeoordelingen">
      <Paragraph>
        Een ronde vraagt de coördinatoren bij elke gecoördineerde zaak in monitoring waarvan de
        beschikking in een periode eindigt: is vervolg nog nodig? Elke ronde heeft een eigen naam en
        loopt één keer.
      </Paragraph>
      <section>
        <Heading level={2}>Rondes</Heading>
        <RefusalMessage refusal={listRefusal} />
        {!list && !listRefusal && <Loading what="De rondes" />}
        {list && list.items.length === 0 && <Paragraph>Er zijn nog geen rondes.</Paragraph>}
        {list && list.items.length > 0 && (
          <Table
            caption="Herbeoordelingsrondes, de nieuwste bovenaan"
            head={['Ronde', 'Stand', 'Gemeente', 'Gestart', 'Klaar', 'Workflow']}
          >
            {list.items.map((batch) => (
              <Row key={batch.batchId}>
                <Cell header>
                  <Link to={`/herbeoordelingen/${encodeURIComponent(batch.batchId)}`}>
                    {batch.batchId}
                  </Link>
                </Cell>
                <Cell>{BATCH_STATES[batch.state] ?? batch.state}</Cell>
                <Cell>{batch.municipalityCode ?? 'Alle'}</Cell>
                <Cell>{formatDateTime(batch.startedAt)}</Cell>
                <Cell>{formatDateTime(batch.closedAt)}</Cell>
                <Cell>
                  <TemporalLink workflowId={batch.workflowId}>
                    {`Workflow van ronde ${batch.batchId}`}
                  </TemporalLink>
                </Cell>
              </Row>
            ))}
          </Table>
        )}
      </section>
      <section>
        <Heading level={2}>Nieuwe ronde starten</Heading>
        <RefusalMessage refusal={start.refusal} labels={LABELS} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Fieldset legend="De ronde">
            <TextField
              label={LABELS.batchId}
              name="batchId"
              description="Letters, cijfers en streepjes, bijvoorbeeld apr-2026. Dezelfde naam start niets opnieuw."
              value={form.batchId}
              error={start.fieldError('batchId')}
              onChange={set('batchId')}
              required
            />
            <TextField
              label={LABELS.beschikkingEndFrom}
              name="beschikkingEndFrom"
              type="date"
              value={form.beschikkingEndFrom}
              error={start.fieldError('beschikkingEndFrom')}
              onChange={set('beschikkingEndFrom')}
              required
            />
            <TextField
              label={LABELS.beschikkingEndTo}
              name="beschikkingEndTo"
              type="date"
              value={form.beschikkingEndTo}
              error={start.fieldError('beschikkingEndTo')}
              onChange={set('beschikkingEndTo')}
              required
            />
            <TextField
              label={LABELS.decideBy}
              name="decideBy"
              type="date"
              min={today()}
              value={form.decideBy}
              error={start.fieldError('decideBy')}
              onChange={set('decideBy')}
              required
            />
            <TextField
              label={LABELS.municipalityCode}
              name="municipalityCode"
              description="CBS-code; leeg voor alle gemeenten"
              inputMode="numeric"
              size={6}
              value={form.municipalityCode}
              error={start.fieldError('municipalityCode')}
              onChange={set('municipalityCode')}
            />
          </Fieldset>
          <Button appearance="primary" type="submit" busy={start.busy}>
            Ronde starten
          </Button>
        </form>
      </section>
    </Page>
  );
}
