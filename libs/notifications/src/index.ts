export * from './answer-link';
export * from './letter';
export * from './mailer';
export * from './templates/examples';
export * from './templates/intake-registered';
export * from './templates/letters';
