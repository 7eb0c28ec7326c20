// replication-lag (issue 16, milestone 3): how long a write on one gateway takes to reach a
// subscriber on ANOTHER gateway, through PostgreSQL's logical replication into that gateway's
// local replica and its replica-fed bus. Two gateways (`opsgraph serve`, DATABASE_URL on a
// real PostgreSQL started for the run with fsync and synchronous commit ON), A taking a
// steady RATE (200) createUseCase/s, open loop (each write sent at its scheduled time, not
// after the previous answer); one graphql-ws subscriber of `activityAdded` on B.
//
// Per entry: publish → receive, publish being
// - the entry's `createdAt` (stamped inside A's write transaction, just before COMMIT), and
// - the moment the load generator sent the mutation to A (so A's own commit is included).
// Same host, same clock. Reported: p50/p99 of each after a 1 s warm-up, the write rate
// reached, and entries never delivered (must be 0). There is no baseline to divide by: the
// headline is the absolute figures (ratio = achieved / asked write rate).
// Runnable alone: `npx tsx bench/cases/replication-lag.ts [--duration N]` (REPLICATION_LAG_RATE).
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { databaseUrl, startPostgres } from '../../test/support/postgres.ts';
import { type Gateway, removeDir, startGateway } from '../lib/gateway.ts';
import { percentile } from '../lib/load.ts';
import { runIfEntryPoint } from '../lib/standalone.ts';
import type { BenchCase, CaseResult } from '../lib/types.ts';

const RATE = Number(process.env.REPLICATION_LAG_RATE ?? 200);
const WARMUP_MS = 1000;
/** How long late deliveries may take before they count as missing. */
const DRAIN_MS = 10_000;

const CREATE = `mutation($name: String!) { createUseCase(input: { name: $name, teamEmail: "lag@example.com" }) { __typename } }`;

function summary(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = Float64Array.from(values).sort();
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN };
}

const round = (v: number) => Math.round(v * 10) / 10;

