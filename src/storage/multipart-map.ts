// The `map` field of a GraphQL multipart request names where each file goes in `operations`,
// as dotted paths ("variables.input.file"). Those paths come from anyone who can send a
// request, so they are checked before anything is written:
// - only paths into an operation's variables (`variables.…`, or `N.variables.…` in a batch);
// - only own properties that already exist (the spec's null placeholders), walked with
//   Object.hasOwn, so no path can reach a prototype;
// - never the keys `__proto__`, `constructor` or `prototype`, whatever the object holds.
// A path that fails any check refuses the whole request (MapError → 400).

export class MapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MapError';
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_PATHS = 100;

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return value !== null && typeof value === 'object';
}

/** Parses and checks the `map` field: field name → paths, every path valid for `operations`. */
export function parseMap(operations: unknown, text: string): Array<[field: string, paths: string[]]> {
  let map: unknown;
  try {
    map = JSON.parse(text);
  } catch (err) {
    throw new MapError(`"map" is not JSON: ${(err as Error).message}`);
  }
  if (!isContainer(map) || Array.isArray(map)) throw new MapError('"map" must be an object of field name → list of paths');
  const entries: Array<[string, string[]]> = [];
  let count = 0;
  for (const [field, paths] of Object.entries(map)) {
    if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => typeof p === 'string')) {
      throw new MapError(`"map" entry "${field.slice(0, 50)}" must be a non-empty list of paths`);
    }
    count += paths.length;
    if (count > MAX_PATHS) throw new MapError(`"map" names more than ${MAX_PATHS} paths`);
    for (const p of paths) resolveVariablePath(operations, p);
    entries.push([field, paths as string[]]);
  }
  return entries;
}

/** Writes `value` at a path that parseMap accepted. */
export function setVariable(operations: unknown, path: string, value: unknown): void {
  const { parent, key } = resolveVariablePath(operations, path);
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else Object.defineProperty(parent, key, { value, writable: true, enumerable: true, configurable: true });
}

function resolveVariablePath(operations: unknown, path: string): { parent: Container; key: string } {
  const shown = `map path "${path.slice(0, 100)}"`;
  const parts = path.split('.');
  const batch = Array.isArray(operations);
  const variablesAt = batch ? 1 : 0;
  if (batch ? !/^\d+$/.test(parts[0] ?? '') : false) throw new MapError(`${shown} must start with an operation index in a batch`);
  if (parts[variablesAt] !== 'variables' || parts.length < variablesAt + 2) {
    throw new MapError(`${shown} must name a variable of the operation ("${batch ? 'N.' : ''}variables.…")`);
  }
  let node: unknown = operations;
  for (const [i, part] of parts.entries()) {
    if (FORBIDDEN_KEYS.has(part)) throw new MapError(`${shown} uses the forbidden key "${part}"`);
    if (!isContainer(node)) throw new MapError(`${shown} does not exist in "operations"`);
    const exists = Array.isArray(node) ? /^\d+$/.test(part) && Number(part) < node.length : Object.hasOwn(node, part);
    if (!exists) throw new MapError(`${shown} does not exist in "operations" (send null where the file goes)`);
    if (i === parts.length - 1) return { parent: node, key: part };
    node = (node as Record<string, unknown>)[part];
  }
  throw new MapError(`${shown} is empty`);
}
