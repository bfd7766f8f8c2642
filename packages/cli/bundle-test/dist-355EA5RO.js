import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);
import {
  PrometheusClient,
  aggregate,
  aggregations,
  clientFromContext,
  comparators,
  evaluateSlo,
  formatLabels,
  grafanaAnnotationsControl,
  httpRequest,
  mean,
  meanTypes,
  meetsObjective,
  parseObjective,
  parseSampleValue,
  parseTime,
  parseWindow,
  pushgatewayMetricsControl,
  redact,
  sampleValues,
  sloDefinitionSchema,
  sloFileSchema,
  toPromTime,
  worstCase
} from "./chunk-MZ3TFWFT.js";
import "./chunk-CKIXTYGO.js";
import {
  require_dist
} from "./chunk-IGKN5HIV.js";
import {
  UsageError
} from "./chunk-IQ32Z4TL.js";
import {
  __toESM
} from "./chunk-LKYZCP33.js";

// packages/prometheus/dist/slo/load-slo-file.js
var import_yaml = __toESM(require_dist(), 1);

// packages/prometheus/dist/verify/verify-journal.js
function parseSloFile(document, source = "SLO file") {
  const parsed = sloFileSchema.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(".") || "(root)"}: ${issue.message}`).join("\n");
    throw new UsageError(`${source} is invalid:
