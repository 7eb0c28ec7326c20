// The footprint baseline of bench/cases/cold-start.ts: graphql-yoga's hello world on
// node:http, plain JavaScript (no loader), the smallest server the gateway's stack allows.
import http from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } }),
});
http
  .createServer((req, res) => (req.url === '/readyz' ? res.end('ok') : yoga(req, res)))
  .listen(Number(process.env.PORT), '127.0.0.1');
