#!/usr/bin/env node
// Runs the TypeScript CLI in this process through tsx's loader (Prisma 7's generated
// client imports .ts files), so signals reach the server directly.
import module from 'node:module';
import { register } from 'tsx/esm/api';

// Node ≥ 22.1 keeps V8's compiled code of the modules on disk between starts (the
// Dockerfile's Node 22 uses it; older Node has no such function and skips it).
module.enableCompileCache?.();

// For `serve`, the server's large ESM dependencies load first, through Node's own loader.
// Once tsx's hooks are registered, every ESM module Node loads makes a round trip to the
// hooks' thread (resolve and load); graphql-yoga alone brings ~300 ESM modules
// (graphql-tools, envelop, whatwg-node), zod ~100, Pothos ~100. Loaded before, they are in
// the module map already and the server's imports of them cost one resolve each: ~0.5 s
// less from start to /readyz on a 2-core machine (bench/cases/cold-start.ts). They resolve
// to the same files with or without tsx (no duplicate instances). A package missing here
// still loads, only through the hooks; other commands skip this and load what they use.
if (process.argv[2] === 'serve') {
  await Promise.all([
    import('graphql'),
    import('graphql-yoga'),
    import('graphql-ws/use/ws'),
    import('ws'),
    import('zod'),
    import('@pothos/core'),
    import('@pothos/plugin-complexity'),
    import('@pothos/plugin-dataloader'),
    import('@pothos/plugin-errors'),
    import('@pothos/plugin-prisma'),
    import('@pothos/plugin-relay'),
    import('@pothos/plugin-scope-auth'),
    import('@prisma/client/runtime/client'),
  ]);
}

register();
await import('../src/cli.ts');
