import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);
import {
  ActivityFailedError,
  UsageError,
  external_exports,
  parseDuration
} from "./chunk-IQ32Z4TL.js";

// packages/prometheus/dist/time/parse-window.js
var longUnits = { d: 24, day: 24, days: 24, w: 168, week: 168, weeks: 168 };
function parseWindow(value, what = "window") {
  if (typeof value === "number")
    return parseDuration(value, what);
  const text = value.trim().replace(/^(an?)\s+/i, "1 ");
  const rewritten = text.replace(/(\d+(?:\.\d+)?)\s*(days?|d|weeks?|w)(?![a-z])/gi, (_match, amount, unit) => {
    return `${Number(amount) * longUnits[unit.toLowerCase()]}h`;
  });
  return parseDuration(rewritten, what);
}

// packages/prometheus/dist/time/parse-time.js
function parseTime(value, now = /* @__PURE__ */ new Date(), what = "time") {
  if (value === void 0)
    return now;
  if (value instanceof Date)
    return value;
  if (typeof value === "number")
    return fromUnix(value, what);
  const text = value.trim().toLowerCase();
  if (text === "" || text === "now")
    return now;
  if (/^\d+(\.\d+)?$/.test(text))
    return fromUnix(Number(text), what);
  const offset = relativeOffsetSeconds(text, what);
  if (offset !== void 0)
    return new Date(now.getTime() + offset * 1e3);
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const parsed = Date.parse(value.trim());
    if (!Number.isNaN(parsed))
      return new Date(parsed);
  }
  throw new UsageError(`${what}: cannot read "${value}" as a time`, {
    hint: 'use "now", "5 minutes ago", "now-5m", an RFC 3339 date (2024-05-01T12:00:00Z) or a Unix timestamp'
  });
}
function relativeOffsetSeconds(text, what) {
  let match = text.match(/^(.+?)\s+ago$/);
  if (match)
    return -parseWindow(match[1], what);
  match = text.match(/^in\s+(.+)$/);
  if (match)
    return parseWindow(match[1], what);
  match = text.match(/^(?:now\s*)?([-+])\s*(\d.*)$/);
  if (match)
    return (match[1] === "-" ? -1 : 1) * parseWindow(match[2], what);
  return void 0;
}
function fromUnix(seconds, what) {
  if (!Number.isFinite(seconds))
    throw new UsageError(`${what}: ${seconds} is not a valid timestamp`);
  return new Date(seconds > 1e11 ? seconds : seconds * 1e3);
}
function toPromTime(date) {
  return (date.getTime() / 1e3).toFixed(3);
}

// packages/prometheus/dist/values/mean.js
var meanTypes = ["arithmetic", "geometric", "harmonic"];
function mean(values, type) {
  if (values.length === 0)
    throw new ActivityFailedError("cannot compute a mean of no values", { hint: "widen the window or check that the query returns data" });
  switch (type) {
    case "arithmetic":
      return values.reduce((a, b) => a + b, 0) / values.length;
    case "geometric": {
      if (values.some((v) => v < 0))
        throw new ActivityFailedError("geometric mean needs non-negative values", { hint: "use mean_type: arithmetic" });
      if (values.some((v) => v === 0))
        return 0;
      return Math.exp(values.reduce((a, b) => a + Math.log(b), 0) / values.length);
    }
    case "harmonic": {
      if (values.some((v) => v < 0))
        throw new ActivityFailedError("harmonic mean needs non-negative values", { hint: "use mean_type: arithmetic" });
      if (values.some((v) => v === 0))
        return 0;
      return values.length / values.reduce((a, b) => a + 1 / b, 0);
    }
  }
}

// packages/prometheus/dist/values/sample-values.js
function parseSampleValue(text) {
  if (text === "+Inf" || text === "Inf")
    return Infinity;
  if (text === "-Inf")
    return -Infinity;
  return Number(text);
}
function sampleValues(response) {
  const data = response.data;
  switch (data.resultType) {
    case "scalar":
      return [{ metric: {}, values: [parseSampleValue(data.result[1])], times: [data.result[0]] }];
    case "vector":
      return data.result.map((s) => ({ metric: s.metric, values: [parseSampleValue(s.value[1])], times: [s.value[0]] }));
    case "matrix":
      return data.result.map((s) => ({ metric: s.metric, values: s.values.map((v) => parseSampleValue(v[1])), times: s.values.map((v) => v[0]) }));
    default:
      return [];
  }
}
function formatLabels(metric) {
  const entries = Object.entries(metric);
  return entries.length === 0 ? "{}" : `{${entries.map(([k, v]) => `${k}="${v}"`).join(", ")}}`;
}

