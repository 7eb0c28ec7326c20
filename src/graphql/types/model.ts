// The model registry (seed 002): Model, ModelVersion, DataLineage, PromotionEvent, their
// queries and mutations. Resolvers stay thin: reads go through the Prisma plugin (nested
// lists are one query per level; the pages of a model's versions and promotions, and of a
// lineage's versions, are picked by a window query first: src/graphql/windowed-connection.ts), each mutation calls one command in src/commands/registry.
import { deleteModelVersion, deleteModelVersionErrors } from '../../commands/registry/delete-model-version.ts';
import { promoteModelVersion, promoteModelVersionErrors } from '../../commands/registry/promote-model-version.ts';
import { registerModelVersion, registerModelVersionErrors } from '../../commands/registry/register-model-version.ts';
import { PROMOTION_REASONS } from '../../domain/promotion.ts';
import { ValidationError } from '../../errors.ts';
import { openUpload } from '../../storage/multipart-upload.ts';
import { builder } from '../builder.ts';
import { commandContext } from '../command.ts';
import type { GraphQLContext } from '../context.ts';
import { windowedConnection } from '../windowed-connection.ts';
import { encodeId } from '../global-id.ts';
import { addActivityField } from './activity.ts';
import { mutationErrors } from './errors.ts';
import { SortDirection } from './scalars.ts';
// Registry-wide statistics and the score settings live next door.
import './model-stats.ts';

const PromotionReasonEnum = builder.enumType('PromotionReason', {
  values: PROMOTION_REASONS,
  description: 'Why the active version changed: AUTOMATIC (a better score was registered), MANUAL, ACTIVE_DELETED, IMPORTED (legacy registry).',
});

/** Model versions by id, with the query the plugin planned for the selection. */
const versionsById = (ctx: GraphQLContext, query: object, ids: string[]) => ctx.reader.modelVersion.findMany({ ...query, where: { id: { in: ids } } });

