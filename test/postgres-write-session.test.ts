// The PostgreSQL write path (src/db/postgres/write-session.ts): Database.write opens its own
// transaction on a pooled pg client, the plain-statement helpers run on that client, and Prisma
// joins the SAME transaction when a command uses a model API. Against the run's real
// PostgreSQL, through a real gateway's Database.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRow, selectRow, selectRows, updateRows, type Tx } from '../src/db/database.ts';
import { spawnServer, type ChildServer } from './support/child-server.ts';
import { createWriteStoreDatabase, startTestServerOn, type WriteStoreDatabase } from './support/write-store.ts';
import type { TestServer } from './support/server.ts';

const useCaseRow = (name: string, at = new Date()) => ({
  id: randomUUID(),
  name,
  teamEmail: 'ml@example.com',
  description: null,
  state: 'TEMPLATE_GENERATION',
  version: 1,
  evaluationSummary: null,
  resultsFileId: null,
  resultsRecordedAt: null,
  createdAt: at,
  updatedAt: at,
});

describe('PostgreSQL write sessions', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServerOn('postgresql');
  });
  afterAll(() => t?.close());
  const db = () => t.server.services.db;

  it('a write mixing plain helpers and Prisma model calls is one transaction, and commits both', async () => {
    const plain = useCaseRow('plain');
    const viaPrisma = useCaseRow('prisma');
    await db().write(async (tx) => {
      await insertRow(tx, 'UseCase', plain);
      // Prisma sees the helper's uncommitted row, and the helper sees Prisma's: at READ
      // COMMITTED that is only possible inside the same transaction.
      expect((await tx.useCase.findUnique({ where: { id: plain.id } }))?.name).toBe('plain');
      await tx.useCase.create({ data: viaPrisma });
      await tx.useCase.update({ where: { id: plain.id }, data: { description: 'set by Prisma' } });
      expect(await selectRow(tx, 'UseCase', ['name'], { id: viaPrisma.id })).toEqual({ name: 'prisma' });
      expect(await selectRow(tx, 'UseCase', ['description'], { id: plain.id })).toEqual({ description: 'set by Prisma' });
      // Nobody else sees either before COMMIT.
      expect(await db().reader.useCase.count({ where: { id: { in: [plain.id, viaPrisma.id] } } })).toBe(0);
    });
    const rows = await db().reader.useCase.findMany({ where: { id: { in: [plain.id, viaPrisma.id] } }, orderBy: { name: 'asc' } });
    expect(rows.map((r) => [r.name, r.description])).toEqual([
      ['plain', 'set by Prisma'],
      ['prisma', null],
    ]);
  });

  it('a failing write mixing both rolls back both', async () => {
    const plain = useCaseRow('plain, rolled back');
    const viaPrisma = useCaseRow('prisma, rolled back');
    const failed = db().write(async (tx) => {
      await tx.useCase.create({ data: viaPrisma });
      await insertRow(tx, 'UseCase', plain);
      await updateRows(tx, 'UseCase', { description: 'by the helper' }, { id: viaPrisma.id });
      throw new Error('the command refuses at the end');
    });
    await expect(failed).rejects.toThrow('the command refuses at the end');
    expect(await db().reader.useCase.count({ where: { id: { in: [plain.id, viaPrisma.id] } } })).toBe(0);
    // The pool's clients came back clean: the next write works and commits.
    const next = useCaseRow('after the rollback');
    await db().write((tx) => insertRow(tx, 'UseCase', next));
    expect(await db().reader.useCase.count({ where: { id: next.id } })).toBe(1);
  });

  it('a write whose statement failed (caught by the command) is not acknowledged', async () => {
    const row = useCaseRow('duplicate');
    await db().write((tx) => insertRow(tx, 'UseCase', row));
    const other = useCaseRow('never written');
    const failed = db().write(async (tx) => {
      await insertRow(tx, 'UseCase', other);
      // The duplicate key aborts the PostgreSQL transaction; a command that swallows the error
      // must not get a "successful" COMMIT (PostgreSQL answers it with ROLLBACK).
      await insertRow(tx, 'UseCase', row).catch(() => undefined);
    });
    await expect(failed).rejects.toThrow(/aborted|rolled back/);
    expect(await db().reader.useCase.count({ where: { id: other.id } })).toBe(0);
  });

  it('a unique violation from a plain helper has the shape Prisma raw queries had (code 23505, UniqueConstraintViolation)', async () => {
    const row = useCaseRow('unique');
    await db().write((tx) => insertRow(tx, 'UseCase', row));
    const err = await db()
      .write((tx) => insertRow(tx, 'UseCase', row))
      .then(
        () => null,
        (e: unknown) => e as { name?: string; cause?: { kind?: string; originalCode?: string } },
      );
    expect(err?.name).toBe('DriverAdapterError');
    expect(err?.cause).toMatchObject({ kind: 'UniqueConstraintViolation', originalCode: '23505' });
  });

  it("a statement waiting on another write's row lock is cancelled by the write's own timeout, and nothing of it is written", async () => {
    const held = useCaseRow('locked');
    await db().write((tx) => insertRow(tx, 'UseCase', held));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    let finish!: () => void;
    const finished = new Promise<void>((r) => (finish = r));
    // The first write holds the row until the second has given up.
    const holder = db().write(async (tx) => {
      await updateRows(tx, 'UseCase', { description: 'holder' }, { id: held.id });
      locked();
      await finished;
    });
    await isLocked;
    const other = useCaseRow('waiting writer');
    const waiting = db().write(
      async (tx) => {
        await insertRow(tx, 'UseCase', other);
        await updateRows(tx, 'UseCase', { description: 'waiter' }, { id: held.id });
      },
      { timeoutMs: 300 },
    );
    const err = (await waiting.then(() => null, (e: unknown) => e)) as { cause?: { originalCode?: string } } | null;
    finish();
    await holder;
    // 57014: query_canceled (statement_timeout), PostgreSQL's answer, not a client-side timer.
    expect(err?.cause?.originalCode).toBe('57014');
    expect(await db().reader.useCase.count({ where: { id: other.id } })).toBe(0);
    expect((await db().reader.useCase.findUniqueOrThrow({ where: { id: held.id } })).description).toBe('holder');
  });

  it("a write whose connection the server ends fails, nothing of it is written, and the pool's next write works", async () => {
    const lost = useCaseRow('on a killed connection');
    const admin = new pg.Client({ connectionString: t.server.services.config.postgresUrl! });
    await admin.connect();
    try {
      const failed = db().write(async (tx) => {
        await insertRow(tx, 'UseCase', lost);
        // Prisma's joined transaction runs on the session's own client: this is its backend.
        const backend = await tx.$queryRawUnsafe<Array<{ pid: number }>>('SELECT pg_backend_pid() AS pid');
        await admin.query('SELECT pg_terminate_backend($1)', [backend[0]!.pid]);
        await insertRow(tx, 'UseCase', useCaseRow('after the kill'));
      });
      await expect(failed).rejects.toThrow();
    } finally {
      await admin.end();
    }
    expect(await db().reader.useCase.count({ where: { id: lost.id } })).toBe(0);
    // The broken client was discarded, not returned to the pool: every later write works
    // (more writes than the pool has connections).
    const next = Array.from({ length: 6 }, (_, i) => useCaseRow(`after the kill ${i}`));
    for (const row of next) await db().write((tx) => insertRow(tx, 'UseCase', row));
    expect(await db().reader.useCase.count({ where: { id: { in: next.map((r) => r.id) } } })).toBe(6);
  });

  it('a Prisma transaction on the writer outside Database.write fails loudly', async () => {
    const outside = db().maintenance((writer) => writer.$transaction((tx: Tx) => tx.useCase.count()));
    await expect(outside).rejects.toThrow(/outside Database\.write/);
  });

  it('selectRows reads booleans as SQLite stores them (1/0) and DateTime as the stored UTC instant, in a process not on UTC', async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York'; // Node applies a change of TZ at once
    try {
      expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(300);
      const id = `M${Date.now()}`;
      const now = new Date();
      await db().write(async (tx) => {
        await insertRow(tx, 'Member', { bioguideId: id, currentMember: true, name: 'A Member', pulledAt: now, createdAt: now, updatedAt: now });
      });
      const rows = await db().write((tx) => selectRows(tx, 'Member', ['bioguideId', 'currentMember', 'pulledAt'], { bioguideId: id }));
      expect(rows).toEqual([[id, 1, now]]);
      // And Prisma reads the same instant back.
      expect((await db().reader.member.findUniqueOrThrow({ where: { bioguideId: id } })).pulledAt).toEqual(now);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe('a Date written by the PostgreSQL write path in a process that is not on UTC', () => {
  let database: WriteStoreDatabase;
  let gateways: { embedded: ChildServer; postgresql: ChildServer };
  beforeAll(async () => {
    database = await createWriteStoreDatabase();
    const TZ = 'America/New_York';
    const [embedded, postgresql] = await Promise.all([spawnServer({ TZ }), spawnServer({ TZ, DATABASE_URL: database.url })]);
    gateways = { embedded, postgresql };
  });
  afterAll(async () => {
    await Promise.all([gateways?.embedded.stop(), gateways?.postgresql.stop()]);
    await database?.drop();
  });

  it('is stored as the UTC instant and read back identically to the embedded mode', async () => {
    const create = `mutation($input: CreateUseCaseInput!) { createUseCase(input: $input) { ... on CreateUseCasePayload { useCase { id createdAt } } } }`;
    // updateUseCase reads the row back through Prisma inside its write: the stored createdAt,
    // as the store returns it (on PostgreSQL: written by the plain INSERT, read by Prisma).
    const update = `mutation($input: UpdateUseCaseInput!) { updateUseCase(input: $input) { ... on UpdateUseCasePayload { useCase { name createdAt } } } }`;
    const answers: Record<string, { created: string; stored: string; before: number; after: number }> = {};
    for (const [mode, gw] of Object.entries(gateways)) {
      const client = new GraphQLClient(gw.url, { headers: { authorization: `Bearer ${gw.adminKey}` } });
      const before = Date.now();
      const r = await client.request<{ createUseCase: { useCase: { id: string; createdAt: string } } }>(create, { input: { name: `tz ${mode}`, teamEmail: 'ml@example.com' } });
      const after = Date.now();
      const u = await client.request<{ updateUseCase: { useCase: { name: string; createdAt: string } } }>(update, {
        input: { id: r.createUseCase.useCase.id, name: `tz ${mode} again`, expectedVersion: 1 },
      });
      expect(u.updateUseCase.useCase.name).toBe(`tz ${mode} again`);
      answers[mode] = { created: r.createUseCase.useCase.createdAt, stored: u.updateUseCase.useCase.createdAt, before, after };
    }
    for (const a of Object.values(answers)) {
      // Read back from the store it is the same instant, and that is the instant of the write.
      expect(a.stored).toBe(a.created);
      expect(Date.parse(a.created)).toBeGreaterThanOrEqual(a.before);
      expect(Date.parse(a.created)).toBeLessThanOrEqual(a.after);
    }
    // The same format on both modes (an ISO instant in UTC).
    expect(answers.postgresql!.created.replace(/\d/g, '0')).toBe(answers.embedded!.created.replace(/\d/g, '0'));
    // What PostgreSQL holds is the UTC wall time (TIMESTAMP(3) without time zone), not New York's.
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    try {
      const { rows } = await c.query<{ at: string }>(`SELECT to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM "UseCase"`);
      expect(rows.map((r) => r.at)).toEqual([answers.postgresql!.created]);
    } finally {
      await c.end();
    }
  });
});