// packages/prometheus/dist/http/http-request.js
import { request as httpRequestRaw } from "node:http";
import { request as httpsRequestRaw } from "node:https";
function httpRequest(url, options = {}) {
  const target = typeof url === "string" ? new URL(url) : url;
  const isHttps = target.protocol === "https:";
  if (!isHttps && target.protocol !== "http:") {
    return Promise.reject(new ActivityFailedError(`unsupported URL scheme in ${redact(target)}`, { hint: "use an http:// or https:// URL" }));
  }
  const send = isHttps ? httpsRequestRaw : httpRequestRaw;
  const timeoutMs = options.timeoutMs ?? 3e4;
  return new Promise((resolve, reject) => {
    const req = send(target, {
      method: options.method ?? "GET",
      headers: { ...options.body !== void 0 ? { "content-length": String(Buffer.byteLength(options.body)) } : {}, ...options.headers },
      signal: options.signal,
      ...isHttps ? { rejectUnauthorized: options.verifyTls !== false, ca: options.ca, cert: options.cert, key: options.key } : {}
    }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.setTimeout(timeoutMs, () => {
      req.destroy(new ActivityFailedError(`${req.method} ${redact(target)} timed out after ${timeoutMs} ms`, { code: "E_HTTP_TIMEOUT", hint: "raise the timeout or check that the server is reachable" }));
    });
    req.on("error", (error) => {
      if (error instanceof ActivityFailedError)
        return reject(error);
      reject(new ActivityFailedError(`${req.method} ${redact(target)} failed: ${error.message}`, { code: "E_HTTP", cause: error, hint: "check the URL and that the server is running" }));
    });
    if (options.body !== void 0)
      req.write(options.body);
    req.end();
  });
}
function redact(url) {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

// packages/prometheus/dist/http/prometheus-client.js
var PrometheusClient = class {
  options;
  baseUrl;
  constructor(options) {
    this.options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
  }
  /** Instant query at `time` (default: the server's now). */
  query(query, time, extra = {}) {
    const params = new URLSearchParams({ query });
    if (time)
      params.set("time", toPromTime(time));
    if (extra.timeout)
      params.set("timeout", extra.timeout);
    return this.get("/api/v1/query", params, query);
  }
  /** Range query from `start` to `end` every `stepSeconds`. */
  queryRange(query, start, end, stepSeconds, extra = {}) {
    if (end.getTime() < start.getTime()) {
      throw new ActivityFailedError(`range query end (${end.toISOString()}) is before its start (${start.toISOString()})`, { hint: "swap start and end" });
    }
    const params = new URLSearchParams({ query, start: toPromTime(start), end: toPromTime(end), step: String(Math.max(stepSeconds, 1e-3)) });
    if (extra.timeout)
      params.set("timeout", extra.timeout);
    return this.get("/api/v1/query_range", params, query);
  }
  async get(path, params, query) {
    const url = new URL(`${this.baseUrl}${path}?${params}`);
    const headers = { accept: "application/json", ...this.options.headers };
    if (this.options.bearerToken)
      headers.authorization = `Bearer ${this.options.bearerToken}`;
    else if (this.options.username !== void 0) {
      headers.authorization = `Basic ${Buffer.from(`${this.options.username}:${this.options.password ?? ""}`).toString("base64")}`;
    }
    const response = await httpRequest(url, { ...this.options, headers, timeoutMs: this.options.timeoutMs, signal: this.options.signal });
    let parsed;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      parsed = void 0;
    }
    if (response.status !== 200 || !parsed || parsed.status !== "success") {
      const reason = parsed?.error ?? response.body.slice(0, 300);
      throw new ActivityFailedError(`Prometheus query "${query}" failed (HTTP ${response.status} from ${redact(url)}): ${reason}`, {
        code: "E_PROMETHEUS_QUERY",
        hint: response.status === 401 || response.status === 403 ? "check prometheus_bearer_token or prometheus_username/prometheus_password in secrets" : response.status === 400 || response.status === 422 ? "the PromQL expression is invalid or cannot be evaluated; try it in the Prometheus UI" : "check prometheus_base_url and that Prometheus is up"
      });
    }
    return parsed;
  }
};

// packages/prometheus/dist/http/client-from-context.js
import { readFileSync } from "node:fs";
var defaultBaseUrl = "http://localhost:9090";
function clientFromContext(configuration, secrets, overrides = {}) {
  const read = (key) => secrets[key] ?? configuration[key];
  const baseUrl = stringOf(configuration.prometheus_base_url ?? secrets.prometheus_base_url, "prometheus_base_url") ?? defaultBaseUrl;
  const verifyConfigured = read("prometheus_verify_tls");
  return new PrometheusClient({
    baseUrl,
    bearerToken: stringOf(read("prometheus_bearer_token") ?? read("prometheus_token"), "prometheus_bearer_token"),
    username: stringOf(read("prometheus_username"), "prometheus_username"),
    password: stringOf(read("prometheus_password"), "prometheus_password"),
    headers: headersOf(read("prometheus_headers")),
    verifyTls: overrides.verify_tls ?? (verifyConfigured === void 0 ? true : verifyConfigured !== false && verifyConfigured !== "false"),
    ca: readPem(read("prometheus_ca"), read("prometheus_ca_file"), "prometheus_ca_file"),
    cert: readPem(read("prometheus_cert"), read("prometheus_cert_file"), "prometheus_cert_file"),
    key: readPem(read("prometheus_key"), read("prometheus_key_file"), "prometheus_key_file"),
    timeoutMs: overrides.timeoutSeconds !== void 0 ? Math.ceil(overrides.timeoutSeconds * 1e3) + 1e3 : void 0,
    signal: overrides.signal
  });
}
function stringOf(value, key) {
  if (value === void 0 || value === null || value === "")
    return void 0;
  if (typeof value !== "string")
    throw new UsageError(`${key} must be a string`);
  return value;
}
function headersOf(value) {
  if (value === void 0 || value === null)
    return void 0;
  if (typeof value !== "object" || Array.isArray(value))
    throw new UsageError("prometheus_headers must be a mapping of header names to values");
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}
function readPem(inline, file, key) {
  if (typeof inline === "string" && inline !== "")
    return inline;
  const path = stringOf(file, key);
  if (!path)
    return void 0;
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`${key}: cannot read ${path}: ${error.message}`);
  }
}

