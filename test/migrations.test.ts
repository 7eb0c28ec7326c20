// The migration runner (src/db/migrate.ts) and the migrations folder itself:
// - the folder applies cleanly to a new database and is recorded as `prisma migrate deploy` would;
// - schema.prisma and the folder agree (a field added without a migration fails this file);
// - the hand-written FTS5 table and its triggers exist, since Prisma knows neither.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, createMigration, diffSchemaAgainstMigrations, migrationStatus } from '../src/db/migrate.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MIGRATIONS = path.join(ROOT, 'prisma/migrations');
const SCHEMA = path.join(ROOT, 'prisma/schema.prisma');
const folders = fs
  .readdirSync(MIGRATIONS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

let tmp: string;
let migrated: string; // a database with every migration applied, built by the first test

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-migrations-test-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of the migrated database, for tests that tamper with it. */
function copyOfMigrated(name: string): string {
  const file = path.join(tmp, name);
  fs.copyFileSync(migrated, file);
  return file;
}

/** schema.prisma with one more (optional) column on Job, as a careless edit would add it. */
function schemaWithNewJobField(): string {
  const file = path.join(tmp, `schema-${Date.now()}.prisma`);
  const original = fs.readFileSync(SCHEMA, 'utf8');
  const edited = original.replace(/(model Job \{\n)/, '$1  reviewNote String?\n');
  expect(edited).not.toBe(original);
  fs.writeFileSync(file, edited);
  return file;
}

describe('migrations', { timeout: 60_000 }, () => {
  it('applies every migration to a new database file (and its missing folder) and records them', async () => {
    migrated = path.join(tmp, 'not-yet', 'fresh.db');
    const logs: string[] = [];
    const { applied } = await applyMigrations(migrated, { log: (m) => logs.push(m) });
    expect(applied).toEqual(folders);
    expect(logs.at(-1)).toBe(`applied ${folders.at(-1)}`);

    // Opening it at all shows the engine let go of its exclusive lock.
    const db = new Database(migrated, { readonly: true });
    const rows = db
      .prepare('SELECT migration_name, checksum, finished_at, rolled_back_at, logs, applied_steps_count FROM _prisma_migrations ORDER BY migration_name')
      .all() as Array<Record<string, unknown>>;
    db.close();
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(MIGRATIONS, String(row.migration_name), 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('applies nothing the second time', async () => {
    const logs: string[] = [];
    expect(await applyMigrations(migrated, { log: (m) => logs.push(m) })).toEqual({ applied: [] });
    expect(logs).toEqual([]);
  });

  it('creates job_fts and the triggers that keep it in step with Job', () => {
    const db = new Database(copyOfMigrated('fts.db'));
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name LIKE 'job_fts%' ORDER BY name").pluck().all();
    // Prisma does not model triggers: a migration that redefines "Job" drops them silently and
    // must recreate them (copy them from the job_fts migration).
    expect(names, 'job_fts or its triggers are missing').toEqual(expect.arrayContaining(['job_fts', 'job_fts_ai', 'job_fts_ad', 'job_fts_au']));

    const search = (q: string) => db.prepare('SELECT rowid FROM job_fts WHERE job_fts MATCH ?').pluck().all(q);
    const { lastInsertRowid: seq } = db
      .prepare(`INSERT INTO "Job" (id, jobName, product, data, updatedAt) VALUES ('j1', 'Café launch', 'Espresso machine', '{}', '2026-01-01T00:00:00.000Z')`)
      .run();
    expect(search('cafe')).toEqual([seq]); // remove_diacritics
    expect(search('esp*')).toEqual([seq]); // prefix index
    db.prepare(`UPDATE "Job" SET product = 'Teapot' WHERE id = 'j1'`).run();
    expect(search('espresso')).toEqual([]);
    expect(search('teapot')).toEqual([seq]);
    db.prepare(`DELETE FROM "Job" WHERE id = 'j1'`).run();
    expect(search('teapot')).toEqual([]);
    db.prepare(`INSERT INTO job_fts (job_fts, rank) VALUES ('integrity-check', 1)`).run(); // throws if the index disagrees with Job
    db.close();
  });

  it('migrationStatus reports the latest migration', () => {
    expect(migrationStatus(migrated)).toEqual({ applied: folders, pending: [], latest: folders.at(-1), failed: [] });
    expect(migrationStatus(path.join(tmp, 'absent.db'))).toEqual({ applied: [], pending: folders, latest: null, failed: [] });
    expect(fs.existsSync(path.join(tmp, 'absent.db'))).toBe(false);
  });

  it('refuses a database with a failed migration', async () => {
    const file = copyOfMigrated('failed.db');
    const db = new Database(file);
    db.prepare('UPDATE _prisma_migrations SET finished_at = NULL, logs = ? WHERE migration_name = ?').run('boom', folders.at(-1));
    db.close();
    await expect(applyMigrations(file)).rejects.toThrow(new RegExp(`P3009[\\s\\S]*${folders.at(-1)}[\\s\\S]*boom`));
    expect(migrationStatus(file).failed).toEqual([folders.at(-1)]);
  });

  it('refuses a database migrated by a newer build', async () => {
    const file = copyOfMigrated('newer.db');
    const db = new Database(file);
    db.prepare(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x', 'x', '29991231000000_future', '2999-12-31', '2999-12-31', 1)",
    ).run();
    db.close();
    await expect(applyMigrations(file)).rejects.toThrow(/not in prisma\/migrations: 29991231000000_future/);
  });

  it('gives the engine the same external tables and shadow-database script as prisma.config.ts', async () => {
    // src/db/migrate.ts does not import prisma.config.ts (too slow for a first start); this
    // keeps the two from drifting apart.
    const { default: config } = await import('../prisma.config.ts');
    const { EXTERNAL_TABLES } = await import('../src/db/external-tables.ts');
    expect(config.tables?.external).toEqual(EXTERNAL_TABLES);
    expect(config.enums?.external ?? []).toEqual([]);
    expect(config.migrations?.initShadowDb ?? '').toBe('');
  });

  it('schema.prisma and the migrations agree (run `npm run migrate:create -- NAME` if not)', async () => {
    expect(await diffSchemaAgainstMigrations()).toBe('');
  });

  it('the agreement check catches a field added without a migration', async () => {
    const sql = await diffSchemaAgainstMigrations({ schemaFile: schemaWithNewJobField() });
    expect(sql).toMatch(/"Job"[\s\S]*"reviewNote"/);
    expect(sql).not.toMatch(/job_fts/); // the external FTS tables never show up as drift
  });

  it('createMigration writes the missing migration, and nothing once in sync', async () => {
    const dir = path.join(tmp, 'migrations-copy');
    fs.cpSync(MIGRATIONS, dir, { recursive: true });
    const schemaFile = schemaWithNewJobField();
    const logs: string[] = [];
    const created = await createMigration('Add review note', { migrationsDir: dir, schemaFile, log: (m) => logs.push(m) });
    expect(created?.name).toMatch(/^\d{14}_add_review_note$/);
    expect(created!.name > folders.at(-1)!).toBe(true);
    expect(fs.readFileSync(created!.file, 'utf8')).toMatch(/ALTER TABLE "Job" ADD COLUMN "reviewNote" TEXT/);
    expect(await diffSchemaAgainstMigrations({ migrationsDir: dir, schemaFile })).toBe('');

    expect(await createMigration('again', { migrationsDir: dir, schemaFile, log: (m) => logs.push(m) })).toBeNull();
    expect(logs.at(-1)).toBe('no changes');
    expect(fs.readdirSync(dir).sort()).toEqual([...folders, created!.name, 'migration_lock.toml'].sort());
  });

  it('leaves nothing running: a process that only migrates exits by itself', () => {
    const script = path.join(tmp, 'migrate-only.mjs');
    const module = path.join(ROOT, 'src/db/migrate.ts');
    fs.writeFileSync(script, `import { applyMigrations } from ${JSON.stringify(module)};\nconsole.log(JSON.stringify(await applyMigrations(process.argv[2])));\n`);
    // execFileSync throws if the child fails or is still alive after the timeout.
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, path.join(tmp, 'child.db')], { cwd: ROOT, timeout: 30_000, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ applied: folders });
  });
});
