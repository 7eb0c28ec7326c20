// `npx tsx bench/cases/<case>.ts [--duration N]`: a case module runs itself when it is the
// entry point (the same run as `npm run bench -- <case>`, without the header).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatCase } from './format.ts';
import type { BenchCase } from './types.ts';

export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return Boolean(entry) && moduleUrl === pathToFileURL(path.resolve(entry!)).href;
}

/** Runs `benchCase` and exits (0, or 1 with the error) when `moduleUrl` is the entry point. */
export async function runIfEntryPoint(moduleUrl: string, benchCase: BenchCase): Promise<void> {
  if (!isEntryPoint(moduleUrl)) return;
  const at = process.argv.indexOf('--duration');
  const durationSec = at > 0 ? Number(process.argv[at + 1]) : 8;
  try {
    console.log(formatCase(await benchCase.run({ durationSec })));
    process.exit(0);
  } catch (err) {
    console.error(err);
    process.exit(1);
  }
}
