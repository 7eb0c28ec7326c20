// Child processes for the servers under test: spawned on the servers' core, waited for
// until a health URL answers 200, stopped by their own pid.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { serverCommand } from './cpu.ts';

export interface ChildServer {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Last lines the child wrote to stderr/stdout (for error messages). */
  output(): string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface SpawnServerOptions {
  name: string;
  /** Node arguments, e.g. ['--import', 'tsx', 'src/cli.ts', 'serve']. */
  nodeArgs: string[];
  env: Record<string, string>;
  port: number;
  /** Path answering 200 when the server is ready. */
  readyPath: string;
  cwd: string;
  timeoutMs?: number;
}

export async function spawnServer(o: SpawnServerOptions): Promise<ChildServer> {
  const { cmd, args } = serverCommand(process.execPath, o.nodeArgs);
  const child = spawn(cmd, args, { cwd: o.cwd, env: { ...process.env, ...o.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${o.port}`;
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exit;
    clearTimeout(timer);
  };
  const deadline = Date.now() + (o.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      throw new Error(`${o.name} exited before it was ready (${JSON.stringify(exited)}):\n${tail}`);
    }
    try {
      const res = await fetch(url + o.readyPath);
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${o.name} not ready at ${url}${o.readyPath} after ${o.timeoutMs ?? 60_000} ms:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: child.pid!, child, output: () => tail, stop };
}
