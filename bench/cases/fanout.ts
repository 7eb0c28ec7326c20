// Fan-out: N WebSocket subscribers on 127.0.0.1 receive every activity entry.
//
// Gateway: `opsgraph serve` (child process); N connections speak graphql-transport-ws and
// subscribe to `activityAdded`; the load generator commits one `createUseCase` per tick at a
// steady pace, and each entry's `createdAt` (stamped inside the write transaction) is the
// publish time — so the gateway's latency also includes its own commit, a small bias against it.
// Baseline: a plain `ws` server (child process) that, at the same pace, serializes ONE message
// of the same shape and size and sends that buffer to every socket: the cheapest broadcast Node can do.
//
// Both sides have the same receivers in this process (the same string slicing per message and
// the same bookkeeping). Reported per side: deliveries/s in the timed window and publish→receive
// p50/p99. Ratio = gateway deliveries/s ÷ baseline deliveries/s (1.0 = keeps up fully).
// Runnable alone: `npx tsx bench/cases/fanout.ts [--duration N] [--subscribers N] [--rate N]`.
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { makeTempDir, REPO_ROOT, removeDir, startGateway } from '../lib/gateway.ts';
import { freePort, spawnServer } from '../lib/process.ts';
import type { BenchCase, CaseResult } from '../lib/types.ts';

const SUBSCRIBERS = Number(process.env.FANOUT_SUBSCRIBERS ?? 500);
/** Events per second, both sides. 500 subscribers × 40/s = 20,000 deliveries/s to keep up with. */
const RATE = Number(process.env.FANOUT_RATE ?? 40);

const SUBSCRIPTION = `subscription Live { activityAdded { id cursor activityType description subjectType actor createdAt } }`;

// The baseline server, as plain CommonJS for `node -e` (ws resolves from the repo root).
const BASELINE_SOURCE = /* js */ `
const http = require('node:http');
const { WebSocketServer } = require('ws');
const rate = Number(process.env.RATE);
let timer = null, seq = 0;
const server = http.createServer((req, res) => {
  if (req.url === '/readyz') { res.writeHead(200); return res.end('ok'); }
  if (req.url === '/start') {
    clearInterval(timer);
    timer = setInterval(() => {
      seq += 1;
      const createdAt = new Date().toISOString();
      // Same shape and size as the gateway's message; serialized once, sent to everyone.
      const message = JSON.stringify({ id: '1', type: 'next', payload: { data: { activityAdded: {
        id: Buffer.from('ActivityLogEntry:' + '00000000-0000-4000-8000-' + String(seq).padStart(12, '0')).toString('base64url'),
        cursor: Buffer.from('seq:' + seq).toString('base64url'), activityType: 'use_case_created',
        description: 'Use case "fanout ' + seq + '" created', subjectType: 'UseCase', actor: 'key:bootstrap-admin', createdAt } } } });
      for (const ws of wss.clients) ws.send(message);
    }, 1000 / rate);
    res.writeHead(200); return res.end('started');
  }
  if (req.url === '/stop') { clearInterval(timer); res.writeHead(200); return res.end('stopped'); }
  res.writeHead(404); res.end();
});
const wss = new WebSocketServer({ server });
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
`;

/** Receivers for one side: counts deliveries and publish→receive latencies while `recording`. */
class Receivers {
  sockets: WebSocket[] = [];
  latencies: number[] = [];
  deliveries = 0;
  recording = false;
  firstSeen = new Map<string, number>(); // entry id → how many subscribers got it (warm-up check)

  // No JSON.parse: at 20,000 messages/s the receiving process would become what is
  // measured. Both sides send `"id":"…"` of the entry and `"createdAt":"<ISO>"`; slicing them
  // out costs the same on both.
  onData(text: string): void {
    const at = text.indexOf('"createdAt":"');
    if (at < 0 || !text.includes('"type":"next"')) return;
    const createdAt = text.slice(at + 13, at + 37);
    const idAt = text.indexOf('"activityAdded":{"id":"');
    const id = text.slice(idAt + 23, text.indexOf('"', idAt + 23));
    this.firstSeen.set(id, (this.firstSeen.get(id) ?? 0) + 1);
    if (!this.recording) return;
    this.deliveries += 1;
    this.latencies.push(Date.now() - Date.parse(createdAt));
  }

  close(): void {
    for (const s of this.sockets) s.terminate();
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Opens `n` graphql-transport-ws connections with one subscription each. */
async function subscribeGateway(url: string, key: string, n: number, into: Receivers): Promise<void> {
  const open = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(url, 'graphql-transport-ws');
      into.sockets.push(ws);
      ws.once('error', reject);
      ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } })));
      ws.on('message', (data) => {
        const text = String(data);
        if (text.includes('"connection_ack"')) {
          ws.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query: SUBSCRIPTION } }));
          resolve();
        } else if (text.includes('"ping"')) ws.send('{"type":"pong"}');
        else into.onData(text);
      });
      ws.on('close', (code, reason) => {
        if (code !== 1005 && code !== 1006 && code !== 1000) console.error(`fanout: gateway closed a subscriber: ${code} ${reason}`);
      });
    });
  // A few at a time: a burst of 500 handshakes is not what is being measured.
  for (let i = 0; i < n; i += 50) await Promise.all(Array.from({ length: Math.min(50, n - i) }, (_, j) => open(i + j)));
}

