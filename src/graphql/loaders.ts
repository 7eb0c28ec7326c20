// Per-request DataLoaders for what the Prisma plugin cannot fold into one query. Keyed by a
// name (and arguments where they change the query) so one batch runs per kind per request.
import DataLoader from 'dataloader';
import type { GraphQLContext } from './context.ts';

export function loaderFor<K, V>(
  ctx: GraphQLContext,
  name: string,
  batch: (keys: readonly K[]) => Promise<Array<V | Error>>,
  options?: DataLoader.Options<K, V, unknown>,
): DataLoader<K, V, unknown> {
  let loader = ctx.loaders.get(name) as DataLoader<K, V, unknown> | undefined;
  if (!loader) {
    loader = new DataLoader(batch, { maxBatchSize: 500, ...options });
    ctx.loaders.set(name, loader);
  }
  return loader;
}

/** One record by id, batched per request with every other id asked for under `name`; null when missing. */
export function loadById<T extends { id: string }>(
  ctx: GraphQLContext,
  name: string,
  id: string,
  fetch: (ids: string[]) => Promise<T[]>,
): Promise<T | null> {
  return loaderFor<string, T | null>(ctx, name, async (ids) => {
    const byId = new Map((await fetch([...ids])).map((row) => [row.id, row]));
    return ids.map((key) => byId.get(key) ?? null);
  }).load(id);
}
