// Every pointer into the documentation from the schema's descriptions (what GraphiQL and
// generated clients show) names a file and a section that exist.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const line of markdown.split('\n')) {
    const m = /^#{1,6}\s+(.*)$/.exec(line);
    if (m) out.add(m[1]!.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-'));
  }
  return out;
}

describe('documentation pointers in schema.graphql', () => {
  it('each docs/…md#section and README pointer resolves', () => {
    const schema = fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8');
    const pointers = [...schema.matchAll(/\b((?:docs\/[\w.-]+\.md|README\.md))(?:#([\w-]+))?/g)];
    expect(pointers.length).toBeGreaterThan(0);
    for (const [text, file, anchor] of pointers) {
      const full = path.join(root, file!);
      expect(fs.existsSync(full), `${text}: no such file`).toBe(true);
      if (anchor) expect(anchors(fs.readFileSync(full, 'utf8')).has(anchor), `${text}: no such section`).toBe(true);
    }
    // The loose "see README: …" form names no section anyone can find.
    expect(schema).not.toMatch(/see README:/);
  });
});