async function connectBaseline(url: string, n: number, into: Receivers): Promise<void> {
  const open = () =>
    new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(url);
      into.sockets.push(ws);
      ws.once('error', reject);
      ws.once('open', () => resolve());
      ws.on('message', (data) => into.onData(String(data)));
    });
  for (let i = 0; i < n; i += 50) await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => open()));
}

async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`fanout: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const fanout: BenchCase = {
  name: 'fanout',
  description: `${SUBSCRIBERS} WebSocket subscribers, ${RATE} events/s: graphql-ws activityAdded vs a plain ws broadcast of one pre-serialized message`,
  async run({ durationSec }): Promise<CaseResult> {
    const dataDir = makeTempDir();
    // synchronous=NORMAL: this case measures fan-out, not fsync. With FULL, this machine's
    // disk caps commits (and so events) well below the offered rate.
    const gateway = await startGateway({ dataDir, env: { SQLITE_SYNCHRONOUS: 'NORMAL' } });
    const baselinePort = await freePort();
    const baseline = await spawnServer({
      name: 'ws baseline',
      cwd: REPO_ROOT,
      nodeArgs: ['-e', BASELINE_SOURCE],
      env: { PORT: String(baselinePort), RATE: String(RATE) },
      port: baselinePort,
      readyPath: '/readyz',
    });
    const g = new Receivers();
    const b = new Receivers();
    try {
      // ---- gateway
      await subscribeGateway(gateway.graphqlUrl.replace(/^http/, 'ws'), gateway.adminKey, SUBSCRIBERS, g);
      // Warm-up: an event every subscriber receives proves all subscriptions are live.
      const warm = await gateway.gql<{ createUseCase: { useCase: { id: string } } }>(
        'mutation { createUseCase(input: {name: "fanout warm-up", teamEmail: "bench@example.com"}) { __typename } }',
      );
      void warm;
      await waitUntil(() => [...g.firstSeen.values()].some((n) => n === SUBSCRIBERS), 30_000, 'every gateway subscriber to see the warm-up event');
      const gatewayRow = await timed(g, durationSec, async (stop) => {
        let n = 0;
        let inFlight = 0;
        const timer = setInterval(() => {
          if (inFlight > RATE) return; // the gateway is behind on writes; do not pile them up
          inFlight += 1;
          n += 1;
          gateway
            .gql(`mutation { createUseCase(input: {name: "fanout ${n}", teamEmail: "bench@example.com"}) { __typename } }`)
            .catch((err: Error) => console.error(`fanout: write failed: ${err.message}`))
            .finally(() => (inFlight -= 1));
        }, 1000 / RATE);
        await stop;
        clearInterval(timer);
      });
      g.close();

      // ---- baseline
      await connectBaseline(baseline.url.replace(/^http/, 'ws'), SUBSCRIBERS, b);
      await fetch(`${baseline.url}/start`);
      await waitUntil(() => [...b.firstSeen.values()].some((n) => n === SUBSCRIBERS), 30_000, 'every baseline subscriber to see an event');
      const baselineRow = await timed(b, durationSec, async (stop) => {
        await stop;
      });
      await fetch(`${baseline.url}/stop`);
      b.close();

      const rows = [
        { label: `gateway (graphql-ws, ${SUBSCRIBERS} subscribers)`, ...gatewayRow },
        { label: `baseline (ws broadcast, ${SUBSCRIBERS} sockets)`, ...baselineRow },
      ];
      return {
        name: 'fanout',
        rows,
        ratio: gatewayRow.deliveriesPerSec / baselineRow.deliveriesPerSec,
        target: 0.5,
        notes: [
          `${RATE} events/s offered on both sides (${RATE * SUBSCRIBERS} deliveries/s if every message arrives at once).`,
          'Gateway runs with SQLITE_SYNCHRONOUS=NORMAL (fan-out, not fsync, is measured). Gateway latency is measured from the entry\'s createdAt (inside the write transaction), so it includes the commit.',
          'Subscribers with the same document, variables and role share one execution per event (OPSGRAPH_SHARED_EXECUTION=0 turns that off).',
        ],
      };
    } finally {
      g.close();
      b.close();
      await gateway.stop();
      await baseline.stop();
      removeDir(dataDir);
    }
  },
};

/** Records deliveries for `durationSec` while `drive` publishes; then lets stragglers arrive (not counted). */
async function timed(r: Receivers, durationSec: number, drive: (stop: Promise<unknown>) => Promise<void>) {
  r.deliveries = 0;
  r.latencies = [];
  r.recording = true;
  const started = performance.now();
  const stop = sleep(durationSec * 1000);
  await drive(stop);
  r.recording = false;
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...r.latencies].sort((a, b) => a - b);
  return { deliveriesPerSec: Math.round(r.deliveries / seconds), p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

export default fanout;

// `npx tsx bench/cases/fanout.ts [--duration N]`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--duration');
  const durationSec = i > 0 ? Number(process.argv[i + 1]) : 8;
  fanout.run({ durationSec }).then(
    (r) => {
      for (const row of r.rows) console.log(`${row.label.padEnd(44)} ${String(row.deliveriesPerSec).padStart(8)} deliveries/s   p50 ${row.p50Ms} ms   p99 ${row.p99Ms} ms`);
      console.log(`ratio gateway/baseline: ${r.ratio.toFixed(2)} (target ${r.target})`);
      for (const n of r.notes ?? []) console.log(`  ${n}`);
      process.exit(0);
    },
    (err: Error) => {
      console.error(err);
      process.exit(1);
    },
  );
}
