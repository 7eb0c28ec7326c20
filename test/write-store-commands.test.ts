// The same commands on both write stores (issue 16, milestone 1): a real gateway over HTTP on
// the embedded SQLite file, and one on a fresh database of a real PostgreSQL. Each scenario
// runs the mutations through the gateway and checks the rows through the gateway's own
// Prisma reader (the SQLite file, or the local replica of PostgreSQL) with identical assertions, so a difference
// in behaviour between the back ends fails here.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createUpstreamDatabase, type UpstreamDatabase } from './support/postgres.ts';
import { startTestServerOn, WRITE_STORES } from './support/write-store.ts';
import type { TestServer } from './support/server.ts';

const ERR = '... on DomainError { __typename code message }';

describe.each(WRITE_STORES)('commands on the %s write store', (store) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServerOn(store);
  });
  afterAll(() => t?.close());

  const gql = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, role: 'admin' | 'editor' | 'viewer' = 'editor') =>
    t.client(role).request<T>(query, variables);
  const reader = () => t.server.services.db.reader;

  it('uses the store it was given', () => {
    expect(t.server.services.db.backend).toBe(store);
  });

  it('use cases: create, update, transition, stale and illegal writes change nothing', async () => {
    const created = await gql(
      `mutation($input: CreateUseCaseInput!) { createUseCase(input: $input) { __typename ... on CreateUseCasePayload { useCase { id name teamEmail state version } } ${ERR} } }`,
      { input: { name: 'Churn', teamEmail: 'ML@Example.com' } },
    );
    const uc = created.createUseCase.useCase;
    expect(uc).toMatchObject({ name: 'Churn', teamEmail: 'ml@example.com', state: 'TEMPLATE_GENERATION', version: 1 });

    const update = `mutation($input: UpdateUseCaseInput!) { updateUseCase(input: $input) { __typename ... on UpdateUseCasePayload { useCase { name version } } ${ERR} } }`;
    expect((await gql(update, { input: { id: uc.id, name: 'Churn v2', expectedVersion: 1 } })).updateUseCase).toMatchObject({ useCase: { name: 'Churn v2', version: 2 } });
    expect((await gql(update, { input: { id: uc.id, name: 'lost', expectedVersion: 1 } })).updateUseCase).toMatchObject({ __typename: 'StaleVersionError', code: 'STALE_VERSION' });

    const transition = `mutation($input: TransitionUseCaseInput!) { transitionUseCase(input: $input) { __typename ... on TransitionUseCasePayload { useCase { state version } transition { fromState toState actor } } ${ERR} } }`;
    const moved = (await gql(transition, { input: { id: uc.id, to: 'AWAITING_CONFIG', expectedVersion: 2, notes: 'go' } })).transitionUseCase;
    expect(moved).toMatchObject({ useCase: { state: 'AWAITING_CONFIG', version: 3 }, transition: { fromState: 'TEMPLATE_GENERATION', toState: 'AWAITING_CONFIG', actor: 'key:test-editor' } });
    expect((await gql(transition, { input: { id: uc.id, to: 'EVALUATION_RUNNING' } })).transitionUseCase).toMatchObject({ __typename: 'InvalidTransitionError' });
    expect((await gql(transition, { input: { id: uc.id, to: 'CONFIG_RECEIVED', expectedVersion: 1 } })).transitionUseCase).toMatchObject({ __typename: 'StaleVersionError' });

    const rows = await reader().useCase.findMany({ include: { transitions: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Churn v2', state: 'AWAITING_CONFIG', version: 3 });
    expect(rows[0]!.transitions.map((s) => `${s.fromState}>${s.toState}:${s.notes}`)).toEqual(['TEMPLATE_GENERATION>AWAITING_CONFIG:go']);
    // One activity entry per successful write, none for the refused ones, in commit order.
    const activity = await reader().activityLogEntry.findMany({ where: { subjectId: rows[0]!.id }, orderBy: { seq: 'asc' } });
    expect(activity.map((a) => a.activityType)).toEqual(['use_case_created', 'use_case_updated', 'state_changed']);
    expect(JSON.parse(activity[2]!.details)).toMatchObject({ from: 'TEMPLATE_GENERATION', to: 'AWAITING_CONFIG', version: 3 });
  });

  it('jobs: create, duplicate id refused, update, delete', async () => {
    const create = `mutation($input: CreateJobInput!) { createJob(input: $input) { __typename ... on CreateJobPayload { job { id jobName enabled language } } ${ERR} } }`;
    const made = (await gql(create, { input: { id: 'job-1', jobName: 'Spring launch', product: 'Kettle', extra: { budget: 12 } } })).createJob;
    expect(made).toMatchObject({ __typename: 'CreateJobPayload', job: { jobName: 'Spring launch', enabled: true, language: 'English' } });
    expect((await gql(create, { input: { id: 'job-1', jobName: 'again' } })).createJob.__typename).not.toBe('CreateJobPayload');
    const upd = await gql(
      `mutation($input: UpdateJobInput!) { updateJob(input: $input) { __typename ... on UpdateJobPayload { job { jobName enabled } } ${ERR} } }`,
      { input: { id: made.job.id, enabled: false, jobName: 'Spring launch (paused)' } },
    );
    expect(upd.updateJob).toMatchObject({ job: { jobName: 'Spring launch (paused)', enabled: false } });
    const stats = await gql(`{ jobStatistics { totalJobs enabledJobs disabledJobs byProduct { key count } } }`, undefined, 'viewer');
    expect(stats.jobStatistics).toMatchObject({ totalJobs: 1, enabledJobs: 0, disabledJobs: 1, byProduct: [{ key: 'Kettle', count: 1 }] });
    const row = await reader().job.findUniqueOrThrow({ where: { id: 'job-1' } });
    expect(row).toMatchObject({ enabled: false, product: 'Kettle' });
    expect(JSON.parse(row.data)).toMatchObject({ budget: 12 });
    const del = await gql(`mutation($input: DeleteJobInput!) { deleteJob(input: $input) { __typename ... on DeleteJobPayload { deletedJobId } ${ERR} } }`, { input: { id: made.job.id } });
    expect(del.deleteJob).toMatchObject({ deletedJobId: 'job-1' });
    expect(await reader().job.count()).toBe(0);
    const types = (await reader().activityLogEntry.findMany({ where: { subjectType: 'Job' }, orderBy: { seq: 'asc' } })).map((a) => a.activityType);
    expect(types).toEqual(['job_created', 'job_updated', 'job_deleted']);
  });

  it('registry: versions number up per model, the better one is promoted, history is kept', async () => {
    const register = `mutation($input: RegisterModelVersionInput!) { registerModelVersion(input: $input) { __typename ... on RegisterModelVersionPayload { promoted version { id versionNumber isActive performanceScore } } ${ERR} } }`;
    // Score 0.6 + 0.4·(1 − mape/100) with r2 = 1 (see test/registry.test.ts).
    const input = (mape: number) => ({
      sensorId: 'pump-7',
      modelType: 'telemanom',
      trainingConfig: { epochs: 10 },
      trainingMetrics: { r2_score: 0.5 },
      validationMetrics: { validation_performed: true, r2_score: 1, mape },
      dataHash: 'a1b2c3d4e5f60718',
      dataSource: 'nasa_turbofan',
      dataStartDate: '2024-01-01T00:00:00.000Z',
      dataEndDate: '2024-03-01T00:00:00.000Z',
      numSamples: 10_000,
    });
    const first = (await gql(register, { input: input(40) })).registerModelVersion;
    expect(first).toMatchObject({ promoted: true, version: { versionNumber: 1, isActive: true } });
    const second = (await gql(register, { input: input(10) })).registerModelVersion;
    expect(second.version.versionNumber).toBe(2);
    const worse = (await gql(register, { input: input(90) })).registerModelVersion;
    expect(worse).toMatchObject({ promoted: false, version: { versionNumber: 3, isActive: false } });
    const promote = await gql(
      `mutation($input: PromoteModelVersionInput!) { promoteModelVersion(input: $input) { __typename ... on PromoteModelVersionPayload { version { versionNumber isActive } } ${ERR} } }`,
      { input: { id: worse.version.id } },
    );
    expect(promote.promoteModelVersion).toMatchObject({ version: { versionNumber: 3, isActive: true } });
    const model = await reader().model.findFirstOrThrow({ include: { activeVersion: true, versions: true } });
    expect(model).toMatchObject({ sensorId: 'pump-7', nextVersionNumber: 4, activeVersion: { versionNumber: 3 } });
    expect(model.versions).toHaveLength(3);
    expect(await reader().promotionEvent.count()).toBeGreaterThanOrEqual(2);
    // Its raw-SQL statistics read the same on both.
    const stats = await gql(`{ registryStats { totalModels totalVersions activeVersions byModelType { modelType versions } } }`, undefined, 'viewer');
    expect(stats.registryStats).toMatchObject({ totalModels: 1, totalVersions: 3, activeVersions: 1, byModelType: [{ modelType: 'telemanom', versions: 3 }] });
  });

  it('artifacts and file metadata: create, an upload URL registers a PENDING file, delete', async () => {
    const art = await gql(
      `mutation($input: CreateArtifactInput!) { createArtifact(input: $input) { __typename ... on CreateArtifactPayload { artifact { id name type metadata } } ${ERR} } }`,
      { input: { name: 'eval-report', type: 'report', url: 'https://reports.example/1', metadata: { run: 4 } } },
    );
    expect(art.createArtifact).toMatchObject({ artifact: { name: 'eval-report', type: 'report', metadata: { run: 4 } } });

    const body = Buffer.from('a,b\n1,2\n');
    const uc = (await gql(`mutation { createUseCase(input: { name: "Files", teamEmail: "f@example.com" }) { ... on CreateUseCasePayload { useCase { id } } } }`)).createUseCase.useCase;
    const upload = await gql(
      `mutation($input: CreateUploadUrlInput!) { createUploadUrl(input: $input) { __typename ... on CreateUploadUrlPayload { url file { id status size filename fileType } } ${ERR} } }`,
      { input: { ownerId: uc.id, fileType: 'DATASET', filename: 'data.csv', contentType: 'text/csv', size: String(body.length), checksumSha256: createHash('sha256').update(body).digest('hex') } },
    );
    expect(upload.createUploadUrl).toMatchObject({ file: { status: 'PENDING', filename: 'data.csv', fileType: 'DATASET' } });
    expect(String(upload.createUploadUrl.file.size)).toBe(String(body.length));
    const stored = await reader().storedFile.findFirstOrThrow({ where: { filename: 'data.csv' } });
    expect(stored).toMatchObject({ ownerType: 'UseCase', status: 'PENDING', size: BigInt(body.length) });

    const del = await gql(
      `mutation($input: DeleteArtifactInput!) { deleteArtifact(input: $input) { __typename ... on DeleteArtifactPayload { name } ${ERR} } }`,
      { input: { id: art.createArtifact.artifact.id } },
    );
    expect(del.deleteArtifact).toMatchObject({ name: 'eval-report' });
    expect(await reader().artifact.count()).toBe(0);
  });

  it('extractions: enqueue skips the already queued, claim takes the highest priority once', async () => {
    const now = new Date();
    await t.server.services.db.write(async (tx) => {
      for (const [id, name] of [['A000001', 'Ana Adams'], ['B000002', 'Ben Baker'], ['C000003', 'Cora Chen']] as const) {
        await tx.member.create({ data: { bioguideId: id, currentMember: true, name, state: 'CA', pulledAt: now, contactPage: `https://${id}.example/contact` } });
      }
    });
    const enqueue = `mutation($input: EnqueueExtractionsInput!) { enqueueExtractions(input: $input) { __typename ... on EnqueueExtractionsPayload { extractions { status priority } skipped } ${ERR} } }`;
    const first = (await gql(enqueue, { input: { bioguideIds: ['A000001', 'B000002'], priority: 5 } }, 'admin')).enqueueExtractions;
    expect(first.extractions).toHaveLength(2);
    expect(first.extractions.every((e: { status: string }) => e.status === 'PENDING')).toBe(true);
    const again = (await gql(enqueue, { input: { bioguideIds: ['B000002', 'C000003'], priority: 9 } }, 'admin')).enqueueExtractions;
    expect(again).toMatchObject({ skipped: ['B000002'], extractions: [{ priority: 9 }] });

    const claim = `mutation($input: ClaimExtractionInput!) { claimExtraction(input: $input) { __typename ... on ClaimExtractionPayload { extraction { status worker priority member { bioguideId } } } ${ERR} } }`;
    const claimed = (await gql(claim, { input: { worker: 'w1' } }, 'admin')).claimExtraction;
    expect(claimed).toMatchObject({ extraction: { status: 'EXTRACTING', worker: 'w1', priority: 9, member: { bioguideId: 'C000003' } } });
    const statuses = await reader().extraction.findMany({ orderBy: { bioguideId: 'asc' }, select: { bioguideId: true, status: true } });
    expect(statuses.map((s) => `${s.bioguideId}:${s.status}`)).toEqual(['A000001:PENDING', 'B000002:PENDING', 'C000003:EXTRACTING']);
  });

  it('backupDatabase: a backup on SQLite, a typed BACKUP_BY_POSTGRESQL error on PostgreSQL', async () => {
    const res = await gql(
      `mutation { backupDatabase(input: {}) { __typename ... on BackupDatabasePayload { backup { key } } ${ERR} } }`,
      undefined,
      'admin',
    );
    if (store === 'sqlite') expect(res.backupDatabase.__typename).toBe('BackupDatabasePayload');
    else {
      expect(res.backupDatabase).toMatchObject({ __typename: 'BackupError', code: 'BACKUP_BY_POSTGRESQL' });
      expect(res.backupDatabase.message).toMatch(/pg_dump.*point-in-time recovery/);
    }
  });
});

describe.each(WRITE_STORES)('webhooks for any activity type on the %s write store', (store) => {
  let t: TestServer;
  let receiver: http.Server;
  const events: string[] = [];
  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      events.push(String(req.headers['x-opsgraph-event']));
      req.resume().on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    t = await startTestServerOn(store, { WEBHOOK_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1', NOTIFY_POLL_INTERVAL: '100ms' });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((r) => receiver?.close(r));
  });

  it('recordActivity writes the outbox row with the entry, and the dispatcher delivers it', async () => {
    const port = (receiver.address() as AddressInfo).port;
    const hook = await t.client('admin').request<Record<string, any>>(
      `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { __typename } }`,
      { input: { url: `http://127.0.0.1:${port}/h`, events: ['job_created'] } },
    );
    expect(hook.createWebhook.__typename).toBe('CreateWebhookPayload');
    const job = await t.client('editor').request<Record<string, any>>(
      `mutation($input: CreateJobInput!) { createJob(input: $input) { __typename } }`,
      { input: { id: 'hooked', jobName: 'Hooked' } },
    );
    expect(job.createJob.__typename).toBe('CreateJobPayload');
    const reader = t.server.services.db.reader;
    const rows = await reader.notification.findMany({ include: { source: true } });
    expect(rows.map((r) => [r.channel, r.source?.activityType, r.source?.subjectId])).toEqual([['WEBHOOK', 'job_created', 'hooked']]);
    for (let i = 0; i < 200 && events.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual(['job_created']);
  });
});

describe('reads on a gateway on PostgreSQL (milestone 2: the local replica)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServerOn('postgresql');
  });
  afterAll(() => t?.close());

  it('read-model lists and FTS5 search answer from the replica, right after the write', async () => {
    await t.client('editor').request(`mutation { createJob(input: { id: "j-9", jobName: "Read me" }) { __typename } }`);
    await t.client('editor').request(`mutation { createUseCase(input: { name: "Replicated", teamEmail: "r@example.com" }) { __typename } }`);
    const res = await t.client('viewer').request<{
      jobs: { totalCount: number };
      useCases: { edges: Array<{ node: { name: string; activity: { edges: unknown[] } } }> };
      searchJobs: { edges: Array<{ node: { jobName: string } }> };
    }>(`{ jobs(first: 5) { totalCount } useCases(first: 5) { edges { node { name activity(first: 5) { edges { cursor } } } } }
          searchJobs(query: "read", first: 5) { ... on JobSearchConnection { edges { node { jobName } } } } }`);
    expect(res.jobs.totalCount).toBe(1);
    expect(res.useCases.edges).toMatchObject([{ node: { name: 'Replicated', activity: { edges: [{}] } } }]);
    expect(res.searchJobs.edges).toMatchObject([{ node: { jobName: 'Read me' } }]);
    expect((await fetch(t.url.replace('/graphql', '/readyz'))).status).toBe(200);
  });
});

