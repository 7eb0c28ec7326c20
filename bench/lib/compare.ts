// "Same data" check run once before timing: gateway and baseline answers must be deep-equal
// after normalising order (object keys sorted; lists of nodes sorted where the order is not
// part of the contract). Fails loudly with the first difference.
import assert from 'node:assert/strict';

/** Sorts object keys recursively; arrays keep their order. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Sorts a list of `{ node: { id } }` edges by node id (for lists whose order both sides define differently). */
export function sortEdgesById<T extends { node: { id: string } }>(edges: T[]): T[] {
  return [...edges].sort((a, b) => (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0));
}

export function assertSameData(what: string, gateway: unknown, baseline: unknown): void {
  try {
    assert.deepStrictEqual(canonical(baseline), canonical(gateway));
  } catch (err) {
    const msg = (err as Error).message;
    throw new Error(`${what}: gateway and baseline answers differ — the comparison would be meaningless.\n${msg.slice(0, 4000)}`);
  }
}
