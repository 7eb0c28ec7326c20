// One `next` message body per event for every subscriber that shares its execution.
//
// Subscribers with the same document, variables and role get the SAME ExecutionResult object
// for an event (src/events/shared-execution.ts), but graphql-ws builds and JSON.stringifies
// the whole `{"id":…,"type":"next","payload":…}` message per subscriber (the id differs),
// and ws then encodes that string to UTF-8 per socket: with 5,000 subscribers, 5,000
// serializations of the same payload per event. Node 20 has no JSON.rawJSON to splice a
// pre-serialized payload into graphql-ws's stringify, so:
//   - onNext (graphql-ws's hook, per subscriber) serializes the payload once per result
//     (cached by the result object), makes this subscriber's frame as bytes — its own
//     `{"id":…` prefix, then the shared tail — and returns a small placeholder payload;
//   - graphql-ws stringifies the placeholder message and calls the socket's send with it;
//     the socket's send (wrapped per connection below) swaps it for that id's frame.
// Nothing about who receives what changes: every subscriber still has its own subscription
// (auth in the field's subscribe resolver, the role in the share key), its own id, and its
// socket closed on revocation (src/ws/connections.ts). The payload bytes are what graphql-ws
// would have sent (same object spread, errors through toJSON()).
import type { ExecutionResult } from 'graphql';
import type { WebSocket } from 'ws';

const PLACEHOLDER = Object.freeze({ __opsgraphSharedFrame: true });
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);

/** result → the bytes of `,"type":"next","payload":<payload>}`, serialized once. */
const tails = new WeakMap<object, Buffer>();
/** socket → operation id → the frame to send instead of its placeholder message (one at a time per id). */
const pending = new WeakMap<WebSocket, Map<string, Buffer>>();

function tailOf(result: ExecutionResult): Buffer {
  let tail = tails.get(result);
  if (!tail) {
    // Exactly graphql-ws's payload: the result without `errors`, then errors as JSON if any.
    const { errors, ...rest } = result;
    const payload = { ...rest, ...(errors ? { errors: errors.map((e) => e.toJSON()) } : {}) };
    tail = Buffer.from(`,"type":"next","payload":${JSON.stringify(payload)}}`);
    tails.set(result, tail);
  }
  return tail;
}

/** Makes `socket.send` swap a placeholder message for its prepared frame; call once per connection. */
export function sendSharedFrames(socket: WebSocket): void {
  const frames = new Map<string, Buffer>();
  pending.set(socket, frames);
  const send = socket.send.bind(socket) as (data: unknown, options: { binary: boolean }, cb?: (err?: Error) => void) => void;
  socket.send = ((data: unknown, ...rest: unknown[]) => {
    // Placeholder messages are short; parsing one finds its id whatever graphql-ws's key order.
    const id = typeof data === 'string' && frames.size && data.includes(PLACEHOLDER_JSON) ? (JSON.parse(data) as { id?: string }).id : undefined;
    const frame = id === undefined ? undefined : frames.get(id);
    if (!frame) return (send as (...args: unknown[]) => void)(data, ...rest);
    frames.delete(id!);
    const cb = rest.find((a) => typeof a === 'function') as ((err?: Error) => void) | undefined;
    // A text frame, as graphql-ws's own string would have been.
    return send(frame, { binary: false }, cb);
  }) as WebSocket['send'];
}

/**
 * graphql-ws's onNext: prepares this subscriber's frame from the (shared) result and returns
 * the placeholder payload graphql-ws will stringify. undefined (graphql-ws sends as usual)
 * when the socket's send was not wrapped.
 */
export function sharedNextPayload(socket: WebSocket, id: string, result: ExecutionResult): object | undefined {
  const frames = pending.get(socket);
  if (!frames) return undefined;
  // The frame is graphql-ws's message: { id, type, payload } in this order (its emit.next).
  frames.set(id, Buffer.concat([Buffer.from(`{"id":${JSON.stringify(id)}`), tailOf(result)]));
  return PLACEHOLDER;
}
