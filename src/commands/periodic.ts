// A task the server repeats while it runs (scheduled backups, expiring uploads): a chain of
// timeouts rather than setInterval, so a slow run never overlaps the next; unref'd, so it
// never keeps the process alive; stop() waits for a run in progress.
export interface Periodic {
  stop(): Promise<void>;
}

/** `run` must not throw: it handles (logs, records) its own failures. */
export function startPeriodic(intervalMs: number, run: () => Promise<void>): Periodic {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
