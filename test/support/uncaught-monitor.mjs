// Preloaded (--import) into servers the tests spawn: names every uncaught exception and
// unhandled rejection on stderr with a marker child-crash-watch.ts looks for. A monitor only
// observes: the process still crashes as it would without it.
process.on('uncaughtExceptionMonitor', (err, origin) => {
  process.stderr.write(`\nOPSGRAPH_TEST_UNCAUGHT ${origin}: ${err?.stack ?? String(err)}\nOPSGRAPH_TEST_UNCAUGHT_END\n`);
});
