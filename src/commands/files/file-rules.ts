// What a stored file may be and where its object lives. Owners are polymorphic (use case,
// model version, artifact); the row has one FK column per owner type so deletes cascade
// or null out as the schema says.
import crypto from 'node:crypto';
import type { Tx } from '../../db/database.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';

export const FILE_TYPES = ['CONFIG', 'DATASET', 'RESULTS', 'MODEL_ARTIFACT', 'ARTIFACT', 'EXPORT', 'OTHER'] as const;
export type FileType = (typeof FILE_TYPES)[number];
export const OWNER_TYPES = ['UseCase', 'ModelVersion', 'Artifact'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

export interface OwnerRef {
  type: string;
  id: string;
}

const KEY_FOLDER: Record<OwnerType, string> = { UseCase: 'use-cases', ModelVersion: 'model-versions', Artifact: 'artifacts' };
/** Every prefix a file key starts with: reconcile looks only here (backups live elsewhere). */
export const FILE_KEY_PREFIXES = Object.values(KEY_FOLDER).map((f) => `${f}/`);

export function checkOwnerType(owner: OwnerRef): OwnerType {
  if (!(OWNER_TYPES as readonly string[]).includes(owner.type)) {
    throw new ValidationError('ownerId', `files belong to a ${OWNER_TYPES.join(', ')} (got a ${owner.type})`);
  }
  return owner.type as OwnerType;
}

export function checkFileType(value: string): FileType {
  if (!(FILE_TYPES as readonly string[]).includes(value)) throw new ValidationError('fileType', `must be one of ${FILE_TYPES.join(', ')}`);
  return value as FileType;
}

export function checkFilename(value: string | null | undefined): string {
  const name = (value ?? '').trim().split(/[\\/]/).pop() ?? '';
  if (!name) throw new ValidationError('filename', 'must not be empty');
  if (name.length > 255) throw new ValidationError('filename', 'must be at most 255 characters');
  return name;
}

export function checkSha256(value: string): string {
  const hex = value.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new ValidationError('checksumSha256', 'must be 64 hexadecimal characters (SHA-256)');
  return hex;
}

/** A key a person can read: use-cases/<id>/config/<uuid>-<filename>. The uuid keeps keys unique. */
export function objectKey(ownerType: OwnerType, ownerId: string, fileType: FileType, filename: string): string {
  const safe = filename.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(-100) || 'file';
  return `${KEY_FOLDER[ownerType]}/${ownerId}/${fileType.toLowerCase()}/${crypto.randomUUID()}-${safe}`;
}

/** The FK columns for an owner, after checking (inside the transaction) that it exists. */
export async function ownerColumns(tx: Tx, ownerType: OwnerType, ownerId: string) {
  const exists =
    ownerType === 'UseCase'
      ? await tx.useCase.count({ where: { id: ownerId } })
      : ownerType === 'ModelVersion'
        ? await tx.modelVersion.count({ where: { id: ownerId } })
        : await tx.artifact.count({ where: { id: ownerId } });
  if (!exists) throw new NotFoundError(ownerType, ownerId);
  return {
    ownerType,
    useCaseId: ownerType === 'UseCase' ? ownerId : null,
    modelVersionId: ownerType === 'ModelVersion' ? ownerId : null,
    artifactId: ownerType === 'Artifact' ? ownerId : null,
  };
}

/** The raw id of a row's owner. */
export function ownerIdOf(row: { useCaseId: string | null; modelVersionId: string | null; artifactId: string | null }): string {
  return row.useCaseId ?? row.modelVersionId ?? row.artifactId ?? '';
}
