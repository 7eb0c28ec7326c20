// Extractions (seed 003): the type with its offices and artifacts, the `extractions` query,
// and the queue/worker/review mutations (editor role). Resolvers stay thin: each mutation
// calls one command in src/commands/extractions/.
import { claimExtractionErrors } from '../../commands/extractions/claim-extraction.ts';
import { completeExtractionErrors } from '../../commands/extractions/complete-extraction.ts';
import { enqueueExtractionsErrors } from '../../commands/extractions/enqueue-extractions.ts';
import { failExtractionErrors } from '../../commands/extractions/fail-extraction.ts';
import { validateExtractionErrors } from '../../commands/extractions/validate-extraction.ts';
import { mutationErrors } from './errors.ts';
import type http from 'node:http';
import { ArtifactTooLargeError, LeaseConflictError } from '../../commands/extractions/errors.ts';
import { ARTIFACT_TYPES } from '../../commands/extractions/artifact-content.ts';
import { claimExtraction } from '../../commands/extractions/claim-extraction.ts';
import { completeExtraction } from '../../commands/extractions/complete-extraction.ts';
import { enqueueExtractions } from '../../commands/extractions/enqueue-extractions.ts';
import { failExtraction } from '../../commands/extractions/fail-extraction.ts';
import { validateExtraction } from '../../commands/extractions/validate-extraction.ts';
import { EXTRACTION_RULES, EXTRACTION_STATUSES, type ExtractionStatus } from '../../domain/extraction-state-machine.ts';
import { InvalidTransitionError, StaleVersionError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { artifactSigningSecret, signedArtifactPath } from '../../storage/artifact-urls.ts';
import { openUpload } from '../../storage/multipart-upload.ts';
import { builder } from '../builder.ts';
import { commandContext } from '../command.ts';
import type { GraphQLContext } from '../context.ts';
import { addActivityField } from './activity.ts';
import { COMMON_ERRORS, DomainErrorInterface } from './errors.ts';
import { SortDirection } from './scalars.ts';
import { officeAddressFields } from './office-fields.ts';

export const ExtractionStatusEnum = builder.enumType('ExtractionStatus', { values: EXTRACTION_STATUSES });
const ArtifactTypeEnum = builder.enumType('ExtractionArtifactType', { values: ARTIFACT_TYPES });
const DecisionEnum = builder.enumType('ValidationDecision', { values: ['APPROVE', 'REJECT'] as const });

export const ExtractionRef = builder.prismaNode('Extraction', {
  id: { field: 'id' },
  description: 'One attempt to find a member\'s district offices. Its provenance is its `activity`.',
  fields: (t) => ({
    member: t.relation('member'),
    status: t.field({ type: ExtractionStatusEnum, resolve: (e) => e.status as ExtractionStatus }),
    priority: t.exposeInt('priority'),
    retryCount: t.exposeInt('retryCount'),
    errorMessage: t.exposeString('errorMessage', { nullable: true }),
    sourceUrl: t.exposeString('sourceUrl', { nullable: true }),
    worker: t.exposeString('worker', { nullable: true, description: 'The worker holding the lease while EXTRACTING.' }),
    leaseExpiresAt: t.expose('leaseExpiresAt', { type: 'DateTime', nullable: true }),
    extractedAt: t.expose('extractedAt', { type: 'DateTime', nullable: true }),
    validatedAt: t.expose('validatedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version', { description: 'Pass as `expectedVersion` to make a write fail if someone changed the extraction.' }),
    offices: t.relation('offices', { description: 'What the worker found, in its order.', query: () => ({ orderBy: { position: 'asc' } }) }),
    artifacts: t.relation('artifacts', { query: () => ({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

addActivityField(ExtractionRef);

builder.prismaObject('ExtractedOffice', {
  fields: (t) => ({
    position: t.exposeInt('position'),
    ...officeAddressFields(t),
  }),
});

/** Where this server can be reached: PUBLIC_URL, else the address the request came in on (not the client's Host header). */
function origin(ctx: GraphQLContext): string {
  const publicUrl = ctx.services.config.blobs.publicUrl;
  if (publicUrl) return publicUrl.replace(/\/$/, '');
  const req = (ctx as unknown as { req?: http.IncomingMessage }).req;
  const host = req?.socket.localAddress ?? ctx.services.config.host;
  const port = req?.socket.localPort ?? ctx.services.config.port;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

builder.prismaNode('ExtractionArtifact', {
  id: { field: 'id' },
  // Select mode: the compressed content never leaves the database unless downloaded.
  select: { id: true },
  description: 'A file an extraction produced, stored gzip-compressed in the database.',
  fields: (t) => ({
    artifactType: t.field({ type: ArtifactTypeEnum, select: { artifactType: true }, resolve: (a) => a.artifactType as (typeof ARTIFACT_TYPES)[number] }),
    filename: t.exposeString('filename'),
    contentType: t.exposeString('contentType'),
    size: t.exposeInt('size', { description: 'Bytes, uncompressed.' }),
    storedSize: t.exposeInt('storedSize', { description: 'Bytes as stored (compressed when `compressed`).' }),
    compressed: t.exposeBoolean('compressed'),
    checksumSha256: t.exposeString('checksumSha256', { description: 'Of the uncompressed bytes.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    downloadUrl: t.string({
      description: 'A signed, expiring URL serving the decompressed bytes sandboxed (CSP sandbox, nosniff). No API key needed.',
      resolve: (a, _args, ctx) => {
        const expires = Date.now() + ctx.services.config.blobs.downloadUrlTtlMs;
        return origin(ctx) + signedArtifactPath(artifactSigningSecret(ctx.services.config), a.id, expires);
      },
    }),
  }),
});

// ------------------------------------------------------------------ queries

const ExtractionFilter = builder.inputType('ExtractionFilter', {
  fields: (t) => ({
    status: t.field({ type: [ExtractionStatusEnum], description: 'Any of these statuses.' }),
    bioguideId: t.string(),
  }),
});

const ExtractionOrderField = builder.enumType('ExtractionOrderField', { values: ['CREATED_AT', 'UPDATED_AT', 'PRIORITY'] as const });
const ExtractionOrder = builder.inputType('ExtractionOrder', {
  fields: (t) => ({
    field: t.field({ type: ExtractionOrderField, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'ASC' }),
  }),
});

function extractionWhere(filter: { status?: readonly string[] | null; bioguideId?: string | null } | null | undefined): Prisma.ExtractionWhereInput {
  return { status: filter?.status?.length ? { in: [...filter.status] } : undefined, bioguideId: filter?.bioguideId ?? undefined };
}

const orderColumn = { CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt', PRIORITY: 'priority' } as const;

const ExtractionRuleRef = builder.objectRef<(typeof EXTRACTION_RULES)[number]>('ExtractionTransitionRule').implement({
  fields: (t) => ({
    from: t.field({ type: ExtractionStatusEnum, resolve: (r) => r.from }),
    to: t.field({ type: ExtractionStatusEnum, resolve: (r) => r.to }),
    event: t.exposeString('event'),
    description: t.exposeString('description'),
  }),
});

builder.queryFields((t) => ({
  extractions: t.prismaConnection({
    type: 'Extraction',
    cursor: 'id',
    description: 'Extractions, oldest first unless `orderBy` says otherwise.',
    args: { filter: t.arg({ type: ExtractionFilter }), orderBy: t.arg({ type: ExtractionOrder }) },
    totalCount: (_parent, args, ctx) => ctx.reader.extraction.count({ where: extractionWhere(args.filter) }),
    resolve: (query, _root, args, ctx) => {
      const direction = args.orderBy?.direction === 'DESC' ? 'desc' : 'asc';
      const column = orderColumn[args.orderBy?.field ?? 'CREATED_AT'];
      return ctx.reader.extraction.findMany({ ...query, where: extractionWhere(args.filter), orderBy: [{ [column]: direction }, { id: direction }] });
    },
  }),
  extractionStateMachine: t.field({ type: [ExtractionRuleRef], description: 'Every allowed move of an extraction.', resolve: () => [...EXTRACTION_RULES] }),
}));

// ------------------------------------------------------------------ errors

builder.objectType(ArtifactTooLargeError, {
  name: 'ArtifactTooLargeError',
  interfaces: [DomainErrorInterface],
  isTypeOf: (v) => v instanceof ArtifactTooLargeError,
  fields: (t) => ({ filename: t.exposeString('filename'), maxBytes: t.exposeInt('maxBytes') }),
});

builder.objectType(LeaseConflictError, {
  name: 'LeaseConflictError',
  interfaces: [DomainErrorInterface],
  description: 'The extraction is leased to another worker (yours expired and it was claimed again).',
  isTypeOf: (v) => v instanceof LeaseConflictError,
  fields: (t) => ({ holder: t.exposeString('holder', { nullable: true }) }),
});

// ------------------------------------------------------------------ mutations

const OfficeInput = builder.inputType('DistrictOfficeInput', {
  fields: (t) => ({
    address: t.string(),
    suite: t.string(),
    building: t.string(),
    city: t.string(),
    state: t.string({ description: 'Two-letter code.' }),
    zip: t.string(),
    phone: t.string(),
    fax: t.string(),
    hours: t.string(),
  }),
});

const ArtifactInput = builder.inputType('ExtractionArtifactInput', {
  fields: (t) => ({
    artifactType: t.field({ type: ArtifactTypeEnum, required: true }),
    file: t.field({ type: 'File', required: true, description: 'Sent with the GraphQL multipart request.' }),
    contentType: t.string({ description: "Overrides the part's content type." }),
  }),
});


builder.relayMutationField(
  'enqueueExtractions',
  {
    inputFields: (t) => ({
      bioguideIds: t.stringList({ description: 'These members…' }),
      withoutOffices: t.boolean({ description: '…or every current member without a validated office.' }),
      priority: t.int({ description: 'Higher is claimed first (default 0).' }),
    }),
  },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(enqueueExtractionsErrors), directResult: true },
    resolve: (_root, { input }, ctx) => enqueueExtractions(commandContext(ctx), input),
  },
  {
    outputFields: (t) => ({
      extractions: t.field({ type: [ExtractionRef], description: 'The new PENDING extractions.', resolve: (p) => p.extractions }),
      skipped: t.stringList({ description: 'Members skipped because they already have an open extraction.', resolve: (p) => p.skipped }),
    }),
  },
);

builder.relayMutationField(
  'claimExtraction',
  {
    inputFields: (t) => ({
      worker: t.string({ required: true, description: 'Who is claiming; completeExtraction/failExtraction may name it to check the lease.' }),
      leaseSeconds: t.int({ description: 'How long the lease lasts (default EXTRACTION_DEFAULT_LEASE); after that the extraction goes back to PENDING.' }),
    }),
  },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(claimExtractionErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({ extraction: await claimExtraction(commandContext(ctx), input) }),
  },
  { outputFields: (t) => ({ extraction: t.field({ type: ExtractionRef, nullable: true, description: 'null when the queue is empty.', resolve: (p) => p.extraction }) }) },
);

builder.relayMutationField(
  'completeExtraction',
  {
    inputFields: (t) => ({
      id: t.globalID({ required: true, for: ExtractionRef }),
      worker: t.string(),
      sourceUrl: t.string({ description: 'The page the offices came from, when not the queued one.' }),
      offices: t.field({ type: [OfficeInput], required: true }),
      artifacts: t.field({ type: [ArtifactInput] }),
      expectedVersion: t.int(),
    }),
  },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(completeExtractionErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({
      extraction: await completeExtraction(commandContext(ctx), {
        ...input,
        id: input.id.id,
        artifacts: (input.artifacts ?? []).map((a, i) => ({
          artifactType: a.artifactType,
          contentType: a.contentType,
          open: () => openUpload(a.file, `artifacts.${i}.file`),
        })),
      }),
    }),
  },
  { outputFields: (t) => ({ extraction: t.field({ type: ExtractionRef, resolve: (p) => p.extraction }) }) },
);

builder.relayMutationField(
  'failExtraction',
  {
    inputFields: (t) => ({
      id: t.globalID({ required: true, for: ExtractionRef }),
      error: t.string({ required: true }),
      retryable: t.boolean({ description: 'true: back to PENDING while retries remain (EXTRACTION_MAX_RETRIES).' }),
      worker: t.string(),
      expectedVersion: t.int(),
    }),
  },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(failExtractionErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({ extraction: await failExtraction(commandContext(ctx), { ...input, id: input.id.id }) }),
  },
  { outputFields: (t) => ({ extraction: t.field({ type: ExtractionRef, resolve: (p) => p.extraction }) }) },
);

builder.relayMutationField(
  'validateExtraction',
  {
    inputFields: (t) => ({
      id: t.globalID({ required: true, for: ExtractionRef }),
      decision: t.field({ type: DecisionEnum, required: true }),
      offices: t.field({ type: [OfficeInput], description: "The reviewer's corrected offices; omitted: approve what the worker found." }),
      notes: t.string(),
      expectedVersion: t.int(),
    }),
  },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(validateExtractionErrors), directResult: true },
    resolve: (_root, { input }, ctx) => validateExtraction(commandContext(ctx), { ...input, id: input.id.id }),
  },
  {
    outputFields: (t) => ({
      extraction: t.field({ type: ExtractionRef, resolve: (p) => p.extraction }),
      offices: t.prismaField({
        type: ['ValidatedOffice'],
        description: 'The validated offices this approval wrote or confirmed.',
        resolve: (query, p, _args, ctx) => (p.offices.length ? ctx.reader.validatedOffice.findMany({ ...query, where: { officeId: { in: p.offices.map((o) => o.officeId) } }, orderBy: { officeId: 'asc' } }) : []),
      }),
    }),
  },
);
