export * from './config';
export * from './search-attributes';
export * from './task-queues';
export * from './retention-schedule';
export * from './beschermingsplein-schedule';
export * from './schedules';
