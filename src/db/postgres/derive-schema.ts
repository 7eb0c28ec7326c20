// The PostgreSQL data model, derived from prisma/schema.prisma (see
// scripts/derive-postgres-schema.ts). Pure text in, text out, so a test can run it too.

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/derive-postgres-schema.ts — do not edit.
// The PostgreSQL write store's data model (DATABASE_URL=postgresql://…): the same models,
// another datasource and client. Edit prisma/schema.prisma and run \`npm run generate:prisma\`.

generator client {
  provider = "prisma-client"
  output   = "../../src/generated/prisma-postgres"
}

datasource db {
  provider = "postgresql"
}
`;

// A top-level `generator x { … }` or `datasource x { … }` block (their bodies hold no braces).
const BACKEND_BLOCK = /^(?:generator|datasource)\s+\w+\s*\{[^{}]*\}[ \t]*\n?/gm;

export function derivePostgresSchema(sqliteSchema: string): string {
  if (!/provider\s*=\s*"sqlite"/.test(sqliteSchema)) throw new Error('prisma/schema.prisma: expected a sqlite datasource');
  const models = sqliteSchema.replace(BACKEND_BLOCK, '').replace(/\n{3,}/g, '\n\n').trimStart();
  return `${HEADER}\n${models}`;
}
