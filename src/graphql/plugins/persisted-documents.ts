// Trusted documents over HTTP (Yoga's persisted-operations plugin) and over WebSocket (the
// same rules, applied in graphql-ws's onSubscribe). A client sends `{"documentId": "<hash>"}`
// as GraphQL Code Generator's client preset does (also `?documentId=` on GET, and Apollo's
// `extensions.persistedQuery.sha256Hash`). PERSISTED_DOCUMENTS_ONLY decides who may still
// send a document's text: `below-admin` keeps ad-hoc access for admins (scripted mutations,
// GraphiQL), `all` refuses everyone's. Sending the full text of a trusted document is
// always allowed: it is the same document (and graphql-ws clients must send a `query`).
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Actor } from '../../commands/command-context.ts';
import type { Config } from '../../config.ts';
import { roleAtLeast } from '../../domain/roles.ts';
import { loadPersistedDocuments, type PersistedDocuments } from '../persisted-documents.ts';

type Only = Config['persistedDocuments']['only'];

const loaded = new WeakMap<Config, PersistedDocuments | null>();

/** The trusted documents of this configuration (read once; HTTP and WebSocket share them), or null when none are configured. */
export function trustedDocumentsOf(config: Config): PersistedDocuments | null {
  let docs = loaded.get(config);
  if (docs === undefined) {
    docs = config.persistedDocuments.path ? loadPersistedDocuments(config.persistedDocuments.path) : null;
    loaded.set(config, docs);
  }
  return docs;
}

function mayRunText(only: Only, actor: Actor | null | undefined, text: string, docs: PersistedDocuments): boolean {
  if (only === 'off' || docs.hasText(text)) return true;
  return only === 'below-admin' && roleAtLeast(actor?.role, 'admin');
}

function persistedOnly(actor: Actor | null | undefined): GraphQLError {
  return new GraphQLError(
    `only persisted documents are accepted${actor ? ` for role ${actor.role}` : ''}: send {"documentId": "<hash>"} from the client build's persisted-documents.json`,
    { extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 403 } } },
  );
}

function notFound(id: string): GraphQLError {
  return new GraphQLError(`unknown persisted document "${id.slice(0, 100)}" (is the server's PERSISTED_DOCUMENTS from this client build?)`, {
    extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } },
  });
}

/** The document id a request names, wherever the client put it. */
function documentIdOf(params: Record<string, unknown>, url?: string): string | null {
  if (typeof params.documentId === 'string') return params.documentId;
  const pq = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  if (typeof pq?.sha256Hash === 'string') return pq.sha256Hash;
  if (url) {
    const q = url.indexOf('?');
    if (q >= 0) return new URLSearchParams(url.slice(q + 1)).get('documentId');
  }
  return null;
}

export function usePersistedDocuments(docs: PersistedDocuments, only: Only): Plugin {
  const inner = usePersistedOperations<Record<string, unknown>>({
    // The policy for document text is checked below, where the caller's role is known.
    allowArbitraryOperations: true,
    extractPersistedOperationId: (params, request) => documentIdOf(params as unknown as Record<string, unknown>, request.method === 'GET' ? request.url : undefined),
    getPersistedOperation: (id) => docs.get(id) ?? null,
    customErrors: {
      notFound: (payload) => notFound(documentIdOf(payload.params as unknown as Record<string, unknown>, payload.request.url) ?? ''),
      keyNotFound: {
        message: 'send a "query" or a "documentId"',
        extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED', http: { status: 400 } },
      },
    },
  });
  return {
    onParse: inner.onParse as Plugin['onParse'],
    onValidate: inner.onValidate as Plugin['onValidate'],
    onParams(payload) {
      const { params, context } = payload;
      if (typeof params.query === 'string' && params.query !== '') {
        const actor = (context as { actor?: Actor | null }).actor;
        if (!mayRunText(only, actor, params.query, docs)) throw persistedOnly(actor);
        return;
      }
      // No text (or "", as some clients send): the plugin looks the documentId up.
      return inner.onParams!(payload as never);
    },
  };
}

/**
 * The same rules for a graphql-ws subscribe payload: the text to run, or the error for the
 * client. Payloads carry a `query` (graphql-ws requires one; "" with a documentId is fine).
 */
export function resolveWebSocketDocument(
  docs: PersistedDocuments | null,
  only: Only,
  payload: { query: string; extensions?: unknown },
  actor: Actor | null | undefined,
): { query: string } | { error: GraphQLError } {
  if (!docs) return { query: payload.query };
  if (payload.query !== '') return mayRunText(only, actor, payload.query, docs) ? { query: payload.query } : { error: persistedOnly(actor) };
  const id = documentIdOf(payload as unknown as Record<string, unknown>);
  if (id === null) return { error: new GraphQLError('send a "query" or a "documentId"', { extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED' } }) };
  const text = docs.get(id);
  return text === undefined ? { error: notFound(id) } : { query: text };
}
