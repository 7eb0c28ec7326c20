// Campaign jobs (seed 004): the type, lists, FTS5 search, statistics, and the writes. Every
// resolver is a thin call into src/commands/jobs/.
import { createJob, createJobErrors } from '../../commands/jobs/create-job.ts';
import { deleteJob, deleteJobErrors } from '../../commands/jobs/delete-job.ts';
import { exportJobs, exportJobsErrors } from '../../commands/jobs/export-jobs.ts';
import { importJobs, importJobsErrors } from '../../commands/jobs/import-jobs.ts';
import { jobStatistics, type JobStatistics, type KeyCount } from '../../commands/jobs/job-statistics.ts';
import { type JobSearchEdge, type JobSearchPage, searchJobs } from '../../commands/jobs/search-jobs.ts';
import { updateJob, updateJobErrors } from '../../commands/jobs/update-job.ts';
import { JOB_SEARCH_COLUMNS, type JobSearchColumn, type JobSearchFilter } from '../../db/fts.ts';
import { MAX_QUERY_CHARS } from '../../domain/fts-query.ts';
import { StorageError, ValidationError } from '../../errors.ts';
import type { RejectedEntry } from '../../importers/jobs-yaml.ts';
import { openUpload } from '../../storage/multipart-upload.ts';
import { builder } from '../builder.ts';
import { commandContext } from '../command.ts';
import { pageSize } from '../page.ts';
import { connectionSelectsNodeField } from '../selection.ts';
import { addActivityField } from './activity.ts';
import { StoredFileRef } from './file.ts';
import { mutationErrors } from './errors.ts';
import { SortDirection } from './scalars.ts';

