// Opaque global IDs: base64url("Type:rawId"). Decoding a malformed id is a client error
// with a clear message, not an internal error.
import { GraphQLError } from 'graphql';

export function encodeId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64url');
}

export function decodeId(globalId: string): { typename: string; id: string } {
  const fail = () =>
    new GraphQLError(`malformed ID "${globalId.length > 80 ? `${globalId.slice(0, 80)}…` : globalId}"`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  if (globalId.length > 512 || !/^[A-Za-z0-9_=+/-]+$/.test(globalId)) throw fail();
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const sep = text.indexOf(':');
  if (sep <= 0 || sep === text.length - 1) throw fail();
  const typename = text.slice(0, sep);
  if (!/^[A-Z][A-Za-z]*$/.test(typename)) throw fail();
  return { typename, id: text.slice(sep + 1) };
}
