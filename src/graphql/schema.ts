// Assembles the schema: root types, then one module per part of the graph. Each domain
// module registers its own types, queries and mutations on the shared builder.
import { builder, type SchemaLimits, schemaLimits } from './builder.ts';
import './types/scalars.ts';
import './types/errors.ts';
import './types/viewer.ts';
import './types/node.ts';
import './types/activity.ts';
import './types/use-case.ts';
import './types/domains.ts';

builder.queryType({ description: 'Every query needs the viewer role or higher.' });
builder.mutationType({ description: 'Each mutation is one transaction with its activity entry.' });

let built: ReturnType<typeof builder.toSchema> | undefined;

/** The schema is built once per process; limits are fixed from the first config that asks. */
export function buildSchema(limits?: Partial<SchemaLimits>) {
  if (!built) {
    Object.assign(schemaLimits, limits);
    built = builder.toSchema({ sortSchema: true });
  }
  return built;
}
