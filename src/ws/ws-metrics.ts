// Metrics of GraphQL over WebSocket: open connections, running subscriptions, and the errors
// each operation sends (by code), through graphql-ws's own hooks. Spread the hooks into
// useServer's options (they use names src/ws/graphql-ws.ts does not).
import type { ServerOptions } from 'graphql-ws';
import type { WebSocketServer } from 'ws';
import { countWhileOpen, type Metrics } from '../metrics.ts';

/** graphql-ws closes with 4403 when connection_init carries no valid key (src/ws/graphql-ws.ts). */
const CLOSED_UNAUTHENTICATED = 4403;

type Hooks = Pick<ServerOptions, 'onOperation' | 'onNext' | 'onError' | 'onClose'>;

export function observeWebSocket(wss: WebSocketServer, metrics: Metrics): Hooks {
  wss.on('connection', (socket) => {
    metrics.webSockets.inc();
    socket.once('close', () => metrics.webSockets.dec());
  });
  const active = metrics.subscriptions.labels({ transport: 'ws' });
  return {
    onOperation(_ctx, _id, _payload, _args, result) {
      if (Symbol.asyncIterator in result) return countWhileOpen(result, active) as unknown as typeof result;
      return undefined;
    },
    onNext(_ctx, _id, _payload, _args, result) {
      metrics.countErrors(result.errors as never, 'ws');
      return undefined;
    },
    onError(_ctx, _id, _payload, errors) {
      metrics.countErrors(errors as never, 'ws');
      return undefined;
    },
    onClose(_ctx, code) {
      if (code === CLOSED_UNAUTHENTICATED) metrics.errors.inc({ code: 'UNAUTHENTICATED', transport: 'ws' });
    },
  };
}
