// Metrics of GraphQL over HTTP, taken from what Yoga is about to send (onResultProcess): so
// errors from every stage count — request parameters, persisted-document lookups, parsing,
// validation, execution — with the code the client sees (after masking). SSE subscriptions
// count as active while their stream is open, and each event's errors count too.
// graphql-ws has its own hooks (src/ws/ws-metrics.ts); refusals before Yoga (401, 413) are
// counted by the router.
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { countWhileOpen, type Metrics } from '../../metrics.ts';

type Result = { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> | null }> | null };

function countEach(source: AsyncIterable<Result>, metrics: Metrics): AsyncIterable<Result> {
  const it = source[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        const r = await it.next();
        if (!r.done) metrics.countErrors(r.value.errors, 'http');
        return r;
      },
      return: async (value?: unknown) => (await it.return?.(value)) ?? { done: true, value: undefined as never },
      throw: async (err?: unknown) => {
        if (it.throw) return it.throw(err);
        throw err;
      },
    }),
  };
}

export function useRequestMetrics(metrics: Metrics): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (isAsyncIterable(result)) {
        setResult(countWhileOpen(countEach(result as AsyncIterable<Result>, metrics), metrics.subscriptions.labels({ transport: 'sse' })) as typeof result);
        return;
      }
      for (const r of Array.isArray(result) ? result : [result]) metrics.countErrors((r as Result).errors, 'http');
    },
  };
}
