// A key that stops being valid also stops its open WebSocket connections: revoked in this
// process, revoked by `opsgraph keys revoke` in another process, or gone because a restore
// brought back another set of keys. The socket closes with 4403; the server keeps serving.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApiKey, revokeApiKey } from '../src/auth/api-keys.ts';
import { ActivityAddedDocument, BackupDatabaseDocument, CreateUseCaseDocument, RestoreDatabaseDocument } from './generated/graphql.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '..', 'bin', 'opsgraph.js');

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

/** Connects with `key`, starts an activity subscription, and resolves once the server acknowledged the connection. */
async function subscribeWith(key: string) {
  const client = createClient({
    url: t.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${key}` },
    retryAttempts: 0,
    lazy: true,
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    client.on('closed', (e) => resolve({ code: (e as CloseEvent).code, reason: (e as CloseEvent).reason })),
  );
  const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  const errors: unknown[] = [];
  client.subscribe({ query: print(ActivityAddedDocument) }, { next: () => {}, error: (e) => errors.push(e), complete: () => {} });
  await connected;
  return { client, closed, errors };
}

async function stillServing(): Promise<void> {
  const res = await t.client('editor').request(CreateUseCaseDocument, { input: { name: 'after a revoke', teamEmail: 'ops@example.com' } });
  expect(res.createUseCase.__typename).toBe('CreateUseCasePayload');
  expect((await fetch(new URL('/readyz', t.url))).status).toBe(200);
}

describe('open WebSocket connections of a key that is no longer valid', () => {
  it('are closed with 4403 when the key is revoked in the server process', async () => {
    const { key, record } = await createApiKey(t.server.services.db, { name: 'ws-revoke-here', role: 'viewer' });
    const sub = await subscribeWith(key);
    const other = await subscribeWith(t.keys.viewer);
    await revokeApiKey(t.server.services.db, record.id);
    const close = await sub.closed;
    expect(close).toEqual({ code: 4403, reason: 'API key revoked' });
    // Another key's connection is untouched and still receives events.
    const got = new Promise<void>((resolve) =>
      other.client.subscribe({ query: print(ActivityAddedDocument) }, { next: () => resolve(), error: () => {}, complete: () => {} }),
    );
    await stillServing();
    await got;
    await other.client.dispose();
  });

  it('are closed with 4403 when `opsgraph keys revoke` runs in another process', async () => {
    const { key, record } = await createApiKey(t.server.services.db, { name: 'ws-revoke-cli', role: 'editor' });
    const sub = await subscribeWith(key);
    const { stdout } = await run(process.execPath, [bin, 'keys', 'revoke', record.prefix], {
      env: { ...process.env, DATA_DIR: t.dataDir, LOG_LEVEL: 'warn' },
      timeout: 60_000,
    });
    expect(stdout).toContain('revoked "ws-revoke-cli"');
    expect(await sub.closed).toEqual({ code: 4403, reason: 'API key revoked' });
    await stillServing();
  });

  it('are closed with 4403 after a restore that brings back a key set without their key', async () => {
    const admin = t.client('admin');
    const backup = await admin.request(BackupDatabaseDocument, { input: { label: 'before the key' } });
    if (backup.backupDatabase.__typename !== 'BackupDatabasePayload') throw new Error(JSON.stringify(backup.backupDatabase));
    const { key } = await createApiKey(t.server.services.db, { name: 'ws-born-after-backup', role: 'viewer' });
    const sub = await subscribeWith(key);
    const restored = await admin.request(RestoreDatabaseDocument, { input: { key: backup.backupDatabase.backup.key } });
    expect(restored.restoreDatabase.__typename).toBe('RestoreDatabasePayload');
    expect(await sub.closed).toEqual({ code: 4403, reason: 'API key revoked' });
    await stillServing();
  });
});
