// Evaluation use cases (seed 000): the type, its queries, and its mutations. Resolvers stay
// thin: reads come from the read model (src/read-model/use-cases.ts: one prepared statement
// per level, records by id batched through the type's DataLoader), and each mutation calls
// one command (whose Prisma rows this type also accepts).
import { createUseCase, createUseCaseErrors } from '../../commands/use-cases/create-use-case.ts';
import { recordEvaluationResults, recordEvaluationResultsErrors } from '../../commands/use-cases/record-evaluation-results.ts';
import { transitionUseCase, transitionUseCaseErrors } from '../../commands/use-cases/transition-use-case.ts';
import { updateUseCase, updateUseCaseErrors } from '../../commands/use-cases/update-use-case.ts';
import {
  allowedTransitions,
  INITIAL_STATE,
  isUseCaseState,
  TERMINAL_STATES,
  TRANSITION_RULES,
  USE_CASE_STATES,
} from '../../domain/use-case-state-machine.ts';
import { StaleVersionError } from '../../errors.ts';
import type { StateTransition, UseCase } from '../../generated/prisma/client.ts';
import type { KeysetPage } from '../../read-model/keyset.ts';
import { countUseCases, guardFiles, listUseCases, type StateTransitionRow, transitionPages, useCasesByIds } from '../../read-model/use-cases.ts';
import { builder } from '../builder.ts';
import { commandContext } from '../command.ts';
import type { GraphQLContext } from '../context.ts';
import { loaderFor } from '../loaders.ts';
import { encodeIdCursor, keysetRequest } from '../page.ts';
import { connectionSelectsNodeField } from '../selection.ts';
import { addActivityField } from './activity.ts';
import { mutationErrors } from './errors.ts';
import { SortDirection } from './scalars.ts';

export const UseCaseStateEnum = builder.enumType('UseCaseState', { values: USE_CASE_STATES });

/**
 * A use case as the read model returns it (instants as ISO strings) or as a command returns
 * it (Prisma row, instants as Dates); the DateTime scalar serializes both.
 */
export type UseCaseShape = Omit<UseCase, 'createdAt' | 'updatedAt' | 'resultsRecordedAt'> & {
  createdAt: Date | string;
  updatedAt: Date | string;
  resultsRecordedAt: Date | string | null;
};

export const UseCaseRef = builder.loadableNode('UseCase', {
  id: { resolve: (u) => u.id },
  description: 'An evaluation use case moving through the workflow (see `useCaseStateMachine`).',
  // node(id:), useCase(id:), file owners: one statement per request for all ids asked for.
  // A missing id loads as null (node and useCase answer null), not as an error.
  load: (ids: string[], ctx: GraphQLContext) => Promise.resolve(useCasesByIds(ctx.sql, ids) as UseCaseShape[]),
  fields: (t) => ({
    name: t.exposeString('name'),
    teamEmail: t.exposeString('teamEmail'),
    description: t.exposeString('description', { nullable: true }),
    state: t.field({ type: UseCaseStateEnum, resolve: (u) => (isUseCaseState(u.state) ? u.state : INITIAL_STATE) }),
    version: t.exposeInt('version', { description: 'Pass as `expectedVersion` to make a write fail if someone changed the record.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    allowedTransitions: t.field({
      type: [UseCaseStateEnum],
      description: 'States this use case can move to now (guards on attached files included).',
      resolve: async (u, _args, ctx) => {
        if (!isUseCaseState(u.state)) return [];
        const files = await loaderFor<string, { hasConfigFile: boolean; hasDatasetFile: boolean }>(ctx, 'useCaseGuardFiles', (ids) =>
          Promise.resolve(guardFiles(ctx.sql, ids)),
        ).load(u.id);
        return allowedTransitions(u.state, { ...files, hasResults: u.resultsFileId !== null });
      },
    }),
    evaluationResults: t.field({
      type: EvaluationResultsRef,
      nullable: true,
      resolve: (u) =>
        u.resultsRecordedAt
          ? { summary: u.evaluationSummary ?? '{}', recordedAt: u.resultsRecordedAt, resultsFileId: u.resultsFileId }
          : null,
    }),
    transitions: t.connection({
      type: StateTransitionRef,
      description: 'State changes, oldest first.',
      resolve: (u, args, ctx) => {
        const page = keysetRequest(args);
        return loaderFor<string, KeysetPage<StateTransitionRow>>(ctx, `transitions:${page.size}:${page.backward}:${page.cursorId}`, (ids) =>
          Promise.resolve(transitionPages(ctx.sql, ids, page, encodeIdCursor)),
        ).load(u.id) as unknown as Promise<KeysetPage<StateTransition>>; // instants as ISO strings: see the DateTime scalar
      },
    }),
  }),
});

