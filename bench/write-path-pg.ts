// The PostgreSQL write path without HTTP or GraphQL: this process's CPU per `createUseCase`
// command on a Database whose write store is PostgreSQL (validation, Database.write(), the use
// case row, the webhook lookup, the activity entry with its commit-ordered seq, COMMIT) against
// raw pg doing the same two INSERTs in one transaction on a pool, interleaved round by round,
// one write at a time. PostgreSQL's own CPU is not counted (it is another process); it runs
// with fsync off here, since only the client side's CPU is measured.
//
//   npx tsx bench/write-path-pg.ts          # 2,000 writes per side and round, 3 rounds
//   N=5000 npx tsx bench/write-path-pg.ts
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createUseCase } from '../src/commands/use-cases/create-use-case.ts';
import { Database } from '../src/db/database.ts';
import { postgresClient } from '../src/db/postgres/clients.ts';
import { InProcessActivityBus } from '../src/events/activity-bus.ts';
import { databaseUrl, startPostgres } from '../test/support/postgres.ts';

const N = Number(process.env.N ?? 2000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);

const server = await startPostgres({ durable: false });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-write-path-pg-'));
const admin = new pg.Client({ connectionString: server.url });
await admin.connect();
await admin.query('CREATE DATABASE write_path');
await admin.end();
const url = databaseUrl(server, 'write_path');
execFileSync(process.execPath, ['bin/opsgraph.js', 'migrate'], { env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, stdio: 'ignore' });

const db = new Database({ file: path.join(dataDir, 'unused.db'), postgres: { url, client: postgresClient } });
await db.connect();
const ctx = { services: { db, bus: new InProcessActivityBus() } as never, actor: { label: 'key:bench', role: 'admin' as const } };
const command = () => createUseCase(ctx, { name: 'Bench write', teamEmail: 'bench@example.com', description: 'bench/write-path-pg.ts' });

// The baseline writes into the same tables; its entries take the column's plain SERIAL (no
// commit-ordered counter), started far above the command's seqs so the two never collide.
const pool = new pg.Pool({ connectionString: url, max: 4 });
await pool.query(`SELECT setval(pg_get_serial_sequence('"ActivityLogEntry"', 'seq'), 1000000000)`);
async function rawWrite(): Promise<void> {
  const id = crypto.randomUUID();
  const now = new Date();
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query({
      name: 'use-case',
      text: `INSERT INTO "UseCase" (id, name, "teamEmail", description, state, version, "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, 'TEMPLATE_GENERATION', 1, $5, $5)`,
      values: [id, 'Bench write', 'bench@example.com', 'bench/write-path-pg.ts', now],
    });
    await c.query({
      name: 'activity',
      text: `INSERT INTO "ActivityLogEntry" (id, "subjectType", "subjectId", "activityType", description, details, actor, "createdAt") VALUES ($1, 'UseCase', $2, 'use_case_created', $3, $4, $5, $6)`,
      values: [crypto.randomUUID(), id, 'Use case "Bench write" created', '{}', 'key:bench', now],
    });
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

async function measure(write: () => Promise<unknown>): Promise<{ cpu: number; wall: number }> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (let i = 0; i < N; i++) await write();
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / N, wall: ((performance.now() - wall) * 1000) / N };
}

try {
  // Warm-up: statements prepared, code compiled.
  await measure(command);
  await measure(rawWrite);
  for (let r = 1; r <= ROUNDS; r++) {
    const a = await measure(command);
    const b = await measure(rawWrite);
    console.log(`round ${r}: command ${a.cpu.toFixed(0)} µs CPU (${a.wall.toFixed(0)} µs wall) | raw pg ${b.cpu.toFixed(0)} µs CPU (${b.wall.toFixed(0)} µs wall) | ratio by CPU ${(b.cpu / a.cpu).toFixed(2)}`);
  }
} finally {
  await db.close();
  await pool.end();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