// searchJobs reads only the columns its selection shows (searchColumns below): each field
// here that reads a column other than `id` must be named like that column.
export const JobRef = builder.prismaNode('Job', {
  id: { field: 'id' },
  nullable: true,
  description: 'A campaign job. `data` is the complete job as it appears in campaigns.yaml.',
  fields: (t) => ({
    jobId: t.exposeString('id', { description: 'The job id from campaigns.yaml (e.g. "abc123").' }),
    jobName: t.exposeString('jobName'),
    product: t.exposeString('product', { nullable: true }),
    persona: t.exposeString('persona', { nullable: true }),
    setting: t.exposeString('setting', { nullable: true }),
    emotion: t.exposeString('emotion', { nullable: true }),
    hook: t.exposeString('hook', { nullable: true }),
    voiceId: t.exposeString('voiceId', { nullable: true, description: 'The ElevenLabs voice id.' }),
    language: t.exposeString('language'),
    brandName: t.exposeString('brandName', { nullable: true }),
    enabled: t.exposeBoolean('enabled'),
    data: t.field({ type: 'JSON', resolve: (j) => JSON.parse(j.data) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

addActivityField(JobRef);

// ------------------------------------------------------------------ queries

const JobFilter = builder.inputType('JobFilter', {
  fields: (t) => ({
    enabled: t.boolean(),
    product: t.string({ description: 'Exact product name.' }),
    persona: t.string(),
    language: t.string(),
  }),
});

const JobOrderField = builder.enumType('JobOrderField', { values: ['CREATED_AT', 'UPDATED_AT', 'JOB_NAME'] as const });
const JobOrder = builder.inputType('JobOrder', {
  fields: (t) => ({
    field: t.field({ type: JobOrderField, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'ASC' }),
  }),
});
const orderColumn = { CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt', JOB_NAME: 'jobName' } as const;

function jobWhere(filter: JobSearchFilter | null | undefined) {
  return {
    enabled: filter?.enabled ?? undefined,
    product: filter?.product ?? undefined,
    persona: filter?.persona ?? undefined,
    language: filter?.language ?? undefined,
  };
}

// Documents are parsed once and cached (Yoga), so a field node is a stable key.
const searchColumnsCache = new WeakMap<object, ReadonlySet<JobSearchColumn>>();

/** The Job columns a searchJobs selection shows (`edges { node { … } }`): each Job field is named like its column. */
function searchColumns(info: Parameters<typeof connectionSelectsNodeField>[0]): ReadonlySet<JobSearchColumn> {
  const key = info.fieldNodes[0];
  const cached = key && searchColumnsCache.get(key);
  if (cached) return cached;
  const columns = new Set(JOB_SEARCH_COLUMNS.filter((c) => connectionSelectsNodeField(info, c)));
  if (key) searchColumnsCache.set(key, columns);
  return columns;
}

const JobSearchEdgeRef = builder.objectRef<JobSearchEdge>('JobSearchEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: JobRef, resolve: (e) => e.node }),
    score: t.exposeFloat('score', { description: 'Relevance (negated bm25; higher is better, comparable within one search only).' }),
    snippet: t.exposeString('snippet', {
      nullable: true,
      description: 'HTML-escaped text around the matching words, each wrapped in <mark>…</mark>.',
    }),
  }),
});

const SearchPageInfoRef = builder.objectRef<JobSearchPage['pageInfo']>('JobSearchPageInfo').implement({
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage'),
    startCursor: t.exposeString('startCursor', { nullable: true }),
    endCursor: t.exposeString('endCursor', { nullable: true }),
  }),
});

const JobSearchConnectionRef = builder.objectRef<JobSearchPage>('JobSearchConnection').implement({
  description: 'Search results, best match first.',
  fields: (t) => ({
    edges: t.field({ type: [JobSearchEdgeRef], resolve: (p) => p.edges }),
    pageInfo: t.field({ type: SearchPageInfoRef, resolve: (p) => p.pageInfo }),
    terms: t.exposeStringList('terms', { description: 'The words searched for (all required; the last one as a prefix).' }),
    truncated: t.exposeBoolean('truncated', { description: `True when the query was cut (over ${MAX_QUERY_CHARS} characters or too many words).` }),
  }),
});

const KeyCountRef = builder.objectRef<KeyCount>('JobKeyCount').implement({
  fields: (t) => ({
    key: t.exposeString('key', { nullable: true, description: 'null counts the jobs without a value.' }),
    count: t.exposeInt('count'),
  }),
});

const JobStatisticsRef = builder.objectRef<JobStatistics>('JobStatistics').implement({
  fields: (t) => ({
    totalJobs: t.exposeInt('totalJobs'),
    enabledJobs: t.exposeInt('enabledJobs'),
    disabledJobs: t.exposeInt('disabledJobs'),
    byProduct: t.field({ type: [KeyCountRef], resolve: (s) => s.byProduct }),
    byLanguage: t.field({ type: [KeyCountRef], resolve: (s) => s.byLanguage }),
    byPersona: t.field({ type: [KeyCountRef], resolve: (s) => s.byPersona }),
  }),
});

builder.queryFields((t) => ({
  job: t.prismaField({
    type: JobRef,
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: JobRef }) },
    resolve: (query, _root, args, ctx) => ctx.reader.job.findUnique({ ...query, where: { id: args.id.id } }),
  }),
  jobs: t.prismaConnection({
    type: 'Job',
    cursor: 'id',
    args: { filter: t.arg({ type: JobFilter }), orderBy: t.arg({ type: JobOrder }) },
    totalCount: (_parent, args, ctx) => ctx.reader.job.count({ where: jobWhere(args.filter) }),
    resolve: (query, _root, args, ctx) => {
      const column = orderColumn[args.orderBy?.field ?? 'CREATED_AT'];
      const direction = args.orderBy?.direction === 'DESC' ? 'desc' : 'asc';
      // seq breaks ties so pages are stable when many jobs share a name or timestamp.
      return ctx.reader.job.findMany({ ...query, where: jobWhere(args.filter), orderBy: [{ [column]: direction }, { seq: direction }] });
    },
  }),
  searchJobs: t.field({
    type: JobSearchConnectionRef,
    description:
      'Full-text search over name, product, persona, setting, emotion, hook and brand. Every word must match ' +
      '(the last as a prefix, accents ignored); search syntax in the text is treated as plain words.',
    args: {
      query: t.arg.string({ required: true }),
      filter: t.arg({ type: JobFilter }),
      first: t.arg.int(),
      after: t.arg.string(),
    },
    errors: { types: [ValidationError], directResult: true },
    resolve: (_root, args, ctx, info) =>
      searchJobs(ctx.sql, {
        query: args.query,
        filter: args.filter,
        size: pageSize(args.first),
        after: args.after,
        columns: searchColumns(info),
      }),
  }),
  jobStatistics: t.field({ type: JobStatisticsRef, resolve: (_root, _args, ctx) => jobStatistics(ctx.reader) }),
}));

// ------------------------------------------------------------------ mutations

/** The job fields a client may set; null clears an optional one. */
function jobInputFields(t: PothosSchemaTypes.InputFieldBuilder<typeof builder.$inferSchemaTypes, 'InputObject'>) {
  return {
    product: t.string(),
    persona: t.string(),
    setting: t.string(),
    emotion: t.string(),
    hook: t.string(),
    voiceId: t.string(),
    language: t.string({ description: 'Defaults to English.' }),
    brandName: t.string(),
    enabled: t.boolean(),
    extra: t.field({ type: 'JSON', description: 'Other keys of the job mapping, merged at the top level (null removes a key).' }),
  };
}