describe.each(WRITE_STORES)('syncFromUpstream on the %s write store', (store) => {
  let t: TestServer;
  let upstream: UpstreamDatabase;
  beforeAll(async () => {
    upstream = await createUpstreamDatabase(inject('postgres'), { members: 40 });
    t = await startTestServerOn(store, { UPSTREAM_DATABASE_URL: upstream.url });
  });
  afterAll(async () => {
    await t?.close();
    await upstream?.drop();
  });
  const PULL = `mutation { syncFromUpstream(input: { batchSize: 7 }) { __typename ... on SyncFromUpstreamPayload { read inserted updated unchanged markedNotCurrent } ... on DomainError { code message } } }`;

  it('inserts, then changes nothing, then updates one and marks one no longer current', async () => {
    const current = upstream.members.filter((m) => m.currentmember);
    const first = (await t.client('admin').request<{ syncFromUpstream: Record<string, unknown> }>(PULL)).syncFromUpstream;
    expect(first).toMatchObject({ read: current.length, inserted: current.length, updated: 0, unchanged: 0, markedNotCurrent: 0 });
    const again = (await t.client('admin').request<{ syncFromUpstream: Record<string, unknown> }>(PULL)).syncFromUpstream;
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: current.length, markedNotCurrent: 0 });

    const [renamed, retired] = [current[0]!, current[1]!];
    await upstream.query(`UPDATE members SET lastname = 'Renamed' WHERE bioguideid = $1`, [renamed.bioguideid]);
    await upstream.query(`UPDATE members SET currentmember = false WHERE bioguideid = $1`, [retired.bioguideid]);
    const third = (await t.client('admin').request<{ syncFromUpstream: Record<string, unknown> }>(PULL)).syncFromUpstream;
    expect(third).toMatchObject({ inserted: 0, updated: 1, unchanged: current.length - 2, markedNotCurrent: 1 });

    const reader = t.server.services.db.reader;
    expect(await reader.member.findUniqueOrThrow({ where: { bioguideId: renamed.bioguideid } })).toMatchObject({ lastName: 'Renamed', currentMember: true });
    expect(await reader.member.findUniqueOrThrow({ where: { bioguideId: retired.bioguideid } })).toMatchObject({ currentMember: false });
    expect(await reader.member.count({ where: { currentMember: true } })).toBe(current.length - 1);
    const pulledAt = (await reader.member.findUniqueOrThrow({ where: { bioguideId: renamed.bioguideid } })).pulledAt;
    expect(Math.abs(pulledAt.getTime() - Date.now())).toBeLessThan(120_000); // a real instant, the same on both stores
  });
});
