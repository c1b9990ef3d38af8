import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';

/**
 * A database of its own on the e2e stack's PostgreSQL server, for tests that need an empty
 * schema or data no other test may see. Dropped by `drop()`.
 */
export async function scratchDatabase(
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.E2E_DATABASE_URL;
  if (!server)
    throw new Error('E2E_DATABASE_URL is not set: run through jest --selectProjects e2e');
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = async (sql: string) => {
    const client = new PgClient({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