addActivityField(UseCaseRef);

export interface EvaluationResultsShape {
  summary: string;
  recordedAt: Date | string;
  resultsFileId: string | null;
}

export const EvaluationResultsRef = builder.objectRef<EvaluationResultsShape>('EvaluationResults').implement({
  fields: (t) => ({
    summary: t.field({ type: 'JSON', resolve: (r) => r.summary }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
  }),
});

export const StateTransitionRef = builder.prismaObject('StateTransition', {
  fields: (t) => ({
    id: t.exposeID('id'),
    fromState: t.field({ type: UseCaseStateEnum, resolve: (s) => s.fromState as never }),
    toState: t.field({ type: UseCaseStateEnum, resolve: (s) => s.toState as never }),
    notes: t.exposeString('notes', { nullable: true }),
    actor: t.exposeString('actor'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

// ------------------------------------------------------------------ state machine

const TransitionRuleRef = builder.objectRef<(typeof TRANSITION_RULES)[number]>('TransitionRule').implement({
  fields: (t) => ({
    from: t.field({ type: UseCaseStateEnum, resolve: (r) => r.from }),
    to: t.field({ type: UseCaseStateEnum, resolve: (r) => r.to }),
    guard: t.string({ nullable: true, description: 'A precondition on attached files, if any.', resolve: (r) => r.guard ?? null }),
    description: t.exposeString('description'),
  }),
});

const StateMachineRef = builder.objectRef<object>('UseCaseStateMachine').implement({
  fields: (t) => ({
    states: t.field({ type: [UseCaseStateEnum], resolve: () => [...USE_CASE_STATES] }),
    initialState: t.field({ type: UseCaseStateEnum, resolve: () => INITIAL_STATE }),
    terminalStates: t.field({ type: [UseCaseStateEnum], resolve: () => [...TERMINAL_STATES] }),
    transitions: t.field({ type: [TransitionRuleRef], resolve: () => [...TRANSITION_RULES] }),
  }),
});

// ------------------------------------------------------------------ queries

const UseCaseFilter = builder.inputType('UseCaseFilter', {
  fields: (t) => ({
    state: t.field({ type: UseCaseStateEnum }),
    teamEmail: t.string(),
    search: t.string({ description: 'Case-insensitive substring of the name.' }),
  }),
});

const UseCaseOrderField = builder.enumType('UseCaseOrderField', { values: ['CREATED_AT', 'UPDATED_AT', 'NAME'] as const });
const UseCaseOrder = builder.inputType('UseCaseOrder', {
  fields: (t) => ({
    field: t.field({ type: UseCaseOrderField, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'ASC' }),
  }),
});

const orderColumn = { CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt', NAME: 'name' } as const;

builder.queryFields((t) => ({
  useCase: t.field({
    type: UseCaseRef,
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: UseCaseRef }) },
    // An id is loaded through UseCaseRef's DataLoader (plugin-dataloader).
    resolve: (_root, args) => args.id.id,
  }),
  useCases: t.connection(
    {
      type: UseCaseRef,
      args: { filter: t.arg({ type: UseCaseFilter }), orderBy: t.arg({ type: UseCaseOrder }) },
      resolve: (_root, args, ctx, info) => {
        const page = listUseCases(ctx.sql, {
          wide: {
            description: connectionSelectsNodeField(info, 'description'),
            evaluationSummary: connectionSelectsNodeField(info, 'evaluationResults'),
          },
          filter: args.filter,
          column: orderColumn[args.orderBy?.field ?? 'CREATED_AT'],
          // id breaks ties (inside the read model) so pages are stable when rows share a timestamp or name.
          direction: args.orderBy?.direction === 'DESC' ? 'DESC' : 'ASC',
          page: keysetRequest(args),
          cursorOf: encodeIdCursor,
        });
        // Counted only when asked for (the field resolves the thunk).
        return { ...page, totalCount: () => countUseCases(ctx.sql, args.filter) };
      },
    },
    {
      fields: (c) => ({
        totalCount: c.int({ resolve: (connection) => connection.totalCount() }),
      }),
    },
  ),
  useCaseStateMachine: t.field({ type: StateMachineRef, resolve: () => ({}) }),
}));

// ------------------------------------------------------------------ mutations

builder.relayMutationField(
  'createUseCase',
  {
    inputFields: (t) => ({
      name: t.string({ required: true }),
      teamEmail: t.string({ required: true }),
      description: t.string(),
    }),
  },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(createUseCaseErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({ useCase: await createUseCase(commandContext(ctx), input) }),
  },
  { outputFields: (t) => ({ useCase: t.field({ type: UseCaseRef, resolve: (p) => p.useCase }) }) },
);

builder.relayMutationField(
  'updateUseCase',
  {
    inputFields: (t) => ({
      id: t.globalID({ required: true, for: UseCaseRef }),
      name: t.string(),
      teamEmail: t.string(),
      description: t.string(),
      expectedVersion: t.int(),
    }),
  },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(updateUseCaseErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({
      useCase: await updateUseCase(commandContext(ctx), { ...input, id: input.id.id }),
    }),
  },
  { outputFields: (t) => ({ useCase: t.field({ type: UseCaseRef, resolve: (p) => p.useCase }) }) },
);

builder.relayMutationField(
  'transitionUseCase',
  {
    inputFields: (t) => ({
      id: t.globalID({ required: true, for: UseCaseRef }),
      to: t.field({ type: UseCaseStateEnum, required: true }),
      notes: t.string(),
      expectedVersion: t.int({ description: 'Fail with StaleVersionError unless the use case is at this version.' }),
    }),
  },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(transitionUseCaseErrors), directResult: true },
    resolve: (_root, { input }, ctx) => transitionUseCase(commandContext(ctx), { ...input, id: input.id.id }),
  },
  {
    outputFields: (t) => ({
      useCase: t.field({ type: UseCaseRef, resolve: (p) => p.useCase }),
      transition: t.field({ type: StateTransitionRef, resolve: (p) => p.transition }),
    }),
  },
);

builder.relayMutationField(
  'recordEvaluationResults',
  {
    inputFields: (t) => ({
      useCaseId: t.globalID({ required: true, for: UseCaseRef }),
      summary: t.field({ type: 'JSON', required: true }),
      resultsFileId: t.globalID({ description: 'A RESULTS StoredFile of this use case.' }),
      expectedVersion: t.int(),
    }),
  },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(recordEvaluationResultsErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({
      useCase: await recordEvaluationResults(commandContext(ctx), {
        useCaseId: input.useCaseId.id,
        summary: input.summary,
        resultsFileId: input.resultsFileId?.id,
        expectedVersion: input.expectedVersion,
      }),
    }),
  },
  { outputFields: (t) => ({ useCase: t.field({ type: UseCaseRef, resolve: (p) => p.useCase }) }) },
);
