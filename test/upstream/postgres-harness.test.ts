// The PostgreSQL test harness itself: the run's server answers, speaks logical replication,
// and a fresh upstream database holds seed 003's tables with the generated members.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createUpstreamDatabase, type UpstreamDatabase } from '../support/postgres.ts';

describe('PostgreSQL test harness', () => {
  let upstream: UpstreamDatabase;
  beforeAll(async () => {
    upstream = await createUpstreamDatabase(inject('postgres'), { members: 300 });
  });
  afterAll(async () => {
    await upstream?.drop();
  });

  it('runs a real PostgreSQL with logical decoding on', async () => {
    const [row] = await upstream.query<{ version: string; wal: string }>("SELECT version(), current_setting('wal_level') AS wal");
    expect(row!.version).toMatch(/^PostgreSQL \d+/);
    expect(row!.wal).toBe('logical');
  });

  it("has the seed's three tables, members some not current and some without a contact page", async () => {
    const cols = await upstream.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    const byTable = (t: string) => cols.filter((c) => c.table_name === t).map((c) => c.column_name);
    expect(byTable('members')).toEqual(['bioguideid', 'currentmember', 'officialwebsiteurl', 'firstname', 'lastname', 'state']);
    expect(byTable('members_contact')).toEqual(['bioguideid', 'contact_page']);
    expect(byTable('district_offices')).toEqual(['office_id', 'bioguide_id', 'address', 'suite', 'building', 'city', 'state', 'zip', 'phone', 'fax', 'hours']);
    const [counts] = await upstream.query<{ total: string; current: string; contacts: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE currentmember) AS current, (SELECT count(*) FROM members_contact) AS contacts FROM members`,
    );
    expect(Number(counts!.total)).toBe(300);
    expect(Number(counts!.current)).toBeLessThan(300);
    expect(Number(counts!.current)).toBeGreaterThan(200);
    expect(Number(counts!.contacts)).toBeLessThan(300);
  });

  it('refuses a wrong password over TCP', async () => {
    const pg = await import('pg');
    const url = new URL(upstream.url);
    url.password = 'wrong';
    const client = new pg.default.Client({ connectionString: url.toString() });
    await expect(client.connect()).rejects.toThrow(/password authentication failed/);
  });
});
