/**
 * Jest's globalSetup modules are loaded without `moduleNameMapper`, so the path aliases of
 * tsconfig.json are registered here for them (tests themselves use the mapper).
 */
import path from 'node:path';
import { register } from 'tsconfig-paths';

const root = path.resolve(__dirname, '..', '..');

register({
  baseUrl: root,
  paths: {
    '@cjg/domain': ['libs/domain/src/index.ts'],
    '@cjg/persistence': ['libs/persistence/src/index.ts'],
    '@cjg/notifications': ['libs/notifications/src/index.ts'],
    '@cjg/temporal': ['libs/temporal/src/index.ts'],
    '@cjg/temporal/connection': ['libs/temporal/src/connection/index.ts'],
    '@cjg/workflows': ['workflows/index.ts'],
    '@cjg/workflows/*': ['workflows/*'],
    '@cjg/activities': ['activities/index.ts'],
  },
});
