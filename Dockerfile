# syntax=docker/dockerfile:1.7
# One image per part, built from one file: `docker build --target <part> -t samtykke-<part> .`
# with <part> one of gateway, party, template, consent, migrate, web (the two apps), dev-login.
# The tests run on Node 24 (the `node` package the scripts use), so the images do too.
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# Every workspace's package.json, so the dependency layers are rebuilt only when they change.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/server-kit/package.json packages/server-kit/
COPY packages/dev-login/package.json packages/dev-login/
COPY packages/web-kit/package.json packages/web-kit/
COPY packages/platform/package.json packages/platform/
COPY subgraphs/party/package.json subgraphs/party/
COPY subgraphs/template/package.json subgraphs/template/
COPY subgraphs/consent/package.json subgraphs/consent/
COPY gateway/package.json gateway/
COPY web-citizen/package.json web-citizen/
COPY web-authority/package.json web-authority/

# The apps, built with the development tools.
FROM manifests AS build
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web

# What the parts need to run, and nothing they only need to be built or tested.
FROM manifests AS runtime-dependencies
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    # tsx keeps what it has compiled here; on a read-only root file system mount a volume at /tmp.
    TMPDIR=/tmp
WORKDIR /app
COPY --from=runtime-dependencies /app /app
# The sources are root's and read-only to the part, which runs as the image's unprivileged user.
COPY packages packages
COPY subgraphs subgraphs
COPY gateway gateway
COPY schema schema
COPY web-citizen/src/gql/persisted-documents.json web-citizen/src/gql/
COPY web-authority/src/gql/persisted-documents.json web-authority/src/gql/
USER node
# Node is PID 1 and each part handles SIGTERM itself: in-flight requests finish, sockets close with
# a code that tells clients to reconnect, then the process exits.
STOPSIGNAL SIGTERM

FROM runtime AS gateway
EXPOSE 4000
CMD ["node", "--import", "tsx", "gateway/src/main.ts"]

FROM runtime AS party
EXPOSE 4001
CMD ["node", "--import", "tsx", "subgraphs/party/src/main.ts"]

FROM runtime AS template
EXPOSE 4002
CMD ["node", "--import", "tsx", "subgraphs/template/src/main.ts"]

FROM runtime AS consent
EXPOSE 4003
CMD ["node", "--import", "tsx", "subgraphs/consent/src/main.ts"]

FROM runtime AS migrate
CMD ["node", "--import", "tsx", "packages/platform/src/migrate.ts"]

FROM runtime AS dev-login
EXPOSE 4005
CMD ["node", "--import", "tsx", "packages/dev-login/src/main.ts"]

FROM runtime AS web
COPY --from=build /app/web-citizen/dist web-citizen/dist
COPY --from=build /app/web-authority/dist web-authority/dist
EXPOSE 5173 5174
CMD ["node", "--import", "tsx", "packages/platform/src/serve-apps.ts"]
