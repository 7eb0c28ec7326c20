// Expected failures. Commands throw these; the GraphQL layer registers each class as a
// typed error in the schema (see src/graphql/types/errors.ts), so clients match on
// __typename instead of parsing messages. Anything else is unexpected and gets masked.

export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly typeName: string,
    readonly id: string,
  ) {
    super(`${typeName} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

export class InvalidTransitionError extends DomainError {
  readonly code = 'INVALID_TRANSITION';
  constructor(
    readonly from: string,
    readonly to: string,
    readonly allowed: string[],
    readonly detail?: string,
  ) {
    super(
      detail
        ? `cannot move from ${from} to ${to}: ${detail}`
        : `cannot move from ${from} to ${to}; allowed from ${from}: ${allowed.length ? allowed.join(', ') : 'none (terminal state)'}`,
    );
    this.name = 'InvalidTransitionError';
  }
}

export class StaleVersionError extends DomainError {
  readonly code = 'STALE_VERSION';
  constructor(
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`expected version ${expectedVersion} but the record is at version ${currentVersion}; reload and retry`);
    this.name = 'StaleVersionError';
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The blob store could not be reached or refused the operation. */
export class StorageError extends DomainError {
  readonly code = 'STORAGE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/**
 * Another process (a CLI import, a restore, an operator's sqlite3 shell) held the database's
 * write lock for longer than the configured wait. Nothing was changed; the same request can
 * simply be sent again.
 */
export class BusyError extends DomainError {
  readonly code = 'DATABASE_BUSY';
  readonly retryable = true;
  constructor(readonly waitedMs: number) {
    super(`the database is locked by another process; waited ${waitedMs} ms for the write lock. Nothing was changed: retry later`);
    this.name = 'BusyError';
  }
}

/** The file system holding the database has no space left. Nothing was changed. */
export class DiskFullError extends DomainError {
  readonly code = 'DISK_FULL';
  constructor(options?: { cause?: unknown }) {
    super('the disk holding the database is full; nothing was changed. Free space on it and retry', options);
    this.name = 'DiskFullError';
  }
}

/** What any db.write() can fail with besides the command's own errors. */
export const WRITE_ERRORS = [BusyError, DiskFullError] as const;

/**
 * PostgreSQL mode: the write store could not be reached (down, restarting, recovering).
 * Retryable once it is back. `maybeApplied`: the connection was lost mid-transaction, so a
 * write whose COMMIT was in flight may have been applied; a client retrying a write that is
 * not idempotent should read first (or send its expectedVersion).
 */
export class StoreUnavailableError extends DomainError {
  readonly code = 'STORE_UNAVAILABLE';
  readonly retryable = true;
  constructor(
    readonly maybeApplied: boolean,
    options?: { cause?: unknown },
  ) {
    super(
      maybeApplied
        ? 'the write store (PostgreSQL) went away during the request; the write may or may not have been applied. Retry once it is back (read first if the write is not idempotent)'
        : 'the write store (PostgreSQL) cannot be reached; nothing was changed. Retry once it is back',
      options,
    );
    this.name = 'StoreUnavailableError';
  }
}
