// /readyz: can this process serve? Each check is bounded, so the answer comes within about a
// second whatever the database or the blob store does (a hung store must not hang the probe).
// In PostgreSQL mode the local replica is a check too: not ready until it has caught up with
// the server's position of the moment it started (reads would be stale), nor while its
// stream is down; its position and lag are in the answer's `replica` detail either way.
import type { Services } from '../commands/command-context.ts';
import type { ReplicaStatus } from '../db/local-replica.ts';

const CHECK_DEADLINE_MS = 900;

async function bounded(check: () => Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${CHECK_DEADLINE_MS} ms`), CHECK_DEADLINE_MS);
  });
  try {
    return await Promise.race([check().then(() => 'ok', (err: unknown) => (err as Error).message ?? String(err)), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export interface Readiness {
  ok: boolean;
  checks: Record<string, string>;
  replica?: ReplicaStatus;
}

export async function checkReadiness(services: Services, closing: boolean): Promise<Readiness> {
  let replica: ReplicaStatus | undefined;
  const [database, blobStore, replicaCheck] = await Promise.all([
    bounded(async () => {
      await services.db.reader.$queryRawUnsafe('SELECT 1');
      services.db.checkWriter(); // can the writer commit now (no other process holding the lock)?
    }),
    bounded(() => services.blobs.check()),
    services.replica
      ? bounded(async () => {
          replica = await services.replica!.status();
          const problem = replicaProblem(replica);
          if (problem) throw new Error(problem);
        })
      : undefined,
  ]);
  const checks: Record<string, string> = { database, blobStore };
  if (replicaCheck !== undefined) checks.replica = replicaCheck;
  return { ok: !closing && Object.values(checks).every((v) => v === 'ok'), checks, ...(replica ? { replica } : {}) };
}

function replicaProblem(s: ReplicaStatus): string | null {
  // Reads are local now, so this is also the check that PostgreSQL (the write store) answers.
  if (s.serverLsn === null) return 'PostgreSQL did not answer';
  if (!s.streaming) return `replication stream down${s.error ? `: ${s.error}` : ''}`;
  if (!s.caughtUp) return `catching up: at ${s.processedLsn}, server at ${s.serverLsn ?? 'unknown'}${s.lagBytes === null ? '' : ` (${s.lagBytes} bytes behind)`}`;
  return null;
}
