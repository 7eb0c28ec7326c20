// Type mapping (issue 16, milestone 2): the same rows, written through the same Prisma calls,
// on an embedded gateway and on a PostgreSQL-mode gateway (whose reads come from its local
// replica), answer the same list queries with the same JSON — timestamps, JSON, booleans,
// big integers, floats, FTS5 search scores and cursors included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../src/db/database.ts';
import type { TestServer } from './support/server.ts';
import { startTestServerOn } from './support/write-store.ts';

let embedded: TestServer;
let replicated: TestServer;

const at = (s: string) => new Date(`2026-03-0${s}Z`);

/** Fixed ids and instants, so both stores hold exactly the same rows. */
async function seed(tx: Tx): Promise<void> {
  await tx.useCase.create({
    data: {
      id: '11111111-1111-4111-8111-111111111111',
      name: 'Churn',
      teamEmail: 'ml@example.com',
      description: 'with "quotes" and ünïcode',
      state: 'AWAITING_CONFIG',
      version: 3,
      evaluationSummary: JSON.stringify({ auc: 0.91, nested: { ok: true, list: [1, 2.5, null] } }),
      resultsRecordedAt: at('1T10:00:00.123'),
      createdAt: at('1T09:00:00.000'),
      updatedAt: at('1T10:00:00.999'),
    },
  });
  await tx.useCase.create({
    data: { id: '22222222-2222-4222-8222-222222222222', name: 'Fraud', teamEmail: 'f@example.com', createdAt: at('2T09:00:00.5'), updatedAt: at('2T09:00:00.5') },
  });
  for (const [i, [from, to]] of [['TEMPLATE_GENERATION', 'AWAITING_CONFIG'], ['AWAITING_CONFIG', 'CONFIG_RECEIVED']].entries()) {
    await tx.stateTransition.create({
      data: { id: `33333333-3333-4333-8333-33333333333${i}`, useCaseId: '11111111-1111-4111-8111-111111111111', fromState: from!, toState: to!, notes: i ? null : 'go', actor: 'key:x', createdAt: at(`1T09:3${i}:00.010`) },
    });
  }
  for (let i = 1; i <= 3; i++) {
    await tx.activityLogEntry.create({
      data: {
        seq: i,
        id: `44444444-4444-4444-8444-44444444444${i}`,
        subjectType: 'UseCase',
        subjectId: '11111111-1111-4111-8111-111111111111',
        activityType: 'state_changed',
        description: `step ${i}`,
        details: JSON.stringify({ step: i, big: 9007199254740993, f: 1.5e-7 }),
        actor: 'key:x',
        createdAt: at(`1T09:4${i}:00.001`),
      },
    });
  }
  await tx.storedFile.create({
    data: {
      id: '55555555-5555-4555-8555-555555555555',
      ownerType: 'UseCase',
      useCaseId: '11111111-1111-4111-8111-111111111111',
      fileType: 'DATASET',
      filename: 'big.parquet',
      contentType: 'application/octet-stream',
      size: 5_000_000_000n,
      bucket: 'b',
      key: 'use-cases/1/big.parquet',
      status: 'AVAILABLE',
      createdBy: 'key:x',
      createdAt: at('1T09:50:00.000'),
      updatedAt: at('1T09:50:00.000'),
    },
  });
  for (const [i, name] of ['Kettle spring launch', 'Kettle winter', 'Toaster'].entries()) {
    await tx.job.create({
      data: {
        seq: i + 1,
        id: `job-${i}`,
        jobName: name,
        product: name.split(' ')[0]!,
        enabled: i !== 1,
        data: JSON.stringify({ id: `job-${i}`, budget: 12.75, tags: ['a', 'b'] }),
        createdAt: at(`3T08:0${i}:00.000`),
        updatedAt: at(`3T08:0${i}:00.000`),
      },
    });
  }
  await tx.model.create({ data: { id: '66666666-6666-4666-8666-666666666666', sensorId: 's-1', modelType: 'forecast', createdAt: at('4T00:00:00.000'), updatedAt: at('4T00:00:00.000') } });
  await tx.modelVersion.create({
    data: {
      id: '77777777-7777-4777-8777-777777777777',
      modelId: '66666666-6666-4666-8666-666666666666',
      versionNumber: 1,
      performanceScore: 0.1 + 0.2,
      validationPerformed: true,
      trainingTimeSeconds: 12.5,
      trainingConfig: JSON.stringify({ lr: 0.001 }),
      createdBy: 'key:x',
      createdAt: at('4T00:00:01.000'),
    },
  });
}

beforeAll(async () => {
  [embedded, replicated] = await Promise.all([startTestServerOn('sqlite'), startTestServerOn('postgresql')]);
  await embedded.server.services.db.write(seed);
  // On PostgreSQL the write returns once this gateway's replica shows it.
  await replicated.server.services.db.write(seed);
}, 120_000);

afterAll(async () => {
  await Promise.all([embedded?.close(), replicated?.close()]);
});

const QUERIES = {
  useCases: `{ useCases(first: 10) { totalCount edges { cursor node { id name teamEmail description state version createdAt updatedAt allowedTransitions
      evaluationResults { summary recordedAt }
      transitions(first: 10) { edges { cursor node { id fromState toState notes actor createdAt } } }
      activity(first: 10) { edges { cursor node { id activityType description details actor createdAt subjectType } } }
      files(first: 10) { edges { node { id filename size status createdAt deletedAt fileType } } } } } } }`,
  searchJobs: `{ searchJobs(query: "kettle", first: 10) { ... on JobSearchConnection { terms truncated edges { cursor score node { id jobId jobName enabled data createdAt updatedAt language product } } } } }`,
  lists: `{ jobs(first: 10) { totalCount edges { cursor node { jobId enabled data createdAt } } }
      modelVersions(first: 10) { edges { node { id performanceScore validationPerformed trainingTimeSeconds trainingConfig createdAt isActive } } }
      activity(first: 10) { edges { cursor node { id details createdAt } } } }`,
};

describe('an embedded gateway and a PostgreSQL-mode gateway over the same rows', () => {
  it.each(Object.keys(QUERIES))('%s: the same JSON answer', async (name) => {
    const query = QUERIES[name as keyof typeof QUERIES];
    const [a, b] = await Promise.all([embedded.client('viewer').rawRequest(query), replicated.client('viewer').rawRequest(query)]);
    expect(a.errors).toBeUndefined();
    expect(JSON.stringify(a.data).length).toBeGreaterThan(200); // something was compared
    expect(b.data).toEqual(a.data);
  });

  it('the replica answers from its SQLite file, not from PostgreSQL', () => {
    expect(replicated.server.services.replica?.file).toMatch(/replica\.db$/);
    expect(replicated.server.services.db.backend).toBe('postgresql');
  });
});
