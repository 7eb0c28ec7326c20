// The use-case workflow over a real server (HTTP, real SQLite file): create, walk the states
// that need no files, typed errors, optimistic concurrency, activity, and the SQL bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ActivityDocument,
  CreateUseCaseDocument,
  StateMachineDocument,
  TransitionUseCaseDocument,
  UpdateUseCaseDocument,
  UseCaseDocument,
  UseCasesDocument,
} from './generated/graphql.ts';
import { sqlStatementsOf, startTestServer, type TestServer } from './support/server.ts';
import { print } from 'graphql';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

async function createUseCase(name = 'Customer Sentiment', teamEmail = 'ML-Team@Example.com') {
  const res = await t.client('editor').request(CreateUseCaseDocument, { input: { name, teamEmail } });
  if (res.createUseCase.__typename !== 'CreateUseCasePayload') throw new Error(`create failed: ${JSON.stringify(res)}`);
  return res.createUseCase.useCase;
}

async function transition(id: string, to: string, extra: { expectedVersion?: number; notes?: string } = {}) {
  const res = await t.client('editor').request(TransitionUseCaseDocument, { input: { id, to: to as never, ...extra } });
  return res.transitionUseCase;
}

describe('use cases', () => {
  it('creates a use case in TEMPLATE_GENERATION with version 1 and a normalised email', async () => {
    const uc = await createUseCase();
    expect(uc).toMatchObject({ name: 'Customer Sentiment', teamEmail: 'ml-team@example.com', state: 'TEMPLATE_GENERATION', version: 1 });
    expect(uc.allowedTransitions.sort()).toEqual(['AWAITING_CONFIG', 'CANCELLED']);
  });

  it('walks the states that need no files and records each transition and activity entry', async () => {
    const uc = await createUseCase('Walk');
    for (const to of ['AWAITING_CONFIG', 'CONFIG_RECEIVED', 'AWAITING_CONFIG', 'CONFIG_RECEIVED']) {
      const r = await transition(uc.id, to, { notes: `to ${to}` });
      expect(r.__typename).toBe('TransitionUseCasePayload');
    }
    const { useCase } = await t.client('viewer').request(UseCaseDocument, { id: uc.id });
    expect(useCase?.state).toBe('CONFIG_RECEIVED');
    expect(useCase?.version).toBe(5);
    expect(useCase?.transitions.edges.map((e) => `${e.node.fromState}>${e.node.toState}`)).toEqual([
      'TEMPLATE_GENERATION>AWAITING_CONFIG',
      'AWAITING_CONFIG>CONFIG_RECEIVED',
      'CONFIG_RECEIVED>AWAITING_CONFIG',
      'AWAITING_CONFIG>CONFIG_RECEIVED',
    ]);
    expect(useCase?.transitions.edges[0]?.node.actor).toBe('key:test-editor');
    const types = useCase?.activity.edges.map((e) => e.node.activityType);
    expect(types).toEqual(['state_changed', 'state_changed', 'state_changed', 'state_changed', 'use_case_created']);
    // The guard on READY_FOR_EVALUATION holds until files are attached.
    expect(useCase?.allowedTransitions.sort()).toEqual(['AWAITING_CONFIG', 'CANCELLED']);
    const blocked = await transition(uc.id, 'READY_FOR_EVALUATION');
    expect(blocked).toMatchObject({ __typename: 'InvalidTransitionError', from: 'CONFIG_RECEIVED', to: 'READY_FOR_EVALUATION' });
    if (blocked.__typename === 'InvalidTransitionError') expect(blocked.detail).toMatch(/CONFIG file and a DATASET file/);
    expect((await transition(uc.id, 'CANCELLED')).__typename).toBe('TransitionUseCasePayload');
    const after = await t.client('viewer').request(UseCaseDocument, { id: uc.id });
    expect(after.useCase?.allowedTransitions).toEqual([]);
  });

  it('an illegal move is an InvalidTransitionError naming the allowed states, and changes nothing', async () => {
    const uc = await createUseCase('Illegal');
    const r = await transition(uc.id, 'EVALUATION_RUNNING');
    expect(r).toMatchObject({ __typename: 'InvalidTransitionError', code: 'INVALID_TRANSITION', from: 'TEMPLATE_GENERATION' });
    if (r.__typename === 'InvalidTransitionError') {
      expect(r.allowed.sort()).toEqual(['AWAITING_CONFIG', 'CANCELLED']);
      expect(r.message).toContain('AWAITING_CONFIG');
    }
    const { useCase } = await t.client('viewer').request(UseCaseDocument, { id: uc.id });
    expect(useCase).toMatchObject({ state: 'TEMPLATE_GENERATION', version: 1 });
    expect(useCase?.transitions.edges).toHaveLength(0);
    expect(useCase?.activity.edges).toHaveLength(1);
  });

  it('a stale expectedVersion is a StaleVersionError with both versions', async () => {
    const uc = await createUseCase('Stale');
    expect((await transition(uc.id, 'AWAITING_CONFIG', { expectedVersion: 1 })).__typename).toBe('TransitionUseCasePayload');
    const r = await transition(uc.id, 'CONFIG_RECEIVED', { expectedVersion: 1 });
    expect(r).toMatchObject({ __typename: 'StaleVersionError', expectedVersion: 1, currentVersion: 2 });
    const u = await t.client('editor').request(UpdateUseCaseDocument, { input: { id: uc.id, name: 'x', expectedVersion: 1 } });
    expect(u.updateUseCase).toMatchObject({ __typename: 'StaleVersionError', currentVersion: 2 });
  });

  it('50 concurrent transitions with the same expectedVersion: exactly one wins', async () => {
    const uc = await createUseCase('Race');
    const results = await Promise.all(
      Array.from({ length: 50 }, () => transition(uc.id, 'AWAITING_CONFIG', { expectedVersion: 1 })),
    );
    const byType = results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.__typename]: (acc[r.__typename] ?? 0) + 1 }), {});
    expect(byType).toEqual({ TransitionUseCasePayload: 1, StaleVersionError: 49 });
    const { useCase } = await t.client('viewer').request(UseCaseDocument, { id: uc.id });
    expect(useCase?.transitions.edges).toHaveLength(1);
    expect(useCase?.version).toBe(2);
  });

  it('updates name and description with an activity entry describing the change', async () => {
    const uc = await createUseCase('Before');
    const r = await t.client('editor').request(UpdateUseCaseDocument, { input: { id: uc.id, name: 'After', description: 'why' } });
    expect(r.updateUseCase).toMatchObject({ __typename: 'UpdateUseCasePayload', useCase: { name: 'After', description: 'why', version: 2 } });
    const log = await t.client('viewer').request(ActivityDocument, { filter: { subjectId: uc.id, types: ['use_case_updated'] } });
    expect(log.activity.edges).toHaveLength(1);
    expect(log.activity.edges[0]?.node.details).toMatchObject({ changes: { name: { from: 'Before', to: 'After' } } });
    expect(log.activity.edges[0]?.node.subject?.id).toBe(uc.id);
  });

  it('validation errors name the field and write nothing', async () => {
    const before = await t.client('viewer').request(UseCasesDocument, { first: 1 });
    const bad = await t.client('editor').request(CreateUseCaseDocument, { input: { name: '  ', teamEmail: 'a@b.co' } });
    expect(bad.createUseCase).toMatchObject({ __typename: 'ValidationError', field: 'name' });
    const email = await t.client('editor').request(CreateUseCaseDocument, { input: { name: 'ok', teamEmail: 'not-an-email' } });
    expect(email.createUseCase).toMatchObject({ __typename: 'ValidationError', field: 'teamEmail' });
    const after = await t.client('viewer').request(UseCasesDocument, { first: 1 });
    expect(after.useCases.totalCount).toBe(before.useCases.totalCount);
  });

  it('lists with filters, ordering and stable cursor pages', async () => {
    for (let i = 0; i < 7; i++) await createUseCase(`Paged ${i}`, 'paging@example.com');
    const seen: string[] = [];
    let after: string | null | undefined;
    do {
      const page = await t.client('viewer').request(UseCasesDocument, {
        first: 3,
        after,
        filter: { teamEmail: 'paging@example.com' },
        orderBy: { field: 'NAME', direction: 'DESC' },
      });
      expect(page.useCases.totalCount).toBe(7);
      seen.push(...page.useCases.edges.map((e) => e.node.name));
      after = page.useCases.pageInfo.hasNextPage ? page.useCases.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `Paged ${6 - i}`));
    const search = await t.client('viewer').request(UseCasesDocument, { filter: { search: 'paged 3' } });
    expect(search.useCases.edges.map((e) => e.node.name)).toEqual(['Paged 3']);
    const byState = await t.client('viewer').request(UseCasesDocument, { filter: { state: 'CANCELLED' }, first: 100 });
    expect(byState.useCases.edges.every((e) => e.node.state === 'CANCELLED')).toBe(true);
  });

  it('exposes the state machine the commands enforce', async () => {
    const { useCaseStateMachine: sm } = await t.client('viewer').request(StateMachineDocument);
    expect(sm.initialState).toBe('TEMPLATE_GENERATION');
    expect(sm.terminalStates.sort()).toEqual(['CANCELLED', 'EVALUATION_COMPLETED']);
    expect(sm.transitions.find((r) => r.to === 'READY_FOR_EVALUATION' && r.from === 'CONFIG_RECEIVED')?.guard).toBe('CONFIG_AND_DATASET_ATTACHED');
  });
});

