// Prints the schema built from the code to schema.graphql (committed; a test fails when stale).
// `--check` exits non-zero instead of writing when the file differs.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from '../src/graphql/schema.ts';

export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildSchema()))}\n`;
}

const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  const text = printedSchema();
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error('schema.graphql is stale: run `npm run generate:schema`');
      process.exit(1);
    }
  } else if (current !== text) {
    fs.writeFileSync(target, text);
    console.log('wrote schema.graphql');
  } else {
    console.log('schema.graphql is up to date');
  }
}
