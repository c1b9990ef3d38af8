export * from './config';
export * from './search-attributes';
export * from './task-queues';
export * from './worker-schedules';
export * from './schedules';
