// Nothing half-done is ever visible: a write that fails part-way leaves no row and no
// activity entry, a concurrent reader never sees its partial state, and nothing is published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActivity } from '../src/commands/command-context.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const countsQuery = '{ useCases { totalCount } activity(first: 100) { edges { node { activityType } } } }';

describe('atomic writes', () => {
  it('a write failing part-way leaves nothing behind and is never visible to a concurrent reader', async () => {
    const services = t.server.services;
    const ctx = { services, actor: { label: 'test', role: 'admin' as const } };
    const published: unknown[] = [];
    const unsubscribe = services.bus.subscribe((e) => published.push(e));

    let writing = true;
    const observed: number[] = [];
    // A reader hammering the real HTTP endpoint while the write is open.
    const reader = (async () => {
      while (writing) {
        const r = await t.client('viewer').request<{ useCases: { totalCount: number }; activity: { edges: unknown[] } }>(countsQuery);
        observed.push(r.useCases.totalCount + r.activity.edges.length);
      }
    })();

    const failing = services.db.write(async (tx, afterCommit) => {
      const uc = await tx.useCase.create({ data: { name: 'half', teamEmail: 'half@example.com' } });
      await recordActivity(tx, afterCommit, ctx, { subjectType: 'UseCase', subjectId: uc.id, activityType: 'use_case_created', description: 'x' });
      await tx.stateTransition.create({ data: { useCaseId: uc.id, fromState: 'TEMPLATE_GENERATION', toState: 'AWAITING_CONFIG', actor: 'test' } });
      // Hold the transaction open until the reader has looked several times (no timing guess).
      const until = Date.now() + 30_000;
      while (observed.length < 5 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      throw new Error('disk on fire (simulated)');
    });
    await expect(failing).rejects.toThrow('disk on fire');
    writing = false;
    await reader;
    unsubscribe();

    expect(observed.length).toBeGreaterThanOrEqual(5);
    expect(new Set(observed)).toEqual(new Set([0]));
    const after = await t.client('viewer').request<{ useCases: { totalCount: number }; activity: { edges: unknown[] } }>(countsQuery);
    expect(after.useCases.totalCount).toBe(0);
    expect(after.activity.edges).toHaveLength(0);
    expect(await services.db.reader.stateTransition.count()).toBe(0);
    expect(published).toEqual([]);
  });

  it('writes after a failed one proceed normally, and publish only after commit', async () => {
    const services = t.server.services;
    const ctx = { services, actor: { label: 'test', role: 'admin' as const } };
    const published: Array<{ activityType: string }> = [];
    const unsubscribe = services.bus.subscribe((e) => published.push(e));
    let seenInsideTx = -1;
    await services.db.write(async (tx, afterCommit) => {
      const uc = await tx.useCase.create({ data: { name: 'whole', teamEmail: 'whole@example.com' } });
      await recordActivity(tx, afterCommit, ctx, { subjectType: 'UseCase', subjectId: uc.id, activityType: 'use_case_created', description: 'x' });
      seenInsideTx = published.length;
    });
    unsubscribe();
    expect(seenInsideTx).toBe(0);
    expect(published.map((e) => e.activityType)).toEqual(['use_case_created']);
  });
});