// packages/prometheus/dist/values/aggregate.js
var aggregations = ["max", "min", "avg", "sum", "last", "first"];
function aggregate(values, how) {
  if (values.length === 0)
    throw new ActivityFailedError("no values to aggregate");
  switch (how) {
    case "max":
      return values.reduce((a, b) => Math.max(a, b));
    case "min":
      return values.reduce((a, b) => Math.min(a, b));
    case "sum":
      return values.reduce((a, b) => a + b, 0);
    case "avg":
      return values.reduce((a, b) => a + b, 0) / values.length;
    case "first":
      return values[0];
    case "last":
      return values[values.length - 1];
  }
}

// packages/prometheus/dist/slo/objective.js
var comparators = ["<", "<=", ">", ">=", "=="];
function parseObjective(input, what = "objective") {
  if (typeof input === "string") {
    const match = input.trim().match(/^(<=|>=|==|<|>)\s*(.+)$/);
    if (!match)
      throw new UsageError(`${what}: cannot read "${input}"`, { hint: 'write a comparison such as "< 0.01", "< 1%", "<= 300ms" or ">= 99.9%"' });
    return { op: match[1], value: parseAmount(match[2], what), text: input.trim() };
  }
  if (input && typeof input === "object") {
    if ("op" in input && typeof input.op === "string") {
      const op = input.op;
      if (!comparators.includes(op))
        throw new UsageError(`${what}: unknown comparator "${input.op}"`, { hint: `use one of ${comparators.join(" ")}` });
      const value = input.value;
      return { op, value: parseAmount(value, what), text: `${op} ${value}` };
    }
    const entries = Object.entries(input);
    if (entries.length === 1 && comparators.includes(entries[0][0])) {
      const [op, value] = entries[0];
      return { op, value: parseAmount(value, what), text: `${op} ${value}` };
    }
  }
  throw new UsageError(`${what}: cannot read ${JSON.stringify(input)}`, { hint: 'write a comparison such as "< 0.01" or {"<": 0.01}' });
}
function parseAmount(raw, what) {
  if (typeof raw === "number")
    return raw;
  const text = raw.trim();
  if (/^[-+]?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(text))
    return Number(text);
  const percent = text.match(/^([-+]?\d+(?:\.\d+)?)\s*%$/);
  if (percent)
    return Number(percent[1]) / 100;
  return parseWindow(text, what);
}
function meetsObjective(measured, objective) {
  switch (objective.op) {
    case "<":
      return measured < objective.value;
    case "<=":
      return measured <= objective.value;
    case ">":
      return measured > objective.value;
    case ">=":
      return measured >= objective.value;
    case "==":
      return measured === objective.value;
  }
}
function worstCase(objective) {
  return objective.op === ">" || objective.op === ">=" ? "min" : "max";
}