function extraObject(value: unknown): Record<string, unknown> | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'object' || Array.isArray(value)) throw new ValidationError('extra', 'must be a JSON object');
  return value as Record<string, unknown>;
}

builder.relayMutationField(
  'createJob',
  {
    inputFields: (t) => ({
      id: t.string({ description: 'The job id; a short random one when absent.' }),
      jobName: t.string({ required: true }),
      ...jobInputFields(t),
    }),
  },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(createJobErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({
      job: await createJob(commandContext(ctx), { ...input, extra: extraObject(input.extra) }),
    }),
  },
  { outputFields: (t) => ({ job: t.field({ type: JobRef, resolve: (p) => p.job }) }) },
);

builder.relayMutationField(
  'updateJob',
  {
    inputFields: (t) => ({
      id: t.globalID({ required: true, for: JobRef }),
      jobName: t.string(),
      ...jobInputFields(t),
    }),
  },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(updateJobErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => ({
      job: await updateJob(commandContext(ctx), { ...input, id: input.id.id, extra: extraObject(input.extra) }),
    }),
  },
  { outputFields: (t) => ({ job: t.field({ type: JobRef, resolve: (p) => p.job }) }) },
);

builder.relayMutationField(
  'deleteJob',
  { inputFields: (t) => ({ id: t.globalID({ required: true, for: JobRef }) }) },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(deleteJobErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => {
      const job = await deleteJob(commandContext(ctx), { id: input.id.id });
      return { deletedJobId: job.id };
    },
  },
  {
    outputFields: (t) => ({
      deletedJobId: t.exposeString('deletedJobId', { description: 'The job id (campaigns.yaml) of the deleted job.' }),
    }),
  },
);

/** Refuse files far beyond any real campaigns.yaml (the import streams; strict keeps the bytes). */
const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

const RejectedEntryRef = builder.objectRef<RejectedEntry>('JobImportRejection').implement({
  fields: (t) => ({
    index: t.exposeInt('index', { description: '0-based position in the file.' }),
    line: t.exposeInt('line', { nullable: true }),
    jobId: t.exposeString('id', { nullable: true }),
    reason: t.exposeString('reason'),
  }),
});

builder.relayMutationField(
  'importJobs',
  {
    inputFields: (t) => ({
      file: t.field({ type: 'File', required: true, description: 'campaigns.yaml: a list of jobs or a mapping with `jobs:`.' }),
      strict: t.boolean({ description: 'Import nothing if any entry is rejected.', defaultValue: false }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: { types: mutationErrors(importJobsErrors), directResult: true },
    resolve: async (_root, { input }, ctx) => {
      // The YAML reader (the `yaml` package, ~9 MB) loads with the first import, not at start.
      const { cappedBytes, readCapped, readJobEntries } = await import('../../importers/jobs-yaml-stream.ts');
      const upload = await openUpload(input.file);
      // Entries stream through once; strict reads them twice, so it keeps the (capped) bytes.
      const bytes = input.strict ? await readCapped(upload.stream, MAX_IMPORT_BYTES) : null;
      const entries = () => readJobEntries(bytes ? [bytes] : cappedBytes(upload.stream, MAX_IMPORT_BYTES));
      return importJobs(commandContext(ctx), { entries, strict: input.strict ?? false, source: `upload ${upload.filename}` });
    },
  },
  {
    outputFields: (t) => ({
      found: t.exposeInt('found'),
      imported: t.exposeInt('imported', { description: 'New jobs.' }),
      updated: t.exposeInt('updated'),
      unchanged: t.exposeInt('unchanged'),
      rejected: t.field({ type: [RejectedEntryRef], resolve: (r) => r.rejected }),
    }),
  },
);

builder.relayMutationField(
  'exportJobs',
  {
    inputFields: (t) => ({
      note: t.string({ description: 'Recorded in the activity entry.' }),
      store: t.boolean({ description: 'Also keep the YAML in the blob store as an EXPORT file.', defaultValue: true }),
    }),
  },
  {
    authScopes: { editor: true },
    errors: { types: mutationErrors(exportJobsErrors), directResult: true },
    resolve: (_root, { input }, ctx) =>
      exportJobs(commandContext(ctx), { destination: input.note ? `GraphQL (${input.note})` : 'GraphQL', store: input.store ?? true }),
  },
  {
    outputFields: (t) => ({
      yaml: t.exposeString('yaml', { description: 'campaigns.yaml text; importing it changes nothing.' }),
      count: t.exposeInt('count'),
      file: t.field({ type: StoredFileRef, nullable: true, description: 'The stored copy (null when store: false).', resolve: (r) => r.file }),
    }),
  },
);
