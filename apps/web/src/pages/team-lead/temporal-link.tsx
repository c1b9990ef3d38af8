import { usePrincipal, useSession } from '../../auth/session';

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

/** The case page's link from a trajectory to its workflow (ops only). */
export function CaseWorkflowLink({ caseNumber }: { caseNumber: string }) {
  return (
    <TemporalLink workflowId={trajectoryWorkflowId(caseNumber)}>
      {`Workflow van ${caseNumber} in Temporal`}
    </TemporalLink>
  );
}
