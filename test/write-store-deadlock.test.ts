// Two writes on the PostgreSQL write store that lock the same two rows in opposite orders:
// PostgreSQL aborts one of them to break the deadlock (40P01), and Database.write runs that
// one again, so both succeed. Without the retry one of them fails with Prisma's P2034.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateRows, type Tx } from '../src/db/database.ts';
import { startTestServerOn } from './support/write-store.ts';
import type { TestServer } from './support/server.ts';

describe('a deadlock between two PostgreSQL writes', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServerOn('postgresql');
  });
  afterAll(() => t?.close());

  let round = 0;
  const deadlock = async (touch: (tx: Tx, id: string, label: string) => Promise<unknown>) => {
    const db = t.server.services.db;
    const editor = t.client('editor');
    const create = `mutation($input: CreateUseCaseInput!) { createUseCase(input: $input) { ... on CreateUseCasePayload { useCase { id } } } }`;
    const ids: string[] = [];
    round += 1;
    for (const name of [`A${round}`, `B${round}`]) {
      await editor.request(create, { input: { name, teamEmail: 'ml@example.com' } });
      ids.push((await db.reader.useCase.findFirstOrThrow({ where: { name } })).id);
    }
    const [a, b] = ids as [string, string];

    // Both transactions hold their first row before either asks for its second.
    let arrived = 0;
    let release!: () => void;
    const bothHoldOne = new Promise<void>((r) => (release = r));
    const runs: string[] = [];
    const write = (first: string, second: string, label: string) =>
      db.write(async (tx) => {
        runs.push(label);
        await touch(tx, first, label);
        if (++arrived === 2) release();
        await bothHoldOne;
        await touch(tx, second, label);
        return label;
      });

    const results = await Promise.allSettled([write(a, b, 'one'), write(b, a, 'two')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    // Three runs: both started, one was PostgreSQL's victim and ran again.
    expect(runs).toHaveLength(3);
    const victim = runs[2]!;
    const rows = await db.reader.useCase.findMany({ where: { id: { in: ids } } });
    // The victim ran last, so it wrote both rows.
    expect(rows.map((r) => r.description)).toEqual([victim, victim]);
  };

  it('is broken by PostgreSQL and the victim is run again: both writes commit (statements through Prisma)', () =>
    deadlock((tx, id, label) => tx.$executeRawUnsafe(`UPDATE "UseCase" SET description = $1 WHERE id = $2`, label, id)));

  // The plain-statement helpers run on the write session's pg client, not through Prisma: the
  // deadlock arrives as pg's 40P01 (converted as the adapter converts it), and is retried too.
  it('is broken and retried the same when the statements are plain helpers (updateRows)', () =>
    deadlock((tx, id, label) => updateRows(tx, 'UseCase', { description: label }, { id })));
});