// Gateways started together all make sure the publication exists (src/replica/publication.ts).
// Racing CREATE PUBLICATIONs made all but one fail with a unique violation on PostgreSQL's own
// catalog (23505 on pg_publication_pubname_index), which stopped a gateway at start (seen in
// CI in test/write-store-concurrency.test.ts). Eight clients at once must all succeed.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePublication, PUBLICATION } from '../src/replica/publication.ts';
import { createWriteStoreDatabase, type WriteStoreDatabase } from './support/write-store.ts';

describe('ensurePublication, from many gateways at once', () => {
  let database: WriteStoreDatabase;
  beforeAll(async () => {
    database = await createWriteStoreDatabase();
  });
  afterAll(() => database?.drop());

  it('creates it once and every caller gets the same table list', async () => {
    const setup = new pg.Client({ connectionString: database.url });
    await setup.connect();
    await setup.query('CREATE TABLE "Alpha" (id int PRIMARY KEY); CREATE TABLE "Beta" (id int PRIMARY KEY)');
    await setup.end();
    for (let round = 0; round < 3; round++) {
      const clients = await Promise.all(
        Array.from({ length: 8 }, async () => {
          const c = new pg.Client({ connectionString: database.url });
          await c.connect();
          return c;
        }),
      );
      try {
        // Round 0 races the CREATE; rounds 1–2 race the ADD TABLE of a table created in between.
        const wanted = round === 0 ? ['Alpha'] : ['Alpha', 'Beta'];
        const results = await Promise.allSettled(clients.map((c) => ensurePublication(c, wanted)));
        expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : String((r as PromiseRejectedResult).reason)))).toEqual(Array(8).fill('ok'));
        const published = await clients[0]!.query<{ tablename: string }>('SELECT tablename FROM pg_publication_tables WHERE pubname = $1 ORDER BY 1', [PUBLICATION]);
        expect(published.rows.map((r) => r.tablename)).toEqual(wanted);
      } finally {
        await Promise.all(clients.map((c) => c.end()));
      }
    }
  });
});
