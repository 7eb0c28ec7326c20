# syntax=docker/dockerfile:1
# opsgraph: multi-stage build, non-root runtime, data on a volume.
# Build: docker build -t opsgraph .   Run: docker run -p 4000:4000 -v opsgraph-data:/data opsgraph

# ---- build: compile better-sqlite3 and generate the Prisma client ----
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# The postinstall step (prisma generate) needs the schema and config, nothing else.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY tsconfig.json ./
# Keep the generated client, drop the dev tools (Prisma CLI, vitest, codegen).
RUN npm prune --omit=dev --ignore-scripts

# ---- runtime ----
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
RUN groupadd --system opsgraph \
 && useradd --system --gid opsgraph --home-dir /app --shell /usr/sbin/nologin opsgraph \
 && mkdir -p /data \
 && chown opsgraph:opsgraph /data
COPY --from=build --chown=root:root /app /app
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
