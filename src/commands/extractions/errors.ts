// Expected failures of the extraction and upstream-sync commands (typed GraphQL errors in
// src/graphql/types/extraction.ts and upstream.ts).
import { DomainError } from '../../errors.ts';

/** An artifact passed EXTRACTION_ARTIFACT_MAX_BYTES (uncompressed); nothing was stored. */
export class ArtifactTooLargeError extends DomainError {
  readonly code = 'ARTIFACT_TOO_LARGE';
  constructor(
    readonly filename: string,
    readonly maxBytes: number,
  ) {
    super(`artifact "${filename}" exceeds the limit of ${maxBytes} bytes (EXTRACTION_ARTIFACT_MAX_BYTES); nothing was stored`);
    this.name = 'ArtifactTooLargeError';
  }
}

/** The extraction is leased to another worker. */
export class LeaseConflictError extends DomainError {
  readonly code = 'LEASE_CONFLICT';
  constructor(
    readonly extractionId: string,
    readonly holder: string | null,
  ) {
    super(`extraction ${extractionId} is leased to ${holder ? `worker "${holder}"` : 'no worker'}, not to you`);
    this.name = 'LeaseConflictError';
  }
}

/**
 * The upstream PostgreSQL could not be reached, refused the credentials, or failed the
 * statement. The message names the host and never the password; nothing changed locally.
 */
export class UpstreamError extends DomainError {
  readonly code = 'UPSTREAM_UNAVAILABLE';
  constructor(
    readonly host: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UpstreamError';
  }
}

/** UPSTREAM_DATABASE_URL is not set. */
export class UpstreamNotConfiguredError extends DomainError {
  readonly code = 'UPSTREAM_NOT_CONFIGURED';
  constructor() {
    super('no upstream is configured: set UPSTREAM_DATABASE_URL=postgresql://user:password@host:5432/database');
    this.name = 'UpstreamNotConfiguredError';
  }
}
