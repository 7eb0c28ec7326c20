// The id of the HTTP request being served, visible anywhere below the request handler
// (error masking, logs) without threading it through every call.
import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';

const storage = new AsyncLocalStorage<{ requestId: string }>();

export function newRequestId(): string {
  return crypto.randomUUID();
}

export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
