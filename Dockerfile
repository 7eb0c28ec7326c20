# syntax=docker/dockerfile:1
# opsgraph: multi-stage build on Node 24 (the current LTS), non-root runtime, data on a volume.
# Build: docker build -t opsgraph .   Run: docker run -p 4000:4000 -v opsgraph-data:/data opsgraph
# CI replays this file without Docker (scripts/docker-stage.mjs, a step of .ci/run): it copies
# exactly what the COPY lines name and runs the RUN lines, so keep every step a plain command.

# ---- build: compile better-sqlite3, generate the Prisma client, compile src/ to dist/ ----
FROM node:24-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# npm ci's postinstall runs `prisma generate` (schema, prisma.config.ts and the external-table
# list it imports), the PostgreSQL schema derivation, and `npm run build` (tsc over src/ with
# the tsconfig files, plus the mail templates).
COPY package.json package-lock.json prisma.config.ts tsconfig.json tsconfig.build.json ./
COPY prisma ./prisma
COPY src ./src
# postinstall's helpers: the PostgreSQL schema derived from prisma/schema.prisma, and the build.
COPY scripts/derive-postgres-schema.ts scripts/build.mjs ./scripts/
RUN npm ci --no-audit --no-fund
# Runtime dependencies only.
RUN npm prune --omit=dev --omit=peer --ignore-scripts --no-audit --no-fund
# What the runtime never loads:
# - the Prisma CLI and TypeScript with their trees (Studio, the local dev server, PGlite):
#   @prisma/client lists them as optional peers, and npm's prune keeps an installed optional
#   peer even with --omit=peer (~140 MB). @prisma/config (and effect) only serve prisma.config.ts;
# - Prisma's query compilers for other databases (this is SQLite only);
# - better-sqlite3's build tree and bundled SQLite sources (the compiled addon stays);
# - source maps and TypeScript declarations.
# scripts/docker-stage.mjs starts the result, so a removal the server needs fails CI.
RUN rm -rf node_modules/prisma node_modules/typescript node_modules/@prisma/dev \
      node_modules/@prisma/studio-core node_modules/@prisma/fetch-engine node_modules/@prisma/engines \
      node_modules/@prisma/config node_modules/effect node_modules/@electric-sql node_modules/elkjs \
 && rm -rf node_modules/better-sqlite3/deps node_modules/better-sqlite3/src \
      node_modules/better-sqlite3/build/Release/obj node_modules/better-sqlite3/build/Release/.deps \
      node_modules/better-sqlite3/build/Release/obj.target node_modules/better-sqlite3/build/deps \
 && find node_modules/@prisma/client/runtime -name 'query_compiler_*' ! -name '*sqlite*' -delete \
 && find node_modules \( -name '*.map' -o -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' \) -type f -delete

# ---- runtime ----
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
RUN groupadd --system opsgraph \
 && useradd --system --gid opsgraph --home-dir /app --shell /usr/sbin/nologin opsgraph \
 && mkdir -p /data \
 && chown opsgraph:opsgraph /data
# dist/ without src/: bin/opsgraph.js runs the compiled JavaScript. prisma/ holds the
# migrations (and the schema the migration engine reads) applied at start.
COPY --from=build --chown=root:root /app/node_modules /app/node_modules
COPY --from=build --chown=root:root /app/dist /app/dist
COPY --from=build --chown=root:root /app/prisma /app/prisma
COPY --from=build --chown=root:root /app/package.json /app/package.json
COPY bin ./bin
USER opsgraph
VOLUME ["/data"]
EXPOSE 4000
# /healthz answers as soon as the process serves; /readyz also checks the database and store.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Exec form: node is PID 1 and gets SIGTERM itself; the server then finishes in-flight
# requests and writes and closes the database before exiting.
ENTRYPOINT ["node", "bin/opsgraph.js"]
CMD ["serve"]