// packages/prometheus/dist/slo/evaluate-slo.js
var windowToken = /\$\{?window\}?|\$__range/g;
async function evaluateSlo(client, slo, start, end) {
  const name = slo.name ?? slo.indicator;
  const objective = parseObjective(slo.objective, `SLO "${name}" objective`);
  const seconds = Math.max(1, Math.ceil((end.getTime() - start.getTime()) / 1e3));
  const window = { start: start.toISOString(), end: end.toISOString(), seconds };
  const how = slo.aggregate ?? worstCase(objective);
  let query = slo.indicator;
  let values;
  if (slo.indicator.search(windowToken) >= 0) {
    query = slo.indicator.replace(windowToken, `${seconds}s`);
    values = sampleValues(await client.query(query, end)).flatMap((s) => s.values);
  } else {
    const step = slo.step !== void 0 ? parseDuration(slo.step, `SLO "${name}" step`) : Math.max(1, Math.ceil(seconds / 250));
    values = sampleValues(await client.queryRange(query, start, end, step)).flatMap((s) => s.values);
  }
  const usable = values.filter((v) => !Number.isNaN(v));
  if (usable.length === 0) {
    const met2 = slo.on_no_data === "pass";
    return {
      name,
      status: met2 ? "met" : "no-data",
      met: met2,
      measured: null,
      objective: objective.text,
      query,
      window,
      samples: 0,
      reason: `the indicator returned no data over the window${met2 ? " (on_no_data: pass)" : ""}`
    };
  }
  const measured = aggregate(usable, how);
  const met = meetsObjective(measured, objective);
  return {
    name,
    status: met ? "met" : "violated",
    met,
    measured,
    objective: objective.text,
    query,
    window,
    samples: usable.length,
    reason: `${how} of ${usable.length} sample(s) = ${measured} ${met ? "meets" : "violates"} ${objective.text}`
  };
}

// packages/prometheus/dist/slo/slo-definition.js
var objectiveSchema = external_exports.union([
  external_exports.string(),
  external_exports.object({ op: external_exports.string(), value: external_exports.union([external_exports.number(), external_exports.string()]) }),
  external_exports.record(external_exports.string(), external_exports.union([external_exports.number(), external_exports.string()]))
]);
var sloDefinitionSchema = external_exports.object({
  name: external_exports.string().min(1).optional(),
  description: external_exports.string().optional(),
  indicator: external_exports.string().min(1),
  objective: objectiveSchema,
  /** A duration ("5m"), or "run" for the experiment run so far (probe only). */
  window: external_exports.union([external_exports.number(), external_exports.string()]).optional(),
  aggregate: external_exports.enum(aggregations).optional(),
  /** Range query resolution for indicators without $window: seconds or a duration. */
  step: external_exports.union([external_exports.number(), external_exports.string()]).optional(),
  /** What an empty result means: a failure (default) or a pass (e.g. "no errors at all"). */
  on_no_data: external_exports.enum(["fail", "pass"]).optional()
});
var sloFileSchema = external_exports.object({
  /** Used when neither --prometheus-url nor the journal's configuration gives a URL. */
  prometheus_url: external_exports.string().optional(),
  slos: external_exports.array(sloDefinitionSchema).min(1)
});

// packages/prometheus/dist/controls/control-arguments.js
function setting(params, ...keys) {
  for (const key of keys) {
    for (const source of [params.arguments, params.secrets, params.configuration]) {
      const value = source[key];
      if (value !== void 0 && value !== null && value !== "")
        return String(value);
    }
  }
  return void 0;
}
function journalOf(state) {
  return state && typeof state === "object" ? state : {};
}
function experimentTitle(experiment) {
  const title = experiment && typeof experiment === "object" ? experiment.title : void 0;
  return typeof title === "string" ? title : "experiment";
}

