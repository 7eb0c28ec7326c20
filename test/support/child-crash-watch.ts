// For servers and CLI commands the tests spawn: `watchedEnv` preloads uncaught-monitor.mjs,
// and `watchChild` turns each uncaught exception / unhandled rejection the child reports on
// stderr into a failure of the running test (no-unhandled-errors.ts).
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { recordAsyncError } from './async-errors.ts';

const monitor = pathToFileURL(path.join(import.meta.dirname, 'uncaught-monitor.mjs')).href;
const MARK = 'OPSGRAPH_TEST_UNCAUGHT ';
const END = 'OPSGRAPH_TEST_UNCAUGHT_END';

export function watchedEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --import=${monitor}`.trim() };
}

/** Reads the child's stderr (which must be piped); pass `forward` to still show it. */
export function watchChild(child: ChildProcess, forward?: NodeJS.WritableStream): void {
  let pending = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    forward?.write(chunk);
    pending += chunk.toString('utf8');
    for (;;) {
      const start = pending.indexOf(MARK);
      if (start < 0) {
        pending = pending.slice(-MARK.length);
        return;
      }
      const end = pending.indexOf(END, start);
      if (end < 0) return;
      recordAsyncError(`in child process ${child.pid}`, pending.slice(start + MARK.length, end).trim());
      pending = pending.slice(end + END.length);
    }
  });
}
