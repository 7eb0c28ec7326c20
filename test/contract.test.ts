// The committed contract must match the code: schema.graphql is printed from the Pothos
// schema, and test/generated/ is what codegen.ts makes of it. Either being stale fails here.
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../scripts/print-schema.ts';
import codegenConfig from '../codegen.ts';

const root = path.resolve(import.meta.dirname, '..');

describe('contract files', () => {
  it('schema.graphql is up to date (run `npm run generate:schema`)', () => {
    expect(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8')).toBe(printedSchema());
  });

  it('test/generated is up to date with codegen.ts (run `npm run generate:codegen`)', async () => {
    const outputs = (await generate({ ...codegenConfig, cwd: root, silent: true }, false)) as Array<{ filename: string; content: string }>;
    expect(outputs.length).toBeGreaterThan(0);
    for (const out of outputs) {
      const file = path.isAbsolute(out.filename) ? out.filename : path.join(root, out.filename);
      expect(fs.existsSync(file), `${out.filename} is missing`).toBe(true);
      expect(fs.readFileSync(file, 'utf8'), `${out.filename} is stale`).toBe(out.content);
    }
  });
});