const replicationLag: BenchCase = {
  name: 'replication-lag',
  description: 'publish on gateway A → receive by a subscriber on gateway B, at a steady 200 writes/s on PostgreSQL',
  async run({ durationSec }): Promise<CaseResult> {
    const server = await startPostgres({ durable: true });
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE opsgraph_lag');
    await admin.end();
    const url = databaseUrl(server, 'opsgraph_lag');
    const started: Gateway[] = [];
    try {
      const a = await startGateway({ env: { DATABASE_URL: url, REPLICA_ID: 'bench_a' } });
      started.push(a);
      const b = await startGateway({ env: { DATABASE_URL: url, REPLICA_ID: 'bench_b', OPSGRAPH_BOOTSTRAP_ADMIN_KEY: a.adminKey } });
      started.push(b);

      // name → when it was sent; name → when B's subscriber got it (and its createdAt).
      const sentAt = new Map<string, number>();
      const received = new Map<string, { at: number; createdAt: number }>();
      const client = createClient({ url: b.graphqlUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${a.adminKey}` }, retryAttempts: 0 });
      let failure: unknown = null;
      let subscribed!: () => void;
      const ready = new Promise<void>((r) => (subscribed = r));
      client.on('connected', () => setTimeout(subscribed, 200)); // the subscribe message follows connection_ack
      client.subscribe<{ activityAdded: { description: string; createdAt: string } }>(
        { query: 'subscription { activityAdded(filter: { types: ["use_case_created"] }) { description createdAt } }' },
        {
          next: (m) => {
            const at = performance.timeOrigin + performance.now();
            const e = m.data?.activityAdded;
            const name = e ? /"(lag \d+)"/.exec(e.description)?.[1] : undefined;
            if (e && name) received.set(name, { at, createdAt: Date.parse(e.createdAt) });
          },
          error: (e) => (failure = e),
          complete: () => {},
        },
      );
      await ready;

      let errors = 0;
      let acknowledged = 0;
      const inFlight = new Set<Promise<void>>();
      const begin = Date.now();
      const end = begin + WARMUP_MS + durationSec * 1000;
      let n = 0;
      let maxInFlight = 0;
      await new Promise<void>((resolve) => {
        const tick = setInterval(() => {
          const now = Date.now();
          if (now >= end) {
            clearInterval(tick);
            resolve();
            return;
          }
          // Open loop: every write that is due by now, whatever the earlier ones are doing.
          const due = Math.floor(((now - begin) / 1000) * RATE);
          for (; n < due; n++) {
            const name = `lag ${n}`;
            sentAt.set(name, performance.timeOrigin + performance.now());
            const p = fetch(a.graphqlUrl, { method: 'POST', headers: a.headers, body: JSON.stringify({ query: CREATE, variables: { name } }) })
              .then(async (r) => {
                const body = (await r.json()) as { data?: { createUseCase?: { __typename: string } } };
                if (r.status === 200 && body.data?.createUseCase?.__typename === 'CreateUseCasePayload') acknowledged++;
                else errors++;
              })
              .catch(() => {
                errors++;
              })
              .finally(() => inFlight.delete(p));
            inFlight.add(p);
            maxInFlight = Math.max(maxInFlight, inFlight.size);
          }
        }, 2);
      });
      await Promise.all(inFlight);
      const drainUntil = Date.now() + DRAIN_MS;
      while (received.size < acknowledged && Date.now() < drainUntil && !failure) await new Promise((r) => setTimeout(r, 50));
      await client.dispose();
      if (failure) throw new Error(`the subscriber on B failed: ${JSON.stringify(failure)}`);

      const fromCommit: number[] = [];
      const fromSend: number[] = [];
      for (const [name, sent] of sentAt) {
        if (sent < begin + WARMUP_MS) continue; // warm-up (both are wall-clock ms)
        const got = received.get(name);
        if (!got) continue;
        fromCommit.push(got.at - got.createdAt);
        fromSend.push(got.at - sent);
      }
      const missing = acknowledged - received.size;
      const c = summary(fromCommit);
      const s = summary(fromSend);
      const achieved = (n - Math.floor((WARMUP_MS / 1000) * RATE)) / durationSec;
      return {
        name: 'replication-lag',
        rows: [
          { label: 'commit on A (createdAt) → subscriber on B', p50Ms: round(c.p50), p99Ms: round(c.p99), 'max ms': round(c.max), samples: fromCommit.length },
          { label: 'mutation sent to A → subscriber on B', p50Ms: round(s.p50), p99Ms: round(s.p99), 'max ms': round(s.max), samples: fromSend.length },
        ],
        ratio: achieved / RATE,
        headline:
          `replication lag A → B subscriber at ${RATE} writes/s: p50 ${round(c.p50)} ms, p99 ${round(c.p99)} ms from commit ` +
          `(${round(s.p50)} / ${round(s.p99)} ms from the client's send); ${missing} of ${acknowledged} acknowledged writes never delivered`,
        notes: [
          `PostgreSQL ${server.port} with fsync=on, synchronous_commit=on; two gateways, each with its own slot and replica file`,
          `${n} writes sent open loop (${round(achieved)} writes/s after a ${WARMUP_MS} ms warm-up), ${acknowledged} acknowledged, ${errors} failed`,
          'publish time = the entry\'s createdAt, stamped inside the write transaction (before COMMIT), so the figure includes the commit itself',
          `up to ${maxInFlight} writes in flight on A at once: "sent → B" well above "commit → B" is time queued on A before its transaction (A saturated), not replication`,
        ],
      };
    } finally {
      for (const g of started) {
        await g.stop();
        removeDir(g.dataDir);
      }
      await server.stop();
    }
  },
};

export default replicationLag;
await runIfEntryPoint(import.meta.url, replicationLag);
