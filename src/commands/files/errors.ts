// Expected failures of the file commands (registered as typed GraphQL errors in file.ts).
import { DomainError } from '../../errors.ts';

/** What arrived in the store is not what the client declared; the object was deleted. */
export class ChecksumMismatchError extends DomainError {
  readonly code = 'CHECKSUM_MISMATCH';
  constructor(
    readonly expectedSize: number,
    readonly actualSize: number,
    readonly expectedSha256: string,
    readonly actualSha256: string | null,
  ) {
    super(
      expectedSize !== actualSize
        ? `expected ${expectedSize} bytes but ${actualSize} arrived; the upload was discarded`
        : `SHA-256 of what arrived (${actualSha256}) differs from the declared ${expectedSha256}; the upload was discarded`,
    );
    this.name = 'ChecksumMismatchError';
  }
}

/** The body passed the configured upload size limit. */
export class UploadTooLargeError extends DomainError {
  readonly code = 'UPLOAD_TOO_LARGE';
  constructor(readonly maxBytes: number) {
    super(`the file exceeds the upload limit of ${maxBytes} bytes`);
    this.name = 'UploadTooLargeError';
  }
}
