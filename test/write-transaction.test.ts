// Database.write()'s transaction (src/db/write-transaction.ts): the writer connection opens
// it, plain statements (insertRow & co.) run in it, and Prisma joins the same transaction only
// when a command uses it. So a write that uses both commits or rolls back as one, and a write
// that needs no Prisma costs BEGIN, its statements and COMMIT — nothing more.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, insertRow, selectRow, selectRows, updateRows, upsertRow } from '../src/db/database.ts';
import { applyMigrations } from '../src/db/migrate.ts';
import { withSqlCounter } from '../src/db/sql-counter.ts';

let dir: string;
let db: Database;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-write-tx-'));
  const file = path.join(dir, 'opsgraph.db');
  await applyMigrations(file);
  db = new Database({ file });
  await db.connect();
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const useCase = (id: string) => ({ id, name: `uc ${id}`, teamEmail: 'a@example.com', state: 'TEMPLATE_GENERATION', version: 1, createdAt: new Date(), updatedAt: new Date() });

describe('write transactions', () => {
  it('a write of plain statements only runs BEGIN, its statements and COMMIT, and Prisma reads the rows back as its own', async () => {
    const created = new Date('2026-03-04T05:06:07.089Z');
    const { result, tally } = withSqlCounter(() =>
      db.write(async (tx) => {
        await insertRow(tx, 'UseCase', { ...useCase('plain-1'), createdAt: created, updatedAt: created });
        return insertRow(tx, 'ActivityLogEntry', { id: 'act-plain-1', subjectType: 'UseCase', subjectId: 'plain-1', activityType: 't', description: 'd', details: '{}', actor: 'test', createdAt: created }, 'seq');
      }),
    );
    const seq = await result;
    expect(typeof seq).toBe('number');
    expect(tally.statements).toBe(4);
    const row = await db.reader.useCase.findUniqueOrThrow({ where: { id: 'plain-1' } });
    expect(row.createdAt.toISOString()).toBe(created.toISOString());
    expect(row.version).toBe(1);
    expect((await db.reader.activityLogEntry.findUniqueOrThrow({ where: { id: 'act-plain-1' } })).seq).toBe(seq);
  });

  it('plain statements and Prisma in one write commit together and see each other', async () => {
    await db.write(async (tx) => {
      await insertRow(tx, 'UseCase', useCase('mixed-1'));
      // Prisma joins the open transaction: it sees the uncommitted row.
      const seen = await tx.useCase.findUnique({ where: { id: 'mixed-1' } });
      expect(seen?.name).toBe('uc mixed-1');
      await tx.useCase.update({ where: { id: 'mixed-1' }, data: { name: 'renamed by Prisma' } });
      expect(await selectRow(tx, 'UseCase', ['name'], { id: 'mixed-1' })).toEqual({ name: 'renamed by Prisma' });
      expect(await updateRows(tx, 'UseCase', { version: 2 }, { id: 'mixed-1' })).toBe(1);
    });
    const row = await db.reader.useCase.findUniqueOrThrow({ where: { id: 'mixed-1' } });
    expect([row.name, row.version]).toEqual(['renamed by Prisma', 2]);
  });

  it('a failure after both kinds of statement leaves nothing, runs no after-commit task, and the next write works', async () => {
    const ran: string[] = [];
    const failing = db.write(async (tx, afterCommit) => {
      await insertRow(tx, 'UseCase', useCase('failed-1'));
      await tx.useCase.create({ data: { id: 'failed-2', name: 'by Prisma', teamEmail: 'a@example.com' } });
      afterCommit(() => ran.push('published'));
      throw new Error('simulated failure');
    });
    await expect(failing).rejects.toThrow('simulated failure');
    expect(await db.reader.useCase.count({ where: { id: { in: ['failed-1', 'failed-2'] } } })).toBe(0);
    expect(ran).toEqual([]);

    // Also when Prisma's own statement fails (a duplicate id): the plain row before it goes too.
    await expect(
      db.write(async (tx) => {
        await insertRow(tx, 'UseCase', useCase('failed-3'));
        await tx.useCase.create({ data: { id: 'mixed-1', name: 'duplicate', teamEmail: 'a@example.com' } });
      }),
    ).rejects.toThrow();
    expect(await db.reader.useCase.count({ where: { id: 'failed-3' } })).toBe(0);

    await db.write(async (tx) => {
      await upsertRow(tx, 'UseCase', useCase('after-1'), ['id'], ['name']);
      await upsertRow(tx, 'UseCase', { ...useCase('after-1'), name: 'upserted' }, ['id'], ['name']);
    });
    expect((await db.reader.useCase.findUniqueOrThrow({ where: { id: 'after-1' } })).name).toBe('upserted');
    const all = await db.write((tx) => selectRows(tx, 'UseCase', ['id'], { teamEmail: 'a@example.com' }));
    expect(all.map((r) => r[0]).sort()).toEqual(['after-1', 'mixed-1', 'plain-1']);
  });
});
