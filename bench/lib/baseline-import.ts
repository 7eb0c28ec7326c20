// The import baseline: the same campaigns.yaml read by the same streaming reader
// (src/importers/jobs-yaml-stream.ts, so parsing costs both sides alike), written with one
// prepared INSERT per job in ONE better-sqlite3 transaction into the same migrated schema, so
// the same FTS5 triggers fire. What the gateway's import adds on top — the existing-row check
// that makes it an upsert, Prisma, batches with their activity entries, the backup first — is
// what the ratio measures. Run as a child: DB_FILE, YAML_FILE in the env; prints one JSON line.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { readJobEntries } from '../../src/importers/jobs-yaml-stream.ts';

const db = new Database(process.env.DB_FILE!, { fileMustExist: true });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
const insert = db.prepare(
  `INSERT INTO Job (id, jobName, product, persona, setting, emotion, hook, voiceId, language, brandName, enabled, data, createdAt, updatedAt)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const started = performance.now();
const now = new Date().toISOString();
let rows = 0;
db.exec('BEGIN IMMEDIATE');
for await (const e of readJobEntries(fs.createReadStream(process.env.YAML_FILE!))) {
  if (!('job' in e)) continue;
  const j = e.job;
  insert.run(j.id, j.jobName, j.product, j.persona, j.setting, j.emotion, j.hook, j.voiceId, j.language, j.brandName, j.enabled ? 1 : 0, j.data, now, now);
  rows += 1;
}
db.exec('COMMIT');
console.log(JSON.stringify({ rows, ms: performance.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
db.close();