// packages/prometheus/dist/controls/grafana-annotations.js
var open = /* @__PURE__ */ new Map();
function tagsOf(params) {
  const tags = params.arguments.tags;
  if (Array.isArray(tags))
    return tags.map(String);
  if (typeof tags === "string")
    return tags.split(",").map((t) => t.trim()).filter(Boolean);
  return ["chaos", "faultline"];
}
function headersOf2(params) {
  const headers = { "content-type": "application/json", accept: "application/json" };
  const token = setting(params, "grafana_token", "grafana_api_key");
  const user = setting(params, "grafana_username");
  if (token)
    headers.authorization = `Bearer ${token}`;
  else if (user)
    headers.authorization = `Basic ${Buffer.from(`${user}:${setting(params, "grafana_password") ?? ""}`).toString("base64")}`;
  const org = setting(params, "grafana_org_id");
  if (org)
    headers["x-grafana-org-id"] = org;
  return headers;
}
var grafanaAnnotationsControl = {
  name: "grafana_annotations",
  description: "Mark the experiment run as a region annotation in Grafana, updated with its status when the run ends.",
  module: {
    async before_experiment_control(params) {
      const base = setting(params, "grafana_url");
      if (!base) {
        params.logger.warn("grafana_annotations: no grafana_url in arguments, secrets or configuration; no annotation posted");
        return;
      }
      const url = `${base.replace(/\/+$/, "")}/api/annotations`;
      const start = Date.now();
      const tags = [...tagsOf(params), `run:${params.runId}`];
      const title = experimentTitle(params.experiment);
      const body = { time: start, timeEnd: start, tags, text: `Chaos experiment started: ${title}` };
      const dashboardUid = setting(params, "dashboard_uid");
      const panelId = setting(params, "panel_id");
      if (dashboardUid)
        body.dashboardUID = dashboardUid;
      if (panelId)
        body.panelId = Number(panelId);
      const headers = headersOf2(params);
      try {
        const response = await httpRequest(url, { method: "POST", headers, body: JSON.stringify(body), timeoutMs: 1e4 });
        const parsed = safeJson(response.body);
        if (response.status !== 200 || typeof parsed?.id !== "number") {
          params.logger.warn(`Grafana refused the annotation (HTTP ${response.status})`, { url, body: response.body.slice(0, 200) });
          return;
        }
        open.set(params.runId, { id: parsed.id, start, url, headers, tags, title });
        params.logger.info("Grafana annotation posted", { id: parsed.id });
      } catch (error) {
        params.logger.warn(`could not post the Grafana annotation: ${error.message}`, { url });
      }
    },
    async after_experiment_control(params) {
      const annotation = open.get(params.runId);
      if (!annotation)
        return;
      open.delete(params.runId);
      const journal = journalOf(params.state);
      const status = journal.status ?? "unknown";
      const outcome = journal.deviated ? `${status}, deviated` : status;
      const body = {
        time: annotation.start,
        timeEnd: Date.now(),
        tags: [...annotation.tags, `status:${status}`, ...journal.deviated ? ["deviated"] : []],
        text: `Chaos experiment ${annotation.title}: ${outcome}`
      };
      const url = `${annotation.url}/${annotation.id}`;
      try {
        const response = await httpRequest(url, { method: "PATCH", headers: annotation.headers, body: JSON.stringify(body), timeoutMs: 1e4 });
        if (response.status !== 200)
          params.logger.warn(`Grafana refused the annotation update (HTTP ${response.status})`, { url, body: response.body.slice(0, 200) });
      } catch (error) {
        params.logger.warn(`could not update the Grafana annotation: ${error.message}`, { url });
      }
    }
  }
};
function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}

// packages/prometheus/dist/controls/pushgateway-metrics.js
import { createHash, randomBytes } from "node:crypto";

// packages/prometheus/dist/meta/faultline-version.js
var faultlineVersion = "0.1.0";

