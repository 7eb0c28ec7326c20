/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A whole number that may exceed 2^31 (file sizes). Serialized as a JSON number while it is a safe integer. */
  BigInt: { input: number | string; output: number | string; }
  /** An instant as an ISO-8601 string in UTC, e.g. 2026-01-31T12:00:00.000Z. */
  DateTime: { input: string; output: string; }
  /** A file sent with the GraphQL multipart request (see docs/clients.md#uploads). */
  File: { input: File; output: File; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
};

export type ActivityAddedFilter = {
  /** Global ID of the subject. */
  subjectId?: InputMaybe<Scalars['ID']['input']>;
  /** Activity types, e.g. ["state_changed"]. */
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type ActivityConnection = {
  __typename?: 'ActivityConnection';
  edges: Array<ActivityEdge>;
  pageInfo: PageInfo;
};

export type ActivityEdge = {
  __typename?: 'ActivityEdge';
  cursor: Scalars['String']['output'];
  node: ActivityLogEntry;
};

export type ActivityFilter = {
  /** Only entries created at or after this instant. */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /** Global ID of the subject. */
  subjectId?: InputMaybe<Scalars['ID']['input']>;
  /** Activity types, e.g. ["state_changed"]. */
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** One thing that happened, written in the same transaction as the change it records. */
export type ActivityLogEntry = Node & {
  __typename?: 'ActivityLogEntry';
  activityType: Scalars['String']['output'];
  actor: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Pass as `after` to `activity` or `activityAdded` to continue after this entry. */
  cursor: Scalars['String']['output'];
  description: Scalars['String']['output'];
  details: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  /** What the entry is about; null when that record no longer exists or is not a node. */
  subject?: Maybe<Node>;
  subjectType: Scalars['String']['output'];
};

/** A registered artifact: a name and type, with a URL and/or a stored file. */
export type Artifact = Node & {
  __typename?: 'Artifact';
  /** Activity about this record, newest first. */
  activity: ActivityConnection;
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  /** The stored file, when one was uploaded. */
  file?: Maybe<StoredFile>;
  id: Scalars['ID']['output'];
  metadata: Scalars['JSON']['output'];
  name: Scalars['String']['output'];
  type: Scalars['String']['output'];
  /** An external location, when the artifact is not (only) stored here. */
  url?: Maybe<Scalars['String']['output']>;
};


/** A registered artifact: a name and type, with a URL and/or a stored file. */
export type ArtifactActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Matches artifacts with this exact name ("*" for any name) and, if given, one of these types. */
export type ArtifactQuery = {
  name: Scalars['String']['input'];
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type ArtifactTooLargeError = DomainError & {
  __typename?: 'ArtifactTooLargeError';
  code: Scalars['String']['output'];
  filename: Scalars['String']['output'];
  maxBytes: Scalars['Int']['output'];
  message: Scalars['String']['output'];
};

/** A database backup object in the blob store (gzip of a SQLite file), described by its object metadata. */
export type Backup = {
  __typename?: 'Backup';
  /** SHA-256 of the compressed object, verified before a restore. */
  checksumSha256: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  databaseBytes?: Maybe<Scalars['BigInt']['output']>;
  /** Object key; pass to restoreDatabase. */
  key: Scalars['String']['output'];
  label?: Maybe<Scalars['String']['output']>;
  /** Latest migration applied in the backup. */
  schemaVersion?: Maybe<Scalars['String']['output']>;
  /** Bytes of the compressed object. */
  size: Scalars['BigInt']['output'];
  sqliteVersion?: Maybe<Scalars['String']['output']>;
};

export type BackupConnection = {
  __typename?: 'BackupConnection';
  edges: Array<BackupEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type BackupDatabaseInput = {
  /** Free text stored with the backup. */
  label?: InputMaybe<Scalars['String']['input']>;
};

export type BackupDatabasePayload = {
  __typename?: 'BackupDatabasePayload';
  backup: Backup;
  /** Older backups removed by retention (BACKUP_KEEP). */
  prunedKeys: Array<Scalars['String']['output']>;
};

export type BackupEdge = {
  __typename?: 'BackupEdge';
  cursor: Scalars['String']['output'];
  node: Backup;
};

/** A backup or restore refused: BACKUP_FAILED (a check failed, nothing uploaded), BACKUP_NOT_FOUND, BACKUP_CORRUPT (checksum, decompression or integrity_check failed), BACKUP_TOO_NEW (schema newer than this build), RESTORE_FAILED, BACKUP_BY_POSTGRESQL (the gateway keeps its data in PostgreSQL: use pg_dump, base backups and PITR). The live database is unchanged. */
export type BackupError = DomainError & {
  __typename?: 'BackupError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** Another process held the database write lock for longer than the server waits (SQLITE_BUSY_TIMEOUT_MS). Nothing was changed; send the same request again later. */
export type BusyError = DomainError & {
  __typename?: 'BusyError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** Always true: the request may simply be repeated. */
  retryable: Scalars['Boolean']['output'];
  /** How long the server waited for the lock. */
  waitedMs: Scalars['Int']['output'];
};

/** The uploaded object differs in size or SHA-256 from what was declared; it was deleted and the file marked DELETED. */
export type ChecksumMismatchError = DomainError & {
  __typename?: 'ChecksumMismatchError';
  /** null when the size already differed. */
  actualSha256?: Maybe<Scalars['String']['output']>;
  actualSize: Scalars['BigInt']['output'];
  code: Scalars['String']['output'];
  expectedSha256: Scalars['String']['output'];
  expectedSize: Scalars['BigInt']['output'];
  message: Scalars['String']['output'];
};

export type ClaimExtractionInput = {
  /** How long the lease lasts (default EXTRACTION_DEFAULT_LEASE); after that the extraction goes back to PENDING. */
  leaseSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Who is claiming; completeExtraction/failExtraction may name it to check the lease. */
  worker: Scalars['String']['input'];
};

export type ClaimExtractionPayload = {
  __typename?: 'ClaimExtractionPayload';
  /** null when the queue is empty. */
  extraction?: Maybe<Extraction>;
};

export type CompleteExtractionInput = {
  artifacts?: InputMaybe<Array<ExtractionArtifactInput>>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  offices: Array<DistrictOfficeInput>;
  /** The page the offices came from, when not the queued one. */
  sourceUrl?: InputMaybe<Scalars['String']['input']>;
  worker?: InputMaybe<Scalars['String']['input']>;
};

export type CompleteExtractionPayload = {
  __typename?: 'CompleteExtractionPayload';
  extraction: Extraction;
};

export type CompleteUploadInput = {
  fileId: Scalars['ID']['input'];
};

export type CompleteUploadPayload = {
  __typename?: 'CompleteUploadPayload';
  file: StoredFile;
};

export type ConflictError = DomainError & {
  __typename?: 'ConflictError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type CreateArtifactInput = {
  /** Optional: the artifact's bytes, sent with the GraphQL multipart request. */
  file?: InputMaybe<Scalars['File']['input']>;
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  name: Scalars['String']['input'];
  type: Scalars['String']['input'];
  url?: InputMaybe<Scalars['String']['input']>;
};

export type CreateArtifactPayload = {
  __typename?: 'CreateArtifactPayload';
  artifact: Artifact;
};

export type CreateJobInput = {
  brandName?: InputMaybe<Scalars['String']['input']>;
  emotion?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Other keys of the job mapping, merged at the top level (null removes a key). */
  extra?: InputMaybe<Scalars['JSON']['input']>;
  hook?: InputMaybe<Scalars['String']['input']>;
  /** The job id; a short random one when absent. */
  id?: InputMaybe<Scalars['String']['input']>;
  jobName: Scalars['String']['input'];
  /** Defaults to English. */
  language?: InputMaybe<Scalars['String']['input']>;
  persona?: InputMaybe<Scalars['String']['input']>;
  product?: InputMaybe<Scalars['String']['input']>;
  setting?: InputMaybe<Scalars['String']['input']>;
  voiceId?: InputMaybe<Scalars['String']['input']>;
};

export type CreateJobPayload = {
  __typename?: 'CreateJobPayload';
  job: Job;
};

export type CreateUploadUrlInput = {
  /** Hex SHA-256 of the bytes; checked by completeUpload. */
  checksumSha256: Scalars['String']['input'];
  contentType?: InputMaybe<Scalars['String']['input']>;
  fileType: FileType;
  filename: Scalars['String']['input'];
  /** A UseCase, ModelVersion or Artifact. */
  ownerId: Scalars['ID']['input'];
  /** Exact byte length the client will PUT. */
  size: Scalars['BigInt']['input'];
};

export type CreateUploadUrlPayload = {
  __typename?: 'CreateUploadUrlPayload';
  expiresAt: Scalars['DateTime']['output'];
  /** PENDING until completeUpload. */
  file: StoredFile;
  /** Headers the PUT must carry (e.g. content-type). */
  headers: Scalars['JSON']['output'];
  /** PUT the bytes here. */
  url: Scalars['String']['output'];
};

export type CreateUseCaseInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  teamEmail: Scalars['String']['input'];
};

export type CreateUseCasePayload = {
  __typename?: 'CreateUseCasePayload';
  useCase: UseCase;
};

export type CreateWebhookInput = {
  /** Activity types, e.g. ["state_changed", "job_created"]; any of webhookEventTypes. */
  events: Array<Scalars['String']['input']>;
  /** The HMAC key; generated when absent. */
  secret?: InputMaybe<Scalars['String']['input']>;
  /** http: or https:; checked against WEBHOOK_ALLOWED_HOSTS and the private-address policy. */
  url: Scalars['String']['input'];
};

export type CreateWebhookPayload = {
  __typename?: 'CreateWebhookPayload';
  /** The signing secret. Shown only here: store it with the receiver. */
  secret: Scalars['String']['output'];
  webhook: Webhook;
};

/** The data a version was trained on, identified by its hash. */
export type DataLineage = {
  __typename?: 'DataLineage';
  dataEndDate?: Maybe<Scalars['DateTime']['output']>;
  dataHash: Scalars['String']['output'];
  dataSource?: Maybe<Scalars['String']['output']>;
  dataStartDate?: Maybe<Scalars['DateTime']['output']>;
  /** Versions trained on this data, newest first. */
  modelVersions: DataLineageModelVersionsConnection;
  numSamples?: Maybe<Scalars['Int']['output']>;
};


/** The data a version was trained on, identified by its hash. */
export type DataLineageModelVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type DataLineageModelVersionsConnection = {
  __typename?: 'DataLineageModelVersionsConnection';
  edges: Array<DataLineageModelVersionsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type DataLineageModelVersionsConnectionEdge = {
  __typename?: 'DataLineageModelVersionsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: ModelVersion;
};

export type DeleteArtifactInput = {
  id: Scalars['ID']['input'];
};

export type DeleteArtifactPayload = {
  __typename?: 'DeleteArtifactPayload';
  deletedArtifactId: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type DeleteFileInput = {
  fileId: Scalars['ID']['input'];
};

export type DeleteFilePayload = {
  __typename?: 'DeleteFilePayload';
  file: StoredFile;
};

export type DeleteJobInput = {
  id: Scalars['ID']['input'];
};

export type DeleteJobPayload = {
  __typename?: 'DeleteJobPayload';
  /** The job id (campaigns.yaml) of the deleted job. */
  deletedJobId: Scalars['String']['output'];
};

export type DeleteModelVersionInput = {
  /** Also remove the stored artifact object (after commit). */
  deleteArtifacts?: InputMaybe<Scalars['Boolean']['input']>;
  /** Delete even the active version (admin); the best remaining one takes over. */
  force?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
};

export type DeleteModelVersionPayload = {
  __typename?: 'DeleteModelVersionPayload';
  artifactDeleted: Scalars['Boolean']['output'];
  /** Global ID of the deleted version. */
  deletedVersionId: Scalars['ID']['output'];
  model: Model;
  newActiveVersion?: Maybe<ModelVersion>;
};

export type DeleteWebhookInput = {
  id: Scalars['ID']['input'];
};

export type DeleteWebhookPayload = {
  __typename?: 'DeleteWebhookPayload';
  deletedWebhookId: Scalars['ID']['output'];
};

/** The disk holding the database is full. Nothing was changed; retry once space is freed. */
export type DiskFullError = DomainError & {
  __typename?: 'DiskFullError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type DistrictOfficeInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  building?: InputMaybe<Scalars['String']['input']>;
  city?: InputMaybe<Scalars['String']['input']>;
  fax?: InputMaybe<Scalars['String']['input']>;
  hours?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Two-letter code. */
  state?: InputMaybe<Scalars['String']['input']>;
  suite?: InputMaybe<Scalars['String']['input']>;
  zip?: InputMaybe<Scalars['String']['input']>;
};

/** An expected failure of a mutation: nothing was changed. */
export type DomainError = {
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type EmailRule = {
  __typename?: 'EmailRule';
  state: Scalars['String']['output'];
  template: Scalars['String']['output'];
};

export type EnqueueExtractionsInput = {
  /** These members… */
  bioguideIds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Higher is claimed first (default 0). */
  priority?: InputMaybe<Scalars['Int']['input']>;
  /** …or every current member without a validated office. */
  withoutOffices?: InputMaybe<Scalars['Boolean']['input']>;
};

export type EnqueueExtractionsPayload = {
  __typename?: 'EnqueueExtractionsPayload';
  /** The new PENDING extractions. */
  extractions: Array<Extraction>;
  /** Members skipped because they already have an open extraction. */
  skipped: Array<Scalars['String']['output']>;
};

export type EvaluationResults = {
  __typename?: 'EvaluationResults';
  recordedAt: Scalars['DateTime']['output'];
  /** The RESULTS file linked by recordEvaluationResults (null once deleted). */
  resultsFile?: Maybe<StoredFile>;
  summary: Scalars['JSON']['output'];
};

export type ExportJobsInput = {
  /** Recorded in the activity entry. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Also keep the YAML in the blob store as an EXPORT file. */
  store?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ExportJobsPayload = {
  __typename?: 'ExportJobsPayload';
  count: Scalars['Int']['output'];
  /** The stored copy (null when store: false). */
  file?: Maybe<StoredFile>;
  /** campaigns.yaml text; importing it changes nothing. */
  yaml: Scalars['String']['output'];
};

export type ExportToUpstreamInput = {
  /** Report what would be written; write nothing. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ExportToUpstreamPayload = {
  __typename?: 'ExportToUpstreamPayload';
  batches: Scalars['Int']['output'];
  dryRun: Scalars['Boolean']['output'];
  inserted: Scalars['Int']['output'];
  officeIds: Array<Scalars['String']['output']>;
  /** Unsynced validated offices sent (or, dry run, that would be). */
  offices: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
  upstream: Scalars['String']['output'];
};

export type ExtractedOffice = {
  __typename?: 'ExtractedOffice';
  address?: Maybe<Scalars['String']['output']>;
  building?: Maybe<Scalars['String']['output']>;
  city?: Maybe<Scalars['String']['output']>;
  fax?: Maybe<Scalars['String']['output']>;
  hours?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  position: Scalars['Int']['output'];
  state?: Maybe<Scalars['String']['output']>;
  suite?: Maybe<Scalars['String']['output']>;
  zip?: Maybe<Scalars['String']['output']>;
};

/** One attempt to find a member's district offices. Its provenance is its `activity`. */
export type Extraction = Node & {
  __typename?: 'Extraction';
  /** Activity about this record, newest first. */
  activity: ActivityConnection;
  artifacts: Array<ExtractionArtifact>;
  createdAt: Scalars['DateTime']['output'];
  errorMessage?: Maybe<Scalars['String']['output']>;
  extractedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  leaseExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  member: Member;
  /** What the worker found, in its order. */
  offices: Array<ExtractedOffice>;
  priority: Scalars['Int']['output'];
  retryCount: Scalars['Int']['output'];
  sourceUrl?: Maybe<Scalars['String']['output']>;
  status: ExtractionStatus;
  updatedAt: Scalars['DateTime']['output'];
  validatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Pass as `expectedVersion` to make a write fail if someone changed the extraction. */
  version: Scalars['Int']['output'];
  /** The worker holding the lease while EXTRACTING. */
  worker?: Maybe<Scalars['String']['output']>;
};


/** One attempt to find a member's district offices. Its provenance is its `activity`. */
export type ExtractionActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A file an extraction produced, stored gzip-compressed in the database. */
export type ExtractionArtifact = Node & {
  __typename?: 'ExtractionArtifact';
  artifactType: ExtractionArtifactType;
  /** Of the uncompressed bytes. */
  checksumSha256: Scalars['String']['output'];
  compressed: Scalars['Boolean']['output'];
  contentType: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** A signed, expiring URL serving the decompressed bytes sandboxed (CSP sandbox, nosniff). No API key needed. */
  downloadUrl: Scalars['String']['output'];
  filename: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Bytes, uncompressed. */
  size: Scalars['Int']['output'];
  /** Bytes as stored (compressed when `compressed`). */
  storedSize: Scalars['Int']['output'];
};

export type ExtractionArtifactInput = {
  artifactType: ExtractionArtifactType;
  /** Overrides the part's content type. */
  contentType?: InputMaybe<Scalars['String']['input']>;
  /** Sent with the GraphQL multipart request. */
  file: Scalars['File']['input'];
};

export type ExtractionArtifactType =
  | 'CLEANED_HTML'
  | 'HTML'
  | 'LLM_RESPONSE'
  | 'VALIDATION_HTML';

export type ExtractionFilter = {
  bioguideId?: InputMaybe<Scalars['String']['input']>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<ExtractionStatus>>;
};

export type ExtractionOrder = {
  direction?: InputMaybe<SortDirection>;
  field: ExtractionOrderField;
};

export type ExtractionOrderField =
  | 'CREATED_AT'
  | 'PRIORITY'
  | 'UPDATED_AT';

export type ExtractionStatus =
  | 'EXTRACTED'
  | 'EXTRACTING'
  | 'FAILED'
  | 'PENDING'
  | 'REJECTED'
  | 'VALIDATED';

export type ExtractionTransitionRule = {
  __typename?: 'ExtractionTransitionRule';
  description: Scalars['String']['output'];
  event: Scalars['String']['output'];
  from: ExtractionStatus;
  to: ExtractionStatus;
};

export type FailExtractionInput = {
  error: Scalars['String']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  /** true: back to PENDING while retries remain (EXTRACTION_MAX_RETRIES). */
  retryable?: InputMaybe<Scalars['Boolean']['input']>;
  worker?: InputMaybe<Scalars['String']['input']>;
};

export type FailExtractionPayload = {
  __typename?: 'FailExtractionPayload';
  extraction: Extraction;
};

export type FileOwner = Artifact | ModelVersion | UseCase;

export type FileType =
  | 'ARTIFACT'
  | 'CONFIG'
  | 'DATASET'
  | 'EXPORT'
  | 'MODEL_ARTIFACT'
  | 'OTHER'
  | 'RESULTS';

export type ImportJobsInput = {
  /** campaigns.yaml: a list of jobs or a mapping with `jobs:`. */
  file: Scalars['File']['input'];
  /** Import nothing if any entry is rejected. */
  strict?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ImportJobsPayload = {
  __typename?: 'ImportJobsPayload';
  found: Scalars['Int']['output'];
  /** New jobs. */
  imported: Scalars['Int']['output'];
  rejected: Array<JobImportRejection>;
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};

/** The requested state change is not allowed now; `allowed` lists the states that are. */
export type InvalidTransitionError = DomainError & {
  __typename?: 'InvalidTransitionError';
  allowed: Array<Scalars['String']['output']>;
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  from: Scalars['String']['output'];
  message: Scalars['String']['output'];
  to: Scalars['String']['output'];
};

/** A campaign job. `data` is the complete job as it appears in campaigns.yaml. */
export type Job = Node & {
  __typename?: 'Job';
  /** Activity about this record, newest first. */
  activity: ActivityConnection;
  brandName?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  data: Scalars['JSON']['output'];
  emotion?: Maybe<Scalars['String']['output']>;
  enabled: Scalars['Boolean']['output'];
  hook?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The job id from campaigns.yaml (e.g. "abc123"). */
  jobId: Scalars['String']['output'];
  jobName: Scalars['String']['output'];
  language: Scalars['String']['output'];
  persona?: Maybe<Scalars['String']['output']>;
  product?: Maybe<Scalars['String']['output']>;
  setting?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** The ElevenLabs voice id. */
  voiceId?: Maybe<Scalars['String']['output']>;
};


/** A campaign job. `data` is the complete job as it appears in campaigns.yaml. */
export type JobActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type JobFilter = {
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  language?: InputMaybe<Scalars['String']['input']>;
  persona?: InputMaybe<Scalars['String']['input']>;
  /** Exact product name. */
  product?: InputMaybe<Scalars['String']['input']>;
};

export type JobImportRejection = {
  __typename?: 'JobImportRejection';
  /** 0-based position in the file. */
  index: Scalars['Int']['output'];
  jobId?: Maybe<Scalars['String']['output']>;
  line?: Maybe<Scalars['Int']['output']>;
  reason: Scalars['String']['output'];
};

export type JobKeyCount = {
  __typename?: 'JobKeyCount';
  count: Scalars['Int']['output'];
  /** null counts the jobs without a value. */
  key?: Maybe<Scalars['String']['output']>;
};

export type JobOrder = {
  direction?: InputMaybe<SortDirection>;
  field: JobOrderField;
};

export type JobOrderField =
  | 'CREATED_AT'
  | 'JOB_NAME'
  | 'UPDATED_AT';

/** Search results, best match first. */
export type JobSearchConnection = {
  __typename?: 'JobSearchConnection';
  edges: Array<JobSearchEdge>;
  pageInfo: JobSearchPageInfo;
  /** The words searched for (all required; the last one as a prefix). */
  terms: Array<Scalars['String']['output']>;
  /** True when the query was cut (over 256 characters or too many words). */
  truncated: Scalars['Boolean']['output'];
};

export type JobSearchEdge = {
  __typename?: 'JobSearchEdge';
  cursor: Scalars['String']['output'];
  node: Job;
  /** Relevance (negated bm25; higher is better, comparable within one search only). */
  score: Scalars['Float']['output'];
  /** HTML-escaped text around the matching words, each wrapped in <mark>…</mark>. */
  snippet?: Maybe<Scalars['String']['output']>;
};

export type JobSearchPageInfo = {
  __typename?: 'JobSearchPageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type JobStatistics = {
  __typename?: 'JobStatistics';
  byLanguage: Array<JobKeyCount>;
  byPersona: Array<JobKeyCount>;
  byProduct: Array<JobKeyCount>;
  disabledJobs: Scalars['Int']['output'];
  enabledJobs: Scalars['Int']['output'];
  totalJobs: Scalars['Int']['output'];
};

/** The extraction is leased to another worker (yours expired and it was claimed again). */
export type LeaseConflictError = DomainError & {
  __typename?: 'LeaseConflictError';
  code: Scalars['String']['output'];
  holder?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

/** A member of Congress as last pulled from upstream (`opsgraph upstream pull` / `syncFromUpstream`). */
export type Member = Node & {
  __typename?: 'Member';
  bioguideId: Scalars['String']['output'];
  contactPage?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** false once upstream no longer lists the member as current (members are never deleted). */
  currentMember: Scalars['Boolean']['output'];
  /** Extractions of this member, newest first. */
  extractions: MemberExtractionsConnection;
  firstName?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastName?: Maybe<Scalars['String']['output']>;
  /** First and last name joined, as in the seed. */
  name: Scalars['String']['output'];
  officialWebsiteUrl?: Maybe<Scalars['String']['output']>;
  /** When a pull last saw the member among the current ones. */
  pulledAt: Scalars['DateTime']['output'];
  state?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** Offices reviewers approved for this member. */
  validatedOffices: Array<ValidatedOffice>;
};


/** A member of Congress as last pulled from upstream (`opsgraph upstream pull` / `syncFromUpstream`). */
export type MemberExtractionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type MemberExtractionsConnection = {
  __typename?: 'MemberExtractionsConnection';
  edges: Array<MemberExtractionsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type MemberExtractionsConnectionEdge = {
  __typename?: 'MemberExtractionsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Extraction;
};

export type MemberFilter = {
  currentMember?: InputMaybe<Scalars['Boolean']['input']>;
  /** Two-letter state code. */
  state?: InputMaybe<Scalars['String']['input']>;
  /** true: current members with no validated office (the seed's get_members_without_offices). */
  withoutOffices?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A model of one type for one sensor; its versions compete on `performanceScore`. */
export type Model = Node & {
  __typename?: 'Model';
  activeVersion?: Maybe<ModelVersion>;
  /** Activity about this record, newest first. */
  activity: ActivityConnection;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The model_id in the legacy JSON registry, when imported. */
  legacyId?: Maybe<Scalars['String']['output']>;
  modelType: Scalars['String']['output'];
  /** Notifications about this record, newest first. */
  notifications: NotificationConnection;
  /** Every change of the active version, newest first. */
  promotions: ModelPromotionsConnection;
  sensorId: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Versions, newest (highest number) first. */
  versions: ModelVersionsConnection;
};


/** A model of one type for one sensor; its versions compete on `performanceScore`. */
export type ModelActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A model of one type for one sensor; its versions compete on `performanceScore`. */
export type ModelNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A model of one type for one sensor; its versions compete on `performanceScore`. */
export type ModelPromotionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A model of one type for one sensor; its versions compete on `performanceScore`. */
export type ModelVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type ModelFilter = {
  modelType?: InputMaybe<Scalars['String']['input']>;
  sensorId?: InputMaybe<Scalars['String']['input']>;
};

export type ModelPromotionsConnection = {
  __typename?: 'ModelPromotionsConnection';
  edges: Array<ModelPromotionsConnectionEdge>;
  pageInfo: PageInfo;
};

export type ModelPromotionsConnectionEdge = {
  __typename?: 'ModelPromotionsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: PromotionEvent;
};

export type ModelTypeStats = {
  __typename?: 'ModelTypeStats';
  activeVersions: Scalars['Int']['output'];
  /** Mean score over all versions; null without versions. */
  averageScore?: Maybe<Scalars['Float']['output']>;
  modelType: Scalars['String']['output'];
  models: Scalars['Int']['output'];
  versions: Scalars['Int']['output'];
};

export type ModelVersion = Node & {
  __typename?: 'ModelVersion';
  /** The StoredFile holding the model artifact. */
  artifactFile?: Maybe<StoredFile>;
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  isActive: Scalars['Boolean']['output'];
  /** The version_id in the legacy JSON registry, when imported. */
  legacyId?: Maybe<Scalars['String']['output']>;
  lineage?: Maybe<DataLineage>;
  model: Model;
  /** Where a legacy artifact lives on disk; new versions use `artifactFile`. */
  modelPath?: Maybe<Scalars['String']['output']>;
  performanceScore: Scalars['Float']['output'];
  trainingConfig: Scalars['JSON']['output'];
  trainingMetrics: Scalars['JSON']['output'];
  trainingTimeSeconds?: Maybe<Scalars['Float']['output']>;
  validationMetrics?: Maybe<Scalars['JSON']['output']>;
  /** False when no held-out validation was recorded (legacy versions without the flag included). */
  validationPerformed: Scalars['Boolean']['output'];
  /** Per model, from 1; never reused, even after deletion. */
  versionNumber: Scalars['Int']['output'];
};

export type ModelVersionFilter = {
  createdAfter?: InputMaybe<Scalars['DateTime']['input']>;
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  dataHash?: InputMaybe<Scalars['String']['input']>;
  minScore?: InputMaybe<Scalars['Float']['input']>;
  modelId?: InputMaybe<Scalars['ID']['input']>;
};

export type ModelVersionOrder = {
  direction?: InputMaybe<SortDirection>;
  field: ModelVersionOrderField;
};

export type ModelVersionOrderField =
  | 'CREATED_AT'
  | 'SCORE'
  | 'VERSION_NUMBER';

export type ModelVersionsConnection = {
  __typename?: 'ModelVersionsConnection';
  edges: Array<ModelVersionsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ModelVersionsConnectionEdge = {
  __typename?: 'ModelVersionsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: ModelVersion;
};

/** Each mutation is one transaction with its activity entry. */
export type Mutation = {
  __typename?: 'Mutation';
  backupDatabase: MutationBackupDatabaseResult;
  claimExtraction: MutationClaimExtractionResult;
  completeExtraction: MutationCompleteExtractionResult;
  completeUpload: MutationCompleteUploadResult;
  createArtifact: MutationCreateArtifactResult;
  createJob: MutationCreateJobResult;
  createUploadUrl: MutationCreateUploadUrlResult;
  createUseCase: MutationCreateUseCaseResult;
  createWebhook: MutationCreateWebhookResult;
  deleteArtifact: MutationDeleteArtifactResult;
  deleteFile: MutationDeleteFileResult;
  deleteJob: MutationDeleteJobResult;
  deleteModelVersion: MutationDeleteModelVersionResult;
  deleteWebhook: MutationDeleteWebhookResult;
  enqueueExtractions: MutationEnqueueExtractionsResult;
  exportJobs: MutationExportJobsResult;
  exportToUpstream: MutationExportToUpstreamResult;
  failExtraction: MutationFailExtractionResult;
  importJobs: MutationImportJobsResult;
  promoteModelVersion: MutationPromoteModelVersionResult;
  recordEvaluationResults: MutationRecordEvaluationResultsResult;
  registerModelVersion: MutationRegisterModelVersionResult;
  restoreDatabase: MutationRestoreDatabaseResult;
  retryNotification: MutationRetryNotificationResult;
  syncFromUpstream: MutationSyncFromUpstreamResult;
  transitionUseCase: MutationTransitionUseCaseResult;
  updateJob: MutationUpdateJobResult;
  updateRegistrySettings: MutationUpdateRegistrySettingsResult;
  updateUseCase: MutationUpdateUseCaseResult;
  uploadFile: MutationUploadFileResult;
  validateExtraction: MutationValidateExtractionResult;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationBackupDatabaseArgs = {
  input: BackupDatabaseInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationClaimExtractionArgs = {
  input: ClaimExtractionInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationCompleteExtractionArgs = {
  input: CompleteExtractionInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationCompleteUploadArgs = {
  input: CompleteUploadInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationCreateArtifactArgs = {
  input: CreateArtifactInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationCreateJobArgs = {
  input: CreateJobInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationCreateUploadUrlArgs = {
  input: CreateUploadUrlInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationCreateUseCaseArgs = {
  input: CreateUseCaseInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationCreateWebhookArgs = {
  input: CreateWebhookInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationDeleteArtifactArgs = {
  input: DeleteArtifactInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationDeleteFileArgs = {
  input: DeleteFileInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationDeleteJobArgs = {
  input: DeleteJobInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationDeleteModelVersionArgs = {
  input: DeleteModelVersionInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationDeleteWebhookArgs = {
  input: DeleteWebhookInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationEnqueueExtractionsArgs = {
  input: EnqueueExtractionsInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationExportJobsArgs = {
  input: ExportJobsInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationExportToUpstreamArgs = {
  input: ExportToUpstreamInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationFailExtractionArgs = {
  input: FailExtractionInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationImportJobsArgs = {
  input: ImportJobsInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationPromoteModelVersionArgs = {
  input: PromoteModelVersionInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationRecordEvaluationResultsArgs = {
  input: RecordEvaluationResultsInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationRegisterModelVersionArgs = {
  input: RegisterModelVersionInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationRestoreDatabaseArgs = {
  input: RestoreDatabaseInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationRetryNotificationArgs = {
  input: RetryNotificationInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationSyncFromUpstreamArgs = {
  input: SyncFromUpstreamInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationTransitionUseCaseArgs = {
  input: TransitionUseCaseInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationUpdateJobArgs = {
  input: UpdateJobInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationUpdateRegistrySettingsArgs = {
  input: UpdateRegistrySettingsInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationUpdateUseCaseArgs = {
  input: UpdateUseCaseInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationUploadFileArgs = {
  input: UploadFileInput;
};


/** Each mutation is one transaction with its activity entry. */
export type MutationValidateExtractionArgs = {
  input: ValidateExtractionInput;
};

export type MutationBackupDatabaseResult = BackupDatabasePayload | BackupError | BusyError | ConflictError | DiskFullError | NotFoundError | StorageError | ValidationError;

export type MutationClaimExtractionResult = BusyError | ClaimExtractionPayload | ConflictError | DiskFullError | InvalidTransitionError | LeaseConflictError | NotFoundError | StaleVersionError | ValidationError;

export type MutationCompleteExtractionResult = ArtifactTooLargeError | BusyError | CompleteExtractionPayload | ConflictError | DiskFullError | InvalidTransitionError | LeaseConflictError | NotFoundError | StaleVersionError | ValidationError;

export type MutationCompleteUploadResult = BusyError | ChecksumMismatchError | CompleteUploadPayload | ConflictError | DiskFullError | NotFoundError | StorageError | UploadTooLargeError | ValidationError;

export type MutationCreateArtifactResult = BusyError | ChecksumMismatchError | ConflictError | CreateArtifactPayload | DiskFullError | NotFoundError | StorageError | UploadTooLargeError | ValidationError;

export type MutationCreateJobResult = BusyError | ConflictError | CreateJobPayload | DiskFullError | NotFoundError | ValidationError;

export type MutationCreateUploadUrlResult = BusyError | ConflictError | CreateUploadUrlPayload | DiskFullError | NotFoundError | StorageError | UploadTooLargeError | ValidationError;

export type MutationCreateUseCaseResult = BusyError | ConflictError | CreateUseCasePayload | DiskFullError | NotFoundError | ValidationError;

export type MutationCreateWebhookResult = BusyError | ConflictError | CreateWebhookPayload | DiskFullError | NotFoundError | ValidationError;

export type MutationDeleteArtifactResult = BusyError | ConflictError | DeleteArtifactPayload | DiskFullError | NotFoundError | StorageError | ValidationError;

export type MutationDeleteFileResult = BusyError | ConflictError | DeleteFilePayload | DiskFullError | NotFoundError | StorageError | ValidationError;

export type MutationDeleteJobResult = BusyError | ConflictError | DeleteJobPayload | DiskFullError | NotFoundError | ValidationError;

export type MutationDeleteModelVersionResult = BusyError | ConflictError | DeleteModelVersionPayload | DiskFullError | NotFoundError | StorageError | ValidationError;

export type MutationDeleteWebhookResult = BusyError | ConflictError | DeleteWebhookPayload | DiskFullError | NotFoundError | ValidationError;

export type MutationEnqueueExtractionsResult = BusyError | ConflictError | DiskFullError | EnqueueExtractionsPayload | InvalidTransitionError | LeaseConflictError | NotFoundError | StaleVersionError | ValidationError;

export type MutationExportJobsResult = BusyError | ConflictError | DiskFullError | ExportJobsPayload | NotFoundError | StorageError | UploadTooLargeError | ValidationError;

export type MutationExportToUpstreamResult = BusyError | ConflictError | DiskFullError | ExportToUpstreamPayload | NotFoundError | UpstreamError | UpstreamNotConfiguredError | ValidationError;

export type MutationFailExtractionResult = BusyError | ConflictError | DiskFullError | FailExtractionPayload | InvalidTransitionError | LeaseConflictError | NotFoundError | StaleVersionError | ValidationError;

export type MutationImportJobsResult = BackupError | BusyError | ConflictError | DiskFullError | ImportJobsPayload | NotFoundError | StorageError | ValidationError;

export type MutationPromoteModelVersionResult = BusyError | ConflictError | DiskFullError | NotFoundError | PromoteModelVersionPayload | ValidationError;

export type MutationRecordEvaluationResultsResult = BusyError | ConflictError | DiskFullError | NotFoundError | RecordEvaluationResultsPayload | StaleVersionError | ValidationError;

export type MutationRegisterModelVersionResult = BusyError | ConflictError | DiskFullError | NotFoundError | RegisterModelVersionPayload | StorageError | UploadTooLargeError | ValidationError;

export type MutationRestoreDatabaseResult = BackupError | BusyError | ConflictError | DiskFullError | NotFoundError | RestoreDatabasePayload | StorageError | ValidationError;

export type MutationRetryNotificationResult = BusyError | ConflictError | DiskFullError | NotFoundError | RetryNotificationPayload | ValidationError;

export type MutationSyncFromUpstreamResult = BusyError | ConflictError | DiskFullError | NotFoundError | SyncFromUpstreamPayload | UpstreamError | UpstreamNotConfiguredError | ValidationError;

export type MutationTransitionUseCaseResult = BusyError | ConflictError | DiskFullError | InvalidTransitionError | NotFoundError | StaleVersionError | TransitionUseCasePayload | ValidationError;

export type MutationUpdateJobResult = BusyError | ConflictError | DiskFullError | NotFoundError | UpdateJobPayload | ValidationError;

export type MutationUpdateRegistrySettingsResult = BusyError | ConflictError | DiskFullError | NotFoundError | UpdateRegistrySettingsPayload | ValidationError;

export type MutationUpdateUseCaseResult = BusyError | ConflictError | DiskFullError | NotFoundError | StaleVersionError | UpdateUseCasePayload | ValidationError;

export type MutationUploadFileResult = BusyError | ConflictError | DiskFullError | NotFoundError | StorageError | UploadFilePayload | UploadTooLargeError | ValidationError;

export type MutationValidateExtractionResult = BusyError | ConflictError | DiskFullError | InvalidTransitionError | LeaseConflictError | NotFoundError | StaleVersionError | ValidateExtractionPayload | ValidationError;

export type Node = {
  id: Scalars['ID']['output'];
};

export type NotFoundError = DomainError & {
  __typename?: 'NotFoundError';
  code: Scalars['String']['output'];
  id: Scalars['String']['output'];
  message: Scalars['String']['output'];
  typeName: Scalars['String']['output'];
};

/** One email or webhook call from the outbox. Its id is the idempotency key: the Message-ID of the mail, the x-opsgraph-delivery header of the webhook call. */
export type Notification = Node & {
  __typename?: 'Notification';
  /** Activity about this record, newest first. */
  activity: ActivityConnection;
  attempts: Scalars['Int']['output'];
  channel: NotificationChannel;
  createdAt: Scalars['DateTime']['output'];
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Every delivery attempt, oldest first. */
  history: Array<NotificationAttempt>;
  id: Scalars['ID']['output'];
  /** The same on every attempt: the mail's Message-ID is <idempotencyKey@MAIL_FROM domain>; a webhook call carries it as x-opsgraph-delivery. */
  idempotencyKey: Scalars['String']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  maxAttempts: Scalars['Int']['output'];
  /** When a PENDING notification is tried next. */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** The activity entry that caused it. */
  source?: Maybe<ActivityLogEntry>;
  status: NotificationStatus;
  subject: Scalars['String']['output'];
  /** The recipient address, or the webhook URL (only its origin below the admin role: such URLs often carry a token). */
  target: Scalars['String']['output'];
};


/** One email or webhook call from the outbox. Its id is the idempotency key: the Message-ID of the mail, the x-opsgraph-delivery header of the webhook call. */
export type NotificationActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type NotificationAttempt = {
  __typename?: 'NotificationAttempt';
  error?: Maybe<Scalars['String']['output']>;
  finishedAt: Scalars['DateTime']['output'];
  number: Scalars['Int']['output'];
  /** DELIVERED, RETRY or FAILED. */
  outcome: Scalars['String']['output'];
  startedAt: Scalars['DateTime']['output'];
  /** The dispatcher (host:pid:random) that made the attempt. */
  worker: Scalars['String']['output'];
};

export type NotificationChannel =
  | 'EMAIL'
  | 'WEBHOOK';

export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  edges: Array<NotificationEdge>;
  pageInfo: PageInfo;
};

export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  cursor: Scalars['String']['output'];
  node: Notification;
};

export type NotificationFilter = {
  channel?: InputMaybe<NotificationChannel>;
  status?: InputMaybe<NotificationStatus>;
};

export type NotificationSettings = {
  __typename?: 'NotificationSettings';
  /** Whether this process delivers the outbox (NOTIFY_DISPATCHER). */
  dispatcherRunning: Scalars['Boolean']['output'];
  /** False when SMTP_URL is not set: no email is queued. */
  emailEnabled: Scalars['Boolean']['output'];
  /** Which use-case states mail the team, with which template (NOTIFY_EMAIL_RULES). */
  emailRules: Array<EmailRule>;
  mailFrom: Scalars['String']['output'];
  maxAttempts: Scalars['Int']['output'];
  /** Empty: any public host. */
  webhookAllowedHosts: Array<Scalars['String']['output']>;
  webhookAllowedPrivateAddresses: Array<Scalars['String']['output']>;
};

/** PENDING: waiting for its next attempt (or being delivered); DELIVERED; FAILED: attempts used up or refused for good. */
export type NotificationStatus =
  | 'DELIVERED'
  | 'FAILED'
  | 'PENDING';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type PromoteModelVersionInput = {
  id: Scalars['ID']['input'];
};

export type PromoteModelVersionPayload = {
  __typename?: 'PromoteModelVersionPayload';
  model: Model;
  /** null when the version was already active. */
  promotion?: Maybe<PromotionEvent>;
  version: ModelVersion;
};

export type PromotionEvent = {
  __typename?: 'PromotionEvent';
  actor: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  previousVersion?: Maybe<ModelVersion>;
  previousVersionNumber?: Maybe<Scalars['Int']['output']>;
  reason: PromotionReason;
  /** null when that version has since been deleted (or the model was left without one). */
  version?: Maybe<ModelVersion>;
  versionNumber?: Maybe<Scalars['Int']['output']>;
};

/** Why the active version changed: AUTOMATIC (a better score was registered), MANUAL, ACTIVE_DELETED, IMPORTED (legacy registry). */
export type PromotionReason =
  | 'ACTIVE_DELETED'
  | 'AUTOMATIC'
  | 'IMPORTED'
  | 'MANUAL';

/** Every query needs the viewer role or higher. */
export type Query = {
  __typename?: 'Query';
  /** The activity log, newest first. */
  activity: ActivityConnection;
  /** Artifacts matching any of `queries` (OR-ed), newest first. No queries: all artifacts. */
  artifacts: QueryArtifactsConnection;
  /** Backups in the store, newest first. */
  backups: BackupConnection;
  /** The data with this hash and every version trained on it. */
  dataLineage?: Maybe<DataLineage>;
  /** Every allowed move of an extraction. */
  extractionStateMachine: Array<ExtractionTransitionRule>;
  /** Extractions, oldest first unless `orderBy` says otherwise. */
  extractions: QueryExtractionsConnection;
  job?: Maybe<Job>;
  jobStatistics: JobStatistics;
  jobs: QueryJobsConnection;
  /** The newest backup in the store: the recovery point. */
  latestBackup?: Maybe<Backup>;
  member?: Maybe<Member>;
  /** Members by bioguide id. */
  members: QueryMembersConnection;
  model?: Maybe<Model>;
  modelVersions: QueryModelVersionsConnection;
  models: QueryModelsConnection;
  /** The object with this global id, or null when there is none. A malformed id, or one of a type that is not a Node, is a BAD_USER_INPUT error. */
  node?: Maybe<Node>;
  /** The objects with these global ids, in the same order. An id with no object answers null; a malformed id, or one of a type that is not a Node, answers null with a BAD_USER_INPUT error at its position (the other ids still load). */
  nodes: Array<Maybe<Node>>;
  notificationSettings: NotificationSettings;
  /** The outbox, newest first. */
  notifications: NotificationConnection;
  registrySettings: RegistrySettings;
  registryStats: RegistryStats;
  /** Full-text search over name, product, persona, setting, emotion, hook and brand. Every word must match (the last as a prefix, accents ignored); search syntax in the text is treated as plain words. */
  searchJobs: QuerySearchJobsResult;
  /** Counts on both sides, unsynced offices and the last pull and push (the same report as `opsgraph upstream status --json`). */
  upstreamStatus: Scalars['JSON']['output'];
  useCase?: Maybe<UseCase>;
  useCaseStateMachine: UseCaseStateMachine;
  useCases: QueryUseCasesConnection;
  validatedOffices: QueryValidatedOfficesConnection;
  viewer?: Maybe<Viewer>;
  /** The activity types a webhook can subscribe to: every type opsgraph records but the deliveries' own outcomes (notification_delivered, notification_failed). */
  webhookEventTypes: Array<Scalars['String']['output']>;
  /** Every webhook, oldest first (admin). */
  webhooks: Array<Webhook>;
};


/** Every query needs the viewer role or higher. */
export type QueryActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActivityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Every query needs the viewer role or higher. */
export type QueryArtifactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  queries?: InputMaybe<Array<ArtifactQuery>>;
};


/** Every query needs the viewer role or higher. */
export type QueryBackupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Every query needs the viewer role or higher. */
export type QueryDataLineageArgs = {
  dataHash: Scalars['String']['input'];
};


/** Every query needs the viewer role or higher. */
export type QueryExtractionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ExtractionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ExtractionOrder>;
};


/** Every query needs the viewer role or higher. */
export type QueryJobArgs = {
  id: Scalars['ID']['input'];
};


/** Every query needs the viewer role or higher. */
export type QueryJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<JobFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<JobOrder>;
};


/** Every query needs the viewer role or higher. */
export type QueryMemberArgs = {
  bioguideId: Scalars['String']['input'];
};


/** Every query needs the viewer role or higher. */
export type QueryMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MemberFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Every query needs the viewer role or higher. */
export type QueryModelArgs = {
  id: Scalars['ID']['input'];
};


/** Every query needs the viewer role or higher. */
export type QueryModelVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ModelVersionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ModelVersionOrder>;
};


/** Every query needs the viewer role or higher. */
export type QueryModelsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ModelFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Every query needs the viewer role or higher. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Every query needs the viewer role or higher. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Every query needs the viewer role or higher. */
export type QueryNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<NotificationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Every query needs the viewer role or higher. */
export type QuerySearchJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<JobFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


/** Every query needs the viewer role or higher. */
export type QueryUseCaseArgs = {
  id: Scalars['ID']['input'];
};


/** Every query needs the viewer role or higher. */
export type QueryUseCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UseCaseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<UseCaseOrder>;
};


/** Every query needs the viewer role or higher. */
export type QueryValidatedOfficesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ValidatedOfficeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryArtifactsConnection = {
  __typename?: 'QueryArtifactsConnection';
  edges: Array<QueryArtifactsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type QueryArtifactsConnectionEdge = {
  __typename?: 'QueryArtifactsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Artifact;
};

export type QueryExtractionsConnection = {
  __typename?: 'QueryExtractionsConnection';
  edges: Array<QueryExtractionsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type QueryExtractionsConnectionEdge = {
  __typename?: 'QueryExtractionsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Extraction;
};

export type QueryJobsConnection = {
  __typename?: 'QueryJobsConnection';
  edges: Array<QueryJobsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type QueryJobsConnectionEdge = {
  __typename?: 'QueryJobsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Job;
};

export type QueryMembersConnection = {
  __typename?: 'QueryMembersConnection';
  edges: Array<QueryMembersConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type QueryMembersConnectionEdge = {
  __typename?: 'QueryMembersConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Member;
};

export type QueryModelVersionsConnection = {
  __typename?: 'QueryModelVersionsConnection';
  edges: Array<QueryModelVersionsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type QueryModelVersionsConnectionEdge = {
  __typename?: 'QueryModelVersionsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: ModelVersion;
};

export type QueryModelsConnection = {
  __typename?: 'QueryModelsConnection';
  edges: Array<QueryModelsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type QueryModelsConnectionEdge = {
  __typename?: 'QueryModelsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Model;
};

export type QuerySearchJobsResult = JobSearchConnection | ValidationError;

export type QueryUseCasesConnection = {
  __typename?: 'QueryUseCasesConnection';
  edges: Array<QueryUseCasesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type QueryUseCasesConnectionEdge = {
  __typename?: 'QueryUseCasesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: UseCase;
};

export type QueryValidatedOfficesConnection = {
  __typename?: 'QueryValidatedOfficesConnection';
  edges: Array<QueryValidatedOfficesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type QueryValidatedOfficesConnectionEdge = {
  __typename?: 'QueryValidatedOfficesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: ValidatedOffice;
};

export type RecordEvaluationResultsInput = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** A RESULTS StoredFile of this use case. */
  resultsFileId?: InputMaybe<Scalars['ID']['input']>;
  summary: Scalars['JSON']['input'];
  useCaseId: Scalars['ID']['input'];
};

export type RecordEvaluationResultsPayload = {
  __typename?: 'RecordEvaluationResultsPayload';
  useCase: UseCase;
};

export type RegisterModelVersionInput = {
  /** Or upload the artifact with the request (GraphQL multipart request). */
  artifact?: InputMaybe<Scalars['File']['input']>;
  /** An existing StoredFile holding the model artifact. */
  artifactFileId?: InputMaybe<Scalars['ID']['input']>;
  dataEndDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Hex hash of the training data, from the pipeline. Required. */
  dataHash?: InputMaybe<Scalars['String']['input']>;
  dataSource?: InputMaybe<Scalars['String']['input']>;
  dataStartDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Legacy: where the artifact lives on disk. */
  modelPath?: InputMaybe<Scalars['String']['input']>;
  modelType: Scalars['String']['input'];
  numSamples?: InputMaybe<Scalars['Int']['input']>;
  sensorId: Scalars['String']['input'];
  trainingConfig?: InputMaybe<Scalars['JSON']['input']>;
  /** r2_score, mape, anomaly_rate, … (scored when no validation was performed). */
  trainingMetrics?: InputMaybe<Scalars['JSON']['input']>;
  trainingTimeSeconds?: InputMaybe<Scalars['Float']['input']>;
  /** Held-out metrics; must contain "validation_performed": true. */
  validationMetrics?: InputMaybe<Scalars['JSON']['input']>;
};

export type RegisterModelVersionPayload = {
  __typename?: 'RegisterModelVersionPayload';
  model: Model;
  /** True when the new version became active. */
  promoted: Scalars['Boolean']['output'];
  version: ModelVersion;
};

/** Weights of the performance score; they apply to versions registered after a change. */
export type RegistrySettings = {
  __typename?: 'RegistrySettings';
  anomalyMax: Scalars['Float']['output'];
  anomalyMin: Scalars['Float']['output'];
  mapeWeight: Scalars['Float']['output'];
  r2Weight: Scalars['Float']['output'];
  /** null while the defaults apply. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  updatedBy: Scalars['String']['output'];
};

export type RegistryStats = {
  __typename?: 'RegistryStats';
  activeVersions: Scalars['Int']['output'];
  averageScore?: Maybe<Scalars['Float']['output']>;
  byModelType: Array<ModelTypeStats>;
  totalModels: Scalars['Int']['output'];
  totalVersions: Scalars['Int']['output'];
};

export type RestoreDatabaseInput = {
  /** Download and verify only; change nothing. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /** A backup key, or "latest". */
  key: Scalars['String']['input'];
};

export type RestoreDatabasePayload = {
  __typename?: 'RestoreDatabasePayload';
  backup: Backup;
  dryRun: Scalars['Boolean']['output'];
  migrationsApplied: Array<Scalars['String']['output']>;
  preRestoreBackup?: Maybe<Backup>;
};

export type RetryNotificationInput = {
  id: Scalars['ID']['input'];
};

export type RetryNotificationPayload = {
  __typename?: 'RetryNotificationPayload';
  notification: Notification;
};

export type SortDirection =
  | 'ASC'
  | 'DESC';

/** Someone else changed the record since you read it (`expectedVersion` is behind). */
export type StaleVersionError = DomainError & {
  __typename?: 'StaleVersionError';
  code: Scalars['String']['output'];
  currentVersion: Scalars['Int']['output'];
  expectedVersion: Scalars['Int']['output'];
  message: Scalars['String']['output'];
};

export type StateTransition = {
  __typename?: 'StateTransition';
  actor: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  fromState: UseCaseState;
  id: Scalars['ID']['output'];
  notes?: Maybe<Scalars['String']['output']>;
  toState: UseCaseState;
};

/** The blob store could not be reached or refused the operation; nothing was recorded. */
export type StorageError = DomainError & {
  __typename?: 'StorageError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** A file in the blob store. Rows are written only once the object is stored (or, for PENDING, verified on completeUpload). */
export type StoredFile = Node & {
  __typename?: 'StoredFile';
  bucket: Scalars['String']['output'];
  /** Lower-case hex SHA-256 of the bytes. */
  checksumSha256?: Maybe<Scalars['String']['output']>;
  contentType: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** A short-lived presigned GET URL; null unless AVAILABLE (and for the in-memory store). */
  downloadUrl?: Maybe<Scalars['String']['output']>;
  fileType: FileType;
  filename: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  key: Scalars['String']['output'];
  /** What the file belongs to; null when that record was deleted. */
  owner?: Maybe<FileOwner>;
  size: Scalars['BigInt']['output'];
  status: StoredFileStatus;
};

/** PENDING: an upload URL was issued and completeUpload has not yet verified the object. */
export type StoredFileStatus =
  | 'AVAILABLE'
  | 'DELETED'
  | 'PENDING';

/** Live data over graphql-ws (same path as HTTP) or SSE (Accept: text/event-stream). */
export type Subscription = {
  __typename?: 'Subscription';
  /** Activity entries as they are committed. With `after` (an entry's `cursor`), entries committed after it are delivered first, in order, then live ones: reconnecting with the last cursor received misses nothing. */
  activityAdded: ActivityLogEntry;
};


/** Live data over graphql-ws (same path as HTTP) or SSE (Accept: text/event-stream). */
export type SubscriptionActivityAddedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActivityAddedFilter>;
};

export type SyncFromUpstreamInput = {
  /** Rows read per upstream round trip (default UPSTREAM_BATCH_SIZE). */
  batchSize?: InputMaybe<Scalars['Int']['input']>;
};

export type SyncFromUpstreamPayload = {
  __typename?: 'SyncFromUpstreamPayload';
  inserted: Scalars['Int']['output'];
  /** Local members upstream no longer lists as current. */
  markedNotCurrent: Scalars['Int']['output'];
  /** Current members read upstream. */
  read: Scalars['Int']['output'];
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
  /** host:port/database (never the credentials). */
  upstream: Scalars['String']['output'];
};

export type TransitionRule = {
  __typename?: 'TransitionRule';
  description: Scalars['String']['output'];
  from: UseCaseState;
  /** A precondition on attached files, if any. */
  guard?: Maybe<Scalars['String']['output']>;
  to: UseCaseState;
};

export type TransitionUseCaseInput = {
  /** Fail with StaleVersionError unless the use case is at this version. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
  to: UseCaseState;
};

export type TransitionUseCasePayload = {
  __typename?: 'TransitionUseCasePayload';
  transition: StateTransition;
  useCase: UseCase;
};

export type UpdateJobInput = {
  brandName?: InputMaybe<Scalars['String']['input']>;
  emotion?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Other keys of the job mapping, merged at the top level (null removes a key). */
  extra?: InputMaybe<Scalars['JSON']['input']>;
  hook?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  jobName?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to English. */
  language?: InputMaybe<Scalars['String']['input']>;
  persona?: InputMaybe<Scalars['String']['input']>;
  product?: InputMaybe<Scalars['String']['input']>;
  setting?: InputMaybe<Scalars['String']['input']>;
  voiceId?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateJobPayload = {
  __typename?: 'UpdateJobPayload';
  job: Job;
};

export type UpdateRegistrySettingsInput = {
  anomalyMax?: InputMaybe<Scalars['Float']['input']>;
  anomalyMin?: InputMaybe<Scalars['Float']['input']>;
  mapeWeight?: InputMaybe<Scalars['Float']['input']>;
  r2Weight?: InputMaybe<Scalars['Float']['input']>;
};

export type UpdateRegistrySettingsPayload = {
  __typename?: 'UpdateRegistrySettingsPayload';
  settings: RegistrySettings;
};

export type UpdateUseCaseInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  teamEmail?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateUseCasePayload = {
  __typename?: 'UpdateUseCasePayload';
  useCase: UseCase;
};

export type UploadFileInput = {
  /** Sent with the GraphQL multipart request; streamed to the store. */
  file: Scalars['File']['input'];
  fileType: FileType;
  /** A UseCase, ModelVersion or Artifact. */
  ownerId: Scalars['ID']['input'];
};

export type UploadFilePayload = {
  __typename?: 'UploadFilePayload';
  file: StoredFile;
};

export type UploadTooLargeError = DomainError & {
  __typename?: 'UploadTooLargeError';
  code: Scalars['String']['output'];
  maxBytes: Scalars['BigInt']['output'];
  message: Scalars['String']['output'];
};

/** The upstream PostgreSQL was unreachable, refused the credentials, or failed a statement. Nothing changed locally. */
export type UpstreamError = DomainError & {
  __typename?: 'UpstreamError';
  code: Scalars['String']['output'];
  host: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type UpstreamNotConfiguredError = DomainError & {
  __typename?: 'UpstreamNotConfiguredError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** An evaluation use case moving through the workflow (see `useCaseStateMachine`). */
export type UseCase = Node & {
  __typename?: 'UseCase';
  /** Activity about this record, newest first. */
  activity: ActivityConnection;
  /** States this use case can move to now (guards on attached files included). */
  allowedTransitions: Array<UseCaseState>;
  /** The latest AVAILABLE CONFIG file. */
  configFile?: Maybe<StoredFile>;
  createdAt: Scalars['DateTime']['output'];
  /** The latest AVAILABLE DATASET file. */
  datasetFile?: Maybe<StoredFile>;
  description?: Maybe<Scalars['String']['output']>;
  evaluationResults?: Maybe<EvaluationResults>;
  /** Files of this use case that are not deleted, oldest first. */
  files: UseCaseFilesConnection;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Notifications about this record, newest first. */
  notifications: NotificationConnection;
  state: UseCaseState;
  teamEmail: Scalars['String']['output'];
  /** State changes, oldest first. */
  transitions: UseCaseTransitionsConnection;
  updatedAt: Scalars['DateTime']['output'];
  /** Pass as `expectedVersion` to make a write fail if someone changed the record. */
  version: Scalars['Int']['output'];
};


/** An evaluation use case moving through the workflow (see `useCaseStateMachine`). */
export type UseCaseActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An evaluation use case moving through the workflow (see `useCaseStateMachine`). */
export type UseCaseFilesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** An evaluation use case moving through the workflow (see `useCaseStateMachine`). */
export type UseCaseNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An evaluation use case moving through the workflow (see `useCaseStateMachine`). */
export type UseCaseTransitionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type UseCaseFilesConnection = {
  __typename?: 'UseCaseFilesConnection';
  edges: Array<UseCaseFilesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type UseCaseFilesConnectionEdge = {
  __typename?: 'UseCaseFilesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: StoredFile;
};

export type UseCaseFilter = {
  /** Case-insensitive substring of the name. */
  search?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<UseCaseState>;
  teamEmail?: InputMaybe<Scalars['String']['input']>;
};

export type UseCaseOrder = {
  direction?: InputMaybe<SortDirection>;
  field: UseCaseOrderField;
};

export type UseCaseOrderField =
  | 'CREATED_AT'
  | 'NAME'
  | 'UPDATED_AT';

export type UseCaseState =
  | 'AWAITING_CONFIG'
  | 'CANCELLED'
  | 'CONFIG_RECEIVED'
  | 'EVALUATION_COMPLETED'
  | 'EVALUATION_FAILED'
  | 'EVALUATION_RUNNING'
  | 'READY_FOR_EVALUATION'
  | 'TEMPLATE_GENERATION';

export type UseCaseStateMachine = {
  __typename?: 'UseCaseStateMachine';
  initialState: UseCaseState;
  states: Array<UseCaseState>;
  terminalStates: Array<UseCaseState>;
  transitions: Array<TransitionRule>;
};

export type UseCaseTransitionsConnection = {
  __typename?: 'UseCaseTransitionsConnection';
  edges: Array<UseCaseTransitionsConnectionEdge>;
  pageInfo: PageInfo;
};

export type UseCaseTransitionsConnectionEdge = {
  __typename?: 'UseCaseTransitionsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: StateTransition;
};

export type ValidateExtractionInput = {
  decision: ValidationDecision;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
  /** The reviewer's corrected offices; omitted: approve what the worker found. */
  offices?: InputMaybe<Array<DistrictOfficeInput>>;
};

export type ValidateExtractionPayload = {
  __typename?: 'ValidateExtractionPayload';
  extraction: Extraction;
  /** The validated offices this approval wrote or confirmed. */
  offices: Array<ValidatedOffice>;
};

/** An approved district office. `officeId` is stable: the same office validated again keeps it. */
export type ValidatedOffice = Node & {
  __typename?: 'ValidatedOffice';
  address?: Maybe<Scalars['String']['output']>;
  building?: Maybe<Scalars['String']['output']>;
  city?: Maybe<Scalars['String']['output']>;
  fax?: Maybe<Scalars['String']['output']>;
  hours?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  member: Member;
  /** The row's key in upstream's district_offices. */
  officeId: Scalars['String']['output'];
  phone?: Maybe<Scalars['String']['output']>;
  state?: Maybe<Scalars['String']['output']>;
  suite?: Maybe<Scalars['String']['output']>;
  syncedAt?: Maybe<Scalars['DateTime']['output']>;
  /** false until a push wrote this version of the office upstream. */
  syncedToUpstream: Scalars['Boolean']['output'];
  validatedAt: Scalars['DateTime']['output'];
  zip?: Maybe<Scalars['String']['output']>;
};

export type ValidatedOfficeFilter = {
  bioguideId?: InputMaybe<Scalars['String']['input']>;
  /** false: waiting for the next push. */
  synced?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ValidationDecision =
  | 'APPROVE'
  | 'REJECT';

/** An input value was refused; `field` names it (dotted path inside `input`). */
export type ValidationError = DomainError & {
  __typename?: 'ValidationError';
  code: Scalars['String']['output'];
  field: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type Viewer = {
  __typename?: 'Viewer';
  /** The actor name written into activity entries. */
  name: Scalars['String']['output'];
  role: Scalars['String']['output'];
};

/** A receiver of activity entries. Each call is signed: see the README, "Verifying a webhook". */
export type Webhook = Node & {
  __typename?: 'Webhook';
  /** Activity about this record, newest first. */
  activity: ActivityConnection;
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  events: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Notifications about this record, newest first. */
  notifications: NotificationConnection;
  url: Scalars['String']['output'];
};


/** A receiver of activity entries. Each call is signed: see the README, "Verifying a webhook". */
export type WebhookActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A receiver of activity entries. Each call is signed: see the README, "Verifying a webhook". */
export type WebhookNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ActivityAddedSubscriptionVariables = Exact<{
  filter?: InputMaybe<ActivityAddedFilter>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ActivityAddedSubscription = { __typename?: 'Subscription', activityAdded: { __typename?: 'ActivityLogEntry', id: string, cursor: string, activityType: string, description: string, subjectType: string, actor: string, createdAt: string } };

export type ActivityPageQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActivityFilter>;
}>;


export type ActivityPageQuery = { __typename?: 'Query', activity: { __typename?: 'ActivityConnection', edges: Array<{ __typename?: 'ActivityEdge', cursor: string, node: { __typename?: 'ActivityLogEntry', id: string, cursor: string, activityType: string, description: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type CreateArtifactMutationVariables = Exact<{
  input: CreateArtifactInput;
}>;


export type CreateArtifactMutation = { __typename?: 'Mutation', createArtifact:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ChecksumMismatchError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'CreateArtifactPayload', artifact: { __typename?: 'Artifact', id: string, name: string, type: string, url?: string | null, metadata: unknown, createdAt: string, file?: { __typename?: 'StoredFile', id: string, filename: string, size: number | string, checksumSha256?: string | null, key: string, status: StoredFileStatus, downloadUrl?: string | null } | null } }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'StorageError', message: string, code: string }
    | { __typename: 'UploadTooLargeError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string, field: string }
   };

export type DeleteArtifactMutationVariables = Exact<{
  input: DeleteArtifactInput;
}>;


export type DeleteArtifactMutation = { __typename?: 'Mutation', deleteArtifact:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DeleteArtifactPayload', deletedArtifactId: string, name: string }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'StorageError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type ArtifactsQueryVariables = Exact<{
  queries?: InputMaybe<Array<ArtifactQuery> | ArtifactQuery>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ArtifactsQuery = { __typename?: 'Query', artifacts: { __typename?: 'QueryArtifactsConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'QueryArtifactsConnectionEdge', node: { __typename?: 'Artifact', id: string, name: string, type: string, url?: string | null, file?: { __typename?: 'StoredFile', id: string, filename: string } | null } }> } };

export type ArtifactActivityQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ArtifactActivityQuery = { __typename?: 'Query', node?:
    | { __typename?: 'ActivityLogEntry' }
    | { __typename?: 'Artifact', id: string, activity: { __typename?: 'ActivityConnection', edges: Array<{ __typename?: 'ActivityEdge', node: { __typename?: 'ActivityLogEntry', activityType: string, description: string, details: unknown } }> } }
    | { __typename?: 'Extraction' }
    | { __typename?: 'ExtractionArtifact' }
    | { __typename?: 'Job' }
    | { __typename?: 'Member' }
    | { __typename?: 'Model' }
    | { __typename?: 'ModelVersion' }
    | { __typename?: 'Notification' }
    | { __typename?: 'StoredFile' }
    | { __typename?: 'UseCase' }
    | { __typename?: 'ValidatedOffice' }
    | { __typename?: 'Webhook' }
   | null };

export type BackupDatabaseMutationVariables = Exact<{
  input: BackupDatabaseInput;
}>;


export type BackupDatabaseMutation = { __typename?: 'Mutation', backupDatabase:
    | { __typename: 'BackupDatabasePayload', prunedKeys: Array<string>, backup: { __typename?: 'Backup', key: string, size: number | string, checksumSha256: string, databaseBytes?: number | string | null, schemaVersion?: string | null, sqliteVersion?: string | null, label?: string | null, createdAt: string } }
    | { __typename: 'BackupError', message: string, code: string }
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'StorageError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type RestoreDatabaseMutationVariables = Exact<{
  input: RestoreDatabaseInput;
}>;


export type RestoreDatabaseMutation = { __typename?: 'Mutation', restoreDatabase:
    | { __typename: 'BackupError', message: string, code: string }
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'RestoreDatabasePayload', dryRun: boolean, migrationsApplied: Array<string>, backup: { __typename?: 'Backup', key: string, checksumSha256: string }, preRestoreBackup?: { __typename?: 'Backup', key: string, label?: string | null } | null }
    | { __typename: 'StorageError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type BackupsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type BackupsQuery = { __typename?: 'Query', backups: { __typename?: 'BackupConnection', totalCount: number, edges: Array<{ __typename?: 'BackupEdge', cursor: string, node: { __typename?: 'Backup', key: string, size: number | string, checksumSha256: string, schemaVersion?: string | null, label?: string | null, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } }, latestBackup?: { __typename?: 'Backup', key: string } | null };

export type StoredFileFieldsFragment = { __typename?: 'StoredFile', id: string, fileType: FileType, filename: string, contentType: string, size: number | string, checksumSha256?: string | null, bucket: string, key: string, status: StoredFileStatus, createdAt: string, downloadUrl?: string | null, owner?:
    | { __typename: 'Artifact', id: string, name: string }
    | { __typename: 'ModelVersion' }
    | { __typename: 'UseCase', id: string, name: string }
   | null };

export type UploadFileMutationVariables = Exact<{
  input: UploadFileInput;
}>;


export type UploadFileMutation = { __typename?: 'Mutation', uploadFile:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'StorageError', message: string, code: string }
    | { __typename: 'UploadFilePayload', file: { __typename?: 'StoredFile', id: string, fileType: FileType, filename: string, contentType: string, size: number | string, checksumSha256?: string | null, bucket: string, key: string, status: StoredFileStatus, createdAt: string, downloadUrl?: string | null, owner?:
          | { __typename: 'Artifact', id: string, name: string }
          | { __typename: 'ModelVersion' }
          | { __typename: 'UseCase', id: string, name: string }
         | null } }
    | { __typename: 'UploadTooLargeError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string, field: string }
   };

export type CreateUploadUrlMutationVariables = Exact<{
  input: CreateUploadUrlInput;
}>;


export type CreateUploadUrlMutation = { __typename?: 'Mutation', createUploadUrl:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'CreateUploadUrlPayload', url: string, headers: unknown, expiresAt: string, file: { __typename?: 'StoredFile', id: string, fileType: FileType, filename: string, contentType: string, size: number | string, checksumSha256?: string | null, bucket: string, key: string, status: StoredFileStatus, createdAt: string, downloadUrl?: string | null, owner?:
          | { __typename: 'Artifact', id: string, name: string }
          | { __typename: 'ModelVersion' }
          | { __typename: 'UseCase', id: string, name: string }
         | null } }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'StorageError', message: string, code: string }
    | { __typename: 'UploadTooLargeError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string, field: string }
   };

export type CompleteUploadMutationVariables = Exact<{
  input: CompleteUploadInput;
}>;


export type CompleteUploadMutation = { __typename?: 'Mutation', completeUpload:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ChecksumMismatchError', message: string, code: string, expectedSize: number | string, actualSize: number | string, expectedSha256: string, actualSha256?: string | null }
    | { __typename: 'CompleteUploadPayload', file: { __typename?: 'StoredFile', id: string, fileType: FileType, filename: string, contentType: string, size: number | string, checksumSha256?: string | null, bucket: string, key: string, status: StoredFileStatus, createdAt: string, downloadUrl?: string | null, owner?:
          | { __typename: 'Artifact', id: string, name: string }
          | { __typename: 'ModelVersion' }
          | { __typename: 'UseCase', id: string, name: string }
         | null } }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'StorageError', message: string, code: string }
    | { __typename: 'UploadTooLargeError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type DeleteFileMutationVariables = Exact<{
  input: DeleteFileInput;
}>;


export type DeleteFileMutation = { __typename?: 'Mutation', deleteFile:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DeleteFilePayload', file: { __typename?: 'StoredFile', id: string, status: StoredFileStatus, deletedAt?: string | null, downloadUrl?: string | null } }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'StorageError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type UseCaseFilesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UseCaseFilesQuery = { __typename?: 'Query', useCase?: { __typename?: 'UseCase', id: string, state: UseCaseState, allowedTransitions: Array<UseCaseState>, configFile?: { __typename?: 'StoredFile', id: string, fileType: FileType, filename: string, contentType: string, size: number | string, checksumSha256?: string | null, bucket: string, key: string, status: StoredFileStatus, createdAt: string, downloadUrl?: string | null, owner?:
        | { __typename: 'Artifact', id: string, name: string }
        | { __typename: 'ModelVersion' }
        | { __typename: 'UseCase', id: string, name: string }
       | null } | null, datasetFile?: { __typename?: 'StoredFile', id: string, fileType: FileType, filename: string, contentType: string, size: number | string, checksumSha256?: string | null, bucket: string, key: string, status: StoredFileStatus, createdAt: string, downloadUrl?: string | null, owner?:
        | { __typename: 'Artifact', id: string, name: string }
        | { __typename: 'ModelVersion' }
        | { __typename: 'UseCase', id: string, name: string }
       | null } | null, files: { __typename?: 'UseCaseFilesConnection', totalCount: number, edges: Array<{ __typename?: 'UseCaseFilesConnectionEdge', node: { __typename?: 'StoredFile', id: string, fileType: FileType, filename: string, contentType: string, size: number | string, checksumSha256?: string | null, bucket: string, key: string, status: StoredFileStatus, createdAt: string, downloadUrl?: string | null, owner?:
            | { __typename: 'Artifact', id: string, name: string }
            | { __typename: 'ModelVersion' }
            | { __typename: 'UseCase', id: string, name: string }
           | null } }> }, evaluationResults?: { __typename?: 'EvaluationResults', summary: unknown, resultsFile?: { __typename?: 'StoredFile', id: string, fileType: FileType, filename: string, contentType: string, size: number | string, checksumSha256?: string | null, bucket: string, key: string, status: StoredFileStatus, createdAt: string, downloadUrl?: string | null, owner?:
          | { __typename: 'Artifact', id: string, name: string }
          | { __typename: 'ModelVersion' }
          | { __typename: 'UseCase', id: string, name: string }
         | null } | null } | null, activity: { __typename?: 'ActivityConnection', edges: Array<{ __typename?: 'ActivityEdge', node: { __typename?: 'ActivityLogEntry', activityType: string, description: string, details: unknown } }> } } | null };

export type StoredFileNodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type StoredFileNodeQuery = { __typename?: 'Query', node?:
    | { __typename: 'ActivityLogEntry' }
    | { __typename: 'Artifact' }
    | { __typename: 'Extraction' }
    | { __typename: 'ExtractionArtifact' }
    | { __typename: 'Job' }
    | { __typename: 'Member' }
    | { __typename: 'Model' }
    | { __typename: 'ModelVersion' }
    | { __typename: 'Notification' }
    | { __typename: 'StoredFile', id: string, fileType: FileType, filename: string, contentType: string, size: number | string, checksumSha256?: string | null, bucket: string, key: string, status: StoredFileStatus, createdAt: string, downloadUrl?: string | null, owner?:
        | { __typename: 'Artifact', id: string, name: string }
        | { __typename: 'ModelVersion' }
        | { __typename: 'UseCase', id: string, name: string }
       | null }
    | { __typename: 'UseCase' }
    | { __typename: 'ValidatedOffice' }
    | { __typename: 'Webhook' }
   | null };

export type JobFieldsFragment = { __typename?: 'Job', id: string, jobId: string, jobName: string, product?: string | null, persona?: string | null, setting?: string | null, emotion?: string | null, hook?: string | null, voiceId?: string | null, language: string, brandName?: string | null, enabled: boolean, data: unknown, createdAt: string, updatedAt: string };

export type CreateJobMutationVariables = Exact<{
  input: CreateJobInput;
}>;


export type CreateJobMutation = { __typename?: 'Mutation', createJob:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'CreateJobPayload', job: { __typename?: 'Job', id: string, jobId: string, jobName: string, product?: string | null, persona?: string | null, setting?: string | null, emotion?: string | null, hook?: string | null, voiceId?: string | null, language: string, brandName?: string | null, enabled: boolean, data: unknown, createdAt: string, updatedAt: string } }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string, field: string }
   };

export type UpdateJobMutationVariables = Exact<{
  input: UpdateJobInput;
}>;


export type UpdateJobMutation = { __typename?: 'Mutation', updateJob:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'UpdateJobPayload', job: { __typename?: 'Job', id: string, jobId: string, jobName: string, product?: string | null, persona?: string | null, setting?: string | null, emotion?: string | null, hook?: string | null, voiceId?: string | null, language: string, brandName?: string | null, enabled: boolean, data: unknown, createdAt: string, updatedAt: string, activity: { __typename?: 'ActivityConnection', edges: Array<{ __typename?: 'ActivityEdge', node: { __typename?: 'ActivityLogEntry', activityType: string, details: unknown } }> } } }
    | { __typename: 'ValidationError', message: string, code: string, field: string }
   };

export type DeleteJobMutationVariables = Exact<{
  input: DeleteJobInput;
}>;


export type DeleteJobMutation = { __typename?: 'Mutation', deleteJob:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DeleteJobPayload', deletedJobId: string }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type ImportJobsMutationVariables = Exact<{
  input: ImportJobsInput;
}>;


export type ImportJobsMutation = { __typename?: 'Mutation', importJobs:
    | { __typename: 'BackupError', message: string, code: string }
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'ImportJobsPayload', found: number, imported: number, updated: number, unchanged: number, rejected: Array<{ __typename?: 'JobImportRejection', index: number, line?: number | null, jobId?: string | null, reason: string }> }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'StorageError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string, field: string }
   };

export type ExportJobsMutationVariables = Exact<{
  input: ExportJobsInput;
}>;


export type ExportJobsMutation = { __typename?: 'Mutation', exportJobs:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'ExportJobsPayload', yaml: string, count: number, file?: { __typename?: 'StoredFile', id: string, filename: string, contentType: string, size: number | string, checksumSha256?: string | null, fileType: FileType, status: StoredFileStatus, downloadUrl?: string | null } | null }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'StorageError', message: string, code: string }
    | { __typename: 'UploadTooLargeError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type JobQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type JobQuery = { __typename?: 'Query', job?: { __typename?: 'Job', id: string, jobId: string, jobName: string, product?: string | null, persona?: string | null, setting?: string | null, emotion?: string | null, hook?: string | null, voiceId?: string | null, language: string, brandName?: string | null, enabled: boolean, data: unknown, createdAt: string, updatedAt: string, activity: { __typename?: 'ActivityConnection', edges: Array<{ __typename?: 'ActivityEdge', node: { __typename?: 'ActivityLogEntry', activityType: string, description: string } }> } } | null };

export type JobsQueryVariables = Exact<{
  filter?: InputMaybe<JobFilter>;
  orderBy?: InputMaybe<JobOrder>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type JobsQuery = { __typename?: 'Query', jobs: { __typename?: 'QueryJobsConnection', totalCount: number, edges: Array<{ __typename?: 'QueryJobsConnectionEdge', cursor: string, node: { __typename?: 'Job', id: string, jobId: string, jobName: string, product?: string | null, persona?: string | null, language: string, enabled: boolean, createdAt: string, updatedAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type SearchJobsQueryVariables = Exact<{
  query: Scalars['String']['input'];
  filter?: InputMaybe<JobFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SearchJobsQuery = { __typename?: 'Query', searchJobs:
    | { __typename: 'JobSearchConnection', terms: Array<string>, truncated: boolean, edges: Array<{ __typename?: 'JobSearchEdge', cursor: string, score: number, snippet?: string | null, node: { __typename?: 'Job', jobId: string, jobName: string, product?: string | null, persona?: string | null, setting?: string | null, emotion?: string | null, hook?: string | null, brandName?: string | null, language: string, enabled: boolean } }>, pageInfo: { __typename?: 'JobSearchPageInfo', hasNextPage: boolean, hasPreviousPage: boolean, endCursor?: string | null } }
    | { __typename: 'ValidationError', field: string, message: string, code: string }
   };

export type JobStatisticsQueryVariables = Exact<{ [key: string]: never; }>;


export type JobStatisticsQuery = { __typename?: 'Query', jobStatistics: { __typename?: 'JobStatistics', totalJobs: number, enabledJobs: number, disabledJobs: number, byProduct: Array<{ __typename?: 'JobKeyCount', key?: string | null, count: number }>, byLanguage: Array<{ __typename?: 'JobKeyCount', key?: string | null, count: number }>, byPersona: Array<{ __typename?: 'JobKeyCount', key?: string | null, count: number }> } };

export type RegistryVersionFieldsFragment = { __typename?: 'ModelVersion', id: string, versionNumber: number, isActive: boolean, performanceScore: number, validationPerformed: boolean, trainingMetrics: unknown, validationMetrics?: unknown | null, modelPath?: string | null, legacyId?: string | null, artifactFile?: { __typename?: 'StoredFile', id: string, key: string, status: StoredFileStatus } | null, lineage?: { __typename?: 'DataLineage', dataHash: string, dataSource?: string | null, numSamples?: number | null } | null };

export type RegisterModelVersionMutationVariables = Exact<{
  input: RegisterModelVersionInput;
}>;


export type RegisterModelVersionMutation = { __typename?: 'Mutation', registerModelVersion:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'RegisterModelVersionPayload', promoted: boolean, version: { __typename?: 'ModelVersion', id: string, versionNumber: number, isActive: boolean, performanceScore: number, validationPerformed: boolean, trainingMetrics: unknown, validationMetrics?: unknown | null, modelPath?: string | null, legacyId?: string | null, artifactFile?: { __typename?: 'StoredFile', id: string, key: string, status: StoredFileStatus } | null, lineage?: { __typename?: 'DataLineage', dataHash: string, dataSource?: string | null, numSamples?: number | null } | null }, model: { __typename?: 'Model', id: string, sensorId: string, modelType: string, activeVersion?: { __typename?: 'ModelVersion', id: string, versionNumber: number } | null } }
    | { __typename: 'StorageError', message: string, code: string }
    | { __typename: 'UploadTooLargeError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string, field: string }
   };

export type PromoteModelVersionMutationVariables = Exact<{
  input: PromoteModelVersionInput;
}>;


export type PromoteModelVersionMutation = { __typename?: 'Mutation', promoteModelVersion:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'PromoteModelVersionPayload', version: { __typename?: 'ModelVersion', id: string, versionNumber: number, isActive: boolean }, model: { __typename?: 'Model', id: string, activeVersion?: { __typename?: 'ModelVersion', id: string, versionNumber: number } | null }, promotion?: { __typename?: 'PromotionEvent', reason: PromotionReason, versionNumber?: number | null, previousVersionNumber?: number | null, actor: string } | null }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type DeleteModelVersionMutationVariables = Exact<{
  input: DeleteModelVersionInput;
}>;


export type DeleteModelVersionMutation = { __typename?: 'Mutation', deleteModelVersion:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DeleteModelVersionPayload', deletedVersionId: string, artifactDeleted: boolean, newActiveVersion?: { __typename?: 'ModelVersion', id: string, versionNumber: number } | null, model: { __typename?: 'Model', id: string, activeVersion?: { __typename?: 'ModelVersion', id: string, versionNumber: number } | null } }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'StorageError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type UpdateRegistrySettingsMutationVariables = Exact<{
  input: UpdateRegistrySettingsInput;
}>;


export type UpdateRegistrySettingsMutation = { __typename?: 'Mutation', updateRegistrySettings:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'UpdateRegistrySettingsPayload', settings: { __typename?: 'RegistrySettings', r2Weight: number, mapeWeight: number, anomalyMin: number, anomalyMax: number, updatedBy: string, updatedAt?: string | null } }
    | { __typename: 'ValidationError', message: string, code: string, field: string }
   };

export type RegistryModelQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type RegistryModelQuery = { __typename?: 'Query', model?: { __typename?: 'Model', id: string, sensorId: string, modelType: string, legacyId?: string | null, activeVersion?: { __typename?: 'ModelVersion', id: string, versionNumber: number, performanceScore: number } | null, versions: { __typename?: 'ModelVersionsConnection', totalCount: number, edges: Array<{ __typename?: 'ModelVersionsConnectionEdge', node: { __typename?: 'ModelVersion', id: string, versionNumber: number, isActive: boolean, performanceScore: number, validationPerformed: boolean, trainingMetrics: unknown, validationMetrics?: unknown | null, modelPath?: string | null, legacyId?: string | null, artifactFile?: { __typename?: 'StoredFile', id: string, key: string, status: StoredFileStatus } | null, lineage?: { __typename?: 'DataLineage', dataHash: string, dataSource?: string | null, numSamples?: number | null } | null } }> }, promotions: { __typename?: 'ModelPromotionsConnection', edges: Array<{ __typename?: 'ModelPromotionsConnectionEdge', node: { __typename?: 'PromotionEvent', reason: PromotionReason, actor: string, versionNumber?: number | null, previousVersionNumber?: number | null, createdAt: string, version?: { __typename?: 'ModelVersion', id: string, versionNumber: number } | null, previousVersion?: { __typename?: 'ModelVersion', id: string, versionNumber: number } | null } }> }, activity: { __typename?: 'ActivityConnection', edges: Array<{ __typename?: 'ActivityEdge', node: { __typename?: 'ActivityLogEntry', activityType: string, description: string } }> } } | null };

export type RegistryModelsQueryVariables = Exact<{
  filter?: InputMaybe<ModelFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RegistryModelsQuery = { __typename?: 'Query', models: { __typename?: 'QueryModelsConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'QueryModelsConnectionEdge', node: { __typename?: 'Model', id: string, sensorId: string, modelType: string, legacyId?: string | null, activeVersion?: { __typename?: 'ModelVersion', id: string, versionNumber: number, legacyId?: string | null, performanceScore: number } | null } }> } };

export type RegistryModelVersionsQueryVariables = Exact<{
  filter?: InputMaybe<ModelVersionFilter>;
  orderBy?: InputMaybe<ModelVersionOrder>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type RegistryModelVersionsQuery = { __typename?: 'Query', modelVersions: { __typename?: 'QueryModelVersionsConnection', totalCount: number, edges: Array<{ __typename?: 'QueryModelVersionsConnectionEdge', node: { __typename?: 'ModelVersion', id: string, versionNumber: number, performanceScore: number, createdAt: string, lineage?: { __typename?: 'DataLineage', dataHash: string } | null } }> } };

export type RegistryDataLineageQueryVariables = Exact<{
  dataHash: Scalars['String']['input'];
}>;


export type RegistryDataLineageQuery = { __typename?: 'Query', dataLineage?: { __typename?: 'DataLineage', dataHash: string, dataSource?: string | null, dataStartDate?: string | null, dataEndDate?: string | null, numSamples?: number | null, modelVersions: { __typename?: 'DataLineageModelVersionsConnection', totalCount: number, edges: Array<{ __typename?: 'DataLineageModelVersionsConnectionEdge', node: { __typename?: 'ModelVersion', id: string, versionNumber: number, model: { __typename?: 'Model', sensorId: string } } }> } } | null };

export type RegistryStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type RegistryStatsQuery = { __typename?: 'Query', registryStats: { __typename?: 'RegistryStats', totalModels: number, totalVersions: number, activeVersions: number, averageScore?: number | null, byModelType: Array<{ __typename?: 'ModelTypeStats', modelType: string, models: number, versions: number, activeVersions: number, averageScore?: number | null }> }, registrySettings: { __typename?: 'RegistrySettings', r2Weight: number, mapeWeight: number, anomalyMin: number, anomalyMax: number, updatedBy: string, updatedAt?: string | null } };

export type CreateUseCaseMutationVariables = Exact<{
  input: CreateUseCaseInput;
}>;


export type CreateUseCaseMutation = { __typename?: 'Mutation', createUseCase:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'CreateUseCasePayload', useCase: { __typename?: 'UseCase', id: string, name: string, teamEmail: string, state: UseCaseState, version: number, allowedTransitions: Array<UseCaseState> } }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string, field: string }
   };

export type UpdateUseCaseMutationVariables = Exact<{
  input: UpdateUseCaseInput;
}>;


export type UpdateUseCaseMutation = { __typename?: 'Mutation', updateUseCase:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'StaleVersionError', message: string, code: string, expectedVersion: number, currentVersion: number }
    | { __typename: 'UpdateUseCasePayload', useCase: { __typename?: 'UseCase', id: string, name: string, teamEmail: string, description?: string | null, version: number } }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type TransitionUseCaseMutationVariables = Exact<{
  input: TransitionUseCaseInput;
}>;


export type TransitionUseCaseMutation = { __typename?: 'Mutation', transitionUseCase:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'InvalidTransitionError', message: string, code: string, from: string, to: string, allowed: Array<string>, detail?: string | null }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'StaleVersionError', message: string, code: string, expectedVersion: number, currentVersion: number }
    | { __typename: 'TransitionUseCasePayload', useCase: { __typename?: 'UseCase', id: string, state: UseCaseState, version: number, allowedTransitions: Array<UseCaseState> }, transition: { __typename?: 'StateTransition', fromState: UseCaseState, toState: UseCaseState, notes?: string | null, actor: string } }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type RecordEvaluationResultsMutationVariables = Exact<{
  input: RecordEvaluationResultsInput;
}>;


export type RecordEvaluationResultsMutation = { __typename?: 'Mutation', recordEvaluationResults:
    | { __typename: 'BusyError', message: string, code: string }
    | { __typename: 'ConflictError', message: string, code: string }
    | { __typename: 'DiskFullError', message: string, code: string }
    | { __typename: 'NotFoundError', message: string, code: string }
    | { __typename: 'RecordEvaluationResultsPayload', useCase: { __typename?: 'UseCase', id: string, version: number, evaluationResults?: { __typename?: 'EvaluationResults', summary: unknown, recordedAt: string } | null } }
    | { __typename: 'StaleVersionError', message: string, code: string }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type UseCaseQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UseCaseQuery = { __typename?: 'Query', useCase?: { __typename?: 'UseCase', id: string, name: string, teamEmail: string, state: UseCaseState, version: number, createdAt: string, updatedAt: string, allowedTransitions: Array<UseCaseState>, transitions: { __typename?: 'UseCaseTransitionsConnection', edges: Array<{ __typename?: 'UseCaseTransitionsConnectionEdge', node: { __typename?: 'StateTransition', fromState: UseCaseState, toState: UseCaseState, notes?: string | null, actor: string, createdAt: string } }> }, activity: { __typename?: 'ActivityConnection', edges: Array<{ __typename?: 'ActivityEdge', node: { __typename?: 'ActivityLogEntry', activityType: string, description: string, details: unknown, actor: string } }> } } | null };

export type UseCasesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UseCaseFilter>;
  orderBy?: InputMaybe<UseCaseOrder>;
}>;


export type UseCasesQuery = { __typename?: 'Query', useCases: { __typename?: 'QueryUseCasesConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'QueryUseCasesConnectionEdge', node: { __typename?: 'UseCase', id: string, name: string, state: UseCaseState, transitions: { __typename?: 'UseCaseTransitionsConnection', edges: Array<{ __typename?: 'UseCaseTransitionsConnectionEdge', node: { __typename?: 'StateTransition', fromState: UseCaseState, toState: UseCaseState } }> }, activity: { __typename?: 'ActivityConnection', edges: Array<{ __typename?: 'ActivityEdge', node: { __typename?: 'ActivityLogEntry', activityType: string } }> } } }> } };

export type StateMachineQueryVariables = Exact<{ [key: string]: never; }>;


export type StateMachineQuery = { __typename?: 'Query', useCaseStateMachine: { __typename?: 'UseCaseStateMachine', states: Array<UseCaseState>, initialState: UseCaseState, terminalStates: Array<UseCaseState>, transitions: Array<{ __typename?: 'TransitionRule', from: UseCaseState, to: UseCaseState, guard?: string | null, description: string }> } };

export type ActivityQueryVariables = Exact<{
  filter?: InputMaybe<ActivityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ActivityQuery = { __typename?: 'Query', activity: { __typename?: 'ActivityConnection', pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'ActivityEdge', cursor: string, node: { __typename?: 'ActivityLogEntry', id: string, activityType: string, description: string, details: unknown, actor: string, subjectType: string, subject?:
          | { __typename?: 'ActivityLogEntry', id: string }
          | { __typename?: 'Artifact', id: string }
          | { __typename?: 'Extraction', id: string }
          | { __typename?: 'ExtractionArtifact', id: string }
          | { __typename?: 'Job', id: string }
          | { __typename?: 'Member', id: string }
          | { __typename?: 'Model', id: string }
          | { __typename?: 'ModelVersion', id: string }
          | { __typename?: 'Notification', id: string }
          | { __typename?: 'StoredFile', id: string }
          | { __typename?: 'UseCase', id: string }
          | { __typename?: 'ValidatedOffice', id: string }
          | { __typename?: 'Webhook', id: string }
         | null } }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', name: string, role: string } | null };

export const StoredFileFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StoredFileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StoredFile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"checksumSha256"}},{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UseCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Artifact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StoredFileFieldsFragment, unknown>;
export const JobFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobName"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"persona"}},{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"emotion"}},{"kind":"Field","name":{"kind":"Name","value":"hook"}},{"kind":"Field","name":{"kind":"Name","value":"voiceId"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"brandName"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<JobFieldsFragment, unknown>;
export const RegistryVersionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RegistryVersionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"performanceScore"}},{"kind":"Field","name":{"kind":"Name","value":"validationPerformed"}},{"kind":"Field","name":{"kind":"Name","value":"trainingMetrics"}},{"kind":"Field","name":{"kind":"Name","value":"validationMetrics"}},{"kind":"Field","name":{"kind":"Name","value":"modelPath"}},{"kind":"Field","name":{"kind":"Name","value":"legacyId"}},{"kind":"Field","name":{"kind":"Name","value":"artifactFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lineage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataHash"}},{"kind":"Field","name":{"kind":"Name","value":"dataSource"}},{"kind":"Field","name":{"kind":"Name","value":"numSamples"}}]}}]}}]} as unknown as DocumentNode<RegistryVersionFieldsFragment, unknown>;
export const ActivityAddedDocument = {"__meta__":{"hash":"b476beb9a38d27ec65aa478bc03ab69c3f35ca40276158bc37f33bd9cc783431"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ActivityAdded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityAddedFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityAdded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<ActivityAddedSubscription, ActivityAddedSubscriptionVariables>;
export const ActivityPageDocument = {"__meta__":{"hash":"4b4f2f17297f0954f3f9090eff4d6c4a2d6d5970b49a9fa9cb97d9557518693b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActivityPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ActivityPageQuery, ActivityPageQueryVariables>;
export const CreateArtifactDocument = {"__meta__":{"hash":"aa09d8379023fecd96182e8735a97a24caf268db99246fc45a668f1f7aa63c34"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateArtifact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateArtifactInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createArtifact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateArtifactPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"artifact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"checksumSha256"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<CreateArtifactMutation, CreateArtifactMutationVariables>;
export const DeleteArtifactDocument = {"__meta__":{"hash":"6deead0b7fb9a48842545fb687a5c8762faca073c2cf5f1b3362e57c19aacfee"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteArtifact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteArtifactInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteArtifact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteArtifactPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedArtifactId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteArtifactMutation, DeleteArtifactMutationVariables>;
export const ArtifactsDocument = {"__meta__":{"hash":"9e1e4aa7e879171833b1c2cb4e55671a46ac7ce44ae59ff1375cb1920e654c6e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Artifacts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"queries"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ArtifactQuery"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"artifacts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"queries"},"value":{"kind":"Variable","name":{"kind":"Name","value":"queries"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ArtifactsQuery, ArtifactsQueryVariables>;
export const ArtifactActivityDocument = {"__meta__":{"hash":"bd495a2c858f70b4e12679188f66d595a8320c6422d6820728e3271f982ab665"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArtifactActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Artifact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ArtifactActivityQuery, ArtifactActivityQueryVariables>;
export const BackupDatabaseDocument = {"__meta__":{"hash":"87c9743b2ab8e637c1bece680da54e371eb2ea6ef610e83d0df6c7caa520bfa8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BackupDatabase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BackupDatabaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backupDatabase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BackupDatabasePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"checksumSha256"}},{"kind":"Field","name":{"kind":"Name","value":"databaseBytes"}},{"kind":"Field","name":{"kind":"Name","value":"schemaVersion"}},{"kind":"Field","name":{"kind":"Name","value":"sqliteVersion"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"prunedKeys"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<BackupDatabaseMutation, BackupDatabaseMutationVariables>;
export const RestoreDatabaseDocument = {"__meta__":{"hash":"d467f0f52aaeceb349f8112c252c397eac4a03fb6e6119f9e17ddfa95037148e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreDatabase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RestoreDatabaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreDatabase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RestoreDatabasePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"checksumSha256"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"migrationsApplied"}},{"kind":"Field","name":{"kind":"Name","value":"preRestoreBackup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<RestoreDatabaseMutation, RestoreDatabaseMutationVariables>;
export const BackupsDocument = {"__meta__":{"hash":"f91f9ca3c583616cd63c8b3e4215d63e074a944034ee70f6475d420d371d5e10"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Backups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"checksumSha256"}},{"kind":"Field","name":{"kind":"Name","value":"schemaVersion"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestBackup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]} as unknown as DocumentNode<BackupsQuery, BackupsQueryVariables>;
export const UploadFileDocument = {"__meta__":{"hash":"627b3b7595952b731b253ba5a48b878a38543a5fa7d51427746fa1b50d114ff1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadFileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UploadFilePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StoredFileFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StoredFileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StoredFile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"checksumSha256"}},{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UseCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Artifact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<UploadFileMutation, UploadFileMutationVariables>;
export const CreateUploadUrlDocument = {"__meta__":{"hash":"3f320b229b2f5127270c03a53f0c6941e007ebf7d465da309ddd4034026bedc7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUploadUrl"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUploadUrlInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUploadUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUploadUrlPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"headers"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StoredFileFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StoredFileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StoredFile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"checksumSha256"}},{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UseCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Artifact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CreateUploadUrlMutation, CreateUploadUrlMutationVariables>;
export const CompleteUploadDocument = {"__meta__":{"hash":"cc86251aa822d3f6d496d81a290c85eb209fcafe6dfadece43c447899ed861b2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompleteUploadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CompleteUploadPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StoredFileFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChecksumMismatchError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expectedSize"}},{"kind":"Field","name":{"kind":"Name","value":"actualSize"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSha256"}},{"kind":"Field","name":{"kind":"Name","value":"actualSha256"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StoredFileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StoredFile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"checksumSha256"}},{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UseCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Artifact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CompleteUploadMutation, CompleteUploadMutationVariables>;
export const DeleteFileDocument = {"__meta__":{"hash":"695497325a56144af04e7a805594c542c6bb6f7d2e1ee5860b9691f941c0b5c4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteFileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteFilePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteFileMutation, DeleteFileMutationVariables>;
export const UseCaseFilesDocument = {"__meta__":{"hash":"f8d31e368d790fa6dfb8848f09b132e59a3eaa9cc686520ff1c02409dd2b348d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UseCaseFiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}},{"kind":"Field","name":{"kind":"Name","value":"configFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StoredFileFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"datasetFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StoredFileFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StoredFileFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"evaluationResults"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"resultsFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StoredFileFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StoredFileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StoredFile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"checksumSha256"}},{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UseCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Artifact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<UseCaseFilesQuery, UseCaseFilesQueryVariables>;
export const StoredFileNodeDocument = {"__meta__":{"hash":"fa7dd0b7a9abe93c22032540025959ac1e19335b741f3686e90d2b7f8ee92787"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StoredFileNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StoredFile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StoredFileFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StoredFileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StoredFile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"checksumSha256"}},{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UseCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Artifact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StoredFileNodeQuery, StoredFileNodeQueryVariables>;
export const CreateJobDocument = {"__meta__":{"hash":"d8af875343b01341edd64d2731d0f70903e624b34fdad5eb9ce200b300e18854"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateJobPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobName"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"persona"}},{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"emotion"}},{"kind":"Field","name":{"kind":"Name","value":"hook"}},{"kind":"Field","name":{"kind":"Name","value":"voiceId"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"brandName"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CreateJobMutation, CreateJobMutationVariables>;
export const UpdateJobDocument = {"__meta__":{"hash":"19f6dc6777433ca04e611c75d53ee8a0a3d67595f31d959f3e0061a3d455656a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateJobPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobName"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"persona"}},{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"emotion"}},{"kind":"Field","name":{"kind":"Name","value":"hook"}},{"kind":"Field","name":{"kind":"Name","value":"voiceId"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"brandName"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateJobMutation, UpdateJobMutationVariables>;
export const DeleteJobDocument = {"__meta__":{"hash":"dcb401688f6a39447a0f258418647c8fc28f0175a08d2131b1ffc7688b7e770d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteJobPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedJobId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteJobMutation, DeleteJobMutationVariables>;
export const ImportJobsDocument = {"__meta__":{"hash":"f0c65e7e81f2152f8937b64fdbdd3f201fd08a7fc8dbaeae6ecdcb3fd890dc09"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportJobsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportJobsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"found"}},{"kind":"Field","name":{"kind":"Name","value":"imported"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ImportJobsMutation, ImportJobsMutationVariables>;
export const ExportJobsDocument = {"__meta__":{"hash":"cfea4ea348c6aa10715dfe5373fa654b84ef430fbf8326765db6e3817365aa2a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExportJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExportJobsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportJobsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"yaml"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"checksumSha256"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ExportJobsMutation, ExportJobsMutationVariables>;
export const JobDocument = {"__meta__":{"hash":"8d47003dbcd46b2acabde9eca337fe14088d0b77273628946e9bf7625ab45cd8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Job"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobName"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"persona"}},{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"emotion"}},{"kind":"Field","name":{"kind":"Name","value":"hook"}},{"kind":"Field","name":{"kind":"Name","value":"voiceId"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"brandName"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<JobQuery, JobQueryVariables>;
export const JobsDocument = {"__meta__":{"hash":"c3d3bbf828746055de549a7ca598cdb53b620677eb8502d88e287ccc3bd5a62b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Jobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JobFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JobOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobName"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"persona"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<JobsQuery, JobsQueryVariables>;
export const SearchJobsDocument = {"__meta__":{"hash":"c07a4b5499f624d0f0904c8b832f3d535815f67f64075b4b8ac314b1a8d54d84"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JobFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobSearchConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"terms"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"snippet"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobName"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"persona"}},{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"emotion"}},{"kind":"Field","name":{"kind":"Name","value":"hook"}},{"kind":"Field","name":{"kind":"Name","value":"brandName"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<SearchJobsQuery, SearchJobsQueryVariables>;
export const JobStatisticsDocument = {"__meta__":{"hash":"d453f9c6218c5bec177196af286aa0bacc044899b62345c89fb6589fa8e84a1f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JobStatistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobStatistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalJobs"}},{"kind":"Field","name":{"kind":"Name","value":"enabledJobs"}},{"kind":"Field","name":{"kind":"Name","value":"disabledJobs"}},{"kind":"Field","name":{"kind":"Name","value":"byProduct"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byLanguage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byPersona"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<JobStatisticsQuery, JobStatisticsQueryVariables>;
export const RegisterModelVersionDocument = {"__meta__":{"hash":"bb49f48f89f52d9baa53a8d67636a3333c8029814e8715d467f7b2cbb92f60d8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterModelVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterModelVersionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerModelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterModelVersionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"promoted"}},{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RegistryVersionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sensorId"}},{"kind":"Field","name":{"kind":"Name","value":"modelType"}},{"kind":"Field","name":{"kind":"Name","value":"activeVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RegistryVersionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"performanceScore"}},{"kind":"Field","name":{"kind":"Name","value":"validationPerformed"}},{"kind":"Field","name":{"kind":"Name","value":"trainingMetrics"}},{"kind":"Field","name":{"kind":"Name","value":"validationMetrics"}},{"kind":"Field","name":{"kind":"Name","value":"modelPath"}},{"kind":"Field","name":{"kind":"Name","value":"legacyId"}},{"kind":"Field","name":{"kind":"Name","value":"artifactFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lineage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataHash"}},{"kind":"Field","name":{"kind":"Name","value":"dataSource"}},{"kind":"Field","name":{"kind":"Name","value":"numSamples"}}]}}]}}]} as unknown as DocumentNode<RegisterModelVersionMutation, RegisterModelVersionMutationVariables>;
export const PromoteModelVersionDocument = {"__meta__":{"hash":"f9143edbdf70a4c818f891801e8432d9016876cd626aba158541f19cef954226"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PromoteModelVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PromoteModelVersionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"promoteModelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PromoteModelVersionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}}]}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activeVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"promotion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"previousVersionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<PromoteModelVersionMutation, PromoteModelVersionMutationVariables>;
export const DeleteModelVersionDocument = {"__meta__":{"hash":"8a677fe67bcc3b1f6ef397df2773913295f74a6dd24e5f0282f475c7b2e5a8b2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteModelVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteModelVersionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteModelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteModelVersionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedVersionId"}},{"kind":"Field","name":{"kind":"Name","value":"artifactDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"newActiveVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activeVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteModelVersionMutation, DeleteModelVersionMutationVariables>;
export const UpdateRegistrySettingsDocument = {"__meta__":{"hash":"3b4242ac4fa4ebc1b3e192f38ef5557634a05fb3472349d94cf7e19672582227"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateRegistrySettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateRegistrySettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRegistrySettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateRegistrySettingsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"r2Weight"}},{"kind":"Field","name":{"kind":"Name","value":"mapeWeight"}},{"kind":"Field","name":{"kind":"Name","value":"anomalyMin"}},{"kind":"Field","name":{"kind":"Name","value":"anomalyMax"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateRegistrySettingsMutation, UpdateRegistrySettingsMutationVariables>;
export const RegistryModelDocument = {"__meta__":{"hash":"0857826d51e127904257d5ae2f88bbc72f79a6ad8fcc91f030de79b338c98a58"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegistryModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sensorId"}},{"kind":"Field","name":{"kind":"Name","value":"modelType"}},{"kind":"Field","name":{"kind":"Name","value":"legacyId"}},{"kind":"Field","name":{"kind":"Name","value":"activeVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"performanceScore"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RegistryVersionFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"promotions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"previousVersionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RegistryVersionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"performanceScore"}},{"kind":"Field","name":{"kind":"Name","value":"validationPerformed"}},{"kind":"Field","name":{"kind":"Name","value":"trainingMetrics"}},{"kind":"Field","name":{"kind":"Name","value":"validationMetrics"}},{"kind":"Field","name":{"kind":"Name","value":"modelPath"}},{"kind":"Field","name":{"kind":"Name","value":"legacyId"}},{"kind":"Field","name":{"kind":"Name","value":"artifactFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lineage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataHash"}},{"kind":"Field","name":{"kind":"Name","value":"dataSource"}},{"kind":"Field","name":{"kind":"Name","value":"numSamples"}}]}}]}}]} as unknown as DocumentNode<RegistryModelQuery, RegistryModelQueryVariables>;
export const RegistryModelsDocument = {"__meta__":{"hash":"838f5de18fc8dbe39ef0b6570f3692b0b06c721afe9c901b88310f26261c950c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegistryModels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"models"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sensorId"}},{"kind":"Field","name":{"kind":"Name","value":"modelType"}},{"kind":"Field","name":{"kind":"Name","value":"legacyId"}},{"kind":"Field","name":{"kind":"Name","value":"activeVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"legacyId"}},{"kind":"Field","name":{"kind":"Name","value":"performanceScore"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegistryModelsQuery, RegistryModelsQueryVariables>;
export const RegistryModelVersionsDocument = {"__meta__":{"hash":"499bb6be6f85761d514ab22c71d9a5b695135ba88cafc64503b94119d6258f52"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegistryModelVersions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersionFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersionOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelVersions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"performanceScore"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lineage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataHash"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegistryModelVersionsQuery, RegistryModelVersionsQueryVariables>;
export const RegistryDataLineageDocument = {"__meta__":{"hash":"9614605cee46b5aa59924d8ea11dce23ea48a56685c2b7ebb0178e291630a900"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegistryDataLineage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dataHash"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataLineage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dataHash"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dataHash"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataHash"}},{"kind":"Field","name":{"kind":"Name","value":"dataSource"}},{"kind":"Field","name":{"kind":"Name","value":"dataStartDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataEndDate"}},{"kind":"Field","name":{"kind":"Name","value":"numSamples"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sensorId"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegistryDataLineageQuery, RegistryDataLineageQueryVariables>;
export const RegistryStatsDocument = {"__meta__":{"hash":"e2408ddf2ce599891ede14ab25a9d4529bb2489ca5ac9872491d5e042966efa8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegistryStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registryStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalModels"}},{"kind":"Field","name":{"kind":"Name","value":"totalVersions"}},{"kind":"Field","name":{"kind":"Name","value":"activeVersions"}},{"kind":"Field","name":{"kind":"Name","value":"averageScore"}},{"kind":"Field","name":{"kind":"Name","value":"byModelType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelType"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"versions"}},{"kind":"Field","name":{"kind":"Name","value":"activeVersions"}},{"kind":"Field","name":{"kind":"Name","value":"averageScore"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"registrySettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"r2Weight"}},{"kind":"Field","name":{"kind":"Name","value":"mapeWeight"}},{"kind":"Field","name":{"kind":"Name","value":"anomalyMin"}},{"kind":"Field","name":{"kind":"Name","value":"anomalyMax"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<RegistryStatsQuery, RegistryStatsQueryVariables>;
export const CreateUseCaseDocument = {"__meta__":{"hash":"ecf3ac60d0580a24d84b9243eabd213f181764aded9100da906b1cd8a545e94d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUseCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUseCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUseCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUseCasePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"teamEmail"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<CreateUseCaseMutation, CreateUseCaseMutationVariables>;
export const UpdateUseCaseDocument = {"__meta__":{"hash":"6b3b7e6d9bdea4dd4543b42162a19e25894bc80383b1d0fb6f82df48f6a5c33a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUseCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUseCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUseCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUseCasePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"teamEmail"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StaleVersionError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expectedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateUseCaseMutation, UpdateUseCaseMutationVariables>;
export const TransitionUseCaseDocument = {"__meta__":{"hash":"d86a6838912890afbbff0290fd0909bcdd89f810fc5dd975b996391208c597dc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransitionUseCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransitionUseCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transitionUseCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TransitionUseCasePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidTransitionError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StaleVersionError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expectedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]}}]} as unknown as DocumentNode<TransitionUseCaseMutation, TransitionUseCaseMutationVariables>;
export const RecordEvaluationResultsDocument = {"__meta__":{"hash":"b1190f4d25ef90038d0117ee8b0d9ff3d8cfdfeb8ad81944f5bcce4f25657ac0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordEvaluationResults"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordEvaluationResultsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordEvaluationResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordEvaluationResultsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"evaluationResults"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<RecordEvaluationResultsMutation, RecordEvaluationResultsMutationVariables>;
export const UseCaseDocument = {"__meta__":{"hash":"a5b65c86c66437b1747e332205ac10c61a766aef031dffdb69fcd07da8cd7f74"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UseCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"teamEmail"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTransitions"}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UseCaseQuery, UseCaseQueryVariables>;
export const UseCasesDocument = {"__meta__":{"hash":"a920f2add7dde6ef4a8cb5128dc889a7ca17f607dedf5785816b0ea69285e468"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UseCases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UseCaseFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UseCaseOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityType"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UseCasesQuery, UseCasesQueryVariables>;
export const StateMachineDocument = {"__meta__":{"hash":"c0c691571ff0a203321e154d7689bc2da01ddbfe226d1559007f372750ab6d11"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StateMachine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useCaseStateMachine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"states"}},{"kind":"Field","name":{"kind":"Name","value":"initialState"}},{"kind":"Field","name":{"kind":"Name","value":"terminalStates"}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"guard"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<StateMachineQuery, StateMachineQueryVariables>;
export const ActivityDocument = {"__meta__":{"hash":"5dc3950dd82a6a43696214bbaa451c123f56890f291b4ca9f0f7f8f2a7671d45"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Activity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ActivityQuery, ActivityQueryVariables>;
export const ViewerDocument = {"__meta__":{"hash":"4c016ab1fc0019d05778f52f45bd12f692e3137fc5f960705072227946f6f649"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;