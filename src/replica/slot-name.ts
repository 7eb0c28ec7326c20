// REPLICA_ID → the replication slot's name. Each gateway process needs its own slot (a slot
// serves one consumer at a time), so the default id is derived from what makes a gateway
// distinct on a fleet: the host name and the data folder (two gateways on one host have two
// folders). Set REPLICA_ID explicitly where host names are not stable (containers whose
// name changes on every start would otherwise leave an abandoned slot behind each time).
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

export function defaultReplicaId(dataDir: string, hostname = os.hostname()): string {
  const folder = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 8);
  return `${hostname}-${folder}`;
}

/** A slot name PostgreSQL accepts: lower-case letters, digits and underscores, at most 63. */
export function slotName(replicaId: string): string {
  const cleaned = replicaId.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  const name = `opsgraph_${cleaned}`;
  if (name.length <= 63) return name;
  // Too long: keep a readable start and make the end unique.
  const hash = createHash('sha256').update(replicaId).digest('hex').slice(0, 10);
  return `${name.slice(0, 52)}_${hash}`;
}
