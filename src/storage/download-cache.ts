// Seed 000's local cache: downloads land in CACHE_DIR under their SHA-256, so a file is
// fetched once and reused, and every use verifies the bytes against the recorded checksum
// (a corrupt or tampered cache entry is discarded and fetched again).
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StorageError } from '../errors.ts';
import type { BlobStore } from './blob-store.ts';

async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

export interface CachedFile {
  path: string;
  hit: boolean;
}

/** Returns a verified local copy of `key` in the cache, downloading it if needed. */
export async function fetchThroughCache(store: BlobStore, cacheDir: string, o: { key: string; checksumSha256: string }): Promise<CachedFile> {
  const target = path.join(cacheDir, 'sha256', o.checksumSha256.slice(0, 2), o.checksumSha256);
  if (fs.existsSync(target)) {
    if ((await sha256File(target)) === o.checksumSha256) {
      const now = new Date();
      await fsp.utimes(target, now, now); // "last used", for `cache clean --older-than`
      return { path: target, hit: true };
    }
    await fsp.rm(target, { force: true });
  }
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${crypto.randomUUID()}.part`;
  const hash = crypto.createHash('sha256');
  const tap = new Transform({
    transform(chunk, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(await store.get(o.key), tap, fs.createWriteStream(tmp, { mode: 0o600 }));
    const actual = hash.digest('hex');
    if (actual !== o.checksumSha256) throw new StorageError(`checksum mismatch for ${o.key}: expected ${o.checksumSha256}, got ${actual}`);
    await fsp.rename(tmp, target);
  } finally {
    await fsp.rm(tmp, { force: true });
  }
  return { path: target, hit: false };
}

/** Deletes cache entries not used for `olderThanMs`; returns what it removed. */
export async function cleanCache(cacheDir: string, olderThanMs: number): Promise<{ files: number; bytes: number }> {
  const cutoff = Date.now() - olderThanMs;
  let files = 0;
  let bytes = 0;
  const walk = async (dir: string): Promise<void> => {
    const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        await walk(p);
        await fsp.rmdir(p).catch(() => undefined); // only succeeds when empty
      } else if (e.isFile()) {
        const st = await fsp.stat(p);
        if (st.mtimeMs < cutoff) {
          await fsp.rm(p, { force: true });
          files += 1;
          bytes += st.size;
        }
      }
    }
  };
  await walk(cacheDir);
  return { files, bytes };
}
