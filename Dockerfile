# oversight-bot container image: `docker build -t oversight-bot .`, then see compose.yaml and
# README "Deploy". Multi-stage: dependencies and the fast-start bundle are built with dev tools,
# the final image holds only production dependencies and runs as the unprivileged "node" user.

ARG NODE_VERSION=20

# ── build: install everything, bundle the TypeScript (dist/), warm the knowledge cache ──────
FROM node:${NODE_VERSION}-bookworm-slim AS build
# Only needed if better-sqlite3 has no prebuilt binary for this platform and must compile.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts run here (better-sqlite3's native module); the bundle is built below.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild better-sqlite3
COPY bin ./bin
COPY knowledge ./knowledge
COPY src ./src
COPY adapters ./adapters
COPY tsconfig.json ./
RUN node bin/build.js \
 # Validated knowledge is cached under node_modules/.cache: the first start skips the validation.
 && node bin/oversight.js kb validate \
 && node bin/oversight.js ask "which forces are in Engage?" > /dev/null \
 # Production dependencies only from here on (esbuild stays: tsx, a dependency, needs it).
 && npm prune --omit=dev --no-audit --no-fund

# ── runtime ─────────────────────────────────────────────────────────────────────────────────
FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    # In a container the HTTP receiver must listen beyond loopback to be reachable at all;
    # publish the port to the host's loopback or a private network only (see compose.yaml).
    SLACK_HOST=0.0.0.0 \
    SLACK_PORT=3000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/knowledge ./knowledge
COPY --from=build /app/src ./src
COPY --from=build /app/adapters ./adapters
# The bot writes only DATA_DIR and its knowledge cache.
RUN mkdir -p /data node_modules/.cache/oversight-bot && chown -R node:node /data node_modules/.cache/oversight-bot
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "bin/healthcheck.js"]
# node directly, not `npm start`: SIGTERM reaches the bot, which stops gracefully.
CMD ["node", "bin/oversight.js", "start"]
