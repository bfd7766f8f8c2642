# The image a schedule's CronJob runs (docs/schedules.md): `faultline` and the workspace's runtime
# dependencies, as a non-root user, on a read-only root filesystem (it writes only to /tmp, an
# emptyDir in the pod).
#
#   docker build -t registry.example.com/faultline:0.1.0 .
#   docker push registry.example.com/faultline:0.1.0
#   faultline schedule apply experiment.yaml --name checkout --cron "0 10 * * 1-5" \
#     --image registry.example.com/faultline:0.1.0

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV npm_config_fund=false npm_config_audit=false
COPY . .
# `npm ci` runs the root `prepare` script, i.e. `npm run build` (tsc + the CLI bundle).
RUN npm ci && npm prune --omit=dev

FROM ${NODE_IMAGE}
ENV NODE_ENV=production HOME=/tmp
WORKDIR /app
COPY --from=build --chown=0:0 /app /app
# Owned by root, run by 10001 (the pod's runAsUser): the application cannot change itself.
RUN ln -s /app/packages/cli/bin/faultline.js /usr/local/bin/faultline \
  && groupadd --gid 10001 faultline && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /tmp faultline
USER 10001:10001
WORKDIR /tmp
ENTRYPOINT ["faultline"]
CMD ["--help"]
