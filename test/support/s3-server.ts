/**
 * A real S3-compatible server (Ceph RADOS Gateway) on 127.0.0.1 for tests.
 *
 * `startS3Server()` runs scripts/s3-server/rgw.sh with a fresh temp directory and
 * a free port, and returns the endpoint, credentials and a `stop()`. The packages
 * come from scripts/s3-server/install.sh (run it once, as root).
 *
 * RGW is not AWS: use `s3ClientConfig()` for clients, which turns off the SDK's
 * default streaming CRC32 checksums (RGW answers 411 to them) and uses path-style
 * addressing. See /work/shared/PLATFORM.md, "A real S3-compatible server on loopback".
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { S3ClientConfig } from '@aws-sdk/client-s3';

export const RGW_SCRIPT = fileURLToPath(new URL('../../scripts/s3-server/rgw.sh', import.meta.url));
export const INSTALL_SCRIPT = fileURLToPath(new URL('../../scripts/s3-server/install.sh', import.meta.url));

export const DEFAULT_ACCESS_KEY_ID = 'opsgraph-test';
export const DEFAULT_SECRET_ACCESS_KEY = 'opsgraph-test-secret';
/** RGW accepts any region in the SigV4 scope; the SDK needs one. */
export const DEFAULT_REGION = 'us-east-1';

export interface S3Credentials {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export interface S3Server extends S3Credentials {
  /** The cluster's directory: ceph.conf, and logs under log/. */
  dir: string;
  /** rgw.sh's "ready in N s (…)" line, with the time each start-up phase took. */
  startupReport: string;
  /** Stop the daemons and remove the server's directory. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartS3ServerOptions {
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  region?: string | undefined;
  /** Seconds rgw.sh waits for each start-up step (default 60). */
  timeoutSeconds?: number | undefined;
  /** Keep the directory (logs, config) after stop() or a failed start, to debug. */
  keepDir?: boolean | undefined;
}

/** S3Client settings that work against RGW (and other non-AWS servers). */
export function s3ClientConfig(c: S3Credentials): S3ClientConfig {
  return {
    endpoint: c.endpoint,
    region: c.region,
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

/** A TCP port that was free on 127.0.0.1 a moment ago (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not determine a free port'));
      });
    });
  });
}

interface RunResult {
  stdout: string;
  stderr: string;
}

function runScript(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [RGW_SCRIPT, ...args],
      { env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          // rgw.sh prints the failing step and the daemons' log tails on stderr.
          reject(new Error(`rgw.sh ${args.join(' ')} failed: ${error.message}\n${stderr}`));
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
  });
}

async function assertInstalled(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    execFile('bash', ['-c', 'command -v radosgw && command -v ceph-mon && command -v ceph-osd'], (error) => {
      if (error) {
        reject(
          new Error(
            `Ceph RADOS Gateway is not installed; run (as root): ${INSTALL_SCRIPT}\n` +
              'or point OPSGRAPH_TEST_S3_ENDPOINT at an existing S3-compatible server.',
          ),
        );
      } else {
        resolve();
      }
    });
  });
}

/** Start a fresh RGW on 127.0.0.1 (≈2 s). Objects live in RAM and vanish on stop(). */
export async function startS3Server(options: StartS3ServerOptions = {}): Promise<S3Server> {
  await assertInstalled();
  const accessKeyId = options.accessKeyId ?? DEFAULT_ACCESS_KEY_ID;
  const secretAccessKey = options.secretAccessKey ?? DEFAULT_SECRET_ACCESS_KEY;
  const region = options.region ?? DEFAULT_REGION;
  const timeoutSeconds = options.timeoutSeconds ?? 60;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    S3_ACCESS_KEY_ID: accessKeyId,
    S3_SECRET_ACCESS_KEY: secretAccessKey,
    RGW_START_TIMEOUT: String(timeoutSeconds),
    // If this process dies without calling stop(), rgw.sh's watchdog stops the
    // daemons instead of leaving them running.
    RGW_OWNER_PID: String(process.pid),
  };
  // rgw.sh bounds each of its ~5 steps; this only catches a hung script.
  const scriptTimeoutMs = (timeoutSeconds * 5 + 30) * 1000;

  // Between freePort() and radosgw binding the port another process may take it;
  // rgw.sh then fails fast, and we try another port.
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const dir = await mkdtemp(join(tmpdir(), 'opsgraph-rgw-'));
    const port = await freePort();
    try {
      const { stdout, stderr } = await runScript(['start', dir, String(port)], env, scriptTimeoutMs);
      const endpoint = /^S3_ENDPOINT=(\S+)$/m.exec(stdout)?.[1];
      const startupReport = /^rgw\.sh: cluster .*ready in .*$/m.exec(stderr)?.[0] ?? '';
      if (!endpoint) throw new Error(`rgw.sh printed no S3_ENDPOINT line:\n${stdout}`);
      let stopped: Promise<void> | undefined;
      const stop = () =>
        (stopped ??= (async () => {
          await runScript(['stop', dir], env, 60_000);
          if (!options.keepDir) await rm(dir, { recursive: true, force: true });
        })());
      return { endpoint, accessKeyId, secretAccessKey, region, dir, startupReport, stop };
    } catch (error) {
      lastError = error;
      // rgw.sh already stopped what it started, and the error has the log tails.
      await runScript(['stop', dir], env, 60_000).catch(() => undefined);
      if (!options.keepDir) await rm(dir, { recursive: true, force: true });
      if (!String(error).includes('is in use')) break;
    }
  }
  throw lastError;
}
