import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);
import {
  aggregate,
  aggregations,
  clientFromContext,
  evaluateSlo,
  formatLabels,
  grafanaAnnotationsControl,
  mean,
  meanTypes,
  parseTime,
  parseWindow,
  pushgatewayMetricsControl,
  sampleValues,
  sloDefinitionSchema
} from "./chunk-MZ3TFWFT.js";
import "./chunk-CKIXTYGO.js";
import "./chunk-IGKN5HIV.js";
import {
  ActivityFailedError,
  UsageError,
  defineActivity,
  external_exports,
  parseDuration
} from "./chunk-IQ32Z4TL.js";
import "./chunk-LKYZCP33.js";

// packages/prometheus/dist/activities/common-arguments.js
var connectionArguments = {
  /** Query timeout, seconds (Chaos Toolkit) or a duration string. */
  timeout: external_exports.union([external_exports.number(), external_exports.string()]).optional(),
  verify_tls: external_exports.boolean().optional()
};
var timeArgument = external_exports.union([external_exports.string(), external_exports.number()]);

// packages/prometheus/dist/activities/connect.js
function connect(ctx, args) {
  const timeoutSeconds = args.timeout === void 0 ? void 0 : parseDuration(args.timeout, "timeout");
  const client = clientFromContext(ctx.configuration, ctx.secrets, { verify_tls: args.verify_tls, timeoutSeconds, signal: ctx.signal });
  return { client, extra: timeoutSeconds === void 0 ? {} : { timeout: `${timeoutSeconds}s` } };
}

// packages/prometheus/dist/activities/compute-mean.js
var computeMean = defineActivity({
  name: "compute_mean",
  type: "probe",
  description: 'Mean (arithmetic, geometric or harmonic) of all data points a PromQL query returns over a window ("1d", "15m").',
  python: ["chaosprometheus.probes"],
  arguments: external_exports.object({
    query: external_exports.string().min(1),
    window: external_exports.union([external_exports.string(), external_exports.number()]).default("1d"),
    mean_type: external_exports.enum(meanTypes).default("arithmetic"),
    end: timeArgument.default("now"),
    /** Default: the window split into about 250 points (at least 1s). */
    step: external_exports.union([external_exports.number(), external_exports.string()]).optional(),
    ...connectionArguments
  }),
  async run(args, ctx) {
    const { client, extra } = connect(ctx, args);
    const windowSeconds = parseWindow(args.window, "window");
    const end = parseTime(args.end, /* @__PURE__ */ new Date(), "end");
    const start = new Date(end.getTime() - windowSeconds * 1e3);
    const step = args.step !== void 0 ? parseDuration(args.step, "step") : Math.max(1, windowSeconds / 250);
    const response = await client.queryRange(args.query, start, end, step, extra);
    const all = sampleValues(response).flatMap((s) => s.values);
    const values = all.filter((v) => !Number.isNaN(v));
    if (values.length === 0) {
      throw new ActivityFailedError(`compute_mean: "${args.query}" returned no data over the last ${args.window}`, {
        code: "E_PROMETHEUS_NO_DATA",
        hint: "check the query in the Prometheus UI and that the targets are scraped"
      });
    }
    if (values.length < all.length)
      ctx.logger.debug("compute_mean skipped NaN samples", { skipped: all.length - values.length });
    return mean(values, args.mean_type);
  }
});

// packages/prometheus/dist/activities/nodes-cpu-usage-mean.js
var nodesCpuUsageMean = defineActivity({
  name: "nodes_cpu_usage_mean",
  type: "probe",
  description: "Mean CPU usage of all nodes (percent, from node_cpu_seconds_total) over a window.",
  python: ["chaosprometheus.probes"],
  arguments: external_exports.object({ window: external_exports.union([external_exports.string(), external_exports.number()]).default("1d") }),
  run(args, ctx) {
    const query2 = '100 * (1 - avg(rate(node_cpu_seconds_total{mode="idle"}[1m])))';
    return computeMean.run(computeMean.arguments.parse({ query: query2, window: args.window }), ctx);
  }
});

