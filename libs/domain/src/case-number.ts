/**
 * Case numbers (zaaknummers) identify one toegang trajectory. They are administrative ids, not
 * personal data, so they may appear in workflow ids, search attributes and logs.
 *
 * Format: 3–40 characters, upper-case letters, digits and single hyphens, starting and ending with
 * a letter or digit (for example `CJG-2026-000123`).
 */
export const CASE_NUMBER_PATTERN = /^[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){2,39}$/;

export function isValidCaseNumber(value: string): boolean {
  return CASE_NUMBER_PATTERN.test(value);
}

const TRAJECTORY_WORKFLOW_PREFIX = 'trajectory-';

/** The workflow id of a trajectory, readable in the Temporal Web UI: `trajectory-CJG-2026-000123`. */
export function trajectoryWorkflowId(caseNumber: string): string {
  if (!isValidCaseNumber(caseNumber)) {
    throw new RangeError(`Not a valid case number: ${JSON.stringify(caseNumber)}`);
  }
  return `${TRAJECTORY_WORKFLOW_PREFIX}${caseNumber}`;
}

/** The case number a trajectory workflow id was derived from, or undefined for any other id. */
export function caseNumberFromWorkflowId(workflowId: string): string | undefined {
  if (!workflowId.startsWith(TRAJECTORY_WORKFLOW_PREFIX)) return undefined;
  const caseNumber = workflowId.slice(TRAJECTORY_WORKFLOW_PREFIX.length);
  return isValidCaseNumber(caseNumber) ? caseNumber : undefined;
}
