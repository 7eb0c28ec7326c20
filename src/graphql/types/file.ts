// Stored files: the StoredFile type, its owner, the file fields of use cases and model
// versions, and the upload/complete/delete mutations. Uploads through the GraphQL multipart
// request are streamed (src/storage/multipart-upload.ts); `openUpload` turns the `File`
// argument into that stream.
import { completeUpload, completeUploadErrors } from '../../commands/files/complete-upload.ts';
import { createUploadUrl, createUploadUrlErrors } from '../../commands/files/create-upload-url.ts';
import { deleteFile, deleteFileErrors } from '../../commands/files/delete-file.ts';
import { ChecksumMismatchError, UploadTooLargeError } from '../../commands/files/errors.ts';
import { FILE_TYPES } from '../../commands/files/file-rules.ts';
import { uploadFile, uploadFileErrors } from '../../commands/files/upload-file.ts';
import { StorageError } from '../../errors.ts';
import type { Artifact, ModelVersion, StoredFile } from '../../generated/prisma/client.ts';
import { openUpload } from '../../storage/multipart-upload.ts';
import { builder } from '../builder.ts';
import { commandContext } from '../command.ts';
import type { GraphQLContext } from '../context.ts';
import { type StoredFileRow, useCaseFileCounts, useCaseFilePages } from '../../read-model/files.ts';
import type { KeysetPage } from '../../read-model/keyset.ts';
import { loadById, loaderFor } from '../loaders.ts';
import { encodeIdCursor, keysetRequest } from '../page.ts';
import { ArtifactRef } from './artifact.ts';
import { DomainErrorInterface, mutationErrors } from './errors.ts';
import { ModelVersionRef } from './model.ts';
import { EvaluationResultsRef, UseCaseRef, type UseCaseShape } from './use-case.ts';

export const FileTypeEnum = builder.enumType('FileType', { values: FILE_TYPES });
const FileStatusEnum = builder.enumType('StoredFileStatus', {
  values: ['PENDING', 'AVAILABLE', 'DELETED'] as const,
  description: 'PENDING: an upload URL was issued and completeUpload has not yet verified the object.',
});

const OWNER_TYPE = Symbol('ownerType');

const FileOwner = builder.unionType('FileOwner', {
  types: [UseCaseRef, ModelVersionRef, ArtifactRef],
  resolveType: (value) => (value as { [OWNER_TYPE]?: string })[OWNER_TYPE] ?? null,
});

export const StoredFileRef = builder.prismaNode('StoredFile', {
  id: { field: 'id' },
  nullable: true,
  description: 'A file in the blob store. Rows are written only once the object is stored (or, for PENDING, verified on completeUpload).',
  fields: (t) => ({
    owner: t.field({
      type: FileOwner,
      nullable: true,
      description: 'What the file belongs to; null when that record was deleted.',
      resolve: async (f, _args, ctx) => {
        const owner = await loadOwner(ctx, f);
        return owner ? Object.assign(owner, { [OWNER_TYPE]: f.ownerType }) : null;
      },
    }),
    fileType: t.field({ type: FileTypeEnum, resolve: (f) => f.fileType as (typeof FILE_TYPES)[number] }),
    filename: t.exposeString('filename'),
    contentType: t.exposeString('contentType'),
    size: t.expose('size', { type: 'BigInt' }),
    checksumSha256: t.exposeString('checksumSha256', { nullable: true, description: 'Lower-case hex SHA-256 of the bytes.' }),
    bucket: t.exposeString('bucket'),
    key: t.exposeString('key'),
    status: t.field({ type: FileStatusEnum, resolve: (f) => f.status as 'PENDING' }),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    deletedAt: t.expose('deletedAt', { type: 'DateTime', nullable: true }),
    downloadUrl: t.string({
      nullable: true,
      description: 'A short-lived presigned GET URL; null unless AVAILABLE (and for the in-memory store).',
      resolve: async (f, _args, ctx) => {
        if (f.status !== 'AVAILABLE') return null;
        try {
          const signed = await ctx.services.blobs.presign('GET', f.key, { expiresInMs: ctx.services.config.blobs.downloadUrlTtlMs });
          return signed.url;
        } catch (err) {
          if (err instanceof StorageError) return null;
          throw err;
        }
      },
    }),
  }),
});