// packages/prometheus/dist/activities/query-interval.js
var queryInterval = defineActivity({
  name: "query_interval",
  type: "probe",
  description: 'Run a PromQL range query between two times ("5 minutes ago" to "now") every `step` and return Prometheus\' JSON response as-is.',
  python: ["chaosprometheus.probes"],
  arguments: external_exports.object({
    query: external_exports.string().min(1),
    start: timeArgument,
    end: timeArgument.default("now"),
    /** Seconds, or a duration string ("15s"). */
    step: external_exports.union([external_exports.number(), external_exports.string()]).default(1),
    ...connectionArguments
  }),
  async run(args, ctx) {
    const { client, extra } = connect(ctx, args);
    const now = /* @__PURE__ */ new Date();
    const start = parseTime(args.start, now, "start");
    const end = parseTime(args.end, now, "end");
    const step = parseDuration(args.step, "step");
    ctx.logger.debug("prometheus range query", { query: args.query, start: start.toISOString(), end: end.toISOString(), step });
    return client.queryRange(args.query, start, end, step, extra);
  }
});

// packages/prometheus/dist/activities/query-value.js
var queryValue = defineActivity({
  name: "query_value",
  type: "probe",
  description: "The number an instant PromQL query returns (scalar or single series; or aggregated/one per series), for range tolerances.",
  python: ["chaosprometheus.probes"],
  arguments: external_exports.object({
    query: external_exports.string().min(1),
    when: timeArgument.optional(),
    aggregate: external_exports.enum([...aggregations, "series"]).optional(),
    /** What a NaN result (e.g. 0/0 when there is no traffic) becomes; default: a failure. */
    nan_as: external_exports.number().optional(),
    ...connectionArguments
  }),
  async run(args, ctx) {
    const { client, extra } = connect(ctx, args);
    const when = args.when === void 0 ? void 0 : parseTime(args.when, /* @__PURE__ */ new Date(), "when");
    const series = sampleValues(await client.query(args.query, when, extra)).map((s) => ({ metric: s.metric, value: s.values[s.values.length - 1] }));
    if (series.length === 0) {
      throw new ActivityFailedError(`query_value: "${args.query}" returned no data`, {
        code: "E_PROMETHEUS_NO_DATA",
        hint: "an empty result is not a pass: check the query and that the targets are scraped (wrap it in `or vector(0)` if absence means zero)"
      });
    }
    const values = series.map((s) => {
      if (!Number.isNaN(s.value))
        return s;
      if (args.nan_as !== void 0)
        return { ...s, value: args.nan_as };
      throw new ActivityFailedError(`query_value: "${args.query}" is NaN for ${formatLabels(s.metric)}`, {
        code: "E_PROMETHEUS_NAN",
        hint: "NaN usually means 0/0 (no traffic); set nan_as to the value it should count as"
      });
    });
    if (args.aggregate === "series")
      return values;
    if (args.aggregate)
      return aggregate(values.map((s) => s.value), args.aggregate);
    if (values.length > 1) {
      throw new ActivityFailedError(`query_value: "${args.query}" returned ${values.length} series, expected one`, {
        code: "E_PROMETHEUS_MANY_SERIES",
        hint: "aggregate in PromQL (sum(...), max(...)) or set aggregate: max|min|avg|sum|series"
      });
    }
    return values[0].value;
  }
});

// packages/prometheus/dist/activities/query.js
var query = defineActivity({
  name: "query",
  type: "probe",
  description: `Run an instant PromQL query (optionally at a past time such as "2 minutes ago") and return Prometheus' JSON response as-is.`,
  python: ["chaosprometheus.probes"],
  arguments: external_exports.object({
    query: external_exports.string().min(1),
    when: timeArgument.optional(),
    ...connectionArguments
  }),
  async run(args, ctx) {
    const { client, extra } = connect(ctx, args);
    const when = args.when === void 0 ? void 0 : parseTime(args.when, /* @__PURE__ */ new Date(), "when");
    ctx.logger.debug("prometheus instant query", { query: args.query, time: when?.toISOString() });
    return client.query(args.query, when, extra);
  }
});

