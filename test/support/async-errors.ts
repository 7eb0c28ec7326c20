// Where no-unhandled-errors.ts collects unhandled async errors of this test process and of
// the servers it spawned. On globalThis, so the setup file and a test file's imports share
// one list whatever module instance each gets.
const KEY = Symbol.for('opsgraph.test.asyncErrors');
type Recorded = { origin: string; error: unknown };
const store = globalThis as unknown as Record<symbol, Recorded[] | undefined>;

export function recordAsyncError(origin: string, error: unknown): void {
  (store[KEY] ??= []).push({ origin, error });
}

export function drainAsyncErrors(): Recorded[] {
  const list = store[KEY] ?? [];
  store[KEY] = [];
  return list;
}
