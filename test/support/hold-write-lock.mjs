// Another process holding a database's write lock, as a CLI import or an operator's sqlite3
// shell would: `node hold-write-lock.mjs FILE` takes BEGIN IMMEDIATE, prints "held", and lets
// go (COMMIT) when a line arrives on stdin.
import Database from 'better-sqlite3';

const db = new Database(process.argv[2], { fileMustExist: true });
db.exec('BEGIN IMMEDIATE');
process.stdout.write('held\n');
process.stdin.once('data', () => {
  db.exec('COMMIT');
  db.close();
  process.exit(0);
});
