// /readyz: can this process serve? Each check is bounded, so the answer comes within about a
// second whatever the database or the blob store does (a hung store must not hang the probe).
import type { Services } from '../commands/command-context.ts';

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

export async function checkReadiness(services: Services, closing: boolean): Promise<{ ok: boolean; checks: Record<string, string> }> {
  const [database, blobStore] = await Promise.all([
    bounded(async () => {
      await services.db.reader.$queryRawUnsafe('SELECT 1');
      services.db.checkWriter(); // can the writer commit now (no other process holding the lock)?
    }),
    bounded(() => services.blobs.check()),
  ]);
  const checks = { database, blobStore };
  return { ok: !closing && Object.values(checks).every((v) => v === 'ok'), checks };
}
