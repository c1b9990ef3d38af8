export * from './answer-link';
export * from './letter';
export * from './mailer';
export * from './templates/examples';
export * from './templates/letters';
export * from './templates/letters-doc';