${problems}`, { code: "E_SLO_FILE", hint: "see docs/prometheus.md for the SLO file format" });
  }
  return parsed.data;
}
async function verifyJournal(options) {
  const { journal } = options;
  const start = Date.parse(journal.start);
  if (Number.isNaN(start))
    throw new UsageError('the journal has no valid "start" time', { code: "E_JOURNAL", hint: "pass a journal written by faultline run or chaos run" });
  const endText = journal.end;
  const end = endText ? Date.parse(endText) : (options.now ?? /* @__PURE__ */ new Date()).getTime();
  if (Number.isNaN(end))
    throw new UsageError('the journal has an invalid "end" time', { code: "E_JOURNAL" });
  const before = parseWindow(options.marginBefore ?? 0, "--margin-before") * 1e3;
  const after = parseWindow(options.marginAfter ?? 0, "--margin-after") * 1e3;
  const windowStart = new Date(start - before);
  const windowEnd = new Date(Math.min(end + after, (options.now ?? /* @__PURE__ */ new Date()).getTime()));
  const configured = journal.experiment?.configuration?.prometheus_base_url;
  const prometheusUrl = options.prometheusUrl ?? options.slos.prometheus_url ?? (typeof configured === "string" ? configured : void 0);
  if (!prometheusUrl) {
    throw new UsageError("no Prometheus URL to verify against", { code: "E_USAGE", hint: "pass --prometheus-url, set prometheus_url in the SLO file, or prometheus_base_url in the experiment configuration" });
  }
  const client = new PrometheusClient({ ...options.client, baseUrl: prometheusUrl });
  const results = [];
  for (const slo of options.slos.slos) {
    const ruleStart = slo.window !== void 0 && slo.window !== "run" ? new Date(windowEnd.getTime() - parseWindow(slo.window, `SLO "${slo.name ?? slo.indicator}" window`) * 1e3) : windowStart;
    results.push(await evaluateSlo(client, slo, ruleStart, windowEnd));
  }
  return {
    prometheusUrl,
    window: { start: windowStart.toISOString(), end: windowEnd.toISOString() },
    results,
    violated: results.filter((r) => r.status === "violated").length,
    noData: results.filter((r) => r.status === "no-data").length
  };
}

// packages/prometheus/dist/slo/load-slo-file.js
function loadSloFile(text, source = "SLO file") {
  let document;
  try {
    document = (0, import_yaml.parse)(text, { prettyErrors: true });
  } catch (error) {
    throw new UsageError(`${source} is not valid YAML/JSON: ${error.message}`, { code: "E_SLO_FILE" });
  }
  return parseSloFile(document, source);
}

// packages/prometheus/dist/run-metrics/create-run-metrics.js
import { createServer } from "node:http";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
var runMetricNames = {
  runsTotal: "faultline_runs_total",
  runInProgress: "faultline_run_in_progress",
  runStart: "faultline_run_start_timestamp_seconds",
  runDuration: "faultline_run_duration_seconds",
  runDeviated: "faultline_run_deviated",
  deviationsTotal: "faultline_deviations_total",
  steadyStateMet: "faultline_steady_state_met",
  activityDuration: "faultline_activity_duration_seconds",
  faultsInjected: "faultline_faults_injected",
  faultsRevertedTotal: "faultline_faults_reverted_total"
};
function createRunMetrics(options = {}) {
  const registry = options.registry ?? new Registry();
  const base = ["experiment", "run_id"];
  const registers = [registry];
  const runsTotal = new Counter({ name: runMetricNames.runsTotal, help: "Experiment runs that ended, by journal status", labelNames: [...base, "status"], registers });
  const inProgress = new Gauge({ name: runMetricNames.runInProgress, help: "1 while the run is in progress", labelNames: base, registers });
  const runStart = new Gauge({ name: runMetricNames.runStart, help: "Unix time the run started", labelNames: base, registers });
  const deviated = new Gauge({ name: runMetricNames.runDeviated, help: "1 if the run ended deviated (steady state not met after the method)", labelNames: base, registers });
  const deviations = new Counter({ name: runMetricNames.deviationsTotal, help: "Steady-state hypothesis evaluations that were not met, by phase", labelNames: [...base, "phase"], registers });
  const steadyState = new Gauge({ name: runMetricNames.steadyStateMet, help: "Last steady-state hypothesis result by phase (1 met, 0 not met)", labelNames: [...base, "phase"], registers });
  const activityDuration = new Histogram({
    name: runMetricNames.activityDuration,
    help: "Duration of each activity run, seconds",
    labelNames: [...base, "activity", "type", "phase", "status"],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers
  });
  const faultsInjected = new Gauge({ name: runMetricNames.faultsInjected, help: "Faults injected and not yet reverted, by the activity that injected them", labelNames: [...base, "activity"], registers });
  const faultsReverted = new Counter({ name: runMetricNames.faultsRevertedTotal, help: "Revert attempts of injected faults, by outcome (reverted, failed, done-by-activity)", labelNames: [...base, "activity", "status"], registers });
  let labels = { experiment: "", run_id: "" };
  let startedAt;
  let endedAt;
  new Gauge({
    name: runMetricNames.runDuration,
    help: "Run duration so far (final once the run ended), seconds",
    labelNames: base,
    registers,
    collect() {
      if (startedAt !== void 0)
        this.set(labels, ((endedAt ?? Date.now()) - startedAt) / 1e3);
    }
  });
  const injected = /* @__PURE__ */ new Map();
  const observer = {
    onEvent(event) {
      const at = Date.parse(event.at);
      switch (event.type) {
        case "run-started":
          labels = { experiment: event.experiment.title, run_id: event.runId };
          startedAt = Number.isNaN(at) ? Date.now() : at;
          endedAt = void 0;
          inProgress.set(labels, 1);
          runStart.set(labels, startedAt / 1e3);
          deviated.set(labels, 0);
          break;
        case "hypothesis-ended":
          steadyState.set({ ...labels, phase: event.phase }, event.result.steady_state_met ? 1 : 0);
          if (!event.result.steady_state_met)
            deviations.inc({ ...labels, phase: event.phase });
          break;
        case "activity-ended":
          activityDuration.observe({ ...labels, activity: event.activity.name, type: event.activity.type, phase: event.phase, status: event.entry.status }, event.entry.duration);
          break;
        case "fault-registered":
          if (!injected.has(event.revert.id)) {
            injected.set(event.revert.id, event.revert.activity);
            faultsInjected.inc({ ...labels, activity: event.revert.activity });
          }
          break;
        case "fault-reverted": {
          const activity = injected.get(event.revert.id);
          if (activity === void 0)
            break;
          faultsReverted.inc({ ...labels, activity, status: event.revert.status });
          if (event.revert.status !== "failed") {
            injected.delete(event.revert.id);
            faultsInjected.dec({ ...labels, activity });
          }
          break;
        }
        case "run-ended":
          endedAt = Number.isNaN(at) ? Date.now() : at;
          inProgress.set(labels, 0);
          runsTotal.inc({ ...labels, status: event.journal.status });
          deviated.set(labels, event.journal.deviated ? 1 : 0);
          break;
        default:
          break;
      }
    }
  };
  return {
    observer,
    registry,
    startServer(port, host = "127.0.0.1") {
      const server = createServer((req, res) => {
        const path = (req.url ?? "/").split("?")[0];
        if (req.method !== "GET" && req.method !== "HEAD") {
          res.writeHead(405, { allow: "GET, HEAD" }).end();
          return;
        }
        if (path !== "/metrics") {
          res.writeHead(404, { "content-type": "text/plain" }).end("see /metrics\n");
          return;
        }
        registry.metrics().then((text) => res.writeHead(200, { "content-type": registry.contentType }).end(req.method === "HEAD" ? void 0 : text), (error) => res.writeHead(500, { "content-type": "text/plain" }).end(`${error.message}
`));
      });
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          const actual = server.address().port;
          const shownHost = host.includes(":") ? `[${host}]` : host;
          resolve({
            port: actual,
            url: `http://${shownHost}:${actual}/metrics`,
            close: () => new Promise((done) => {
              server.closeAllConnections();
              server.close(() => done());
            })
          });
        });
      });
    }
  };
}
export {
  PrometheusClient,
  aggregate,
  aggregations,
  clientFromContext,
  comparators,
  createRunMetrics,
  evaluateSlo,
  formatLabels,
  grafanaAnnotationsControl,
  httpRequest,
  loadSloFile,
  mean,
  meanTypes,
  meetsObjective,
  parseObjective,
  parseSampleValue,
  parseSloFile,
  parseTime,
  parseWindow,
  pushgatewayMetricsControl,
  redact,
  runMetricNames,
  sampleValues,
  sloDefinitionSchema,
  sloFileSchema,
  toPromTime,
  verifyJournal,
  worstCase
};
