// What a command can throw, read from the source: the DomainError classes constructed
// (`new XError(`) in the command's file and in every src/ module it imports at run time,
// transitively. An over-approximation on purpose: an error a shared helper can raise counts
// for every command that imports the helper, so a new `throw` anywhere on a command's path
// shows up here before a client meets it as a masked internal error.
import fs from 'node:fs';
import path from 'node:path';

export const SRC = path.resolve(import.meta.dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'generated' ? [] : sourceFiles(p);
    return d.name.endsWith('.ts') ? [p] : [];
  });
}

/** class name → the class it extends, over all of src/. */
function classParents(): Map<string, string> {
  const parents = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/class\s+(\w+)\s+extends\s+(\w+)/g)) parents.set(m[1]!, m[2]!);
  }
  return parents;
}

const parents = classParents();

/** The class and its ancestors, nearest first. */
export function lineage(name: string): string[] {
  const chain = [name];
  for (let p = parents.get(name); p && !chain.includes(p); p = parents.get(p)) chain.push(p);
  return chain;
}

export const isDomainError = (name: string) => name !== 'DomainError' && lineage(name).includes('DomainError');

/** Run-time imports of one file that resolve to files under src/ (type-only imports are skipped). */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm)) {
    if (m[1]) continue;
    const target = path.resolve(path.dirname(file), m[2]!);
    if (target.startsWith(SRC) && !target.includes(`${path.sep}generated${path.sep}`) && fs.existsSync(target)) out.push(target);
  }
  return out;
}

/**
 * Errors of the services a command is handed rather than imports (CommandContext.services):
 * code that uses one can fail with what that service's contract says it throws.
 */
export const SERVICE_ERRORS: Array<{ service: string; uses: RegExp; errors: string[] }> = [
  { service: 'db.write (src/db/database.ts)', uses: /\bdb\.write\(/, errors: ['BusyError', 'DiskFullError'] },
  { service: 'the blob store (src/storage/blob-store.ts)', uses: /\bblobs\b(?!\s*:)/, errors: ['StorageError'] },
];

export interface ReachableCode {
  files: string[];
  /** DomainError classes constructed anywhere in those files, or thrown by the services they use. */
  constructed: Set<string>;
}

export function reachableFrom(entry: string): ReachableCode {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...runtimeImports(file));
  }
  const constructed = new Set<string>();
  for (const file of seen) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new\s+(\w+)\s*\(/g)) if (isDomainError(m[1]!)) constructed.add(m[1]!);
    for (const s of SERVICE_ERRORS) if (s.uses.test(text)) for (const e of s.errors) constructed.add(e);
  }
  return { files: [...seen], constructed };
}

/** src/commands/<area>/<kebab-name>.ts for a mutation name, if there is one. */
export function commandFileFor(mutation: string): string | undefined {
  const kebab = mutation.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return sourceFiles(path.join(SRC, 'commands')).find((f) => path.basename(f) === `${kebab}.ts`);
}
