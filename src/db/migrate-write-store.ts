// Migrations for whichever write store the configuration selects: the SQLite file
// (src/db/migrate.ts) or PostgreSQL (src/db/postgres/migrate.ts). Callers (serve, migrate,
// one-shot CLI commands) need not know which. Modules load on demand: the embedded default
// never loads pg's migration code, and the PostgreSQL mode never opens the SQLite file.
import type { Config } from '../config.ts';

export interface WriteStoreMigrationStatus {
  applied: string[];
  pending: string[];
  latest: string | null;
  failed: string[];
}

export async function migrateWriteStore(config: Pick<Config, 'databaseFile' | 'postgresUrl'>, log: (msg: string) => void): Promise<{ applied: string[] }> {
  if (config.postgresUrl) {
    const { applyPostgresMigrations } = await import('./postgres/migrate.ts');
    return applyPostgresMigrations(config.postgresUrl, { log });
  }
  const { applyMigrations } = await import('./migrate.ts');
  return applyMigrations(config.databaseFile, { log });
}

export async function writeStoreMigrationStatus(config: Pick<Config, 'databaseFile' | 'postgresUrl'>): Promise<WriteStoreMigrationStatus> {
  if (config.postgresUrl) {
    const { postgresMigrationStatus } = await import('./postgres/migrate.ts');
    return postgresMigrationStatus(config.postgresUrl);
  }
  const { migrationStatus } = await import('./migrate.ts');
  return migrationStatus(config.databaseFile);
}
