// Artifacts (seed 001): the type, `artifacts(queries)` and the two mutations. The optional
// file of createArtifact arrives through the GraphQL multipart request (streamed, see
// src/storage/multipart-upload.ts).
import { createArtifact, createArtifactErrors } from '../../commands/artifacts/create-artifact.ts';
import { deleteArtifact, deleteArtifactErrors } from '../../commands/artifacts/delete-artifact.ts';
import { ValidationError } from '../../errors.ts';
import { openUpload } from '../../storage/multipart-upload.ts';
import { builder } from '../builder.ts';
import { commandContext } from '../command.ts';
import { encodeId } from '../global-id.ts';
import { addActivityField } from './activity.ts';
import { mutationErrors } from './errors.ts';

export const ArtifactRef = builder.prismaNode('Artifact', {
  id: { field: 'id' },
  nullable: true,
  description: 'A registered artifact: a name and type, with a URL and/or a stored file.',
  fields: (t) => ({
    name: t.exposeString('name'),
    type: t.exposeString('type'),
    url: t.exposeString('url', { nullable: true, description: 'An external location, when the artifact is not (only) stored here.' }),
    file: t.relation('file', { nullable: true, description: 'The stored file, when one was uploaded.' }),
    metadata: t.expose('metadata', { type: 'JSON' }),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

addActivityField(ArtifactRef);

const ArtifactQuery = builder.inputType('ArtifactQuery', {
  description: 'Matches artifacts with this exact name ("*" for any name) and, if given, one of these types.',
  fields: (t) => ({
    name: t.string({ required: true }),
    types: t.stringList(),
  }),
});

/** Enforced before execution for every list argument (src/graphql/plugins/input-limits.ts). */
const MAX_QUERIES = 50;

builder.queryField('artifacts', (t) =>
  t.prismaConnection({
    type: 'Artifact',
    cursor: 'id',
    description: 'Artifacts matching any of `queries` (OR-ed), newest first. No queries: all artifacts.',
    args: { queries: t.arg({ type: [ArtifactQuery], description: `At most ${MAX_QUERIES}.`, extensions: { maxItems: MAX_QUERIES } }) },
    totalCount: (_parent, args, ctx) => ctx.reader.artifact.count({ where: artifactWhere(args.queries) }),
    resolve: (query, _root, args, ctx) =>
      ctx.reader.artifact.findMany({ ...query, where: artifactWhere(args.queries), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
);

function artifactWhere(queries: ReadonlyArray<{ name: string; types?: readonly string[] | null }> | null | undefined) {
  if (!queries?.length) return {};
  // Prisma reads an empty object inside OR as "matches nothing": a match-all query is no filter.
  if (queries.some((q) => q.name === '*' && !q.types?.length)) return {};
  return {
    OR: queries.map((q) => ({
      name: q.name === '*' ? undefined : q.name,
      type: q.types?.length ? { in: [...q.types] } : undefined,
    })),
  };
}

builder.relayMutationField(
  'createArtifact',
  {
    inputFields: (t) => ({
      name: t.string({ required: true }),
      type: t.string({ required: true }),
      url: t.string(),
      metadata: t.field({ type: 'JSON' }),
      file: t.field({ type: 'File', description: 'Optional: the artifact\'s bytes, sent with the GraphQL multipart request.' }),
    }),
  },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(createArtifactErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({
      artifact: await createArtifact(commandContext(ctx), { ...input, upload: input.file ? await openUpload(input.file) : null }),
    }),
  },
  { outputFields: (t) => ({ artifact: t.field({ type: ArtifactRef, resolve: (p) => p.artifact }) }) },
);

builder.relayMutationField(
  'deleteArtifact',
  { inputFields: (t) => ({ id: t.globalID({ required: true, for: ArtifactRef }) }) },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(deleteArtifactErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({ deleted: await deleteArtifact(commandContext(ctx), { id: input.id.id }) }),
  },
  {
    outputFields: (t) => ({
      deletedArtifactId: t.id({ resolve: (p) => encodeId('Artifact', p.deleted.id) }),
      name: t.string({ resolve: (p) => p.deleted.name }),
    }),
  },
);
