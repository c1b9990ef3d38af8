import { usePrincipal, useSession } from '../../auth/session';
import './team-lead.css';

/** A trajectory's workflow id (libs/domain/src/case-number.ts, trajectoryWorkflowId). */
export function trajectoryWorkflowId(caseNumber: string): string {
  return `trajectory-${caseNumber}`;
}

/** Where the Temporal Web UI shows a workflow: `<url>/namespaces/<ns>/workflows/<id>`. */
export function temporalWorkflowUrl(
  temporalUi: { url: string; namespace: string },
  workflowId: string,
): string {
  return `${temporalUi.url}/namespaces/${encodeURIComponent(temporalUi.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

/**
 * A link to a workflow in the Temporal Web UI, for ops (who look into a stuck case there); shown
 * only when the API names the Web UI (GET /auth/config `temporalUi`, TEMPORAL_UI_URL).
 */
export function TemporalLink({
  workflowId,
  children = 'Workflow in Temporal',
}: {
  workflowId: string;
  children?: string;
}) {
  const { settings } = useSession();
  const principal = usePrincipal();
  if (principal.role !== 'ops' || !settings?.temporalUi) return null;
  return (
    <a
      className="utrecht-link"
      href={temporalWorkflowUrl(settings.temporalUi, workflowId)}
      target="_blank"
      rel="noopener noreferrer"
    >
      {children}
      <span className="werkplek-visually-hidden"> (opent in een nieuw tabblad)</span>
    </a>
  );
}

/**
 * The link from a trajectory to its workflow (ops only; nothing for other roles). `asParagraph`
 * puts it in a paragraph of its own, for the case page.
 */
export function CaseWorkflowLink({
  caseNumber,
  asParagraph,
}: {
  caseNumber: string;
  asParagraph?: boolean;
}) {
  const { settings } = useSession();
  const principal = usePrincipal();
  if (principal.role !== 'ops' || !settings?.temporalUi) return null;
  const link = (
    <TemporalLink workflowId={trajectoryWorkflowId(caseNumber)}>
      {`Workflow van ${caseNumber} in Temporal`}
    </TemporalLink>
  );
  return asParagraph ? <p className="utrecht-paragraph">{link}</p> : link;
}
