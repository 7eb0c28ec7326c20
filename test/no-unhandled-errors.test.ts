// The suite's guard against unhandled async errors (test/support/no-unhandled-errors.ts)
// sees them: in this process, and in a spawned child through child-crash-watch.ts. Each test
// drains what it provoked, so the guard's own afterEach stays green.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { drainAsyncErrors } from './support/async-errors.ts';
import { watchChild, watchedEnv } from './support/child-crash-watch.ts';

async function childRun(code: string) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { env: watchedEnv(process.env), stdio: ['ignore', 'ignore', 'pipe'] });
  watchChild(child);
  return new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
}

describe('unhandled async errors fail the test', () => {
  it('an unhandled rejection in the test process is recorded', async () => {
    void Promise.reject(new Error('nobody handles this rejection'));
    await new Promise((r) => setTimeout(r, 50));
    const seen = drainAsyncErrors();
    expect(seen.map((e) => e.origin)).toEqual(['unhandledRejection']);
    expect(String((seen[0]!.error as Error).message)).toBe('nobody handles this rejection');
  });

  it("a spawned child's unhandled rejection and uncaught exception are recorded with their stacks", async () => {
    expect(await childRun("await new Promise((r) => setTimeout(r, 10)); Promise.reject(new Error('child rejection'));")).not.toBe(0);
    expect(await childRun("setTimeout(() => { throw new Error('child throw'); }, 10);")).not.toBe(0);
    const seen = drainAsyncErrors();
    expect(seen).toHaveLength(2);
    expect(String(seen[0]!.error)).toMatch(/^unhandledRejection: Error: child rejection/);
    expect(String(seen[1]!.error)).toMatch(/^uncaughtException: Error: child throw/);
  });

  it('a child that exits cleanly records nothing', async () => {
    expect(await childRun('console.error("just a log line on stderr")')).toBe(0);
    expect(drainAsyncErrors()).toEqual([]);
  });
});
