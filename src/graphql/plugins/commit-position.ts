// Read your writes, the writing side (issue 16, milestone 2): an operation whose transactions
// recorded activity answers with its commit position — the highest activity seq it wrote —
// in `extensions.commitPosition` and the `opsgraph-commit-position` response header, and only
// once local reads have reached that position, so the next request to this gateway sees the
// write. Resolvers and commands know nothing of this: Database.write reports each commit into
// the commit scope (src/db/commit-scope.ts) this plugin opens around execution.
//
// If local reads do not get there within READ_YOUR_WRITES_TIMEOUT_MS the mutation still
// answers with its data — it has committed, and an error would invite a retry that writes
// twice — plus `extensions.replicaBehind`; the client can then read with
// `opsgraph-min-position` (src/http/read-your-writes.ts).
import type { Plugin } from 'graphql-yoga';
import { type ReplicaProgress, ReplicaBehindError } from '../../db/commit-position.ts';
import { withCommitScope } from '../../db/commit-scope.ts';
import { COMMIT_POSITION_HEADER } from '../../http/read-your-writes.ts';
import type { Logger } from '../../logger.ts';

type Result = { extensions?: Record<string, unknown> } & object;

export function useCommitPosition(progress: ReplicaProgress, timeoutMs: number, logger: Logger): Plugin {
  // The position for the HTTP response's header, by the request it answers.
  const positions = new WeakMap<Request, number>();
  return {
    onExecute({ executeFn, setExecuteFn, args }) {
      setExecuteFn(async (execArgs) => {
        const { result, scope } = withCommitScope(() => executeFn(execArgs));
        const out = (await result) as Result;
        if (scope.position === 0 || Symbol.asyncIterator in out) return out;
        const extensions: Record<string, unknown> = { ...out.extensions, commitPosition: scope.position };
        try {
          await progress.waitFor(scope.position, timeoutMs);
        } catch (err) {
          if (!(err instanceof ReplicaBehindError)) throw err;
          logger.warn({ position: err.position, applied: err.applied, timeoutMs }, 'answering a mutation before local reads reached its commit position');
          extensions.replicaBehind = { code: err.code, applied: err.applied, timeoutMs };
        }
        const request = (args.contextValue as { request?: Request }).request;
        if (request) positions.set(request, scope.position);
        return { ...out, extensions };
      });
    },
    onResponse({ request, response }) {
      const position = positions.get(request);
      if (position !== undefined) response.headers.set(COMMIT_POSITION_HEADER, String(position));
    },
  };
}
