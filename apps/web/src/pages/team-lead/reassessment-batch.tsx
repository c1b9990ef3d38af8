import { useEffect, useState } from 'react';
import { api, asErrorBody, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { Link, useRouter } from '../../router';
import { formatDateTime } from '../../texts/labels';
import { describeRefusal, type Refusal } from '../../texts/refusals';
import { BATCH_STATES } from '../../texts/reports';
import { RefusalMessage } from '../../ui/forms';
import { Loading, Page } from '../../ui/page';
import { Alert, Cell, DataList, Heading, Paragraph, Row, Table } from '../../ui/ui';
import { TemporalLink } from './temporal-link';
import './team-lead.css';

/** How often a running batch is asked again. */
const POLL_MS = 2_000;

/** The batch's workflow (workflows/reassessment-batch.definitions.ts). */
const batchWorkflowId = (batchId: string) => `reassessment-batch-${batchId}`;

/** One re-assessment batch: how far it is (GET /reassessments/{batchId}), asked again until done. */
export default function ReassessmentBatch({ batchId }: { batchId: string }) {
  const { query } = useRouter();
  const { settings } = useSession();
  const [progress, setProgress] = useState<Schemas['ReassessmentProgressDto']>();
  const [refusal, setRefusal] = useState<Refusal>();

  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    const load = () => {
      void api
        .GET('/reassessments/{batchId}', { params: { path: { batchId } } })
        .then(({ data, error, response }) => {
          if (!live) return;
          if (data) {
            setProgress(data);
            setRefusal(undefined);
            if (data.status !== 'done') timer = window.setTimeout(load, POLL_MS);
          } else {
            setRefusal(describeRefusal(asErrorBody(error), response.status));
          }
        });
    };
    load();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [batchId]);

  return (
    <Page title={`Herbeoordeling ${batchId}`}>
      <Paragraph>
        <Link to="/herbeoordelingen">Alle rondes</Link>
      </Paragraph>
      {query.get('bestond') === 'ja' && (
        <Alert type="info" title="Deze ronde bestond al">
          <Paragraph>Er is niets opnieuw gestart; hieronder staat hoe ver de ronde is.</Paragraph>
        </Alert>
      )}
      <RefusalMessage refusal={refusal} />
      {!progress && !refusal && <Loading what="De ronde" />}
      {progress && (
        <>
          <p className="utrecht-paragraph" role="status">
            Stand: {BATCH_STATES[progress.status] ?? progress.status}
          </p>
          <DataList
            items={[
              ['Gevonden zaken', progress.matched],
              ['Vraag vastgelegd', progress.requested],
              ['Geweigerd', progress.refused.length],
              ['Nog niet verwerkt', progress.pending],
              ['Gestart', formatDateTime(progress.startedAt)],
              ['Klaar', formatDateTime(progress.finishedAt)],
              ...(settings?.temporalUi
                ? [
                    [
                      'Workflow',
                      <TemporalLink workflowId={batchWorkflowId(batchId)}>
                        {`Workflow van ronde ${batchId} in Temporal`}
                      </TemporalLink>,
                    ] as const,
                  ]
                : []),
            ]}
          />
          <section>
            <Heading level={2}>Geweigerd</Heading>
            {progress.refused.length === 0 ? (
              <Paragraph>Geen enkele zaak heeft de vraag geweigerd.</Paragraph>
            ) : (
              <Table caption="Zaken die de vraag weigerden, met de reden" head={['Zaak', 'Reden']}>
                {progress.refused.map((refused) => (
                  <Row key={refused.caseNumber}>
                    <Cell header>
                      <Link to={`/zaken/${encodeURIComponent(refused.caseNumber)}`}>
                        {refused.caseNumber}
                      </Link>
                    </Cell>
                    <Cell>{refused.reasons.join('; ')}</Cell>
                  </Row>
                ))}
              </Table>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
