// Database migrations without Prisma's native schema engine (it cannot be downloaded on
// these machines; see /work/shared/PLATFORM.md): the runner. Commands like `prisma migrate
// deploy`, `migrate dev --create-only`, `migrate diff` and `migrate status`, built from
// - src/db/migration-history.ts: the folder and `_prisma_migrations`, compared with plain reads;
// - src/db/schema-engine.ts: Prisma's Wasm schema engine in a child process that exits.
//
// The files are in Prisma's own layout (prisma/migrations/<timestamp>_<name>/migration.sql
// plus migration_lock.toml), and the `_prisma_migrations` rows are written by Prisma's
// schema engine itself, so `prisma migrate deploy` on a connected machine sees exactly the
// same history.
//
// Server start calls applyMigrations() every time, so the common case (nothing pending) is
// answered with plain better-sqlite3 reads of `_prisma_migrations`; the engine only starts
// when a migration is actually pending.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  ApplyMigrationsOutput,
  CreateMigrationOutput,
  DevDiagnosticOutput,
  DiagnoseMigrationHistoryOutput,
  DiffResult,
  EvaluateDataLossOutput,
  SchemaFilter,
  SchemasContainer,
} from '@prisma/schema-engine-wasm';
import { EXTERNAL_TABLES } from './external-tables.ts';
import {
  assertHealthy,
  compareHistories,
  LOCK_CONTENT,
  LOCK_FILE,
  type LocalMigration,
  localMigrations,
  migrationsList,
  readMigrationRows,
} from './migration-history.ts';
import { type EngineSession, withEngine as withEngineProcess } from './schema-engine.ts';

const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const DEFAULT_SCHEMA_FILE = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));

export interface MigrateOptions {
  migrationsDir?: string;
  log?: (msg: string) => void;
}

// ------------------------------------------------------------------ public API

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Latest applied migration: the schema version of the database. */
  latest: string | null;
  /** Migrations recorded as failed (they block applyMigrations). */
  failed: string[];
}

/** Plain SQL on `_prisma_migrations`; never starts the engine and never creates the file. */
export function migrationStatus(databaseFile: string, opts: { migrationsDir?: string } = {}): MigrationStatus {
  const h = compareHistories(localMigrations(opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR), readMigrationRows(path.resolve(databaseFile), { create: false }));
  return { applied: h.applied, pending: h.pending, latest: h.applied.at(-1) ?? null, failed: h.failed.map((r) => r.migration_name) };
}

/**
 * Applies pending migrations the way `prisma migrate deploy` does (the engine writes the
 * `_prisma_migrations` rows). Creates the database file and its folder if missing. Call it
 * before anything else opens the database: the engine locks it exclusively while it works.
 */
export async function applyMigrations(databaseFile: string, opts: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const file = path.resolve(databaseFile);
  const dir = opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const log = opts.log ?? (() => {});
  const history = compareHistories(localMigrations(dir), readMigrationRows(file, { create: true }));
  assertHealthy(history, file);
  // `migrate deploy` applies over an edited migration without complaint; we say so, loudly.
  if (history.edited.length > 0) log(`warning: applied migrations were edited since: ${history.edited.join(', ')}`);
  if (history.pending.length === 0) return { applied: [] };

  log(`applying ${history.pending.length} migration(s) to ${file}: ${history.pending.join(', ')}`);
  const loading = projectConfig();
  const out = await withEngine({ databaseFile: file }, async (engine) => {
    const config = await loading;
    return engine.call<ApplyMigrationsOutput>('applyMigrations', { migrationsList: migrationsList(dir, config.shadowDbInitScript), filters: config.filters });
  }).catch((err: Error) => {
    // The engine's message does not say which migration failed; its row does. SQLite
    // migrations do not run in one transaction, so statements before the failing one stay.
    const failed = compareHistories([], readMigrationRows(file, { create: false })).failed.map((r) => r.migration_name);
    const what = failed.length > 0 ? `migration ${failed.join(', ')} failed (recorded as failed in _prisma_migrations)` : 'applying migrations failed';
    throw new Error(`${file}: ${what}: ${err.message}`, { cause: err });
  });
  for (const name of out.appliedMigrationNames) log(`applied ${name}`);
  return { applied: out.appliedMigrationNames };
}

export interface CreateMigrationOptions extends MigrateOptions {
  schemaFile?: string;
  /**
   * Database to check against, as `migrate dev` checks the development database (pending
   * migrations are applied to it first; the new one is not). Default: a scratch database
   * in a temp folder, which catches everything except data-dependent warnings.
   */
  databaseFile?: string;
}

/**
 * `prisma migrate dev --create-only`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that takes the migrations folder to schema.prisma. Returns null (and logs
 * "no changes") when they already agree.
 */
