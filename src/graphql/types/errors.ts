// Expected failures as typed results. Each class from src/errors.ts becomes an object type
// implementing the `DomainError` interface, so a client can always ask for `message` and
// `code`, and match specific types for their extra fields.
import {
  BusyError,
  ConflictError,
  DiskFullError,
  DomainError,
  InvalidTransitionError,
  NotFoundError,
  StaleVersionError,
  StorageError,
  ValidationError,
} from '../../errors.ts';
import { builder } from '../builder.ts';

export const DomainErrorInterface = builder.interfaceRef<DomainError>('DomainError').implement({
  description: 'An expected failure of a mutation: nothing was changed.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [DomainErrorInterface],
  description: 'An input value was refused; `field` names it (dotted path inside `input`).',
  isTypeOf: (v) => v instanceof ValidationError,
  fields: (t) => ({ field: t.exposeString('field') }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [DomainErrorInterface],
  isTypeOf: (v) => v instanceof NotFoundError,
  fields: (t) => ({ typeName: t.exposeString('typeName'), id: t.exposeString('id') }),
});

builder.objectType(InvalidTransitionError, {
  name: 'InvalidTransitionError',
  interfaces: [DomainErrorInterface],
  description: 'The requested state change is not allowed now; `allowed` lists the states that are.',
  isTypeOf: (v) => v instanceof InvalidTransitionError,
  fields: (t) => ({
    from: t.exposeString('from'),
    to: t.exposeString('to'),
    allowed: t.exposeStringList('allowed'),
    detail: t.exposeString('detail', { nullable: true }),
  }),
});

builder.objectType(StaleVersionError, {
  name: 'StaleVersionError',
  interfaces: [DomainErrorInterface],
  description: 'Someone else changed the record since you read it (`expectedVersion` is behind).',
  isTypeOf: (v) => v instanceof StaleVersionError,
  fields: (t) => ({
    expectedVersion: t.exposeInt('expectedVersion'),
    currentVersion: t.exposeInt('currentVersion'),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [DomainErrorInterface],
  isTypeOf: (v) => v instanceof ConflictError,
  fields: () => ({}),
});

builder.objectType(StorageError, {
  name: 'StorageError',
  interfaces: [DomainErrorInterface],
  description: 'The blob store could not be reached or refused the operation; nothing was recorded.',
  isTypeOf: (v) => v instanceof StorageError,
  fields: () => ({}),
});

builder.objectType(BusyError, {
  name: 'BusyError',
  interfaces: [DomainErrorInterface],
  description:
    'Another process held the database write lock for longer than the server waits (SQLITE_BUSY_TIMEOUT_MS). Nothing was ' +
    'changed; send the same request again later.',
  isTypeOf: (v) => v instanceof BusyError,
  fields: (t) => ({
    retryable: t.exposeBoolean('retryable', { description: 'Always true: the request may simply be repeated.' }),
    waitedMs: t.exposeInt('waitedMs', { description: 'How long the server waited for the lock.' }),
  }),
});

builder.objectType(DiskFullError, {
  name: 'DiskFullError',
  interfaces: [DomainErrorInterface],
  description: 'The disk holding the database is full. Nothing was changed; retry once space is freed.',
  isTypeOf: (v) => v instanceof DiskFullError,
  fields: () => ({}),
});

/** The errors every mutation can return. Add domain-specific ones per field. */
export const COMMON_ERRORS = [ValidationError, NotFoundError, ConflictError] as const;

// The shape Pothos's `errors.types` takes.
export type ErrorClass = new (...args: any[]) => DomainError;

/**
 * A mutation's error union: COMMON_ERRORS plus every error its command declares it can throw
 * (the command's `<name>Errors`; test/error-unions.test.ts holds the two together).
 */
export function mutationErrors(declared: readonly ErrorClass[]): ErrorClass[] {
  return [...new Set<ErrorClass>([...COMMON_ERRORS, ...declared])];
}
