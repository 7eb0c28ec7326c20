// Expected failures of backup and restore, returned as typed errors (BackupError in the
// schema). The message says which check failed; nothing was uploaded or changed.
import { DomainError } from '../errors.ts';

export class BackupError extends DomainError {
  readonly code: string;
  constructor(
    code: 'BACKUP_FAILED' | 'BACKUP_NOT_FOUND' | 'BACKUP_CORRUPT' | 'BACKUP_TOO_NEW' | 'RESTORE_FAILED' | 'BACKUP_BY_POSTGRESQL',
    message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
    this.code = code;
  }
}

/**
 * On the PostgreSQL write store the system of record is PostgreSQL, and so are its backups:
 * pg_dump, base backups with WAL archiving, point-in-time recovery (README, "Scale-out").
 * opsgraph's SQLite snapshot would copy nothing of it.
 */
export function backupsArePostgresqls(operation: 'backup' | 'restore'): BackupError {
  return new BackupError(
    'BACKUP_BY_POSTGRESQL',
    `this gateway keeps its data in PostgreSQL: a ${operation} is PostgreSQL's job (pg_dump / pg_restore, base backups and point-in-time recovery), not opsgraph's`,
  );
}
