// Prometheus metrics at /metrics (prom-client): process defaults plus request counters.
import client from 'prom-client';

export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const operations = new client.Histogram({
    name: 'opsgraph_graphql_operation_seconds',
    help: 'GraphQL operation duration',
    labelNames: ['type', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  const sqlStatements = new client.Counter({
    name: 'opsgraph_sql_statements_total',
    help: 'SQL statements run by GraphQL operations',
    registers: [registry],
  });
  return { registry, operations, sqlStatements };
}

export type Metrics = ReturnType<typeof createMetrics>;