// packages/prometheus/dist/activities/threshold-check.js
var thresholdArguments = external_exports.object({
  /** The probe's output (injected by the engine when used as a tolerance). */
  value: external_exports.object({ status: external_exports.string(), data: external_exports.object({ resultType: external_exports.string(), result: external_exports.unknown() }) }).passthrough(),
  threshold: external_exports.number().optional(),
  threshold_variable: external_exports.string().optional()
});
function thresholdCheck(args, ctx, direction) {
  if (args.threshold_variable !== void 0) {
    throw new UsageError("threshold_variable (a threshold saved by an earlier probe in a Python global) is not supported", {
      hint: "give `threshold` explicitly, or use the slo probe to compare against an objective"
    });
  }
  if (args.threshold === void 0)
    throw new UsageError("no threshold given", { hint: "set the `threshold` argument" });
  const series = sampleValues(args.value);
  if (series.length === 0) {
    ctx.logger.error("the query did not return any result");
    return false;
  }
  let ok = true;
  for (const s of series) {
    for (const v of s.values) {
      const passes = direction === "lower" ? v < args.threshold : v > args.threshold;
      if (!passes) {
        ctx.logger.error(`value ${v} of ${formatLabels(s.metric)} is not ${direction} than the threshold ${args.threshold}`);
        ok = false;
      }
    }
  }
  return ok;
}

// packages/prometheus/dist/activities/query-results-higher-than-threshold.js
var queryResultsHigherThanThreshold = defineActivity({
  name: "query_results_higher_than_threshold",
  type: "probe",
  description: "Tolerance: true when every value of a query/query_interval result is above `threshold` (false when empty).",
  python: ["chaosprometheus.verification.probes"],
  arguments: thresholdArguments,
  run: (args, ctx) => thresholdCheck(args, ctx, "higher")
});

// packages/prometheus/dist/activities/query-results-lower-than-threshold.js
var queryResultsLowerThanThreshold = defineActivity({
  name: "query_results_lower_than_threshold",
  type: "probe",
  description: "Tolerance: true when every value of a query/query_interval result is below `threshold` (false when empty).",
  python: ["chaosprometheus.verification.probes"],
  arguments: thresholdArguments,
  run: (args, ctx) => thresholdCheck(args, ctx, "lower")
});

// packages/prometheus/dist/activities/run-window.js
var firstSeen = /* @__PURE__ */ new Map();
function runStart(ctx) {
  const provided = ctx.runStartedAt;
  if (provided)
    return new Date(provided);
  let seen = firstSeen.get(ctx.runId);
  if (!seen) {
    seen = /* @__PURE__ */ new Date();
    firstSeen.set(ctx.runId, seen);
  }
  return seen;
}

// packages/prometheus/dist/activities/slo.js
var slo = defineActivity({
  name: "slo",
  type: "probe",
  description: "Whether a service level objective (PromQL indicator, objective, window) holds, e.g. error ratio < 1% over the run.",
  python: ["chaosprometheus.probes"],
  arguments: sloDefinitionSchema.extend({
    window: sloDefinitionSchema.shape.window.default("run"),
    /** End of the window; default now. */
    when: timeArgument.optional(),
    detail: external_exports.boolean().default(false),
    ...connectionArguments
  }),
  async run(args, ctx) {
    runStart(ctx);
    const { client } = connect(ctx, args);
    const end = parseTime(args.when, /* @__PURE__ */ new Date(), "when");
    const start = args.window === "run" ? runStart(ctx) : new Date(end.getTime() - parseWindow(args.window, "window") * 1e3);
    const safeStart = end.getTime() - start.getTime() < 1e3 ? new Date(end.getTime() - 1e3) : start;
    const result = await evaluateSlo(client, args, safeStart, end);
    ctx.logger.info(`SLO ${result.name}: ${result.status}`, { measured: result.measured, objective: result.objective, window: result.window });
    if (args.detail)
      return result;
    if (result.status === "no-data") {
      throw new ActivityFailedError(`SLO "${result.name}": ${result.reason}`, {
        code: "E_PROMETHEUS_NO_DATA",
        hint: "check the indicator query and that the targets are scraped, or set on_no_data: pass"
      });
    }
    return result.met;
  }
});

// packages/prometheus/dist/activities/driver.js
var driver = {
  name: "@faultline/prometheus",
  activities: [query, queryInterval, computeMean, nodesCpuUsageMean, queryValue, slo, queryResultsLowerThanThreshold, queryResultsHigherThanThreshold],
  controls: [pushgatewayMetricsControl, grafanaAnnotationsControl]
};
export {
  computeMean,
  driver,
  nodesCpuUsageMean,
  query,
  queryInterval,
  queryResultsHigherThanThreshold,
  queryResultsLowerThanThreshold,
  queryValue,
  slo
};