export async function createMigration(name: string, opts: CreateMigrationOptions = {}): Promise<{ name: string; file: string } | null> {
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 200);
  if (!slug) throw new Error(`not a usable migration name: ${JSON.stringify(name)}`);
  const dir = opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const log = opts.log ?? ((msg: string) => console.log(msg));
  const scratch = opts.databaseFile ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-migrate-'));
  const databaseFile = path.resolve(opts.databaseFile ?? path.join(scratch!, 'dev.db'));
  try {
    assertHealthy(compareHistories(localMigrations(dir), readMigrationRows(databaseFile, { create: true })), databaseFile);
    const config = await projectConfig();
    const schema = schemaContainer(opts.schemaFile);
    const created = await withEngine({ databaseFile, schema }, async (engine) => {
      const list = migrationsList(dir, config.shadowDbInitScript);
      const filters = config.filters;
      // As `migrate dev` does: bring the database up to the folder first. This also creates
      // `_prisma_migrations`, without which devDiagnostic fails on a brand-new database.
      const applied = await engine.call<ApplyMigrationsOutput>('applyMigrations', { migrationsList: list, filters });
      if (!scratch) for (const name of applied.appliedMigrationNames) log(`applied ${name} to ${databaseFile}`);
      const history = await engine.call<DiagnoseMigrationHistoryOutput>('diagnoseMigrationHistory', { migrationsList: list, optInToShadowDatabase: false, filters });
      if (history.editedMigrationNames.length > 0) {
        throw new Error(`migrations were edited after they were applied to ${databaseFile}: ${history.editedMigrationNames.join(', ')}`);
      }
      const dev = await engine.call<DevDiagnosticOutput>('devDiagnostic', { migrationsList: list, filters });
      if (dev.action.tag === 'reset') throw new Error(`${databaseFile} has drifted from the migrations; it would need a reset:\n${dev.action.reason}`);
      const loss = await engine.call<EvaluateDataLossOutput>('evaluateDataLoss', { migrationsList: list, schema, filters });
      if (loss.unexecutableSteps.length > 0) {
        throw new Error(`the change cannot be executed as one migration:\n${loss.unexecutableSteps.map((s) => `  - ${s.message}`).join('\n')}`);
      }
      for (const w of loss.warnings) log(`warning: ${w.message}`);
      return engine.call<CreateMigrationOutput>('createMigration', { draft: false, migrationName: slug, migrationsList: list, schema, filters });
    });
    if (created.migrationScript === null) {
      log('no changes');
      return null;
    }
    const folder = path.join(dir, created.generatedMigrationName);
    if (fs.existsSync(folder)) throw new Error(`migration folder already exists: ${folder}`);
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `migration.${created.extension}`);
    fs.writeFileSync(file, created.migrationScript);
    const lock = path.join(dir, LOCK_FILE);
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, LOCK_CONTENT);
    log(`created ${path.relative(process.cwd(), file)}`);
    for (const w of droppedTriggerWarnings(created.migrationScript, localMigrations(dir))) log(`warning: ${w}`);
    return { name: created.generatedMigrationName, file };
  } finally {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Prisma does not model triggers. When SQLite cannot ALTER a table, Prisma redefines it
 * (create new, copy, DROP, rename), and the DROP takes the table's triggers with it — the
 * FTS triggers on "Job" for one. Point at the migrations whose triggers must be copied in.
 */
function droppedTriggerWarnings(script: string, existing: LocalMigration[]): string[] {
  const dropped = [...script.matchAll(/DROP TABLE "([^"]+)"/g)].map((m) => m[1]);
  return dropped.flatMap((table) => {
    const trigger = new RegExp(`CREATE TRIGGER\\s+"?(\\w+)"?[^;]*?\\sON\\s+"?${table}"?\\s`, 'gi');
    const found = existing.flatMap((m) => [...m.script.matchAll(trigger)].map((t) => `${t[1]} (${m.name})`));
    return found.length === 0 ? [] : [`this migration drops and recreates "${table}", which drops its triggers ${found.join(', ')}: append their CREATE TRIGGER statements to it`];
  });
}

/**
 * The SQL that would bring a database built from the migrations folder to schema.prisma;
 * '' when they agree. External tables (FTS5) are filtered out exactly as for migrations.
 */
export async function diffSchemaAgainstMigrations(opts: { migrationsDir?: string; schemaFile?: string } = {}): Promise<string> {
  const dir = opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const config = await projectConfig();
  const schema = schemaContainer(opts.schemaFile);
  const result = await withEngine({ databaseFile: null, schema }, (engine) =>
    engine.call<DiffResult>('diff', {
      from: { tag: 'migrations', ...migrationsList(dir, config.shadowDbInitScript) },
      to: { tag: 'schemaDatamodel', ...schema },
      script: true,
      exitCode: null,
      filters: config.filters,
    }),
  );
  const sql = result.stdout ?? '';
  // An empty diff comes back as "-- This is an empty migration."; comments alone are no change.
  const meaningful = sql.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('--'));
  return meaningful ? sql : '';
}

// ------------------------------------------------------------------ configuration

interface ProjectConfig {
  filters: SchemaFilter;
  shadowDbInitScript: string;
}

/**
 * The external tables (FTS5 and its shadow tables) reach the engine as
 * `filters.externalTables`, as in Prisma's CLI, which reads them from prisma.config.ts;
 * without them a diff would drop them. The list lives in src/db/external-tables.ts, shared
 * with prisma.config.ts, so that applying migrations never imports @prisma/config.
 */
function projectConfig(): Promise<ProjectConfig> {
  return Promise.resolve({ filters: { externalTables: EXTERNAL_TABLES, externalEnums: [] }, shadowDbInitScript: '' });
}

function schemaContainer(schemaFile = DEFAULT_SCHEMA_FILE): SchemasContainer {
  return { files: [{ path: schemaFile, content: fs.readFileSync(schemaFile, 'utf8') }] };
}

/** The engine on `databaseFile` (null: in-memory only) with schema.prisma, or the given schema. */
function withEngine<T>(o: { databaseFile: string | null; schema?: SchemasContainer }, fn: (engine: EngineSession) => Promise<T>): Promise<T> {
  const datamodels = (o.schema ?? schemaContainer()).files.map((f): [string, string] => [f.path, f.content]);
  return withEngineProcess({ databaseFile: o.databaseFile, datamodels }, fn);
}
