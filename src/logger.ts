// Structured JSON logs (pino): one object per line, cheap enough for the hot path.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, name = 'opsgraph'): Logger {
  return pino({
    name,
    level,
    // Never log secrets even if a caller passes a whole request or config by mistake.
    redact: { paths: ['*.authorization', '*.Authorization', 'key', '*.apiKey', '*.secret'], censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
