// What a transport puts on a subscription's GraphQL context so a feed can end the whole
// connection (graphql-ws closes the socket with a code and reason; SSE has no such hook and
// ends the stream with an error instead).
export const CLOSE_CONNECTION = Symbol('opsgraph.closeConnection');

/** WebSocket close code for a consumer too slow to keep up (1013 "try again later": clients may reconnect and resume). */
export const SLOW_CONSUMER_CLOSE_CODE = 1013;

export interface ConnectionHooks {
  [CLOSE_CONNECTION]?: (code: number, reason: string) => void;
}
