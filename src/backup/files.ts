// Temp files and streaming helpers shared by backup and restore.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/**
 * A private temp folder beside the database: on the same file system, so a restored file
 * can be renamed into place atomically, and on the disk that is sized for the database.
 */
export function scratchDir(databaseFile: string, purpose: string): { dir: string; remove(): void } {
  const parent = path.join(path.dirname(databaseFile), '.opsgraph-tmp');
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, `${purpose}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function gzipFile(source: string, target: string): Promise<void> {
  await pipeline(fs.createReadStream(source), zlib.createGzip({ level: 6 }), fs.createWriteStream(target));
}

export async function gunzipFile(source: string, target: string): Promise<void> {
  await pipeline(fs.createReadStream(source), zlib.createGunzip(), fs.createWriteStream(target));
}

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
