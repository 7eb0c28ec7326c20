// Fan-out without re-executing: graphql-js `subscribe` runs the whole selection set once per
// subscriber per event. Subscribers that sent the same document and variables with the same
// role get the same result, so the first one to see an event executes it and the others
// reuse that (promise of the) result.
//
// The bus hands the SAME event object to every listener, so a WeakMap keyed by the event
// holds the shared results exactly as long as some subscriber still has the event queued;
// replayed entries are fresh objects per subscriber and are simply executed per subscriber.
import { createRequire } from 'node:module';
import type { ExecutionArgs, ExecutionResult } from 'graphql';

// The schema is built by the CommonJS build of graphql-js (what Node resolves for Pothos and
// Yoga). Under vitest a plain `import` would pick graphql's .mjs build, a second realm whose
// `instanceof GraphQLSchema` checks fail; require() always gets the one the schema uses.
const { createSourceEventStream, execute: executeSelection } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** Turns an unexpected resolver error into what a client may see (the server's error masking). */
type MaskError = (error: unknown) => Error;

const sharedResults = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

/**
 * What makes two subscribers' results identical: the operation, its variables, and the role
 * (auth depends on nothing else). The variables arrive here already bounded in depth (checked
 * when the document is parsed, src/graphql/plugins/input-limits.ts), so this stringify cannot
 * overflow the stack.
 */
export function shareKey(query: string, operationName: string | null | undefined, variables: unknown, role: string): string {
  return JSON.stringify([query, operationName ?? null, variables ?? null, role]);
}

/**
 * A `subscribe` for graphql-ws: the source stream comes from the field's `subscribe`
 * resolver (auth runs there), and each event's selection set is executed at most once per
 * share key. (Yoga's enveloped `execute` cannot be used per event: for a subscription
 * document it starts a new subscription instead of executing the selection set, exactly as
 * graphql-js's own `subscribe` does with its internal execute; so errors are masked here.)
 */
export async function subscribeShared(
  args: ExecutionArgs,
  maskError: MaskError,
  key: string,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
  const events = source as AsyncIterableIterator<unknown>;
  const execute = async (event: unknown): Promise<ExecutionResult> => {
    const result = await executeSelection({ ...args, rootValue: event });
    return result.errors ? { ...result, errors: result.errors.map((e) => maskError(e) as never) } : result;
  };
  const run = (event: unknown): Promise<ExecutionResult> => {
    if (typeof event !== 'object' || event === null) return execute(event);
    let byKey = sharedResults.get(event);
    if (!byKey) sharedResults.set(event, (byKey = new Map()));
    let result = byKey.get(key);
    if (!result) {
      result = execute(event);
      byKey.set(key, result);
    }
    return result;
  };
  // A hand-written mapper (not an async generator) so `return()` reaches the source at once
  // and the feed unsubscribes from the bus even while it is waiting for the next event.
  const mapped: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const step = await events.next();
      if (step.done) return { done: true, value: undefined };
      return { done: false, value: await run(step.value) };
    },
    async return() {
      await events.return?.();
      return { done: true, value: undefined };
    },
    async throw(err?: unknown) {
      await events.return?.();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}
