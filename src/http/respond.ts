// Small HTTP helpers shared by the gateway's routes. A route is a handler that answers a
// request and returns true, or returns false to let the next route try.
import type http from 'node:http';
import type { Services } from '../commands/command-context.ts';

export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse, services: Services) => Promise<boolean> | boolean;

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A GraphQL-over-HTTP error response: `{ errors: [{ message, extensions: { code } }] }`. */
export function sendGraphQLError(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}
