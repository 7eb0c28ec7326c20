// The write path without HTTP or GraphQL: CPU per `createUseCase` command in this process
// (validation, Database.write(), the use case row and its activity entry, publish after
// commit) against the same two INSERTs as prepared better-sqlite3 statements in one
// BEGIN IMMEDIATE transaction on a second database, interleaved round by round.
//
//   npx tsx bench/write-path.ts            # 2,000 writes per side and round, 4 rounds
//   N=5000 ROUNDS=6 SYNC=NORMAL npx tsx bench/write-path.ts
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createUseCase } from '../src/commands/use-cases/create-use-case.ts';
import { Database } from '../src/db/database.ts';
import { InProcessActivityBus } from '../src/events/activity-bus.ts';

const N = Number(process.env.N ?? 2000);
const ROUNDS = Number(process.env.ROUNDS ?? 4);
const SYNC = process.env.SYNC === 'NORMAL' ? 'NORMAL' : 'FULL';

function migrated(): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-write-path-'));
  execFileSync(process.execPath, ['bin/opsgraph.js', 'migrate'], { env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  return { dir, file: path.join(dir, 'opsgraph.db') };
}

const g = migrated();
const db = new Database({ file: g.file, synchronous: SYNC });
await db.connect();
const ctx = { services: { db, bus: new InProcessActivityBus() } as never, actor: { label: 'key:bench', role: 'admin' as const } };
const command = () => createUseCase(ctx, { name: 'Bench write', teamEmail: 'bench@example.com', description: 'bench/write-path.ts' });

const b = migrated();
const raw = new BetterSqlite3(b.file);
raw.pragma('journal_mode = WAL');
raw.pragma(`synchronous = ${SYNC}`);
raw.pragma('foreign_keys = ON');
const insertUseCase = raw.prepare(`INSERT INTO UseCase (id, name, teamEmail, description, state, version, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'TEMPLATE_GENERATION', 1, ?, ?)`);
const insertActivity = raw.prepare(`INSERT INTO ActivityLogEntry (id, subjectType, subjectId, activityType, description, details, actor, createdAt) VALUES (?, 'UseCase', ?, 'use_case_created', ?, ?, ?, ?)`);
const write = raw.transaction((id: string, now: string) => {
  insertUseCase.run(id, 'Bench write', 'bench@example.com', 'bench/write-path.ts', now, now);
  insertActivity.run(crypto.randomUUID(), id, 'Use case "Bench write" created', JSON.stringify({ name: 'Bench write', teamEmail: 'bench@example.com', state: 'TEMPLATE_GENERATION' }), 'key:bench', now);
});
const baseline = async () => {
  write.immediate(crypto.randomUUID(), new Date().toISOString());
  await Promise.resolve();
};

async function measure(fn: () => Promise<unknown>): Promise<number> {
  const c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) await fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / N;
}

for (let i = 0; i < 300; i++) await command();
for (let i = 0; i < 300; i++) await baseline();
console.log(`createUseCase in-process, synchronous=${SYNC}, ${N} writes per side and round (CPU µs per write)`);
for (let round = 0; round < ROUNDS; round++) {
  const first = round % 2 === 0;
  const a = await measure(first ? command : baseline);
  const c = await measure(first ? baseline : command);
  const [cmd, base] = first ? [a, c] : [c, a];
  console.log(`round ${round + 1}: command ${cmd.toFixed(0)} µs, prepared statements ${base.toFixed(0)} µs, ratio ${(base / cmd).toFixed(2)}`);
}
await db.close();
raw.close();
for (const d of [g.dir, b.dir]) fs.rmSync(d, { recursive: true, force: true });
