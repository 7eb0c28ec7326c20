#!/usr/bin/env node
// Runs the TypeScript CLI in this process through tsx's loader (Prisma 7's generated
// client imports .ts files), so signals reach the server directly.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
