// The local replica (scale-out milestone 2); see ./local-replica.ts.
export { LocalReplica, type LocalReplicaOptions } from './local-replica.ts';
export { AppliedActivityProgress } from './progress.ts';
export { defaultReplicaId, slotName } from './slot-name.ts';
export { PUBLICATION } from './publication.ts';