// packages/prometheus/dist/controls/pushgateway-metrics.js
var statuses = ["completed", "failed", "aborted", "interrupted"];
var labelNames = ["source", "chaostoolkit_lib_version", "chaostoolkit_run_trace_id", "chaostoolkit_experiment_ref", "experiment"];
var collectors = /* @__PURE__ */ new Map();
async function collectorFor(params) {
  const existing = collectors.get(params.runId);
  if (existing)
    return existing;
  const { Registry, Gauge, Counter, Histogram } = await import("prom-client");
  const registry = new Registry();
  const experimentRef = setting(params, "experiment_ref") ?? createHash("sha256").update(JSON.stringify(params.experiment ?? {})).digest("hex").slice(0, 24);
  const traceId = setting(params, "trace_id") ?? randomBytes(16).toString("hex");
  const groupingArg = params.arguments.grouping_key;
  const groupingKey = groupingArg && typeof groupingArg === "object" ? Object.fromEntries(Object.entries(groupingArg).map(([k, v]) => [k, String(v)])) : { chaostoolkit_experiment_ref: experimentRef };
  const common = { labelNames: [...labelNames], registers: [registry] };
  const collector = {
    registry,
    labels: { source: "faultline", chaostoolkit_lib_version: faultlineVersion, chaostoolkit_run_trace_id: traceId, chaostoolkit_experiment_ref: experimentRef, experiment: experimentTitle(params.experiment) },
    groupingKey,
    url: setting(params, "pushgateway_url") ?? "http://localhost:9091",
    job: setting(params, "job") ?? "chaostoolkit",
    // An Enum in Python's client: one series per state, the current one set to 1.
    status: new Gauge({ name: "chaostoolkit_experiment_status", help: "Experiment run status (one series per state, 1 for the current one)", ...common, labelNames: [...labelNames, "chaostoolkit_experiment_status"] }),
    deviated: new Counter({ name: "chaostoolkit_deviated_experiment_total", help: "Deviated experiment runs", ...common }),
    inProgress: new Gauge({ name: "chaostoolkit_inprogress_experiment", help: "Experiment runs in progress", ...common }),
    duration: new Gauge({ name: "chaostoolkit_experiment_duration", help: "Experiment run duration, seconds", ...common }),
    durationDist: new Histogram({ name: "chaostoolkit_experiment_duration_dist", help: "Experiment run duration distribution, seconds", ...common })
  };
  collectors.set(params.runId, collector);
  return collector;
}
async function push(collector, params) {
  let path = `/metrics/job/${segment(collector.job)}`;
  for (const [key, value] of Object.entries(collector.groupingKey))
    path += `/${key}${value.includes("/") || value === "" ? "@base64" : ""}/${segment(value)}`;
  const url = `${collector.url.replace(/\/+$/, "")}${path}`;
  try {
    const response = await httpRequest(url, {
      method: "PUT",
      headers: { "content-type": collector.registry.contentType },
      body: await collector.registry.metrics(),
      timeoutMs: 1e4
    });
    if (response.status >= 300)
      params.logger.warn(`Pushgateway refused the run metrics (HTTP ${response.status})`, { url, body: response.body.slice(0, 200) });
  } catch (error) {
    params.logger.warn(`could not push run metrics to the Pushgateway: ${error.message}`, { url });
  }
}
function segment(value) {
  return value.includes("/") || value === "" ? Buffer.from(value).toString("base64url") || "=" : encodeURIComponent(value);
}
var pushgatewayMetricsControl = {
  name: "metrics",
  description: "Push run metrics (status, deviation, in progress, duration) to a Prometheus Pushgateway, like chaosprometheus.metrics.",
  python: ["chaosprometheus.metrics"],
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
      if (journal.deviated)
        collector.deviated.inc(collector.labels);
      collector.inProgress.set(collector.labels, 0);
      for (const status of statuses)
        collector.status.set({ ...collector.labels, chaostoolkit_experiment_status: status }, journal.status === status ? 1 : 0);
      const started = journal.start ? Date.parse(journal.start) : Number.NaN;
      const duration = typeof journal.duration === "number" ? journal.duration : Number.isNaN(started) ? void 0 : (Date.now() - started) / 1e3;
      if (duration !== void 0) {
        collector.duration.set(collector.labels, duration);
        collector.durationDist.observe(collector.labels, duration);
      }
      await push(collector, params);
    },
    cleanup_control(params) {
      collectors.delete(params.runId);
    }
  }
};

export {
  parseWindow,
  parseTime,
  toPromTime,
  meanTypes,
  mean,
  parseSampleValue,
  sampleValues,
  formatLabels,
  httpRequest,
  redact,
  PrometheusClient,
  clientFromContext,
  aggregations,
  aggregate,
  comparators,
  parseObjective,
  meetsObjective,
  worstCase,
  evaluateSlo,
  sloDefinitionSchema,
  sloFileSchema,
  grafanaAnnotationsControl,
  pushgatewayMetricsControl
};
