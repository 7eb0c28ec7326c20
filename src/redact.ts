// One place that takes credentials out of URLs before they are logged or echoed in an error:
// database URLs, S3 endpoints, SMTP and upstream connection strings all carry them as
// `scheme://user:password@host`, and some as `?password=…` / `?X-Amz-Signature=…`.
// src/logger.ts runs every log line through it; code that builds a message from a URL
// (config errors, connection failures) calls it directly.

const CENSOR = '[redacted]';
/** scheme://userinfo@ — the userinfo (user, or user:password) is what we hide. */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@]*)@/gi;
/** Query parameters that carry a secret in the URLs we meet (DSNs, presigned S3 URLs). */
const SECRET_PARAM = /([?&](?:password|passwd|pwd|pass|secret|token|access_token|api_key|apikey|sslpassword|x-amz-signature|x-amz-credential|x-amz-security-token|signature|sig)=)[^&#\s"']*/gi;

/** The text with every URL's userinfo and secret query parameters replaced by "[redacted]". */
export function redactUrls(text: string): string {
  // Cheap test first: most log strings contain no URL at all.
  if (!text.includes('://') && !text.includes('=')) return text;
  return text.replace(USERINFO, (_m, scheme: string) => `${scheme}${CENSOR}@`).replace(SECRET_PARAM, (_m, name: string) => `${name}${CENSOR}`);
}

/** The scheme of a URL-looking string ("postgresql" for "postgresql://…"), or null for a plain path. */
export function urlScheme(text: string): string | null {
  // Two letters at least, so a Windows drive ("C:\…") is a path, not a scheme.
  const m = /^([a-z][a-z0-9+.-]+):/i.exec(text.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * A deep copy of a log object with credentials taken out of every string in it (bounded
 * depth; Errors keep their type-relevant fields). Objects with nothing to redact are
 * returned as they are, so the common log line costs a walk and no copy.
 */
export function redactDeep<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redactUrls(value) as T;
  if (!value || typeof value !== 'object' || depth > 6) return value;
  if (value instanceof Error) {
    const message = redactUrls(value.message);
    const stack = value.stack === undefined ? undefined : redactUrls(value.stack);
    if (message === value.message && stack === value.stack) return value;
    const copy = Object.assign(Object.create(Object.getPrototypeOf(value)), value) as Error;
    Object.defineProperty(copy, 'message', { value: message, enumerable: false, writable: true, configurable: true });
    Object.defineProperty(copy, 'stack', { value: stack, enumerable: false, writable: true, configurable: true });
    if (value.cause !== undefined) Object.defineProperty(copy, 'cause', { value: redactDeep(value.cause, depth + 1), enumerable: false, writable: true, configurable: true });
    return copy as T;
  }
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const r = redactDeep(v, depth + 1);
      if (r !== v) changed = true;
      return r;
    });
    return (changed ? out : value) as T;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value; // Buffers, Dates, class instances
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(value)) {
    const r = redactDeep(v, depth + 1);
    if (r !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = r;
  }
  return (out ?? value) as T;
}
