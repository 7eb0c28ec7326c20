// `npm run generate:prisma` runs this first: it writes prisma/postgres/schema.prisma, the
// PostgreSQL copy of the data model, from prisma/schema.prisma (the one source of truth).
// Only the blocks that name a back end are replaced — the datasource's provider and the
// client's output folder — and the Pothos generator is dropped (the graph is typed from the
// SQLite client). Every model, enum and comment is copied as written, so a model added to
// prisma/schema.prisma reaches PostgreSQL with nothing else to edit.
// test/postgres-schema.test.ts checks that the committed copy is current and that both
// generated clients describe the same models.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { derivePostgresSchema } from '../src/db/postgres/derive-schema.ts';

const source = fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url));
const target = fileURLToPath(new URL('../prisma/postgres/schema.prisma', import.meta.url));
const derived = derivePostgresSchema(fs.readFileSync(source, 'utf8'));
if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== derived) {
  fs.mkdirSync(new URL('../prisma/postgres/', import.meta.url), { recursive: true });
  fs.writeFileSync(target, derived);
  console.log('wrote prisma/postgres/schema.prisma');
}
