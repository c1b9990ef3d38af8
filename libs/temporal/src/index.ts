export * from './config';
export * from './search-attributes';
export * from './task-queues';