// ------------------------------------------------------------------ owners' file fields

/** The record a file belongs to, batched per owner type (no Prisma `select`: see use-case.ts). */
async function loadOwner(ctx: GraphQLContext, f: StoredFile): Promise<UseCaseShape | ModelVersion | Artifact | null> {
  switch (f.ownerType) {
    case 'UseCase':
      return f.useCaseId ? UseCaseRef.getDataloader(ctx).load(f.useCaseId) : null;
    case 'ModelVersion':
      return f.modelVersionId
        ? loadById(ctx, 'modelVersionById', f.modelVersionId, (ids) => ctx.reader.modelVersion.findMany({ where: { id: { in: ids } } }))
        : null;
    case 'Artifact':
      return f.artifactId ? loadById(ctx, 'artifactById', f.artifactId, (ids) => ctx.reader.artifact.findMany({ where: { id: { in: ids } } })) : null;
    default:
      return null;
  }
}

/** Latest AVAILABLE file of one type for many use cases: one query per type per request. */
function latestFile(ctx: GraphQLContext, fileType: string, useCaseId: string) {
  return loaderFor<string, StoredFile | null>(ctx, `latestFile:${fileType}`, async (ids) => {
    const rows = await ctx.reader.storedFile.findMany({
      where: { useCaseId: { in: [...ids] }, fileType, status: 'AVAILABLE' },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    return ids.map((id) => rows.find((r) => r.useCaseId === id) ?? null);
  }).load(useCaseId);
}

builder.objectFields(UseCaseRef, (t) => ({
  files: t.connection(
    {
      type: StoredFileRef,
      description: 'Files of this use case that are not deleted, oldest first.',
      resolve: async (u, args, ctx) => {
        const page = keysetRequest(args);
        const files = await loaderFor<string, KeysetPage<StoredFileRow>>(ctx, `useCaseFiles:${page.size}:${page.backward}:${page.cursorId}`, (ids) =>
          Promise.resolve(useCaseFilePages(ctx.sql, ids, page, encodeIdCursor)),
        ).load(u.id);
        const totalCount = () => loaderFor<string, number>(ctx, 'useCaseFileCount', (ids) => Promise.resolve(useCaseFileCounts(ctx.sql, ids))).load(u.id);
        // Read-model rows carry instants as ISO strings; the DateTime scalar takes both.
        return { ...(files as unknown as KeysetPage<StoredFile>), totalCount };
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (connection) => connection.totalCount() }) }) },
  ),
  configFile: t.field({
    type: StoredFileRef,
    nullable: true,
    description: 'The latest AVAILABLE CONFIG file.',
    resolve: (u, _args, ctx) => latestFile(ctx, 'CONFIG', u.id),
  }),
  datasetFile: t.field({
    type: StoredFileRef,
    nullable: true,
    description: 'The latest AVAILABLE DATASET file.',
    resolve: (u, _args, ctx) => latestFile(ctx, 'DATASET', u.id),
  }),
}));

builder.objectField(EvaluationResultsRef, 'resultsFile', (t) =>
  t.field({
    type: StoredFileRef,
    nullable: true,
    description: 'The RESULTS file linked by recordEvaluationResults (null once deleted).',
    resolve: (r, _args, ctx) =>
      r.resultsFileId
        ? loadById(ctx, 'storedFileById', r.resultsFileId, (ids) =>
            ctx.reader.storedFile.findMany({ where: { id: { in: ids }, status: { not: 'DELETED' } } }),
          )
        : null,
  }),
);

builder.prismaObjectFields('ModelVersion', (t) => ({
  artifactFile: t.relation('artifactFile', { nullable: true, description: 'The StoredFile holding the model artifact.' }),
}));

// ------------------------------------------------------------------ errors

