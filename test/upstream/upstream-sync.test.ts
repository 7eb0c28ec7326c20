// Upstream sync against a real PostgreSQL: pull (idempotent, marks members no longer current,
// never deletes), the whole workflow through push into district_offices, a wrong password or
// an unreachable upstream (clear error naming the host, nothing changed), and a push killed
// between the PostgreSQL commit and the local mark (the next push sends the same rows again
// with the same result).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createUpstreamDatabase, type UpstreamDatabase } from '../support/postgres.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { freePort } from '../support/s3-server.ts';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const bin = path.resolve(import.meta.dirname, '..', '..', 'bin', 'opsgraph.js');

const PULL = `mutation { syncFromUpstream(input: {}) { __typename
  ... on SyncFromUpstreamPayload { upstream read inserted updated unchanged markedNotCurrent }
  ... on DomainError { message code } ... on UpstreamError { host } } }`;
const PUSH = `mutation($dryRun: Boolean) { exportToUpstream(input: { dryRun: $dryRun }) { __typename
  ... on ExportToUpstreamPayload { offices inserted updated batches officeIds dryRun }
  ... on DomainError { message code } ... on UpstreamError { host } } }`;

/** Runs the workflow for `count` members without offices: enqueue, claim, complete, approve. */
async function validateSome(t: TestServer, count: number): Promise<void> {
  const c = t.client('editor');
  const q = await c.request<Any>(`mutation { enqueueExtractions(input: { withoutOffices: true, priority: 1 }) { ... on EnqueueExtractionsPayload { extractions { id } } } }`);
  expect(q.enqueueExtractions.extractions.length).toBeGreaterThanOrEqual(count);
  for (let i = 0; i < count; i++) {
    const claim = await c.request<Any>(`mutation { claimExtraction(input: { worker: "w1" }) { ... on ClaimExtractionPayload { extraction { id member { bioguideId state } } } } }`);
    const e = claim.claimExtraction.extraction;
    await c.request(`mutation($id: ID!, $o: [DistrictOfficeInput!]!) { completeExtraction(input: { id: $id, worker: "w1", offices: $o }) { __typename } }`, {
      id: e.id,
      o: [{ address: `${i + 1} Capitol Way`, city: 'Capital City', state: e.member.state, zip: '10001', phone: '555-0100' }],
    });
    const v = await c.request<Any>(`mutation($id: ID!) { validateExtraction(input: { id: $id, decision: APPROVE }) { __typename } }`, { id: e.id });
    expect(v.validateExtraction.__typename).toBe('ValidateExtractionPayload');
  }
}

