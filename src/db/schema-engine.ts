// Prisma's Wasm schema engine, driven through the better-sqlite3 driver adapter, in a child
// process that exits when the work is done (see /work/shared/PLATFORM.md for the engine's
// quirks). Only src/db/migrate.ts uses it, and only when there is work for the engine.
//
// Why a child process and not the caller's thread or a worker thread:
// - the engine takes `locking_mode=EXCLUSIVE` on its connection, and `free()`ing it does not
//   close that better-sqlite3 handle: in the caller's process the server's own connections
//   would get "database is locked" until garbage collection;
// - the engine can leave a timer pending, which would keep a CLI process alive;
// - compiling and running the ~9 MB Wasm module costs ~30 MB of native memory that a
//   terminated worker thread leaves behind in the process's allocator (a first `serve`
//   started ~30 MB larger than a second one). A process that exits returns all of it.
// The price is a second Node start (~50 ms) on the rare start that has a migration to apply.
// The child's code is a plain-JavaScript string (`node -e`) so that it runs the same under
// tsx, vitest and the compiled dist/ — a .ts file would need a TypeScript loader.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const resolveHere = createRequire(import.meta.url).resolve;

// Runs in the child (CommonJS, plain JS). Protocol over the IPC channel: the parent sends
// {setup}, the child answers id 0 once the engine is up, then one reply per
// {id, method, input}; method "close" frees everything and the child exits.
const CHILD_SOURCE = String.raw`
const fs = require('node:fs');
let factory, engine;
const opened = [];
const send = (m) => process.send(m);
// The parent gone (crashed, killed): nothing will ever ask again.
process.on('disconnect', () => process.exit(1));

// When it replays the migrations into the shadow database (diff, devDiagnostic,
// createMigration) the engine sends each whole script through executeRaw, and
// better-sqlite3 prepares one statement at a time ("more than one statement"). Nothing ran
// when prepare refused, so a script without bind arguments is safe to hand to exec().
// (Applying to the real database already goes through executeScript.)
function track(adapter) {
  opened.push(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (e) {
      if (query.args.length > 0 || !/more than one statement/.test(String(e && e.message))) throw e;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
}

// JS exceptions thrown in the adapter reach the engine as "External error id#N"; the
// factory's error registry holds the original.
function describe(e) {
  const message = String((e && e.message) || e).replace(/External error id#(\d+)/g, (text, id) => {
    const record = factory && factory.errorRegistry.consumeError(Number(id));
    return record ? text + ': ' + String((record.error && record.error.message) || record.error) : text;
  });
  return { message, code: e && e.code };
}

async function start({ paths, databaseFile, datamodels }) {
  const { PrismaBetterSqlite3 } = require(paths.adapter);
  const { bindMigrationAwareSqlAdapterFactory } = require(paths.adapterUtils);
  const inner = new PrismaBetterSqlite3({ url: databaseFile ? 'file:' + databaseFile : ':memory:' }, { shadowDatabaseUrl: ':memory:' });
  factory = bindMigrationAwareSqlAdapterFactory({
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => track(await inner.connect()),
    connectToShadowDb: async () => track(await inner.connectToShadowDb()),
  });
  const glue = await import(paths.glue);
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(paths.wasm), { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  engine = await glue.SchemaEngine.new({ datamodels }, (line) => send({ log: String(line) }), factory);
}

async function close() {
  try { if (engine) engine.free(); } catch {} // after a panic the engine may be unusable; the handles still close
  for (const adapter of opened) {
    try { await adapter.dispose(); } catch {} // the engine may have closed the shadow database already
  }
}

let queue = Promise.resolve();
process.on('message', (m) => {
  // One command at a time, in order, like the CLI drives the engine.
  queue = queue.then(async () => {
    if (m.setup) {
      try {
        await start(m.setup);
        send({ id: 0, ok: true });
      } catch (e) {
        send({ id: 0, ok: false, error: describe(e) });
      }
      return;
    }
    if (m.method === 'close') {
      await close();
      // Exit rather than wait for the event loop to drain: the engine may leave a timer.
      process.send({ id: m.id, ok: true }, () => process.exit(0));
      return;
    }
    try {
      send({ id: m.id, ok: true, result: await engine[m.method](m.input) });
    } catch (e) {
      send({ id: m.id, ok: false, error: describe(e) });
    }
  });
});
`;

export interface EngineSession {
  call<T>(method: string, input: unknown): Promise<T>;
}

interface Reply {
  id?: number;
  ok?: boolean;
  result?: unknown;
  error?: { message: string; code?: string };
  log?: string;
}

export interface EngineOptions {
  /** The database to work on; null for pure schema work (diff) on in-memory databases. */
  databaseFile: string | null;
  /** schema.prisma's files as [path, content]. */
  datamodels: [string, string][];
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/** Starts the engine in a child process, runs `fn`, then closes the database and waits for the child to exit. */
export async function withEngine<T>(o: EngineOptions, fn: (engine: EngineSession) => Promise<T>): Promise<T> {
  const glue = resolveHere('@prisma/schema-engine-wasm/schema_engine_bg');
  const child = spawn(process.execPath, ['-e', CHILD_SOURCE], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
    // Plain JS: the caller's loaders (tsx, vitest) would only slow the start.
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const debug = process.env.OPSGRAPH_MIGRATE_DEBUG ? (line: string) => console.error(`[schema-engine] ${line}`) : () => {};
  let dead: Error | null = null; // once the child is gone, nothing will answer
  const failAll = (err: Error) => {
    dead ??= err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  child.on('message', (m: Reply) => {
    if (m.log !== undefined) return debug(m.log);
    const w = waiting.get(m.id!);
    if (!w) return;
    waiting.delete(m.id!);
    if (m.ok) w.resolve(m.result);
    else w.reject(Object.assign(new Error(m.error!.message), { code: m.error!.code }));
  });
  child.on('error', (err) => failAll(err));
  child.on('exit', (code, signal) => failAll(new Error(`schema engine process exited with ${signal ?? `code ${code}`}`)));

  let nextId = 1;
  const call = <R>(method: string, input: unknown, id = nextId++): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      if (dead) return reject(dead);
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (id !== 0) child.send({ id, method, input });
    });
  try {
    const started = call('start', undefined, 0);
    child.send({
      setup: {
        paths: {
          glue: pathToFileURL(glue).href,
          wasm: glue.replace(/\.js$/, '.wasm'),
          adapter: resolveHere('@prisma/adapter-better-sqlite3'),
          adapterUtils: resolveHere('@prisma/driver-adapter-utils'),
        },
        databaseFile: o.databaseFile,
        datamodels: o.datamodels,
      },
    });
    await started;
    return await fn({ call });
  } finally {
    // Close the SQLite handles before the child goes, so the EXCLUSIVE lock is released
    // deterministically; the child then exits by itself. Kill it if it does not.
    await call('close', undefined).catch(() => {});
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited(child);
    clearTimeout(timer);
  }
}
