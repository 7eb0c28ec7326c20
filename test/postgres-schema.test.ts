// One data model, two back ends (issue 16, milestone 1): prisma/postgres/schema.prisma is
// derived from prisma/schema.prisma, the two generated clients describe the same models, and
// the PostgreSQL migrations build exactly that schema on a real PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { derivePostgresSchema } from '../src/db/postgres/derive-schema.ts';
import { diffPostgresSchemaAgainstMigrations } from '../src/db/postgres/migrate.ts';

const root = path.resolve(import.meta.dirname, '..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');

/** The models as the generated client's runtime sees them (names, fields, kinds, types, relations). */
function runtimeDataModel(client: 'prisma' | 'prisma-postgres'): { models: Record<string, unknown>; enums: unknown; types: unknown } {
  const source = read(`src/generated/${client}/internal/class.ts`);
  const literal = /config\.runtimeDataModel = JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(source);
  if (!literal) throw new Error(`no runtimeDataModel in the ${client} client`);
  return JSON.parse(JSON.parse(literal[1]!) as string);
}

describe('the PostgreSQL data model', () => {
  it('prisma/postgres/schema.prisma is the current derivation of prisma/schema.prisma (run npm run generate:prisma)', () => {
    expect(read('prisma/postgres/schema.prisma')).toBe(derivePostgresSchema(read('prisma/schema.prisma')));
  });

  it('the derivation changes only the back end: every model, field and attribute comes through', () => {
    const sqlite = read('prisma/schema.prisma');
    const derived = derivePostgresSchema(sqlite);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).not.toContain('provider = "sqlite"');
    expect(derived).not.toContain('prisma-pothos-types');
    const body = (s: string) => s.slice(s.indexOf('\nmodel ')); // from the first model on
    expect(body(derived)).toBe(body(sqlite).replace(/^(?:generator|datasource)\s+\w+\s*\{[^{}]*\}[ \t]*\n?/gm, '').replace(/\n{3,}/g, '\n\n'));
    // A model someone adds tomorrow reaches PostgreSQL with nothing else to edit.
    const added = derivePostgresSchema(`${sqlite}\nmodel Notification {\n  id String @id\n  sentAt DateTime?\n}\n`);
    expect(added).toMatch(/model Notification \{\n {2}id String @id\n {2}sentAt DateTime\?\n\}/);
  });

  it('both generated clients describe the same models', () => {
    const sqlite = runtimeDataModel('prisma');
    const postgres = runtimeDataModel('prisma-postgres');
    expect(Object.keys(sqlite.models).length).toBeGreaterThan(10);
    expect(Object.keys(postgres.models).sort()).toEqual(Object.keys(sqlite.models).sort());
    expect(postgres).toEqual(sqlite);
  });

  it('the PostgreSQL migrations build exactly prisma/postgres/schema.prisma (else: npm run migrate:create:postgres -- NAME)', async () => {
    const diff = await diffPostgresSchemaAgainstMigrations(inject('postgres').url);
    expect(diff).toBe('');
  });

  it('…and the check sees a model missing from the migrations', async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-pg-schema-'));
    try {
      const schemaFile = path.join(scratch, 'schema.prisma');
      fs.writeFileSync(schemaFile, `${read('prisma/postgres/schema.prisma')}\nmodel MigrationProbe {\n  id String @id\n}\n`);
      const diff = await diffPostgresSchemaAgainstMigrations(inject('postgres').url, { schemaFile });
      expect(diff).toMatch(/CREATE TABLE "MigrationProbe"/);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});
