// Which commit positions (src/db/commit-position.ts) the current request's writes reached.
// The transport opens a scope around an operation's execution; Database.write reports each
// committed transaction's position into whatever scope it runs in. So commands and resolvers
// need not know about positions at all, and a write outside any request (jobs, the outbox
// dispatcher, the CLI) reports into nothing.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CommitScope {
  /** The highest commit position written in this scope; 0 while nothing has committed. */
  position: number;
}

const storage = new AsyncLocalStorage<CommitScope>();

/** Runs `fn` in a new scope; read `scope.position` once its work (and promise) has settled. */
export function withCommitScope<T>(fn: () => T): { result: T; scope: CommitScope } {
  const scope: CommitScope = { position: 0 };
  return { result: storage.run(scope, fn), scope };
}

/** Called by Database.write after a transaction that recorded activity has committed. */
export function reportCommitted(position: number): void {
  const scope = storage.getStore();
  if (scope && position > scope.position) scope.position = position;
}
