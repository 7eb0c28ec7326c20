// The pure parts of notifications: backoff, address and header rules, the destination
// policy's address checks, signatures, templates, and the config that drives them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { backoffDelayMs, headerText, isFinalFailure, isMailAddress } from '../src/domain/notifications.ts';
import { DestinationPolicy } from '../src/notifications/destination-policy.ts';
import { signWebhook, verifyWebhook } from '../src/notifications/signature.ts';
import { MailTemplates } from '../src/notifications/templates.ts';

describe('backoff', () => {
  it('doubles per failure between half and all of the step, capped', () => {
    expect(backoffDelayMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffDelayMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelayMs(3, 1000, 60_000, () => 1)).toBe(4000);
    expect(backoffDelayMs(3, 1000, 60_000, () => 0)).toBe(2000);
    expect(backoffDelayMs(30, 1000, 60_000, () => 1)).toBe(60_000);
    expect(backoffDelayMs(10_000, 1000, 60_000, () => 0.5)).toBe(45_000);
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelayMs(4, 1000, 60_000)));
    expect(spread.size).toBeGreaterThan(10); // jitter
  });
  it('gives up at the limit or on a permanent failure', () => {
    expect(isFinalFailure(2, 3, false)).toBe(false);
    expect(isFinalFailure(3, 3, false)).toBe(true);
    expect(isFinalFailure(1, 3, true)).toBe(true);
  });
});

describe('addresses and headers', () => {
  it('accepts one plain mailbox and nothing else', () => {
    for (const ok of ['ml-team@example.com', 'a.b+tag@sub.example.co.uk', "o'neil@example.org"]) expect(isMailAddress(ok), ok).toBe(true);
    for (const bad of ['x"<victim@evil.test>', 'a@b', 'a@b.c,d@e.f', 'a b@example.com', 'a\r\n@example.com', 'a@example.com\r\nBcc: x@y.z', '<a@example.com>', 'a@-x.com', `${'a'.repeat(65)}@example.com`, '.a@example.com', 'a..b@example.com', 'Name <a@example.com>']) {
      expect(isMailAddress(bad), bad).toBe(false);
    }
  });
  it('flattens control characters out of a header value and bounds it', () => {
    expect(headerText('a\r\nBcc: x@y.z\n\rX: 1\u0000\u2028end')).toBe('a Bcc: x@y.z X: 1 end');
    expect(headerText('x'.repeat(500), 10)).toHaveLength(10);
  });
});

