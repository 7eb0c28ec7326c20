// Credentials inside URLs never reach a log line or a configuration error: the logger runs
// every string of a line (message, fields, nested objects, errors) through src/redact.ts.
import { describe, expect, it } from 'vitest';
import { ConfigError, describeDatabase, loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { redactUrls } from '../src/redact.ts';

function capture() {
  const lines: string[] = [];
  return { lines, stream: { write: (s: string) => void lines.push(s) } };
}

describe('redaction of credentials in URLs', () => {
  it('a log line with URLs carrying credentials shows them redacted', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', 'test', stream);
    const dsn = 'postgresql://replicator:pgPassw0rd@10.0.0.5:5432/ops?sslmode=require&password=qsPassw0rd';
    const err = new Error(`connect ECONNREFUSED smtp://mailer:smtpPassw0rd@mail.internal:587`);
    logger.error(
      { err, upstream: { url: dsn }, endpoints: ['https://AKIAEXAMPLE:s3Secr3t@rgw.internal:7480'], presigned: 'https://s3/b/k?X-Amz-Signature=abc123sig&X-Amz-Expires=60' },
      `could not reach ${dsn}`,
    );
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    for (const secret of ['pgPassw0rd', 'qsPassw0rd', 'smtpPassw0rd', 's3Secr3t', 'AKIAEXAMPLE', 'replicator:', 'abc123sig']) {
      expect(line).not.toContain(secret);
    }
    const parsed = JSON.parse(line) as Record<string, unknown> & { err: { message: string; stack: string; type: string } };
    expect(parsed.msg).toBe('could not reach postgresql://[redacted]@10.0.0.5:5432/ops?sslmode=require&password=[redacted]');
    expect(parsed.upstream).toEqual({ url: 'postgresql://[redacted]@10.0.0.5:5432/ops?sslmode=require&password=[redacted]' });
    expect(parsed.err.message).toBe('connect ECONNREFUSED smtp://[redacted]@mail.internal:587');
    expect(parsed.err.type).toBe('Error');
    expect(parsed.err.stack).toContain('smtp://[redacted]@mail.internal:587');
    expect(parsed.presigned).toBe('https://s3/b/k?X-Amz-Signature=[redacted]&X-Amz-Expires=60');
  });

  it('leaves a line with nothing to hide as it is', () => {
    const { lines, stream } = capture();
    createLogger('info', 'test', stream).info({ url: 'http://127.0.0.1:4000/graphql', n: 3 }, 'opsgraph listening');
    expect(JSON.parse(lines[0]!)).toMatchObject({ url: 'http://127.0.0.1:4000/graphql', n: 3, msg: 'opsgraph listening' });
    expect(redactUrls('plain text, a=b')).toBe('plain text, a=b');
  });

  it('a DATABASE_URL of another scheme is a ConfigError naming the scheme, not the credentials', () => {
    let thrown: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://root:MyS3cret@127.0.0.1/ops' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toContain('"mysql:" scheme is not supported');
    expect((thrown as Error).message).not.toMatch(/MyS3cret|root/);
    // Plain paths and file: URLs (relative or absolute) still name the SQLite file.
    expect(loadConfig({ DATABASE_URL: 'file:///tmp/x.db' }).databaseFile).toBe('/tmp/x.db');
    expect(loadConfig({ DATABASE_URL: '/tmp/y.db?mode=rwc' }).databaseFile).toBe('/tmp/y.db');
    expect(loadConfig({ DATABASE_URL: '/tmp/y.db' }).postgresUrl).toBeUndefined();
  });

  it('a postgresql:// DATABASE_URL selects the PostgreSQL write store; described without its credentials', () => {
    const url = 'postgresql://opsuser:Sup3rSecretPw@db.internal:5432/opsgraph';
    const config = loadConfig({ DATABASE_URL: url, DATA_DIR: '/tmp/og' });
    expect(config.postgresUrl).toBe(url);
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@h/db' }).postgresUrl).toBe('postgres://u:p@h/db');
    expect(describeDatabase(config)).toBe('postgresql://[redacted]@db.internal:5432/opsgraph');
    expect(describeDatabase(loadConfig({ DATA_DIR: '/tmp/og' }))).toBe('/tmp/og/opsgraph.db');
    let thrown: unknown;
    try {
      loadConfig({ DATABASE_URL: 'postgresql://opsuser:Sup3rSecretPw@' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toMatch(/not a usable postgresql:\/\/ URL/);
    expect((thrown as Error).message).not.toMatch(/Sup3rSecretPw|opsuser/);
  });
});
