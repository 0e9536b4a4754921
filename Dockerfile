# syntax=docker/dockerfile:1
# The Plume Telegram bot as a container image. Build from the repository root:
#   docker build -t plume-telegram-bot .
# Stage `build` installs every dependency and builds the bot and the libraries it runs on; stage
# `runtime` is Node slim with production dependencies only, running as the unprivileged `node` user.
# Configuration is the environment (apps/telegram-bot/.env.example); compose.yaml runs two replicas.

# Keep equal to .nvmrc.
ARG NODE_VERSION=24.21.0

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true
# The manifests first, so that the dependencies stay cached while only sources change.
COPY package.json package-lock.json nx.json tsconfig.base.json .nvmrc ./
COPY packages/bot-formatting/package.json packages/bot-formatting/
COPY packages/plume-analytics/package.json packages/plume-analytics/
COPY packages/plume-charts/package.json packages/plume-charts/
COPY packages/plume-sdk/package.json packages/plume-sdk/
COPY packages/plume-simulator/package.json packages/plume-simulator/
COPY packages/telegram-sandbox/package.json packages/telegram-sandbox/
COPY apps/telegram-bot/package.json apps/telegram-bot/
COPY tools/package.json tools/
RUN npm ci
COPY tools tools
COPY packages packages
COPY apps apps
RUN npx nx run @org/telegram-bot:build --outputStyle=static

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production DATA_DIR=/data PORT=8080
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/bot-formatting/package.json packages/bot-formatting/
COPY packages/plume-analytics/package.json packages/plume-analytics/
COPY packages/plume-charts/package.json packages/plume-charts/
COPY packages/plume-sdk/package.json packages/plume-sdk/
COPY packages/plume-simulator/package.json packages/plume-simulator/
COPY packages/telegram-sandbox/package.json packages/telegram-sandbox/
COPY apps/telegram-bot/package.json apps/telegram-bot/
COPY tools/package.json tools/
# The bot's production dependencies only (no install scripts: none of them needs one).
RUN npm ci --omit=dev --workspace @org/telegram-bot --ignore-scripts && npm cache clean --force
COPY --from=build /app/packages/bot-formatting/dist packages/bot-formatting/dist
COPY --from=build /app/packages/plume-analytics/dist packages/plume-analytics/dist
COPY --from=build /app/packages/plume-charts/dist packages/plume-charts/dist
COPY --from=build /app/packages/plume-sdk/dist packages/plume-sdk/dist
COPY --from=build /app/packages/plume-simulator/dist packages/plume-simulator/dist
COPY --from=build /app/packages/telegram-sandbox/dist packages/telegram-sandbox/dist
COPY --from=build /app/apps/telegram-bot/dist apps/telegram-bot/dist
# SQLite mode keeps its database (and, without BOT_ENCRYPTION_KEY, its key) in DATA_DIR.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
# /healthz/live, /healthz/ready, /metrics and, with WEBHOOK_URL, the webhook.
EXPOSE 8080
# Readiness: the bot takes updates and its database answers. (Orchestrators that restart on a
# failed check should probe /healthz/live instead: `node apps/telegram-bot/dist/healthcheck.js live`.)
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "apps/telegram-bot/dist/healthcheck.js", "ready"]
# SIGTERM stops the bot cleanly within STOP_GRACE_SECONDS; give the container longer than that.
STOPSIGNAL SIGTERM
CMD ["node", "apps/telegram-bot/dist/main.js"]
