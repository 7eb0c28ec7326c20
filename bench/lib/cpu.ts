// Core placement. On a machine with two or more cores the servers under test run pinned to
// core 0 and the load generator (this process) to core 1, so they never share a core or an
// event loop. `taskset` (util-linux) does the pinning; without it we only keep them in
// separate processes and say so.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export const CORES = os.availableParallelism();

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const TASKSET = process.platform === 'linux' && hasTaskset();
export const PINNING = CORES >= 2 && TASKSET;
/** Core the servers under test run on. */
export const SERVER_CPU = 0;
/** Core the load generator (this process and its threads) runs on. */
export const LOAD_CPU = 1;

let pinned = false;

/** Pins this process (all its threads) to the load generator's core; idempotent. */
export function pinLoadGenerator(): string {
  if (!PINNING) {
    return CORES < 2
      ? `1 core: servers and load generator share it (separate processes)`
      : `taskset not found: servers and load generator in separate processes, not pinned`;
  }
  if (!pinned) {
    execFileSync('taskset', ['-a', '-p', '-c', String(LOAD_CPU), String(process.pid)], { stdio: 'ignore' });
    pinned = true;
  }
  return `servers pinned to core ${SERVER_CPU}, load generator to core ${LOAD_CPU} (taskset)`;
}

/** Wraps a command so it runs on the servers' core when pinning is possible. */
export function serverCommand(cmd: string, args: string[]): { cmd: string; args: string[] } {
  return PINNING ? { cmd: 'taskset', args: ['-c', String(SERVER_CPU), cmd, ...args] } : { cmd, args };
}
