// Setup file (vitest.config.ts setupFiles): a test file fails if any unhandled rejection or
// uncaught exception happens in its process, or in a server it spawned (child-crash-watch.ts
// reports those here). Vitest alone only prints such errors beside an otherwise green file.
// The test that was running when one happened fails (afterEach); one that happens between
// or after tests fails the file (afterAll).
import { afterAll, afterEach } from 'vitest';
import { drainAsyncErrors, recordAsyncError } from './async-errors.ts';

process.on('unhandledRejection', (reason) => recordAsyncError('unhandledRejection', reason));
process.on('uncaughtException', (err) => recordAsyncError('uncaughtException', err));

function failOnAsyncErrors(when: string): void {
  const errors = drainAsyncErrors();
  if (!errors.length) return;
  const lines = errors.map((e) => `- ${e.origin}: ${e.error instanceof Error ? (e.error.stack ?? e.error.message) : String(e.error)}`);
  throw new Error(`${errors.length} unhandled async error(s) ${when}:\n${lines.join('\n')}`);
}

afterEach(() => failOnAsyncErrors('during this test'));
afterAll(() => failOnAsyncErrors('in this file outside a test'));
