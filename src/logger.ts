// Structured JSON logs (pino): one object per line, cheap enough for the hot path.
import { pino, type Logger } from 'pino';
import { redactDeep, redactUrls } from './redact.ts';

export type { Logger };

export function createLogger(level: string, name = 'opsgraph', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      name,
      level,
      // Never log secrets even if a caller passes a whole request or config by mistake.
      redact: {
        paths: ['*.authorization', '*.Authorization', 'key', '*.apiKey', '*.secret', 'password', '*.password', '*.secretAccessKey', '*.sessionToken'],
        censor: '[redacted]',
      },
      // Credentials inside URLs (DATABASE_URL, S3_ENDPOINT, SMTP, upstream) are values, not
      // paths: every string of a line, the message and errors included, goes through
      // src/redact.ts.
      formatters: { log: (obj) => redactDeep(obj) },
      hooks: {
        logMethod(args, method) {
          const redacted = args.map((a) => (typeof a === 'string' ? redactUrls(a) : a)) as typeof args;
          return method.apply(this, redacted);
        },
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
