export * from './bsn';
export * from './case-number';
export * from './ids';
export * from './municipality';
export * from './trajectory';
