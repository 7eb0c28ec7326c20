#!/usr/bin/env node
// Proves the Dockerfile without Docker (it cannot run on these machines): reads the
// Dockerfile, and replays it on the host in empty temp folders —
//   build stage: every COPY into the stage's folder (exactly the files the COPY lines name,
//     minus .dockerignore), then every RUN in order (`npm ci`, the prune and trim steps) with
//     the stage's ENV. RUN lines that install system packages (apt-get) are skipped: this
//     machine has Python, make and g++ already;
//   runtime stage: its COPY --from=build and COPY lines into a second empty folder, which is
//     then started as the image starts it (ENTRYPOINT + CMD, with the image's ENV except
//     DATA_DIR/PORT/HOST, which point at a temp folder and a free loopback port) until
//     /readyz answers 200.
// Prints the installed size of the runtime folder (the image's /app), then "docker stage: ok".
// Exits non-zero on the first failing step. Run it with the Node the Dockerfile's FROM names
// (.ci/run does, with Node 24); a different major version is reported.
//
//   node scripts/docker-stage.mjs [--keep]   (--keep: leave the temp folders for inspection)
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const keep = process.argv.includes('--keep');

class StageError extends Error {}
function fail(message) {
  throw new StageError(message);
}

// ---------------------------------------------------------------- reading the Dockerfile

/** Instructions as { op, args, line }, continuation lines joined, comments dropped. */
function parseDockerfile(text) {
  const out = [];
  let pending = '';
  let startLine = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (!pending && (line.trim() === '' || line.trim().startsWith('#'))) return;
    if (pending && line.trim().startsWith('#')) return; // comments inside a continued RUN
    if (!pending) startLine = i + 1;
    if (line.endsWith('\\')) {
      pending += line.slice(0, -1) + ' ';
      return;
    }
    const full = (pending + line).trim();
    pending = '';
    const m = full.match(/^(\w+)\s+([\s\S]*)$/);
    if (m) out.push({ op: m[1].toUpperCase(), args: m[2].trim(), line: startLine });
  });
  return out;
}

/** Stages in order: { name, from, instructions }. */
function stagesOf(instructions) {
  const stages = [];
  for (const ins of instructions) {
    if (ins.op === 'FROM') {
      const m = ins.args.match(/^(\S+)(?:\s+AS\s+(\S+))?$/i);
      stages.push({ from: m[1], name: m[2] ?? String(stages.length), instructions: [] });
    } else if (stages.length) {
      stages.at(-1).instructions.push(ins);
    }
  }
  return stages;
}

/** `COPY [--from=x] [--chown=…] src… dest` → { from, sources, dest }. */
function parseCopy(args) {
  const words = args.startsWith('[') ? JSON.parse(args) : args.split(/\s+/);
  let from = null;
  const rest = [];
  for (const w of words) {
    if (w.startsWith('--from=')) from = w.slice(7);
    else if (!w.startsWith('--')) rest.push(w);
  }
  if (rest.length < 2) fail(`COPY needs a source and a destination: COPY ${args}`);
  return { from, sources: rest.slice(0, -1), dest: rest.at(-1) };
}

/** ENV k=v k2="v 2" (and the old `ENV k v` form). */
function parseEnv(args) {
  const env = {};
  if (!args.includes('=')) {
    const [k, ...v] = args.split(/\s+/);
    env[k] = v.join(' ');
    return env;
  }
  for (const m of args.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S+)/g)) env[m[1]] = m[2].startsWith('"') ? JSON.parse(m[2]) : m[2];
  return env;
}

// ---------------------------------------------------------------- .dockerignore