export const ModelRef = builder.prismaNode('Model', {
  id: { field: 'id' },
  nullable: true,
  description: 'A model of one type for one sensor; its versions compete on `performanceScore`.',
  fields: (t) => ({
    sensorId: t.exposeString('sensorId'),
    modelType: t.exposeString('modelType'),
    legacyId: t.exposeString('legacyId', { nullable: true, description: 'The model_id in the legacy JSON registry, when imported.' }),
    activeVersion: t.relation('activeVersion', { nullable: true }),
    versions: t.connection(
      {
        type: ModelVersionRef,
        description: 'Versions, newest (highest number) first.',
        resolve: windowedConnection({
          list: { table: 'ModelVersion', parentColumn: 'modelId', orderColumn: 'versionNumber', direction: 'DESC' },
          typeName: 'ModelVersion',
          findMany: versionsById,
        }),
      },
      { fields: (c) => ({ totalCount: c.int({ resolve: (connection) => connection.totalCount() }) }) },
    ),
    promotions: t.connection({
      type: PromotionEventRef,
      description: 'Every change of the active version, newest first.',
      resolve: windowedConnection({
        list: { table: 'PromotionEvent', parentColumn: 'modelId', orderColumn: 'seq', direction: 'DESC' },
        typeName: 'PromotionEvent',
        findMany: (ctx, query, ids) => ctx.reader.promotionEvent.findMany({ ...query, where: { id: { in: ids } } }),
      }),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

addActivityField(ModelRef);

export const ModelVersionRef = builder.prismaNode('ModelVersion', {
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    model: t.relation('model'),
    versionNumber: t.exposeInt('versionNumber', { description: 'Per model, from 1; never reused, even after deletion.' }),
    isActive: t.boolean({ select: { activeOf: { select: { id: true } } }, resolve: (v) => v.activeOf !== null }),
    performanceScore: t.exposeFloat('performanceScore'),
    validationPerformed: t.exposeBoolean('validationPerformed', {
      description: 'False when no held-out validation was recorded (legacy versions without the flag included).',
    }),
    trainingConfig: t.expose('trainingConfig', { type: 'JSON' }),
    trainingMetrics: t.expose('trainingMetrics', { type: 'JSON' }),
    validationMetrics: t.expose('validationMetrics', { type: 'JSON', nullable: true }),
    trainingTimeSeconds: t.exposeFloat('trainingTimeSeconds', { nullable: true }),
    modelPath: t.exposeString('modelPath', { nullable: true, description: 'Where a legacy artifact lives on disk; new versions use `artifactFile`.' }),
    // `artifactFile` (the StoredFile) is added by the files module, src/graphql/types/file.ts.
    lineage: t.relation('lineage', { nullable: true }),
    legacyId: t.exposeString('legacyId', { nullable: true, description: 'The version_id in the legacy JSON registry, when imported.' }),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('DataLineage', {
  description: 'The data a version was trained on, identified by its hash.',
  fields: (t) => ({
    dataHash: t.exposeString('dataHash'),
    dataSource: t.exposeString('dataSource', { nullable: true }),
    dataStartDate: t.expose('dataStartDate', { type: 'DateTime', nullable: true }),
    dataEndDate: t.expose('dataEndDate', { type: 'DateTime', nullable: true }),
    numSamples: t.exposeInt('numSamples', { nullable: true }),
    modelVersions: t.connection(
      {
        type: ModelVersionRef,
        description: 'Versions trained on this data, newest first.',
        resolve: windowedConnection({
          list: { table: 'ModelVersion', parentColumn: 'lineageId', orderColumn: 'createdAt', direction: 'DESC' },
          typeName: 'ModelVersion',
          findMany: versionsById,
        }),
      },
      { fields: (c) => ({ totalCount: c.int({ resolve: (connection) => connection.totalCount() }) }) },
    ),
  }),
});

const PromotionEventRef = builder.prismaObject('PromotionEvent', {
  fields: (t) => ({
    id: t.exposeID('id'),
    version: t.relation('version', { nullable: true, description: 'null when that version has since been deleted (or the model was left without one).' }),
    versionNumber: t.exposeInt('versionNumber', { nullable: true }),
    previousVersion: t.relation('previousVersion', { nullable: true }),
    previousVersionNumber: t.exposeInt('previousVersionNumber', { nullable: true }),
    reason: t.field({ type: PromotionReasonEnum, resolve: (e) => e.reason as (typeof PROMOTION_REASONS)[number] }),
    actor: t.exposeString('actor'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

// ------------------------------------------------------------------ queries

const ModelFilter = builder.inputType('ModelFilter', {
  fields: (t) => ({ sensorId: t.string(), modelType: t.string() }),
});

const ModelVersionFilter = builder.inputType('ModelVersionFilter', {
  fields: (t) => ({
    modelId: t.globalID({ for: ModelRef }),
    minScore: t.float(),
    createdAfter: t.field({ type: 'DateTime' }),
    createdBefore: t.field({ type: 'DateTime' }),
    dataHash: t.string(),
  }),
});

const ModelVersionOrderField = builder.enumType('ModelVersionOrderField', { values: ['SCORE', 'CREATED_AT', 'VERSION_NUMBER'] as const });
const ModelVersionOrder = builder.inputType('ModelVersionOrder', {
  fields: (t) => ({
    field: t.field({ type: ModelVersionOrderField, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'DESC' }),
  }),
});
const versionOrderColumn = { SCORE: 'performanceScore', CREATED_AT: 'createdAt', VERSION_NUMBER: 'versionNumber' } as const;

builder.queryFields((t) => ({
  model: t.prismaField({
    type: ModelRef,
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: ModelRef }) },
    resolve: (query, _root, args, ctx) => ctx.reader.model.findUnique({ ...query, where: { id: args.id.id } }),
  }),
  models: t.prismaConnection({
    type: 'Model',
    cursor: 'id',
    args: { filter: t.arg({ type: ModelFilter }) },
    totalCount: (_p, args, ctx) => ctx.reader.model.count({ where: modelWhere(args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.reader.model.findMany({ ...query, where: modelWhere(args.filter), orderBy: [{ sensorId: 'asc' }, { modelType: 'asc' }, { id: 'asc' }] }),
  }),
  modelVersions: t.prismaConnection({
    type: 'ModelVersion',
    cursor: 'id',
    args: { filter: t.arg({ type: ModelVersionFilter }), orderBy: t.arg({ type: ModelVersionOrder }) },
    totalCount: (_p, args, ctx) => ctx.reader.modelVersion.count({ where: versionWhere(args.filter) }),
    resolve: (query, _root, args, ctx) => {
      const column = versionOrderColumn[args.orderBy?.field ?? 'CREATED_AT'];
      const direction = args.orderBy?.direction === 'ASC' ? 'asc' : 'desc';
      // id breaks ties so pages are stable when scores or timestamps repeat.
      return ctx.reader.modelVersion.findMany({ ...query, where: versionWhere(args.filter), orderBy: [{ [column]: direction }, { id: direction }] });
    },
  }),
  dataLineage: t.prismaField({
    type: 'DataLineage',
    nullable: true,
    description: 'The data with this hash and every version trained on it.',
    args: { dataHash: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.reader.dataLineage.findUnique({ ...query, where: { dataHash: args.dataHash.trim().toLowerCase() } }),
  }),
}));

function modelWhere(filter: { sensorId?: string | null; modelType?: string | null } | null | undefined) {
  return { sensorId: filter?.sensorId ?? undefined, modelType: filter?.modelType ?? undefined };
}

function versionWhere(
  f: { modelId?: { id: string } | null; minScore?: number | null; createdAfter?: Date | null; createdBefore?: Date | null; dataHash?: string | null } | null | undefined,
) {
  return {
    modelId: f?.modelId?.id,
    performanceScore: f?.minScore != null ? { gte: f.minScore } : undefined,
    createdAt: f?.createdAfter || f?.createdBefore ? { gt: f.createdAfter ?? undefined, lt: f.createdBefore ?? undefined } : undefined,
    lineage: f?.dataHash ? { dataHash: f.dataHash.trim().toLowerCase() } : undefined,
  };
}

// ------------------------------------------------------------------ mutations

builder.relayMutationField(
  'registerModelVersion',
  {
    inputFields: (t) => ({
      sensorId: t.string({ required: true }),
      modelType: t.string({ required: true }),
      trainingConfig: t.field({ type: 'JSON' }),
      trainingMetrics: t.field({ type: 'JSON', description: 'r2_score, mape, anomaly_rate, … (scored when no validation was performed).' }),
      validationMetrics: t.field({ type: 'JSON', description: 'Held-out metrics; must contain "validation_performed": true.' }),
      trainingTimeSeconds: t.float(),
      // Optional in the schema so that a missing hash is a typed ValidationError naming it.
      dataHash: t.string({ description: 'Hex hash of the training data, from the pipeline. Required.' }),
      dataSource: t.string(),
      dataStartDate: t.field({ type: 'DateTime' }),
      dataEndDate: t.field({ type: 'DateTime' }),
      numSamples: t.int(),
      artifactFileId: t.globalID({ description: 'An existing StoredFile holding the model artifact.' }),
      artifact: t.field({ type: 'File', description: 'Or upload the artifact with the request (GraphQL multipart request).' }),
      modelPath: t.string({ description: 'Legacy: where the artifact lives on disk.' }),
    }),
  },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(registerModelVersionErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => {
      if (input.artifactFileId && input.artifactFileId.typename !== 'StoredFile') {
        throw new ValidationError('artifactFileId', `must be a StoredFile id (got a ${input.artifactFileId.typename})`);
      }
      return registerModelVersion(commandContext(ctx), {
        ...input,
        artifactFileId: input.artifactFileId?.id,
        artifact: input.artifact ? await openUpload(input.artifact, 'artifact') : null,
      });
    },
  },
  {
    outputFields: (t) => ({
      version: t.field({ type: ModelVersionRef, resolve: (p) => p.version }),
      model: t.field({ type: ModelRef, resolve: (p) => p.model }),
      promoted: t.boolean({ description: 'True when the new version became active.', resolve: (p) => p.promoted }),
    }),
  },
);

builder.relayMutationField(
  'promoteModelVersion',
  { inputFields: (t) => ({ id: t.globalID({ required: true, for: ModelVersionRef }) }) },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(promoteModelVersionErrors), directResult: true },
    resolve: (_root, { input }, ctx) => promoteModelVersion(commandContext(ctx), { id: input.id.id }),
  },
  {
    outputFields: (t) => ({
      version: t.field({ type: ModelVersionRef, resolve: (p) => p.version }),
      model: t.field({ type: ModelRef, resolve: (p) => p.model }),
      promotion: t.field({ type: PromotionEventRef, nullable: true, description: 'null when the version was already active.', resolve: (p) => p.event }),
    }),
  },
);

builder.relayMutationField(
  'deleteModelVersion',
  {
    inputFields: (t) => ({
      id: t.globalID({ required: true, for: ModelVersionRef }),
      force: t.boolean({ defaultValue: false, description: 'Delete even the active version (admin); the best remaining one takes over.' }),
      deleteArtifacts: t.boolean({ defaultValue: false, description: 'Also remove the stored artifact object (after commit).' }),
    }),
  },
  {
    // Deleting the version in production use is the admin's call; other deletes are editors'.
    authScopes: (_root, args) => (args.input.force ? { admin: true } : { editor: true }),
    errors: { types: mutationErrors(deleteModelVersionErrors), directResult: true },
    resolve: (_root, { input }, ctx) => deleteModelVersion(commandContext(ctx), { ...input, id: input.id.id }),
  },
  {
    outputFields: (t) => ({
      deletedVersionId: t.id({ description: 'Global ID of the deleted version.', resolve: (p) => encodeId('ModelVersion', p.deletedVersionId) }),
      model: t.field({ type: ModelRef, resolve: (p) => p.model }),
      newActiveVersion: t.field({ type: ModelVersionRef, nullable: true, resolve: (p) => p.newActiveVersion }),
      artifactDeleted: t.boolean({ resolve: (p) => p.artifactDeleted }),
    }),
  },
);
