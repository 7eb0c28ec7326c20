// bin/opsgraph.js runs the compiled dist/ when it is current, and the TypeScript sources
// through tsx when src/ changed since the last build (so a stale dist/ is never served).
// Driven on a copy of bin/ beside a stand-in dist/cli.js and src/cli.ts that say which ran.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
let tree: string;

function run(): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [path.join(tree, 'bin', 'opsgraph.js'), '--version'], { cwd: tree, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function setMtime(file: string, secondsAgo: number): void {
  const t = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(file, t, t);
}

beforeAll(() => {
  tree = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-bin-'));
  fs.mkdirSync(path.join(tree, 'bin'));
  fs.copyFileSync(path.join(ROOT, 'bin', 'opsgraph.js'), path.join(tree, 'bin', 'opsgraph.js'));
  fs.writeFileSync(path.join(tree, 'package.json'), '{"type":"module"}');
  fs.mkdirSync(path.join(tree, 'dist'));
  fs.writeFileSync(path.join(tree, 'dist', 'cli.js'), "console.log('ran dist');\n");
  fs.mkdirSync(path.join(tree, 'src', 'nested'), { recursive: true });
  // TypeScript syntax, so only a TypeScript loader can run it.
  fs.writeFileSync(path.join(tree, 'src', 'cli.ts'), "const from: string = 'src';\nconsole.log(`ran ${from}`);\n");
  fs.writeFileSync(path.join(tree, 'src', 'nested', 'other.ts'), 'export {};\n');
});

afterAll(() => fs.rmSync(tree, { recursive: true, force: true }));

describe('bin/opsgraph.js', () => {
  it('runs dist/ when it is newer than every file under src/', () => {
    setMtime(path.join(tree, 'src', 'cli.ts'), 60);
    setMtime(path.join(tree, 'src', 'nested', 'other.ts'), 60);
    setMtime(path.join(tree, 'dist', 'cli.js'), 10);
    expect(run()).toEqual({ status: 0, out: 'ran dist\n' });
  });

  it('without tsx installed, a source newer than dist/ is refused with the command that fixes it', () => {
    setMtime(path.join(tree, 'src', 'nested', 'other.ts'), 0);
    const r = run();
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/older than src\/.*npm run build/);
  });

  it('with tsx installed, a source newer than dist/ runs the sources through tsx', () => {
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'), 'dir');
    try {
      expect(run()).toEqual({ status: 0, out: 'ran src\n' });
    } finally {
      fs.unlinkSync(path.join(tree, 'node_modules'));
    }
  });

  it('a tree without src/ (the Docker image) runs dist/', () => {
    fs.rmSync(path.join(tree, 'src'), { recursive: true });
    expect(run()).toEqual({ status: 0, out: 'ran dist\n' });
  });
});
