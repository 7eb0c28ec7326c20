// Request bodies without a Content-Length (chunked transfer encoding, as streaming clients and
// some proxies send them) are read here with the same cap as declared ones, so the cap holds
// whatever the client declares.
import type http from 'node:http';

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body exceeds the limit of ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Reads the whole body, refusing (BodyTooLargeError) as soon as it passes `limit` bytes. */
export function readCappedBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
  });
}

/**
 * Lets the client read an early refusal: answers, then reads and discards what it is still
 * sending (up to `maxBytes` or `maxMs`) before the connection is closed. Closing at once
 * while the client is still writing makes it see a reset instead of the answer.
 */
export function refuseAndDrain(req: http.IncomingMessage, send: () => void, maxBytes = 16 * 1024 * 1024, maxMs = 5_000): void {
  if (req.readableEnded) return send();
  let drained = 0;
  const stop = () => {
    clearTimeout(timer);
    req.off('data', onData);
    if (!req.readableEnded) req.socket.destroySoon();
  };
  const onData = (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > maxBytes) stop();
  };
  const timer = setTimeout(stop, maxMs).unref();
  req.on('data', onData);
  req.once('end', () => clearTimeout(timer));
  req.once('error', stop);
  send();
  req.resume();
}
