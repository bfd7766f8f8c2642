import { createHash, randomBytes } from 'node:crypto';
import type { ControlDefinition, ControlHookParams } from '@faultline/core';
import type { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { httpRequest, redactText } from '../http/http-request.js';
import { experimentTitle, journalOf, setting } from './control-arguments.js';
import { faultlineVersion } from '@faultline/core';

const statuses = ['completed', 'failed', 'aborted', 'interrupted'] as const;
const labelNames = [
  'source',
  'chaostoolkit_lib_version',
  'chaostoolkit_run_trace_id',
  'chaostoolkit_experiment_ref',
  'experiment',
] as const;

interface Collector {
  registry: Registry;
  labels: Record<(typeof labelNames)[number], string>;
  groupingKey: Record<string, string>;
  url: string;
  job: string;
  status: Gauge;
  deviated: Counter;
  inProgress: Gauge;
  duration: Gauge;
  durationDist: Histogram;
}

/** One collector per run, like chaosprometheus' module-level `collector`, but safe for parallel runs. */
const collectors = new Map<string, Collector>();

async function collectorFor(params: ControlHookParams): Promise<Collector> {
  const existing = collectors.get(params.runId);
  if (existing) return existing;
  // prom-client is imported only when the control is actually used.
  const { Registry, Gauge, Counter, Histogram } = await import('prom-client');
  const registry = new Registry();
  const experimentRef =
    setting(params, 'experiment_ref') ??
    createHash('sha256')
      .update(JSON.stringify(params.experiment ?? {}))
      .digest('hex')
      .slice(0, 24);
  const traceId = setting(params, 'trace_id') ?? randomBytes(16).toString('hex');
  const groupingArg = params.arguments.grouping_key;
  const groupingKey =
    groupingArg && typeof groupingArg === 'object'
      ? Object.fromEntries(Object.entries(groupingArg).map(([k, v]) => [k, String(v)]))
      : { chaostoolkit_experiment_ref: experimentRef };
  const common = { labelNames: [...labelNames], registers: [registry] };
  const collector: Collector = {
    registry,
    labels: {
      source: 'faultline',
      chaostoolkit_lib_version: faultlineVersion,
      chaostoolkit_run_trace_id: traceId,
      chaostoolkit_experiment_ref: experimentRef,
      experiment: experimentTitle(params.experiment),
    },
    groupingKey,
    url: setting(params, 'pushgateway_url') ?? 'http://localhost:9091',
    job: setting(params, 'job') ?? 'chaostoolkit',
    // An Enum in Python's client: one series per state, the current one set to 1.
    status: new Gauge({
      name: 'chaostoolkit_experiment_status',
      help: 'Experiment run status (one series per state, 1 for the current one)',
      ...common,
      labelNames: [...labelNames, 'chaostoolkit_experiment_status'],
    }),
    deviated: new Counter({
      name: 'chaostoolkit_deviated_experiment_total',
      help: 'Deviated experiment runs',
      ...common,
    }),
    inProgress: new Gauge({
      name: 'chaostoolkit_inprogress_experiment',
      help: 'Experiment runs in progress',
      ...common,
    }),
    duration: new Gauge({
      name: 'chaostoolkit_experiment_duration',
      help: 'Experiment run duration, seconds',
      ...common,
    }),
    durationDist: new Histogram({
      name: 'chaostoolkit_experiment_duration_dist',
      help: 'Experiment run duration distribution, seconds',
      ...common,
    }),
  };
  collectors.set(params.runId, collector);
  return collector;
}

/** PUT the registry to the Pushgateway under job + grouping key, as prometheus_client's push_to_gateway does. */
async function push(collector: Collector, params: ControlHookParams): Promise<void> {
  let path = `/metrics/job/${segment(collector.job)}`;
  for (const [key, value] of Object.entries(collector.groupingKey))
    path += `/${key}${value.includes('/') || value === '' ? '@base64' : ''}/${segment(value)}`;
  const url = `${collector.url.replace(/\/+$/, '')}${path}`;
  try {
    const response = await httpRequest(url, {
      method: 'PUT',
      headers: { 'content-type': collector.registry.contentType },
      body: await collector.registry.metrics(),
      timeoutMs: 10_000,
    });
    if (response.status >= 300)
      params.logger.warn(`Pushgateway refused the run metrics (HTTP ${response.status})`, {
        url: redactText(url),
        body: response.body.slice(0, 200),
      });
  } catch (error) {
    // Metrics must never break a run: warn and carry on.
    params.logger.warn(`could not push run metrics to the Pushgateway: ${(error as Error).message}`, {
      url: redactText(url),
    });
  }
}

function segment(value: string): string {
  return value.includes('/') || value === ''
    ? Buffer.from(value).toString('base64url') || '='
    : encodeURIComponent(value);
}

export const pushgatewayMetricsControl: ControlDefinition = {
  name: 'metrics',
  description:
    'Push run metrics (status, deviation, in progress, duration) to a Prometheus Pushgateway, like chaosprometheus.metrics.',
  python: ['chaosprometheus.metrics'],
  module: {
    async configure_control(params) {
      await collectorFor(params);
    },
    async before_experiment_control(params) {
      const collector = await collectorFor(params);
      collector.inProgress.inc(collector.labels);
      await push(collector, params);
    },
    async after_experiment_control(params) {
      const collector = await collectorFor(params);
      const journal = journalOf(params.state);
      if (journal.deviated) collector.deviated.inc(collector.labels);
      collector.inProgress.set(collector.labels, 0);
      for (const status of statuses)
        collector.status.set(
          { ...collector.labels, chaostoolkit_experiment_status: status },
          journal.status === status ? 1 : 0,
        );
      // The engine may call this hook before it stamps the journal's duration: derive it from start.
      const started = journal.start ? Date.parse(journal.start) : Number.NaN;
      const duration =
        typeof journal.duration === 'number'
          ? journal.duration
          : Number.isNaN(started)
            ? undefined
            : (Date.now() - started) / 1000;
      if (duration !== undefined) {
        collector.duration.set(collector.labels, duration);
        collector.durationDist.observe(collector.labels, duration);
      }
      await push(collector, params);
    },
    cleanup_control(params) {
      collectors.delete(params.runId);
    },
  },
};
