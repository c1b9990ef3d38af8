export * from './letter';
export * from './mailer';
export * from './templates/intake-registered';
export * from './templates/letters';
