# Image of the template MPP app (templates/mpp) for infra/aws. Build context: the repository root.
#   docker build --platform linux/amd64 -f infra/aws/docker/template-mpp.Dockerfile \
#     --build-arg MPP_CONFIG_FILE=path/to/mpp.config.yaml -t "$REPO:1.0.0" .
# Contract with infra/aws (infra/aws/CONTRACT.md): listens on $PORT (3000), GET /readyz,
# `node dist/run/main.js migrate`, writes only below /tmp (read-only root filesystem), trusts
# the RDS CA bundle below. Not built on the project's CI machines (no Docker daemon there):
# build it once locally before the first rollout; the build needs the internet for the bundle.

FROM node:24-slim AS build
WORKDIR /repo
RUN corepack enable
COPY . .
RUN pnpm install --frozen-lockfile
RUN pnpm exec turbo run build --filter=@mpp-kit/template-mpp...
RUN pnpm --filter @mpp-kit/template-mpp deploy --prod --legacy /app

FROM node:24-slim
ARG MPP_CONFIG_FILE=templates/mpp/mpp.config.yaml
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /app ./
COPY ${MPP_CONFIG_FILE} ./mpp.config.yaml
# The roles step of the migrate task (runs as the master user, then the migrations run).
COPY infra/aws/docker/db-roles.mjs ./infra/db-roles.mjs
# Amazon RDS root certificates for every region (sslrootcert= in DATABASE_URL, PGSSLROOTCERT):
# AWS publishes the bundle at this address; the app verifies the database's certificate
# against it (sslmode=verify-full). Rebuild the image when AWS announces a CA rotation.
ADD --chmod=0444 https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem /etc/mpp/rds-ca-bundle.pem
USER node
EXPOSE 3000
CMD ["node", "dist/run/main.js", "start"]
