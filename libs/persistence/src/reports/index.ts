/** Management reports over the read model (issue 6); definitions in docs/reports.md. */
export * from './report-filter';
export * from './caseload';
export * from './waiting-times';
export * from './referrals';
export * from './goal-attainment';
export * from './dropouts';
export * from './client-ratings';
export * from './overdue';
export * from './samenloop';
export * from './monitoring-effort';
export * from './intake-outcomes';
export * from './drang';
