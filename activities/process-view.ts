/**
 * The view a projection keeps next to its read-model row (table `process_view`, issue 19): a
 * command whose run projects as a local activity answers only its revision, and the API reads the
 * view here. Ordered by revision like the rows: a retried or late write never overwrites a newer
 * view.
 */

/** What a projection input carries when its view is to be kept (runs with the local projection). */
export interface KeptView {
  view?: unknown;
}

/** Anything that runs SQL: the data source or a transaction's entity manager. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Keeps the view of `workflowId` at `revision`, unless a newer one is kept already. */
export async function keepView(
  db: Queryable,
  workflowId: string,
  revision: number,
  view: unknown,
): Promise<void> {
  if (view === undefined) return;
  await db.query(
    `INSERT INTO process_view (workflow_id, revision, view, updated_at)
     VALUES ($1, $2, $3::jsonb, now())
     ON CONFLICT (workflow_id) DO UPDATE SET
       revision = EXCLUDED.revision, view = EXCLUDED.view, updated_at = now()
     WHERE process_view.revision < EXCLUDED.revision`,
    [workflowId, revision, JSON.stringify(view)],
  );
}
