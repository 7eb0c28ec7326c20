// `npm run build`: src/ compiled to dist/ by tsc (tsconfig.build.json), plus the files the
// compiled code reads at run time that tsc does not emit (the replaceable mail templates).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const ASSETS = ['notifications/templates'];

fs.rmSync('dist', { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
for (const asset of ASSETS) fs.cpSync(`src/${asset}`, `dist/${asset}`, { recursive: true });
