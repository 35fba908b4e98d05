# syntax=docker/dockerfile:1.7
# Image of a regional MPP project for infra/aws: the thin npm project create-mpp writes (its
# package.json, package-lock.json, mpp.config.yaml, branding, overrides) built over @mpp-kit/app
# exactly as the project's own Dockerfile builds it, plus what infra/aws needs on top: the RDS CA
# bundle and the roles step of the migrate task. Build context: the project folder; the roles
# script comes from this folder through the named context `mpp-infra`:
#   docker build --platform linux/amd64 -f infra/aws/docker/template-mpp.Dockerfile \
#     --build-context mpp-infra=infra/aws/docker -t "$REPO:1.0.0" path/to/project
# Contract with infra/aws (infra/aws/CONTRACT.md): listens on $PORT (3000), GET /readyz,
# `mpp-app migrate`, `mpp-app start`, writes only below /tmp (read-only root filesystem), trusts
# the RDS CA bundle below. Not built on the project's CI machines (no Docker daemon there):
# build it on a connected machine before each rollout; the build needs the internet.

FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV CI=true ASTRO_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
RUN npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 MPP_DATA_DIR=/tmp/mpp PATH=/app/node_modules/.bin:$PATH
WORKDIR /app
COPY --from=build /app ./
# The roles step of the migrate task (runs as the master user, then the migrations run); it
# loads `pg` through the project's @mpp-kit/app.
COPY --from=mpp-infra db-roles.mjs ./infra/db-roles.mjs
# Amazon RDS root certificates for every region (sslrootcert= in DATABASE_URL, PGSSLROOTCERT):
# AWS publishes the bundle at this address; the app verifies the database's certificate
# against it (sslmode=verify-full). Rebuild the image when AWS announces a CA rotation.
ADD --chmod=0444 https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem /etc/mpp/rds-ca-bundle.pem
USER node
EXPOSE 3000
CMD ["mpp-app", "start"]
