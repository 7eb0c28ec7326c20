#!/usr/bin/env node
// The `opsgraph` command. Production runs the compiled JavaScript in dist/ (`npm run build`,
// run by postinstall) with plain Node: no TypeScript loader in the process, ~20 MB less at
// idle and no esbuild service beside it (docs/performance.md, "Idle footprint").
//
// dist/ is used when it is at least as new as every file under src/. A checkout edited since
// the last build (or a tree without dist/) runs the sources through tsx's loader instead, so
// `git pull && npm start` never serves stale code; `npm run build` brings dist/ up to date.
// A tree without src/ (the Docker image) always runs dist/.
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

// Prisma's query compiler is a ~3 MB Wasm module that each PrismaClient (writer and reader)
// instantiates and initialises at start. With V8's default tiering budget (1.8 M on Node 20,
// 13 M on 24) that one-off initialisation already sends hundreds of functions to TurboFan:
// ~45 MB of optimised code and compiler memory for work that runs once. A larger budget
// leaves start-up code in the baseline tier while the functions every query runs still
// reach TurboFan within the first requests (docs/performance.md, "Idle footprint": same µs
// per query, ~45 MB less at idle). Set before any Wasm is compiled; a V8 without the flag
// ignores it.
v8.setFlagsFromString('--wasm-tiering-budget=100000000');

// Node ≥ 22.1 keeps V8's compiled code of the modules on disk between starts (the Docker
// image's Node 24 uses it; Node 20 has no such function and skips it).
module.enableCompileCache?.();

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const compiled = path.join(root, 'dist', 'cli.js');

/** Newest mtime (ms) of the files under dir; 0 when dir does not exist. */
function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function distIsCurrent() {
  let built;
  try {
    built = fs.statSync(compiled).mtimeMs;
  } catch {
    return false;
  }
  // tsc reads every source before it writes any output, so a source newer than
  // dist/cli.js was changed after that build started.
  return newestMtime(path.join(root, 'src')) <= built;
}

if (distIsCurrent()) {
  await import(compiled);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    console.error(`opsgraph: ${compiled} is missing or older than src/, and tsx (a dev dependency) is not installed: run \`npm run build\``);
    process.exit(1);
  }
  // For `serve`, the server's large ESM dependencies load first, through Node's own loader:
  // once tsx's hooks are registered every ESM module makes a round trip to the hooks' thread
  // (graphql-yoga alone brings ~300). They resolve to the same files with or without tsx.
  if (process.argv[2] === 'serve') {
    await Promise.all(
      ['graphql', 'graphql-yoga', 'graphql-ws/use/ws', 'ws', 'zod', '@pothos/core', '@pothos/plugin-prisma', '@pothos/plugin-relay', '@prisma/client/runtime/client'].map(
        (m) => import(m),
      ),
    );
  }
  register();
  await import('../src/cli.ts');
}