describe('destination policy', () => {
  const strict = new DestinationPolicy({ allowedHosts: [], allowedPrivate: [] });
  const loopbackOk = new DestinationPolicy({ allowedHosts: [], allowedPrivate: ['127.0.0.1', '10.9.0.0/16'] });
  it('refuses special ranges unless listed, IPv4-mapped IPv6 included', () => {
    for (const a of ['127.0.0.1', '10.0.0.1', '172.16.5.5', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd12::1', '::ffff:127.0.0.1', '224.0.0.1']) {
      expect(strict.refuseAddress(a), a).not.toBeNull();
    }
    for (const a of ['93.184.216.34', '2606:4700::1111', '8.8.8.8']) expect(strict.refuseAddress(a), a).toBeNull();
    expect(loopbackOk.refuseAddress('127.0.0.1')).toBeNull();
    expect(loopbackOk.refuseAddress('::ffff:127.0.0.1')).toBeNull();
    expect(loopbackOk.refuseAddress('127.0.0.2')).not.toBeNull();
    expect(loopbackOk.refuseAddress('10.9.3.4')).toBeNull();
    expect(loopbackOk.refuseAddress('10.8.3.4')).not.toBeNull();
  });
  it('refuses a bad allow-list entry at start', () => {
    expect(() => new DestinationPolicy({ allowedHosts: [], allowedPrivate: ['localhost'] })).toThrow(/not an IP address/);
  });
  it('resolves names in its lookup and refuses what they point at', async () => {
    const err = await new Promise<Error | null>((resolve) => strict.lookup('localhost', {}, (e) => resolve(e)));
    expect(err?.message).toMatch(/loopback/);
  });
});

describe('signatures', () => {
  it('verify with the right secret and a fresh timestamp only', () => {
    const now = Date.now();
    const ts = Math.floor(now / 1000);
    const sig = signWebhook('s3cret-s3cret-s3cret', ts, '{"a":1}');
    expect(verifyWebhook('s3cret-s3cret-s3cret', String(ts), '{"a":1}', sig, 300, now)).toBe(true);
    expect(verifyWebhook('s3cret-s3cret-s3cret', String(ts), '{"a":2}', sig, 300, now)).toBe(false);
    expect(verifyWebhook('other', String(ts), '{"a":1}', sig, 300, now)).toBe(false);
    expect(verifyWebhook('s3cret-s3cret-s3cret', String(ts), '{"a":1}', sig, 300, now + 600_000)).toBe(false);
  });
});

describe('templates and settings', () => {
  it('a deployment folder replaces a built-in template; HTML escapes user text, text does not', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-templates-'));
    try {
      fs.writeFileSync(path.join(dir, 'awaiting-config.subject.txt'), 'Custom: {{useCase.name}}\n');
      fs.writeFileSync(path.join(dir, 'awaiting-config.txt'), 'T {{useCase.name}}');
      fs.writeFileSync(path.join(dir, 'awaiting-config.html'), '<p>{{useCase.name}}</p>');
      const view = { useCase: { name: '<b>x</b>\r\nBcc: y' } };
      const custom = new MailTemplates(dir).render('awaiting-config', view);
      expect(custom).toEqual({ subject: 'Custom: <b>x</b> Bcc: y', text: 'T <b>x</b>\r\nBcc: y', html: '<p>&lt;b&gt;x&lt;&#x2F;b&gt;\r\nBcc: y</p>' });
      const builtIn = new MailTemplates(dir).render('evaluation-failed', { useCase: { name: 'n' }, error: 'boom' });
      expect(builtIn.text).toContain('boom');
      expect(() => new MailTemplates(dir).check(['no-such-template'])).toThrow(/not found/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('parses the notification settings and refuses bad ones', () => {
    const c = loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.com:465', NOTIFY_EMAIL_RULES: 'AWAITING_CONFIG=awaiting-config', NOTIFY_BACKOFF_BASE: '250ms' });
    expect(c.notifications).toMatchObject({ smtpUrl: 'smtps://u:p@mail.example.com:465', emailRules: { AWAITING_CONFIG: 'awaiting-config' }, backoffBaseMs: 250 });
    expect(loadConfig({ NOTIFY_EMAIL_RULES: 'none' }).notifications.emailRules).toEqual({});
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.com' })).toThrow(ConfigError);
    expect(() => loadConfig({ MAIL_FROM: 'Ops <ops@example.com>' })).toThrow(ConfigError);
    expect(() => loadConfig({ NOTIFY_EMAIL_RULES: 'AWAITING_CONFIG=../../etc/passwd' })).toThrow(ConfigError);
    expect(() => loadConfig({ WEBHOOK_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1,localhost' })).toThrow(/"localhost" is not an IP address or CIDR/);
    expect(() => loadConfig({ WEBHOOK_ALLOWED_PRIVATE_ADDRESSES: '10.0.0.0/33' })).toThrow(ConfigError);
    expect(loadConfig({ WEBHOOK_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1, 10.1.0.0/16, ::1' }).notifications.webhookAllowedPrivate).toEqual(['127.0.0.1', '10.1.0.0/16', '::1']);
    const err = (() => {
      try {
        loadConfig({ SMTP_URL: 'ftp://user:hunter2@mail.example.com' });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(String(err)).toMatch(/SMTP_URL/);
    expect(String(err)).not.toContain('hunter2');
  });
});