describe('no N+1', () => {
  it('useCases(first: 50) with transitions and activity costs the same SQL for 5 or 50 use cases', async () => {
    const fresh = await startTestServer();
    try {
      const query = print(UseCasesDocument);
      const seed = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const r = await fresh.client('editor').request(CreateUseCaseDocument, { input: { name: `N+1 ${i}`, teamEmail: 'n1@example.com' } });
          if (r.createUseCase.__typename !== 'CreateUseCasePayload') throw new Error('seed failed');
          await fresh.client('editor').request(TransitionUseCaseDocument, { input: { id: r.createUseCase.useCase.id, to: 'AWAITING_CONFIG' } });
        }
      };
      await seed(5);
      const small = await sqlStatementsOf<{ useCases: { edges: unknown[] } }>(fresh.client('viewer'), query, { first: 50 });
      expect(small.data.useCases.edges).toHaveLength(5);
      await seed(45);
      const large = await sqlStatementsOf<{ useCases: { edges: unknown[] } }>(fresh.client('viewer'), query, { first: 50 });
      expect(large.data.useCases.edges).toHaveLength(50);
      expect(small.statements).toBeGreaterThanOrEqual(3); // the counter really counts: list, transitions, activity
      expect(large.statements).toBe(small.statements);
      // One statement per level (+ the count): bounded by depth, not rows.
      expect(large.statements).toBeLessThanOrEqual(6);
    } finally {
      await fresh.close();
    }
  });
});