function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}(/.*)?$`);
}

function readDockerignore() {
  const file = path.join(root, '.dockerignore');
  if (!fs.existsSync(file)) return () => false;
  const rules = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => ({ negate: l.startsWith('!'), re: globToRegExp(l.replace(/^!/, '').replace(/^\/+|\/+$/g, '')) }));
  // Docker's rule: the last matching line wins.
  return (rel) => rules.reduce((ignored, r) => (r.re.test(rel) ? !r.negate : ignored), false);
}

// ---------------------------------------------------------------- replaying

function copyInto(srcAbs, destAbs, relFromContext, ignored) {
  if (ignored && ignored(relFromContext)) return;
  // Symbolic links are copied as links, as Docker's COPY does (node_modules/.bin is made of
  // them, and the trim step may leave one pointing at a removed package).
  const st = fs.lstatSync(srcAbs);
  if (st.isSymbolicLink()) {
    fs.mkdirSync(path.dirname(destAbs), { recursive: true });
    fs.rmSync(destAbs, { force: true });
    fs.symlinkSync(fs.readlinkSync(srcAbs), destAbs);
  } else if (st.isDirectory()) {
    fs.mkdirSync(destAbs, { recursive: true });
    for (const e of fs.readdirSync(srcAbs)) copyInto(path.join(srcAbs, e), path.join(destAbs, e), relFromContext ? `${relFromContext}/${e}` : e, ignored);
  } else {
    fs.mkdirSync(path.dirname(destAbs), { recursive: true });
    fs.copyFileSync(srcAbs, destAbs);
  }
}

/** COPY semantics: a directory's contents go into dest; files into dest/ when dest ends with / or there are several. */
function applyCopy({ sources, dest }, contextDir, stageDir, ignored) {
  const destIsDir = dest.endsWith('/') || dest === '.' || sources.length > 1;
  for (const s of sources) {
    const rel = s.replace(/^\.\/+/, '').replace(/\/+$/, '');
    const abs = path.join(contextDir, rel);
    if (!fs.existsSync(abs)) fail(`COPY source ${s} does not exist in ${contextDir}`);
    if (ignored && ignored(rel)) fail(`COPY source ${s} is excluded by .dockerignore`);
    const destAbs = path.resolve(stageDir, dest);
    const target = fs.statSync(abs).isDirectory() ? destAbs : destIsDir ? path.join(destAbs, path.basename(rel)) : destAbs;
    copyInto(abs, target, rel, ignored);
  }
}

function du(dir) {
  return Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]) * 1024;
}

const mib = (bytes) => `${(bytes / 1048576).toFixed(0)} MiB`;

function runShell(cmd, cwd, env) {
  const started = Date.now();
  console.log(`\n$ ${cmd}`);
  try {
    execFileSync('sh', ['-c', cmd], { cwd, env, stdio: 'inherit' });
  } catch (err) {
    fail(`RUN ${cmd} exited with ${err.status ?? err.signal}`);
  }
  console.log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

async function startLikeTheImage(appDir, stage, stageEnv) {
  const entry = stage.instructions.filter((i) => i.op === 'ENTRYPOINT').at(-1);
  const cmd = stage.instructions.filter((i) => i.op === 'CMD').at(-1);
  if (!entry) fail('the runtime stage has no ENTRYPOINT');
  const argv = [...JSON.parse(entry.args), ...(cmd ? JSON.parse(cmd.args) : [])];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-stage-data-'));
  const env = { ...process.env, ...stageEnv, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0' };
  const exe = argv[0] === 'node' ? process.execPath : argv[0];
  console.log(`\n$ ${argv.join(' ')}   (in the runtime folder, DATA_DIR=${dataDir}, PORT=0)`);
  const child = spawn(exe, argv.slice(1), { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 120_000);
    const onData = (chunk) => {
      output += chunk;
      const m = output.match(/GraphiQL at (http:\/\/\S+)\/graphql/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => resolve(null));
  });
  try {
    if (!url) fail(`the image's command did not start:\n${output.slice(-3000)}`);
    const res = await fetch(`${url}/readyz`);
    if (res.status !== 200) fail(`/readyz answered ${res.status}: ${await res.text()}`);
    console.log(`  /readyz 200 from ${url}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const dockerfile = path.join(root, 'Dockerfile');
  const stages = stagesOf(parseDockerfile(fs.readFileSync(dockerfile, 'utf8')));
  if (stages.length < 2) fail('expected a build stage and a runtime stage');
  const build = stages[0];
  const runtime = stages.at(-1);
  const nodeMajor = (image) => image.match(/^node:(\d+)/)?.[1];
  console.log(`docker stage: ${dockerfile}: build stage "${build.name}" FROM ${build.from}, runtime FROM ${runtime.from}; replaying on Node ${process.version}`);
  if (nodeMajor(build.from) && nodeMajor(build.from) !== process.versions.node.split('.')[0]) {
    console.log(`docker stage: WARNING: the Dockerfile builds on Node ${nodeMajor(build.from)}, this is Node ${process.version}`);
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-stage-'));
  const buildDir = path.join(work, 'build');
  const appDir = path.join(work, 'runtime');
  fs.mkdirSync(buildDir);
  fs.mkdirSync(appDir);
  const ignored = readDockerignore();
  try {
    let env = { ...process.env };
    for (const ins of build.instructions) {
      if (ins.op === 'ENV') env = { ...env, ...parseEnv(ins.args) };
      else if (ins.op === 'COPY') {
        const c = parseCopy(ins.args);
        if (c.from) fail(`line ${ins.line}: COPY --from in the build stage is not replayed`);
        applyCopy(c, root, buildDir, ignored);
        console.log(`COPY ${c.sources.join(' ')} → ${c.dest}`);
      } else if (ins.op === 'RUN') {
        if (/^\s*apt-get\b/.test(ins.args)) console.log(`\nskipped (system packages, present on this machine): RUN ${ins.args.slice(0, 100)}…`);
        else runShell(ins.args, buildDir, env);
      }
    }
    let runtimeEnv = {};
    for (const ins of runtime.instructions) {
      if (ins.op === 'ENV') runtimeEnv = { ...runtimeEnv, ...parseEnv(ins.args) };
      else if (ins.op === 'COPY') {
        const c = parseCopy(ins.args);
        if (c.from && c.from !== build.name) fail(`line ${ins.line}: COPY --from=${c.from}: only the build stage is replayed`);
        const contextDir = c.from ? buildDir : root;
        // Docker's WORKDIR is /app; COPY sources from the build stage are absolute /app/… paths.
        const relSources = c.sources.map((s) => (c.from ? s.replace(/^\/app\/?/, '') || '.' : s));
        applyCopy({ ...c, sources: relSources, dest: c.dest.replace(/^\/app\/?/, '') || '.' }, contextDir, appDir, c.from ? null : ignored);
        console.log(`COPY ${c.from ? `--from=${c.from} ` : ''}${c.sources.join(' ')} → ${c.dest}`);
      }
    }
    const sizes = { total: du(appDir), node_modules: fs.existsSync(path.join(appDir, 'node_modules')) ? du(path.join(appDir, 'node_modules')) : 0 };
    console.log(`\nruntime /app: ${mib(sizes.total)} installed (node_modules ${mib(sizes.node_modules)}), on top of the ${runtime.from} base image`);
    await startLikeTheImage(appDir, runtime, runtimeEnv);
    console.log('docker stage: ok');
  } finally {
    if (keep) console.log(`kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (err) {
  console.error(`docker stage: FAILED: ${err instanceof StageError ? err.message : err.stack}`);
  process.exitCode = 1;
}
