// `opsgraph upstream import-use-cases` against a real PostgreSQL holding seed 000's legacy
// `use_cases` table: dry run writes nothing, the import keeps ids, a second run imports
// nothing, and unknown states are listed, not guessed.
import { execFile } from 'node:child_process';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createUpstreamDatabase, type UpstreamDatabase } from '../support/postgres.ts';

const bin = path.resolve(import.meta.dirname, '..', '..', 'bin', 'opsgraph.js');

describe('upstream import-use-cases', () => {
  let upstream: UpstreamDatabase;
  let dataDir: string;

  beforeAll(async () => {
    upstream = await createUpstreamDatabase(inject('postgres'), { members: 0 });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-import-'));
    await upstream.query(`CREATE TABLE use_cases (
      id uuid PRIMARY KEY, name text, team_email text, state text, created_at timestamptz, updated_at timestamptz,
      config_file_path text, dataset_file_path text, evaluation_results jsonb)`);
    await upstream.query(`INSERT INTO use_cases VALUES
      ('00000000-0000-4000-8000-000000000001', 'Fraud model', 'ml-team@company.com', 'awaiting_config', '2025-01-02T03:04:05Z', '2025-01-03T00:00:00Z', 's3://b/config.yaml', NULL, NULL),
      ('00000000-0000-4000-8000-000000000002', 'Churn', 'ml-team@company.com', 'evaluation_completed', '2025-02-01T00:00:00Z', '2025-02-05T00:00:00Z', 's3://b/c.yaml', 's3://b/d.csv', '{"accuracy": 0.91}'),
      ('00000000-0000-4000-8000-000000000003', 'Old one', 'ml-team@company.com', 'archived', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', NULL, NULL, NULL)`);
  });
  afterAll(async () => {
    await upstream?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function cli(args: string[]): Promise<{ code: number; stdout: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, [bin, ...args], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', UPSTREAM_DATABASE_URL: upstream.url }, timeout: 60_000 }, (err, stdout) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout }),
      );
    });
  }

  it('imports by id, idempotently, listing unknown states', async () => {
    const dry = await cli(['upstream', 'import-use-cases', '--dry-run', '--json']);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, read: 3, imported: 2, alreadyImported: 0, unknownStates: [{ id: '00000000-0000-4000-8000-000000000003', state: 'archived' }] });
    expect(dry.code).toBe(3);
    const real = await cli(['upstream', 'import-use-cases', '--json']);
    expect(JSON.parse(real.stdout)).toMatchObject({ dryRun: false, imported: 2, alreadyImported: 0 });
    const again = await cli(['upstream', 'import-use-cases', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, alreadyImported: 2, unknownStates: [{ state: 'archived' }] });
    const db = new Database(path.join(dataDir, 'opsgraph.db'), { readonly: true });
    try {
      const rows = db.prepare('SELECT id, name, teamEmail, state, evaluationSummary FROM UseCase ORDER BY id').all();
      expect(rows).toEqual([
        { id: '00000000-0000-4000-8000-000000000001', name: 'Fraud model', teamEmail: 'ml-team@company.com', state: 'AWAITING_CONFIG', evaluationSummary: null },
        { id: '00000000-0000-4000-8000-000000000002', name: 'Churn', teamEmail: 'ml-team@company.com', state: 'EVALUATION_COMPLETED', evaluationSummary: '{"accuracy": 0.91}' },
      ]);
      const activity = db.prepare("SELECT details FROM ActivityLogEntry WHERE activityType = 'use_case_imported' AND subjectId = ?").get('00000000-0000-4000-8000-000000000002') as { details: string };
      expect(JSON.parse(activity.details)).toMatchObject({ configFilePath: 's3://b/c.yaml', datasetFilePath: 's3://b/d.csv' });
    } finally {
      db.close();
    }
    const text = await cli(['upstream', 'import-use-cases']);
    expect(text.stdout).toMatch(/UNKNOWN STATE 00000000-0000-4000-8000-000000000003: "archived"/);
  });
});
