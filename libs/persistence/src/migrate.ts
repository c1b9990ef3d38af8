import { createDataSource, databaseUrlFromEnv } from './data-source';

/** Runs every pending migration; returns the names of those applied. */
export async function runMigrations(url: string = databaseUrlFromEnv()): Promise<string[]> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  runMigrations()
    .then((applied) => {
      console.log(
        applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date',
      );
    })
    .catch((error: unknown) => {
      console.error('migrations failed:', error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