describe('upstream sync', () => {
  let upstream: UpstreamDatabase;
  let t: TestServer;

  beforeAll(async () => {
    upstream = await createUpstreamDatabase(inject('postgres'), { members: 300 });
    t = await startTestServer({ UPSTREAM_DATABASE_URL: upstream.url, UPSTREAM_BATCH_SIZE: '64' });
  });
  afterAll(async () => {
    await t?.close();
    await upstream?.drop();
  });

  it('pulls current members with their contact pages, idempotently', async () => {
    const current = upstream.members.filter((m) => m.currentmember);
    const first = await t.client('admin').request<Any>(PULL);
    expect(first.syncFromUpstream).toMatchObject({ read: current.length, inserted: current.length, updated: 0, unchanged: 0, markedNotCurrent: 0 });
    expect(first.syncFromUpstream.upstream).not.toContain(inject('postgres').password);
    const again = await t.client('admin').request<Any>(PULL);
    expect(again.syncFromUpstream).toMatchObject({ read: current.length, inserted: 0, updated: 0, unchanged: current.length });

    const noContact = current.find((m) => !m.contactPage)!;
    const withContact = current.find((m) => m.contactPage)!;
    const r = await t.client('viewer').request<Any>(`query($a: String!, $b: String!) { a: member(bioguideId: $a) { name contactPage currentMember } b: member(bioguideId: $b) { name contactPage } all: members { totalCount } }`, {
      a: noContact.bioguideid,
      b: withContact.bioguideid,
    });
    expect(r.a).toEqual({ name: `${noContact.firstname} ${noContact.lastname}`, contactPage: null, currentMember: true });
    expect(r.b.contactPage).toBe(withContact.contactPage);
    expect(r.all.totalCount).toBe(current.length);
  });

  it('marks a member no longer current upstream, never deletes, and picks up changes', async () => {
    const [gone, moved] = upstream.members.filter((m) => m.currentmember);
    await upstream.query('UPDATE members SET currentmember = false WHERE bioguideid = $1', [gone!.bioguideid]);
    await upstream.query("UPDATE members_contact SET contact_page = 'https://new.example/contact' WHERE bioguideid = $1", [moved!.bioguideid]);
    const r = await t.client('admin').request<Any>(PULL);
    expect(r.syncFromUpstream).toMatchObject({ updated: 1, markedNotCurrent: 1 });
    const m = await t.client('viewer').request<Any>(`query($a: String!, $b: String!) { a: member(bioguideId: $a) { currentMember } b: member(bioguideId: $b) { contactPage } }`, { a: gone!.bioguideid, b: moved!.bioguideid });
    expect(m).toEqual({ a: { currentMember: false }, b: { contactPage: 'https://new.example/contact' } });
    const activity = await t.client('admin').request<Any>(`{ activity(filter: { types: ["upstream_pulled"] }, first: 1) { edges { node { details } } } }`);
    expect(activity.activity.edges[0].node.details).toMatchObject({ updated: 1, markedNotCurrent: 1 });
  });

  it('pushes validated offices to district_offices, marks them synced, sends nothing twice, and sends a changed office again', async () => {
    await validateSome(t, 3);
    const dry = await t.client('admin').request<Any>(PUSH, { dryRun: true });
    expect(dry.exportToUpstream).toMatchObject({ dryRun: true, offices: 3, inserted: 3, updated: 0 });
    expect(await upstream.query('SELECT * FROM district_offices')).toEqual([]);

    const push = await t.client('admin').request<Any>(PUSH);
    expect(push.exportToUpstream).toMatchObject({ offices: 3, inserted: 3, updated: 0 });
    const rows = await upstream.query<Any>('SELECT * FROM district_offices ORDER BY office_id');
    expect(rows.map((r) => r.office_id)).toEqual([...push.exportToUpstream.officeIds].sort());
    expect(rows[0]).toMatchObject({ city: 'Capital City', zip: '10001', phone: '555-0100' });
    const synced = await t.client('viewer').request<Any>(`{ validatedOffices(filter: { synced: false }) { totalCount } }`);
    expect(synced.validatedOffices.totalCount).toBe(0);
    expect((await t.client('admin').request<Any>(PUSH)).exportToUpstream).toMatchObject({ offices: 0 });

    const status = await t.client('admin').request<Any>(`{ upstreamStatus }`);
    expect(status.upstreamStatus.remote.districtOffices).toBe(3);
    expect(status.upstreamStatus.local.unsyncedOffices).toBe(0);
    expect(status.upstreamStatus.lastPush.details).toMatchObject({ rows: 0 });

    // A reviewer corrects one office's phone in a new extraction: same officeId, unsynced, pushed as an update.
    const office = rows[0]!;
    const c = t.client('editor');
    await c.request(`mutation($b: [String!]) { enqueueExtractions(input: { bioguideIds: $b, priority: 100 }) { __typename } }`, { b: [office.bioguide_id] });
    const claim = await c.request<Any>(`mutation { claimExtraction(input: { worker: "w2" }) { ... on ClaimExtractionPayload { extraction { id } } } }`);
    const id = claim.claimExtraction.extraction.id;
    const fields = { address: office.address, city: office.city, state: office.state, zip: office.zip };
    await c.request(`mutation($id: ID!, $o: [DistrictOfficeInput!]!) { completeExtraction(input: { id: $id, offices: $o }) { __typename } }`, { id, o: [{ ...fields, phone: office.phone }] });
    const v = await c.request<Any>(`mutation($id: ID!, $o: [DistrictOfficeInput!]) { validateExtraction(input: { id: $id, decision: APPROVE, offices: $o }) { ... on ValidateExtractionPayload { offices { officeId syncedToUpstream } } } }`, {
      id,
      o: [{ ...fields, phone: '555-0142' }],
    });
    expect(v.validateExtraction.offices).toEqual([{ officeId: office.office_id, syncedToUpstream: false }]);
    expect((await t.client('admin').request<Any>(PUSH)).exportToUpstream).toMatchObject({ offices: 1, inserted: 0, updated: 1, officeIds: [office.office_id] });
    const updated = await upstream.query<Any>('SELECT office_id, phone FROM district_offices ORDER BY office_id');
    expect(updated).toHaveLength(3);
    expect(updated.find((r) => r.office_id === office.office_id).phone).toBe('555-0142');
  });

  it('keeps sync to admins', async () => {
    const r = await t.client('editor').rawRequest(PULL).catch((e) => e.response);
    expect(r.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('upstream failures', () => {
  let upstream: UpstreamDatabase;
  beforeAll(async () => {
    upstream = await createUpstreamDatabase(inject('postgres'), { members: 20 });
  });
  afterAll(async () => {
    await upstream?.drop();
  });

  it('a wrong password: a clear error naming the host, never the password, and nothing changes', async () => {
    const url = new URL(upstream.url);
    url.password = 'not-the-Secret-42';
    const t = await startTestServer({ UPSTREAM_DATABASE_URL: url.toString() });
    try {
      const r = await t.client('admin').request<Any>(PULL);
      expect(r.syncFromUpstream).toMatchObject({ __typename: 'UpstreamError', code: 'UPSTREAM_UNAVAILABLE', host: '127.0.0.1' });
      expect(r.syncFromUpstream.message).toMatch(/127\.0\.0\.1:\d+\/upstream_.*password authentication failed/);
      expect(r.syncFromUpstream.message).not.toContain('not-the-Secret-42');
      const after = await t.client('admin').request<Any>(`{ members { totalCount } activity(filter: { types: ["upstream_pulled"] }) { edges { node { id } } } }`);
      expect(after).toEqual({ members: { totalCount: 0 }, activity: { edges: [] } });
    } finally {
      await t.close();
    }
  });

  it('an unreachable upstream: a clear error naming the host, and the server keeps serving', async () => {
    const port = await freePort();
    const t = await startTestServer({ UPSTREAM_DATABASE_URL: `postgresql://postgres:pw-xyz-123@127.0.0.1:${port}/nowhere` });
    try {
      const r = await t.client('admin').request<Any>(PUSH);
      expect(r.exportToUpstream).toMatchObject({ __typename: 'UpstreamError', host: '127.0.0.1' });
      expect(r.exportToUpstream.message).toMatch(/connection refused/);
      expect(r.exportToUpstream.message).not.toContain('pw-xyz-123');
      expect((await fetch(t.url.replace('/graphql', '/healthz'))).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('a push killed between the PostgreSQL commit and the local mark', () => {
  let upstream: UpstreamDatabase;
  let dataDir: string;
  beforeAll(async () => {
    upstream = await createUpstreamDatabase(inject('postgres'), { members: 40 });
  });
  afterAll(async () => {
    await upstream?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, [bin, ...args], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', UPSTREAM_DATABASE_URL: upstream.url, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
        const e = err as (Error & { code?: number; signal?: string }) | null;
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
      });
    });
  }

  it('re-sends the same rows with the same result', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-push-'));
    const pulled = await cli(['upstream', 'pull'], { UPSTREAM_BATCH_SIZE: '10' });
    expect(pulled.code).toBe(0);
    expect(pulled.stderr).toMatch(/reading upstream members/); // progress (a bar on a terminal)
    expect(pulled.stdout).toMatch(new RegExp(`pulled ${upstream.members.filter((m) => m.currentmember).length} current members from 127\\.0\\.0\\.1:`));
    const t = await startTestServer({ UPSTREAM_DATABASE_URL: upstream.url, DATA_DIR: dataDir });
    await validateSome(t, 4);
    await t.server.close(); // the CLI migrates the file first, which needs it to itself; the folder stays

    const crashed = await cli(['upstream', 'push'], { OPSGRAPH_CRASH_POINT: 'after-upstream-commit' });
    expect(crashed.signal).toBe('SIGKILL');
    const afterCrash = await upstream.query('SELECT * FROM district_offices ORDER BY office_id');
    expect(afterCrash).toHaveLength(4);
    const pending = JSON.parse((await cli(['upstream', 'status', '--json'])).stdout);
    expect(pending.local.unsyncedOffices).toBe(4);
    expect(pending.remote.districtOffices).toBe(4);

    const again = await cli(['upstream', 'push', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ offices: 4, inserted: 0, updated: 4 });
    expect(await upstream.query('SELECT * FROM district_offices ORDER BY office_id')).toEqual(afterCrash);
    const done = JSON.parse((await cli(['upstream', 'status', '--json'])).stdout);
    expect(done.local.unsyncedOffices).toBe(0);
    expect(done.lastPush.details).toMatchObject({ rows: 4, inserted: 0, updated: 4, marked: 4 });
  });
});
