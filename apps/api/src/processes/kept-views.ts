import type { DataSource } from 'typeorm';

/**
 * The views the projections keep (table `process_view`, issue 19): a command of a run that keeps
 * its view answers only its revision, and the API reads the view here.
 */
export interface KeptViews {
  /** The kept view of `workflowId` at `revision` or later; undefined when none is kept yet. */
  at<View>(workflowId: string, revision: number): Promise<View | undefined>;
}

export function keptViews(dataSource: Pick<DataSource, 'query'>): KeptViews {
  return {
    async at<View>(workflowId: string, revision: number) {
      const rows: Array<{ view: View }> = await dataSource.query(
        `SELECT view FROM process_view WHERE workflow_id = $1 AND revision >= $2`,
        [workflowId, revision],
      );
      return rows[0]?.view;
    },
  };
}
