// Turns the credentials on a request (HTTP header or graphql-ws connection_init payload)
// into an Actor, or says why not.
import type { Actor } from '../commands/command-context.ts';
import type { Config } from '../config.ts';
import type { KeyVerifier } from './api-keys.ts';

export type ActorResult = { ok: true; actor: Actor | null } | { ok: false; reason: string };

export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : header.trim() || null;
}

export async function resolveActor(token: string | null, verifier: KeyVerifier, config: Config): Promise<ActorResult> {
  if (!token) {
    const role = config.auth.anonymousRole;
    return { ok: true, actor: role ? { label: 'anonymous', role } : null };
  }
  const found = await verifier.verify(token);
  if (!found) return { ok: false, reason: 'invalid or revoked API key' };
  return { ok: true, actor: { label: `key:${found.name}`, role: found.role, keyId: found.keyId } };
}
