// Activity committed by another process on the same SQLite file reaches live subscribers:
// a gateway runs with graphql-ws subscribers on activityAdded, the real CLI (`opsgraph jobs
// import`, a separate process) writes while the gateway's own mutations write too, and every
// subscriber receives every entry committed meanwhile, in seq order, exactly once.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import BetterSqlite3 from 'better-sqlite3';
import WebSocket from 'ws';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActivity, SYSTEM_ACTOR } from '../src/commands/command-context.ts';
import type { ActivityEvent } from '../src/events/activity-bus.ts';
import { ActivityAddedDocument, CreateUseCaseDocument } from './generated/graphql.ts';
import { watchChild, watchedEnv } from './support/child-crash-watch.ts';
import { rawId } from './support/files.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const bin = path.resolve(import.meta.dirname, '..', 'bin', 'opsgraph.js');
let t: TestServer;
const clients: Client[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await t?.close();
});

interface Entry {
  id: string;
  cursor: string;
  activityType: string;
  actor: string;
}

function subscriber(variables: { after?: string } = {}) {
  const client = createClient({ url: t.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${t.keys.viewer}` }, retryAttempts: 0 });
  clients.push(client);
  const received: Entry[] = [];
  const errors: unknown[] = [];
  client.subscribe<{ activityAdded: Entry }>(
    { query: print(ActivityAddedDocument), variables },
    { next: (m) => (m.data ? received.push(m.data.activityAdded) : errors.push(m.errors)), error: (e) => errors.push(e), complete: () => {} },
  );
  return { received, errors };
}

function cliImport(file: string): Promise<number | null> {
  const child = spawn(process.execPath, [bin, 'jobs', 'import', '--no-backup', file], {
    env: watchedEnv({ ...process.env, DATA_DIR: t.dataDir, LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  watchChild(child);
  return new Promise((resolve) => child.once('close', resolve));
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const jobs = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: `xp-${from + i}`, job_name: `cross-process ${from + i}`, persona: 'Coach', enabled: true }));

describe('activity written by another process', () => {
  it('reaches live subscribers in seq order, exactly once, interleaved with the gateway\'s own writes', { timeout: 180_000 }, async () => {
    const reader = t.server.services.db.reader;
    const before = (await reader.activityLogEntry.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
    const live = subscriber();
    const second = subscriber();
    await waitFor(() => t.server.services.bus.listenerCount() === 2, 10_000, 'both subscribed');

    // Two CLI imports (batches of 1,000, one entry each: 3, then 2) while the gateway writes.
    const dir = fs.mkdtempSync(path.join(t.dataDir, 'imports-'));
    fs.writeFileSync(path.join(dir, 'a.yaml'), stringify(jobs(0, 2_200)));
    fs.writeFileSync(path.join(dir, 'b.yaml'), stringify(jobs(10_000, 1_100)));
    let writing = true;
    const gatewayWrites = (async () => {
      let i = 0;
      while (writing) {
        const r = await t.client('editor').request(CreateUseCaseDocument, { input: { name: `in-process ${i}`, teamEmail: 'ml@example.com' } });
        // While the CLI holds the write lock a write may answer BusyError (retryable): nothing committed.
        if (r.createUseCase.__typename === 'CreateUseCasePayload') i += 1;
        else if (r.createUseCase.__typename !== 'BusyError') throw new Error(JSON.stringify(r));
        await new Promise((r) => setTimeout(r, 20));
      }
      return i;
    })();
    expect(await cliImport(path.join(dir, 'a.yaml'))).toBe(0);
    expect(await cliImport(path.join(dir, 'b.yaml'))).toBe(0);
    writing = false;
    const inProcess = await gatewayWrites;
    expect(inProcess).toBeGreaterThan(0);

    const committed = await reader.activityLogEntry.findMany({ where: { seq: { gt: before } }, orderBy: { seq: 'asc' } });
    const byCli = committed.filter((e) => e.actor.startsWith('cli'));
    expect(byCli.length).toBeGreaterThanOrEqual(5);
    expect(committed.length - byCli.length).toBe(inProcess);
    for (const s of [live, second]) {
      await waitFor(() => s.received.length >= committed.length, 15_000, `${committed.length} entries delivered (got ${s.received.length})`);
    }
    await new Promise((r) => setTimeout(r, 600)); // three more polls: nothing may arrive twice
    for (const s of [live, second]) {
      expect(s.errors).toEqual([]);
      expect(s.received.map((e) => rawId(e.id))).toEqual(committed.map((e) => e.id));
    }

    // The poll stops with the last subscriber; a later subscriber starts from the end.
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await waitFor(() => t.server.services.bus.listenerCount() === 0, 5_000, 'subscribers gone');
    expect(await cliImport(path.join(dir, 'a.yaml'))).toBe(0);
    const late = subscriber();
    await waitFor(() => t.server.services.bus.listenerCount() === 1, 10_000, 'late subscriber');
    const r = await t.client('editor').request(CreateUseCaseDocument, { input: { name: 'after the late subscriber', teamEmail: 'ml@example.com' } });
    expect(r.createUseCase.__typename).toBe('CreateUseCasePayload');
    await waitFor(() => late.received.length >= 1, 5_000, 'late subscriber got an entry');
    await new Promise((r) => setTimeout(r, 400));
    // Only what was committed after it subscribed: not the import that ran while nobody listened.
    expect(late.received.map((e) => e.activityType)).toEqual(['use_case_created']);
  });

  it('an entry another connection committed just before an in-process one is delivered first, even before the next poll', async () => {
    const { bus, db } = t.server.services;
    const got: ActivityEvent[] = [];
    const unsubscribe = bus.subscribe((e) => got.push(e));
    const other = new BetterSqlite3(db.file);
    try {
      const externalId = crypto.randomUUID();
      other
        .prepare('INSERT INTO "ActivityLogEntry" (id, subjectType, subjectId, activityType, description, details, actor, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(externalId, 'Job', 'j-1', 'jobs_imported', 'written by another connection', '{}', 'cli:test', new Date().toISOString());
      // Published at its commit, well inside the 200 ms poll interval.
      const internal = await db.write(async (tx, afterCommit) =>
        recordActivity(tx, afterCommit, { services: t.server.services, actor: SYSTEM_ACTOR }, { subjectType: 'Job', subjectId: 'j-2', activityType: 'job_created', description: 'in-process' }),
      );
      expect(got.map((e) => e.id)).toEqual([externalId, internal.id]);
      expect(got[0]!.seq).toBe(internal.seq - 1);
      expect(got[0]!.createdAt).toBeInstanceOf(Date);
      await new Promise((r) => setTimeout(r, 600)); // polls see both committed: neither comes again
      expect(got.map((e) => e.id)).toEqual([externalId, internal.id]);
    } finally {
      other.close();
      unsubscribe();
    }
  });
});
