// Expected failures of backup and restore, returned as typed errors (BackupError in the
// schema). The message says which check failed; nothing was uploaded or changed.
import { DomainError } from '../errors.ts';

export class BackupError extends DomainError {
  readonly code: string;
  constructor(code: 'BACKUP_FAILED' | 'BACKUP_NOT_FOUND' | 'BACKUP_CORRUPT' | 'BACKUP_TOO_NEW' | 'RESTORE_FAILED', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
    this.code = code;
  }
}