builder.objectType(ChecksumMismatchError, {
  name: 'ChecksumMismatchError',
  interfaces: [DomainErrorInterface],
  description: 'The uploaded object differs in size or SHA-256 from what was declared; it was deleted and the file marked DELETED.',
  isTypeOf: (v) => v instanceof ChecksumMismatchError,
  fields: (t) => ({
    expectedSize: t.field({ type: 'BigInt', resolve: (e) => BigInt(e.expectedSize) }),
    actualSize: t.field({ type: 'BigInt', resolve: (e) => BigInt(e.actualSize) }),
    expectedSha256: t.exposeString('expectedSha256'),
    actualSha256: t.exposeString('actualSha256', { nullable: true, description: 'null when the size already differed.' }),
  }),
});

builder.objectType(UploadTooLargeError, {
  name: 'UploadTooLargeError',
  interfaces: [DomainErrorInterface],
  isTypeOf: (v) => v instanceof UploadTooLargeError,
  fields: (t) => ({ maxBytes: t.field({ type: 'BigInt', resolve: (e) => BigInt(e.maxBytes) }) }),
});

// ------------------------------------------------------------------ mutations


builder.relayMutationField(
  'uploadFile',
  {
    inputFields: (t) => ({
      ownerId: t.globalID({ required: true, description: 'A UseCase, ModelVersion or Artifact.' }),
      fileType: t.field({ type: FileTypeEnum, required: true }),
      file: t.field({ type: 'File', required: true, description: 'Sent with the GraphQL multipart request; streamed to the store.' }),
    }),
  },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(uploadFileErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({
      file: await uploadFile(commandContext(ctx), {
        owner: { type: input.ownerId.typename, id: input.ownerId.id },
        fileType: input.fileType,
        upload: await openUpload(input.file),
      }),
    }),
  },
  { outputFields: (t) => ({ file: t.field({ type: StoredFileRef, resolve: (p) => p.file }) }) },
);

builder.relayMutationField(
  'createUploadUrl',
  {
    inputFields: (t) => ({
      ownerId: t.globalID({ required: true, description: 'A UseCase, ModelVersion or Artifact.' }),
      fileType: t.field({ type: FileTypeEnum, required: true }),
      filename: t.string({ required: true }),
      contentType: t.string(),
      size: t.field({ type: 'BigInt', required: true, description: 'Exact byte length the client will PUT.' }),
      checksumSha256: t.string({ required: true, description: 'Hex SHA-256 of the bytes; checked by completeUpload.' }),
    }),
  },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(createUploadUrlErrors), directResult: true },
    resolve: (_root, { input }, ctx) =>
      createUploadUrl(commandContext(ctx), { ...input, owner: { type: input.ownerId.typename, id: input.ownerId.id } }),
  },
  {
    outputFields: (t) => ({
      file: t.field({ type: StoredFileRef, description: 'PENDING until completeUpload.', resolve: (p) => p.file }),
      url: t.string({ description: 'PUT the bytes here.', resolve: (p) => p.upload.url }),
      headers: t.field({ type: 'JSON', description: 'Headers the PUT must carry (e.g. content-type).', resolve: (p) => p.upload.headers }),
      expiresAt: t.field({ type: 'DateTime', resolve: (p) => p.upload.expiresAt }),
    }),
  },
);

builder.relayMutationField(
  'completeUpload',
  { inputFields: (t) => ({ fileId: t.globalID({ required: true, for: StoredFileRef }) }) },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(completeUploadErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({ file: await completeUpload(commandContext(ctx), { fileId: input.fileId.id }) }),
  },
  { outputFields: (t) => ({ file: t.field({ type: StoredFileRef, resolve: (p) => p.file }) }) },
);

builder.relayMutationField(
  'deleteFile',
  { inputFields: (t) => ({ fileId: t.globalID({ required: true, for: StoredFileRef }) }) },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(deleteFileErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({ file: await deleteFile(commandContext(ctx), { fileId: input.fileId.id }) }),
  },
  { outputFields: (t) => ({ file: t.field({ type: StoredFileRef, resolve: (p) => p.file }) }) },
);
