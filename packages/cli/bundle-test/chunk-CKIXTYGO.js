import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);
import {
  require_dist
} from "./chunk-IGKN5HIV.js";
import {
  ActivityFailedError,
  FaultlineError,
  InterruptedError,
  UsageError,
  exitCodes,
  external_exports,
  isPlainObject,
  parseDuration,
  runHttpProvider,
  runProcessProvider
} from "./chunk-IQ32Z4TL.js";
import {
  __toESM
} from "./chunk-LKYZCP33.js";

// packages/core/dist/activity/logger.js
var silentLogger = { debug() {
}, info() {
}, warn() {
}, error() {
} };

// packages/core/dist/control/control-module.js
var controlHookNames = [
  "configure_control",
  "before_loading_experiment_control",
  "after_loading_experiment_control",
  "before_experiment_control",
  "after_experiment_control",
  "before_hypothesis_control",
  "after_hypothesis_control",
  "before_method_control",
  "after_method_control",
  "before_rollback_control",
  "after_rollback_control",
  "before_activity_control",
  "after_activity_control",
  "cleanup_control"
];

// packages/core/dist/model/experiment.js
var rollbackStrategies = ["default", "always", "never", "deviated"];
var hypothesisStrategies = [
  "default",
  "before-method-only",
  "after-method-only",
  "during-method-only",
  "continuously",
  "continously",
  "skip"
];

// packages/core/dist/loader/experiment-source.js
var import_yaml = __toESM(require_dist(), 1);
function parseExperimentText(text, location) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
  const errors = doc.errors.map((error) => {
    const pos = error.linePos?.[0];
    return { message: error.message.split("\n")[0] ?? error.message, line: pos?.line, column: pos?.col };
  });
  const source = {
    location,
    text,
    positionOf(path) {
      const node = nodeAt(doc, path);
      if (!node?.range)
        return void 0;
      const pos = lineCounter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  };
  return { value: errors.length ? void 0 : doc.toJS({ maxAliasCount: 1e3 }), source, errors };
}
function nodeAt(doc, path) {
  let node = doc.contents;
  for (const key of path) {
    let next;
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find((item) => (0, import_yaml.isScalar)(item.key) && String(item.key.value) === String(key));
      next = pair ? pair.value ?? pair.key : void 0;
      if (pair && next === void 0)
        next = pair.key;
    } else if ((0, import_yaml.isSeq)(node) && typeof key === "number") {
      next = node.items[key];
    }
    if (!next)
      break;
    node = next;
  }
  return node;
}

// packages/core/dist/loader/load-experiment.js
import { readFile } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
var supported = /* @__PURE__ */ new Set([".json", ".yaml", ".yml"]);
async function loadExperimentDocument(location, options) {
  const isUrl = /^https?:\/\//i.test(location);
  const text = isUrl ? await fetchText(location, options) : await readLocal(location, options.cwd);
  const where = isUrl ? location : resolve(options.cwd, location);
  const extension = extname(new URL(location, "file:///").pathname).toLowerCase();
  if (!isUrl && !supported.has(extension)) {
    throw new UsageError(`${location}: unsupported experiment file type "${extension || "(none)"}"`, {
      code: "E_EXPERIMENT_TYPE",
      hint: "experiments are .json, .yaml or .yml files"
    });
  }
  const parsed = parseExperimentText(text, where);
  if (parsed.errors.length) {
    const lines = parsed.errors.map((e) => `  ${where}:${e.line ?? "?"}:${e.column ?? "?"}: ${e.message}`);
    throw new UsageError(`cannot parse ${where}:
${lines.join("\n")}`, { code: "E_EXPERIMENT_SYNTAX" });
  }
  return { value: parsed.value, source: parsed.source, baseDir: isUrl ? options.cwd : dirname(where) };
}
async function readLocal(location, cwd) {
  try {
    return await readFile(resolve(cwd, location), "utf8");
  } catch (error) {
    const code = error.code;
    throw new UsageError(`cannot read experiment ${location}: ${code === "ENOENT" ? "no such file" : String(error)}`, {
      code: "E_EXPERIMENT_NOT_FOUND",
      cause: error
    });
  }
}
async function fetchText(url, options) {
  const token = options.bearerToken ?? options.env?.FAULTLINE_LOADER_AUTH_BEARER_TOKEN;
  const headers = { accept: "application/json, application/yaml, text/yaml, */*" };
  if (token)
    headers.authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(url, { headers, signal: options.signal ?? AbortSignal.timeout(3e4) });
  } catch (error) {
    throw new UsageError(`cannot fetch experiment ${url}: ${error.message}`, { code: "E_EXPERIMENT_FETCH", cause: error });
  }
  if (!response.ok) {
    throw new UsageError(`cannot fetch experiment ${url}: HTTP ${response.status}`, {
      code: "E_EXPERIMENT_FETCH",
      hint: response.status === 401 || response.status === 403 ? "set FAULTLINE_LOADER_AUTH_BEARER_TOKEN or auth in settings" : void 0
    });
  }
  return response.text();
}

// packages/core/dist/validation/experiment-schema.js
var duration = external_exports.union([external_exports.number().nonnegative(), external_exports.string().min(1)]).describe('seconds, or a string with a unit: "500ms", "30s", "2m"');
var secretsScopes = external_exports.array(external_exports.string()).describe("names of secret scopes passed to this provider");
var httpProvider = external_exports.looseObject({
  type: external_exports.literal("http"),
  url: external_exports.string().min(1),
  method: external_exports.string().optional(),
  headers: external_exports.record(external_exports.string(), external_exports.unknown()).optional(),
  arguments: external_exports.union([external_exports.record(external_exports.string(), external_exports.unknown()), external_exports.string()]).optional(),
  timeout: external_exports.union([duration, external_exports.tuple([duration, duration])]).optional(),
  verify_tls: external_exports.boolean().optional(),
  max_retries: external_exports.number().int().nonnegative().optional(),
  expected_status: external_exports.number().int().optional(),
  secrets: secretsScopes.optional()
});
var processProvider = external_exports.looseObject({
  type: external_exports.literal("process"),
  path: external_exports.string().min(1),
  arguments: external_exports.union([external_exports.string(), external_exports.array(external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean(), external_exports.null()]))]).optional(),
  timeout: duration.optional(),
  secrets: secretsScopes.optional()
});
var pythonProvider = external_exports.looseObject({
  type: external_exports.literal("python"),
  module: external_exports.string().min(1),
  func: external_exports.string().min(1),
  arguments: external_exports.record(external_exports.string(), external_exports.unknown()).optional(),
  secrets: secretsScopes.optional()
});
var javascriptProvider = external_exports.looseObject({
  type: external_exports.literal("javascript"),
  module: external_exports.string().min(1).describe("a package name or a path relative to the experiment file"),
  func: external_exports.string().min(1).describe("an exported function"),
  arguments: external_exports.record(external_exports.string(), external_exports.unknown()).optional(),
  secrets: secretsScopes.optional()
});
var providerSchema = external_exports.discriminatedUnion("type", [httpProvider, processProvider, pythonProvider, javascriptProvider]);
var controlSchema = external_exports.looseObject({
  name: external_exports.string().min(1),
  provider: external_exports.looseObject({
    type: external_exports.enum(["python", "javascript"]),
    module: external_exports.string().min(1),
    arguments: external_exports.record(external_exports.string(), external_exports.unknown()).optional(),
    secrets: secretsScopes.optional()
  }),
  scope: external_exports.enum(["before", "after"]).optional(),
  automatic: external_exports.boolean().optional()
});
var pauses = external_exports.looseObject({ before: duration.optional(), after: duration.optional() });
var toleranceObject = external_exports.union([
  external_exports.looseObject({ type: external_exports.literal("range"), range: external_exports.tuple([external_exports.number(), external_exports.number()]), target: external_exports.string().optional() }),
  external_exports.looseObject({ type: external_exports.literal("regex"), pattern: external_exports.string(), target: external_exports.string().optional() }),
  external_exports.looseObject({
    type: external_exports.literal("jsonpath"),
    path: external_exports.string(),
    target: external_exports.string().optional(),
    expect: external_exports.unknown().optional(),
    count: external_exports.number().int().optional()
  }),
  external_exports.looseObject({ type: external_exports.literal("probe"), name: external_exports.string(), provider: providerSchema })
]);
var toleranceSchema = external_exports.union([external_exports.boolean(), external_exports.number(), external_exports.string(), external_exports.array(external_exports.unknown()), toleranceObject]);
var activitySchema = external_exports.looseObject({
  type: external_exports.enum(["probe", "action"]),
  name: external_exports.string().min(1),
  provider: providerSchema,
  tolerance: toleranceSchema.optional(),
  background: external_exports.boolean().optional(),
  pauses: pauses.optional(),
  controls: external_exports.array(controlSchema).optional(),
  timeout: duration.optional(),
  secrets: secretsScopes.optional()
});
var activityRefSchema = external_exports.looseObject({ ref: external_exports.string().min(1) });
var activityOrRef = external_exports.union([activityRefSchema, activitySchema]);
var envValue = external_exports.looseObject({
  type: external_exports.literal("env"),
  key: external_exports.string().min(1),
  default: external_exports.unknown().optional(),
  env_var_type: external_exports.enum(["str", "int", "float", "bool", "json"]).optional()
});
var experimentSchema = external_exports.looseObject({
  version: external_exports.union([external_exports.string(), external_exports.number()]).optional(),
  title: external_exports.string().min(1),
  description: external_exports.string().optional(),
  tags: external_exports.array(external_exports.string()).optional(),
  contributions: external_exports.record(external_exports.string(), external_exports.enum(["high", "medium", "low", "none"])).optional(),
  configuration: external_exports.record(external_exports.string(), external_exports.unknown()).optional(),
  secrets: external_exports.record(external_exports.string(), external_exports.record(external_exports.string(), external_exports.unknown())).optional(),
  extensions: external_exports.array(external_exports.record(external_exports.string(), external_exports.unknown())).optional(),
  controls: external_exports.array(controlSchema).optional(),
  "steady-state-hypothesis": external_exports.looseObject({
    title: external_exports.string().min(1),
    probes: external_exports.array(activityOrRef).optional(),
    controls: external_exports.array(controlSchema).optional()
  }).optional(),
  method: external_exports.array(activityOrRef).optional(),
  rollbacks: external_exports.array(activityOrRef).optional(),
  runtime: external_exports.looseObject({
    rollbacks: external_exports.looseObject({ strategy: external_exports.enum(rollbackStrategies).optional() }).optional(),
    hypothesis: external_exports.looseObject({
      strategy: external_exports.enum(hypothesisStrategies).optional(),
      frequency: external_exports.number().positive().optional(),
      fail_fast: external_exports.boolean().optional()
    }).optional()
  }).optional()
});
var envValueSchema = envValue;
var knownKeys = {
  experiment: Object.keys(experimentSchema.shape),
  hypothesis: ["title", "probes", "controls"],
  activity: [...Object.keys(activitySchema.shape), "configuration", "dry"],
  provider: {
    http: Object.keys(httpProvider.shape),
    process: Object.keys(processProvider.shape),
    python: Object.keys(pythonProvider.shape),
    javascript: Object.keys(javascriptProvider.shape)
  }
};
function experimentJsonSchema() {
  const schema = external_exports.toJSONSchema(experimentSchema, { unrepresentable: "any", io: "input" });
  return {
    $id: "https://faultline.dev/schema/experiment.json",
    title: "Faultline / Chaos Toolkit experiment",
    ...schema
  };
}

// packages/core/dist/validation/problem.js
function formatPath(path) {
  let out = "";
  for (const key of path)
    out += typeof key === "number" ? `[${key}]` : out ? `.${key}` : key;
  return out || "(document)";
}
function locate(problem, source) {
  const pos = source?.positionOf(problem.path);
  return pos ? { ...problem, line: pos.line, column: pos.column } : { ...problem };
}
function formatProblem(problem, location) {
  const where = [location, problem.line, problem.column].filter((part) => part !== void 0).join(":");
  const text = `${where ? `${where}: ` : ""}${problem.severity} ${formatPath(problem.path)}: ${problem.message}`;
  return problem.hint ? `${text}
    hint: ${problem.hint}` : text;
}

// packages/core/dist/validation/validate-experiment.js
var isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
async function validateExperiment(value, options = {}) {
  const raw = [];
  const error = (path, message, hint) => raw.push({ severity: "error", path, message, hint });
  const warn = (path, message, hint) => raw.push({ severity: "warning", path, message, hint });
  const parsed = experimentSchema.safeParse(value, { reportInput: true });
  if (!parsed.success)
    for (const issue of flattenIssues(parsed.error.issues))
      error(issue.path, issue.message);
  if (isObj(value)) {
    checkUnknownKeys(value, warn);
    await checkSemantics(value, options, error, warn);
  } else if (parsed.success) {
    error([], "an experiment must be an object");
  }
  const problems = dedupe(raw).map((p) => locate(p, options.source)).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const ok = !problems.some((p) => p.severity === "error");
  return { experiment: ok ? value : void 0, problems };
}
function flattenIssues(issues, prefix = []) {
  const out = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && "errors" in issue && issue.errors.length) {
      const branches = issue.errors.map((branch) => flattenIssues(branch, path));
      const best = branches.sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
      if (depth(best) > path.length)
        out.push(...best);
      else
        out.push({ path, message: describeUnion(path) });
      continue;
    }
    if (issue.code === "invalid_union" && "discriminator" in issue) {
      const key = issue.discriminator;
      out.push({ path: path[path.length - 1] === key ? path : [...path, key], message: `unknown provider type (expected one of: http, process, python, javascript)` });
      continue;
    }
    out.push({ path, message: describeIssue(issue) });
  }
  return out;
}
var depth = (issues) => Math.max(0, ...issues.map((i) => i.path.length));
function describeUnion(path) {
  const last = path[path.length - 1];
  if (last === "tolerance")
    return "tolerance must be a boolean, number, string, list, or an object with type range|regex|jsonpath|probe";
  if (last === "timeout")
    return "timeout must be seconds, a string with a unit, or [connect, read]";
  return "value does not match any accepted form";
}
function describeIssue(issue) {
  if (issue.code === "invalid_type") {
    return issue.input === void 0 ? `is required (${issue.expected})` : `must be ${article(issue.expected)}, got ${typeOf(issue.input)}`;
  }
  if (issue.code === "too_small" && issue.origin === "string" && Number(issue.minimum) === 1)
    return "must not be empty";
  if (issue.code === "invalid_value")
    return `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
  return issue.message;
}
var article = (t) => /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
var typeOf = (v) => v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
function checkUnknownKeys(experiment, warn) {
  const unknown = (obj, known, path) => {
    for (const key of Object.keys(obj))
      if (!known.includes(key))
        warn([...path, key], `unknown key "${key}" is ignored`);
  };
  unknown(experiment, knownKeys.experiment, []);
  const hypothesis = experiment["steady-state-hypothesis"];
  if (isObj(hypothesis))
    unknown(hypothesis, knownKeys.hypothesis, ["steady-state-hypothesis"]);
  forEachActivity(experiment, (activity, path) => {
    if ("ref" in activity)
      return;
    unknown(activity, knownKeys.activity, path);
    const provider = activity.provider;
    if (isObj(provider) && typeof provider.type === "string" && provider.type in knownKeys.provider) {
      unknown(provider, knownKeys.provider[provider.type], [...path, "provider"]);
    }
  });
}
function forEachActivity(experiment, visit) {
  const hypothesis = experiment["steady-state-hypothesis"];
  const sections = [
    [["steady-state-hypothesis", "probes"], isObj(hypothesis) ? hypothesis.probes : void 0],
    [["method"], experiment.method],
    [["rollbacks"], experiment.rollbacks]
  ];
  for (const [path, list] of sections) {
    if (!Array.isArray(list))
      continue;
    list.forEach((activity, index2) => {
      if (isObj(activity))
        visit(activity, [...path, index2], String(path[0]));
    });
  }
}
async function checkSemantics(experiment, options, error, warn) {
  if (!Array.isArray(experiment.method) || experiment.method.length === 0) {
    if (!("method" in experiment))
      error(["method"], "an experiment requires a method with at least one activity");
    else if (Array.isArray(experiment.method))
      error(["method"], "the method must contain at least one activity");
  }
  const declared = /* @__PURE__ */ new Set();
  forEachActivity(experiment, (activity) => {
    if (typeof activity.name === "string")
      declared.add(activity.name);
  });
  const resolutions = [];
  forEachActivity(experiment, (activity, path, section) => {
    if ("ref" in activity) {
      if (typeof activity.ref === "string" && !declared.has(activity.ref)) {
        error([...path, "ref"], `refers to "${activity.ref}", which no activity declares`);
      }
      return;
    }
    if (section === "steady-state-hypothesis") {
      if (activity.type === "action")
        error([...path, "type"], "the steady-state hypothesis may only contain probes");
      if (!("tolerance" in activity))
        error(path, `probe "${String(activity.name)}" has no tolerance`, "a hypothesis probe needs a tolerance to compare its output with");
    }
    if (section === "rollbacks" && activity.type === "probe")
      warn([...path, "type"], "a probe in rollbacks changes nothing");
    if (isObj(activity.pauses)) {
      for (const when of ["before", "after"]) {
        const pause = activity.pauses[when];
        if (pause === void 0 || typeof pause === "string" && pause.includes("$"))
          continue;
        try {
          parseDuration(pause, "pause");
        } catch (e) {
          error([...path, "pauses", when], e.message);
        }
      }
    }
    const provider = activity.provider;
    if (options.resolver && isObj(provider) && (provider.type === "python" || provider.type === "javascript")) {
      if (typeof provider.module === "string" && typeof provider.func === "string") {
        resolutions.push(checkProvider(provider, [...path, "provider"], options, error));
      }
    }
  });
  const controls = [[["controls"], experiment.controls]];
  const hypothesis = experiment["steady-state-hypothesis"];
  if (isObj(hypothesis))
    controls.push([["steady-state-hypothesis", "controls"], hypothesis.controls]);
  forEachActivity(experiment, (activity, path) => controls.push([[...path, "controls"], activity.controls]));
  for (const [path, list] of controls) {
    if (!Array.isArray(list) || !options.resolver)
      continue;
    list.forEach((control, index2) => {
      const provider = isObj(control) ? control.provider : void 0;
      if (!isObj(provider) || typeof provider.module !== "string")
        return;
      resolutions.push(options.resolver.resolveControl({ type: String(provider.type), module: provider.module }, options.baseDir ?? process.cwd()).then(() => void 0, (e) => error([...path, index2, "provider", "module"], e.message, e.hint)));
    });
  }
  await Promise.all(resolutions);
}
async function checkProvider(provider, path, options, error) {
  try {
    const resolved = await options.resolver.resolve({ type: provider.type, module: provider.module, func: provider.func }, options.baseDir ?? process.cwd());
    if (!resolved.definition)
      return;
    const args = isObj(provider.arguments) ? provider.arguments : {};
    const schema = resolved.definition.arguments;
    if (schema.shape) {
      const known = Object.keys(schema.shape);
      for (const key of Object.keys(args)) {
        if (!known.includes(key))
          error([...path, "arguments", key], `${resolved.definition.name} takes no argument "${key}"`, `its arguments: ${known.join(", ")}`);
      }
    }
    const result = schema.safeParse(args, { reportInput: true });
    if (result.success)
      return;
    for (const issue of result.error.issues) {
      const key = issue.path[0];
      const rawValue = typeof key === "string" ? args[key] : void 0;
      if (typeof rawValue === "string" && rawValue.includes("$"))
        continue;
      if (issue.code === "unrecognized_keys")
        continue;
      error([...path, "arguments", ...issue.path], describeIssue(issue));
    }
  } catch (e) {
    const err = e;
    error([...path, provider.type === "python" ? "func" : "module"], err.message, err.hint);
  }
}
function dedupe(problems) {
  const seen = /* @__PURE__ */ new Set();
  return problems.filter((p) => {
    const key = `${p.severity}|${p.path.join(".")}|${p.message}`;
    if (seen.has(key))
      return false;
    seen.add(key);
    return true;
  });
}

// packages/core/dist/resolve/activity-resolver.js
import { createRequire } from "node:module";
import { isAbsolute, resolve as resolvePath } from "node:path";
import { pathToFileURL } from "node:url";

// packages/core/dist/util/nearest-names.js
function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
function nearestNames(name, known, limit = 3) {
  const scored = [...new Set(known)].map((candidate) => ({ candidate, score: distance(name.toLowerCase(), candidate.toLowerCase()) }));
  const threshold = Math.max(3, Math.ceil(name.length / 2));
  return scored.filter((s) => s.score <= threshold || s.candidate.includes(name) || name.includes(s.candidate)).sort((a, b) => a.score - b.score).slice(0, limit).map((s) => s.candidate);
}

// packages/core/dist/resolve/activity-resolver.js
var ResolutionError = class extends FaultlineError {
  constructor(message, hint) {
    super(message, { code: "E_UNRESOLVED_ACTIVITY", exitCode: exitCodes.aborted, hint });
  }
};
var camelToSnake = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
var snakeToCamel = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
var ActivityResolver = class {
  drivers;
  loaded = /* @__PURE__ */ new Map();
  constructor(drivers) {
    this.drivers = drivers;
  }
  driverEntries() {
    return this.drivers;
  }
  loadDriver(entry) {
    let promise = this.loaded.get(entry.name);
    if (!promise) {
      promise = entry.load();
      this.loaded.set(entry.name, promise);
    }
    return promise;
  }
  async allDrivers() {
    return Promise.all(this.drivers.map((entry) => this.loadDriver(entry)));
  }
  entryForPython(module) {
    const prefix = module.split(".")[0];
    return this.drivers.find((entry) => entry.pythonPrefixes.includes(prefix));
  }
  entryForJavascript(module) {
    const bare = module.replace(/\/activities$/, "");
    return this.drivers.find((entry) => entry.name === bare || entry.aliases?.includes(bare));
  }
  async resolve(ref, baseDir) {
    if (ref.type === "python")
      return this.resolvePython(ref.module, ref.func);
    const entry = this.entryForJavascript(ref.module);
    if (entry)
      return this.resolveDriverFunction(await this.loadDriver(entry), ref.func);
    return this.resolveUserFunction(ref.module, ref.func, baseDir);
  }
  /** The activity a revert spec names (driver + func). */
  async resolveRevert(spec) {
    const entry = this.entryForJavascript(spec.driver);
    if (!entry)
      throw new ResolutionError(`revert names unknown driver "${spec.driver}"`);
    return this.resolveDriverFunction(await this.loadDriver(entry), spec.func);
  }
  async resolvePython(module, func) {
    const entry = this.entryForPython(module);
    if (entry) {
      const driver = await this.loadDriver(entry);
      const definition = driver.activities.find((a) => a.name === func && a.python?.includes(module));
      if (definition)
        return fromDefinition(driver, definition, `${module}.${func}`);
    }
    const known = await this.knownPythonNames();
    const wanted = `${module}.${func}`;
    const suggestions = nearestNames(wanted, known);
    throw new ResolutionError(entry ? `python function ${wanted} is not provided by ${entry.name}` : `python module "${module}" is not known to Faultline (function ${func})`, suggestions.length ? `did you mean ${suggestions.join(", ")}?` : "run `faultline discover` to list every known function");
  }
  /** Every "module.func" a python provider may name. */
  async knownPythonNames() {
    const names = [];
    for (const driver of await this.allDrivers()) {
      for (const activity of driver.activities)
        for (const module of activity.python ?? [])
          names.push(`${module}.${activity.name}`);
    }
    return names;
  }
  resolveDriverFunction(driver, func) {
    const snake = camelToSnake(func);
    const definition = driver.activities.find((a) => a.name === func || a.name === snake);
    if (!definition) {
      const suggestions = nearestNames(func, driver.activities.map((a) => a.name));
      throw new ResolutionError(`${driver.name} has no activity "${func}"`, suggestions.length ? `did you mean ${suggestions.join(", ")}?` : `run \`faultline discover ${driver.name}\``);
    }
    return fromDefinition(driver, definition, `${driver.name} ${definition.name}`);
  }
  async resolveUserFunction(module, func, baseDir) {
    const loaded = await importUserModule(module, baseDir);
    const fn = loaded[func] ?? loaded[snakeToCamel(func)];
    if (typeof fn !== "function") {
      const exported = Object.keys(loaded).filter((k) => typeof loaded[k] === "function");
      const suggestions = nearestNames(func, exported);
      throw new ResolutionError(`module ${module} exports no function "${func}"`, suggestions.length ? `did you mean ${suggestions.join(", ")}?` : `it exports: ${exported.join(", ") || "no functions"}`);
    }
    return {
      label: `${module} ${func}`,
      async call(args, ctx) {
        return fn(args, ctx);
      }
    };
  }
  /** A control module named by a control declaration's provider. */
  async resolveControl(provider, baseDir) {
    if (provider.type === "python") {
      const entry2 = this.entryForPython(provider.module);
      const driver = entry2 ? await this.loadDriver(entry2) : void 0;
      const control = driver?.controls?.find((c) => c.python?.includes(provider.module));
      if (control)
        return control.module;
      const known = (await this.allDrivers()).flatMap((d) => (d.controls ?? []).flatMap((c) => c.python ?? []));
      const suggestions = nearestNames(provider.module, known);
      throw new ResolutionError(`python control module "${provider.module}" is not known to Faultline`, suggestions.length ? `did you mean ${suggestions.join(", ")}?` : `known control modules: ${known.join(", ") || "none"}`);
    }
    const entry = this.entryForJavascript(provider.module);
    if (entry) {
      const driver = await this.loadDriver(entry);
      const [control] = driver.controls ?? [];
      if (control)
        return control.module;
    }
    return normaliseControlModule(await importUserModule(provider.module, baseDir));
  }
};
function fromDefinition(driver, definition, label) {
  return {
    label,
    definition,
    driver: driver.name,
    async call(args, ctx) {
      const parsed = definition.arguments.safeParse(args);
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => `${i.path.join(".") || "(arguments)"}: ${i.message}`).join("; ");
        throw new UsageError(`invalid arguments for ${definition.name}: ${details}`, { code: "E_ARGUMENTS" });
      }
      return definition.run(parsed.data, ctx);
    }
  };
}
async function importUserModule(module, baseDir) {
  let specifier;
  if (module.startsWith(".") || isAbsolute(module)) {
    specifier = pathToFileURL(resolvePath(baseDir, module)).href;
  } else {
    try {
      specifier = pathToFileURL(createRequire(resolvePath(baseDir, "noop.js")).resolve(module)).href;
    } catch {
      specifier = module;
    }
  }
  try {
    return await import(specifier);
  } catch (error) {
    throw new ResolutionError(`cannot import module ${module}: ${error.message}`, "a relative path resolves from the experiment file");
  }
}
function normaliseControlModule(loaded) {
  const source = loaded.default && typeof loaded.default === "object" ? loaded.default : loaded;
  const control = {};
  for (const name of controlHookNames) {
    const fn = source[name] ?? source[snakeToCamel(name)];
    if (typeof fn === "function")
      control[name] = fn;
  }
  return control;
}

// packages/core/dist/run/run-options.js
var dryModes = ["probes", "actions", "activities", "pause"];

// packages/core/dist/run/experiment-run.js
import { hostname, platform, release } from "node:os";
import { randomUUID } from "node:crypto";

// packages/core/dist/util/abortable-sleep.js
function abortableSleep(ms, signal) {
  if (ms <= 0 || signal?.aborted)
    return Promise.resolve();
  return new Promise((resolve2) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve2();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

// packages/core/dist/run/control-hooks.js
async function loadControls(declarations, resolver, baseDir) {
  const loaded = [];
  for (const declaration of declarations ?? []) {
    loaded.push({ declaration, module: await resolver.resolveControl(declaration.provider, baseDir) });
  }
  return loaded;
}
async function callHook(controls, hook, env, context, state) {
  const ordered = hook.startsWith("after_") ? [...controls].reverse() : controls;
  for (const control of ordered) {
    const fn = control.module[hook];
    if (!fn)
      continue;
    if (hook.startsWith("before_") && control.declaration.scope === "after")
      continue;
    if (hook.startsWith("after_") && control.declaration.scope === "before")
      continue;
    try {
      await fn({
        context,
        state,
        experiment: env.experiment,
        configuration: env.configuration,
        secrets: env.secrets,
        settings: env.settings,
        arguments: control.declaration.provider.arguments ?? {},
        logger: env.logger,
        runId: env.runId,
        interrupt: env.interrupt
      });
    } catch (error) {
      env.logger.warn(`control ${control.declaration.name} failed in ${hook}: ${error.message}`);
    }
  }
}

// packages/core/dist/run/journal-writer.js
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname as dirname2 } from "node:path";
var JournalWriter = class {
  path;
  snapshot;
  throttleMs;
  timer;
  constructor(path, snapshot, throttleMs = 200) {
    this.path = path;
    this.snapshot = snapshot;
    this.throttleMs = throttleMs;
    if (path)
      mkdirSync(dirname2(path), { recursive: true });
  }
  writeNow() {
    if (this.timer)
      clearTimeout(this.timer);
    this.timer = void 0;
    if (!this.path)
      return;
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(this.snapshot(), null, 2)}
`);
    renameSync(temp, this.path);
  }
  /** Coalesces frequent updates (continuous hypothesis samples) into one write. */
  schedule() {
    if (!this.path || this.timer)
      return;
    this.timer = setTimeout(() => this.writeNow(), this.throttleMs);
    this.timer.unref();
  }
};

// packages/core/dist/run/revert-ledger.js
var noopHandle = { id: "none", update() {
}, done() {
} };
var RevertLedger = class {
  onChange;
  entries = [];
  counter = 0;
  constructor(onChange = () => {
  }) {
    this.onChange = onChange;
  }
  register(spec, activity) {
    const entry = {
      ...spec,
      arguments: structuredClone(spec.arguments),
      id: `revert-${++this.counter}`,
      activity,
      registered: (/* @__PURE__ */ new Date()).toISOString(),
      status: "pending"
    };
    this.entries.push(entry);
    this.onChange(entry, "registered");
    return {
      id: entry.id,
      update: (patch) => {
        Object.assign(entry.arguments, structuredClone(patch));
        this.onChange(entry, "changed");
      },
      done: () => {
        if (entry.status !== "pending")
          return;
        entry.status = "done-by-activity";
        entry.reverted = (/* @__PURE__ */ new Date()).toISOString();
        this.onChange(entry, "changed");
      }
    };
  }
  /** Pending reverts, newest first: undo in the reverse order of injection. */
  pending() {
    return this.entries.filter((e) => e.status === "pending").reverse();
  }
  /** Handle for contexts that must not record reverts (rollbacks, reverts themselves). */
  static noopHandle = noopHandle;
};

// packages/core/dist/run/run-provider.js
async function runProvider(provider, deps, ctx) {
  switch (provider.type) {
    case "http":
      return runHttpProvider(provider, { signal: ctx.signal, verifyTls: deps.verifyTls });
    case "process":
      return runProcessProvider(provider, { signal: ctx.signal, cwd: deps.baseDir, env: deps.env });
    case "python":
    case "javascript": {
      const resolved = await deps.resolver.resolve(provider, deps.baseDir);
      return resolved.call(provider.arguments ?? {}, ctx);
    }
  }
}

// packages/core/dist/tolerance/format-value.js
function formatValue(value, max = 120) {
  let text;
  if (value === void 0)
    text = "undefined";
  else if (typeof value === "number" || typeof value === "boolean")
    text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  text = text.replace(/\s+/g, " ");
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}

// node_modules/jsonpath-plus/dist/index-node-esm.js
import vm from "vm";
var Hooks = class {
  /**
   * @callback HookCallback
   * @this {*|Jsep} this
   * @param {Jsep} env
   * @returns: void
   */
  /**
   * Adds the given callback to the list of callbacks for the given hook.
   *
   * The callback will be invoked when the hook it is registered for is run.
   *
   * One callback function can be registered to multiple hooks and the same hook multiple times.
   *
   * @param {string|object} name The name of the hook, or an object of callbacks keyed by name
   * @param {HookCallback|boolean} callback The callback function which is given environment variables.
   * @param {?boolean} [first=false] Will add the hook to the top of the list (defaults to the bottom)
   * @public
   */
  add(name, callback, first) {
    if (typeof arguments[0] != "string") {
      for (let name2 in arguments[0]) {
        this.add(name2, arguments[0][name2], arguments[1]);
      }
    } else {
      (Array.isArray(name) ? name : [name]).forEach(function(name2) {
        this[name2] = this[name2] || [];
        if (callback) {
          this[name2][first ? "unshift" : "push"](callback);
        }
      }, this);
    }
  }
  /**
   * Runs a hook invoking all registered callbacks with the given environment variables.
   *
   * Callbacks will be invoked synchronously and in the order in which they were registered.
   *
   * @param {string} name The name of the hook.
   * @param {Object<string, any>} env The environment variables of the hook passed to all callbacks registered.
   * @public
   */
  run(name, env) {
    this[name] = this[name] || [];
    this[name].forEach(function(callback) {
      callback.call(env && env.context ? env.context : env, env);
    });
  }
};
var Plugins = class {
  constructor(jsep2) {
    this.jsep = jsep2;
    this.registered = {};
  }
  /**
   * @callback PluginSetup
   * @this {Jsep} jsep
   * @returns: void
   */
  /**
   * Adds the given plugin(s) to the registry
   *
   * @param {object} plugins
   * @param {string} plugins.name The name of the plugin
   * @param {PluginSetup} plugins.init The init function
   * @public
   */
  register(...plugins) {
    plugins.forEach((plugin2) => {
      if (typeof plugin2 !== "object" || !plugin2.name || !plugin2.init) {
        throw new Error("Invalid JSEP plugin format");
      }
      if (this.registered[plugin2.name]) {
        return;
      }
      plugin2.init(this.jsep);
      this.registered[plugin2.name] = plugin2;
    });
  }
};
var Jsep = class _Jsep {
  /**
   * @returns {string}
   */
  static get version() {
    return "1.4.0";
  }
  /**
   * @returns {string}
   */
  static toString() {
    return "JavaScript Expression Parser (JSEP) v" + _Jsep.version;
  }
  // ==================== CONFIG ================================
  /**
   * @method addUnaryOp
   * @param {string} op_name The name of the unary op to add
   * @returns {Jsep}
   */
  static addUnaryOp(op_name) {
    _Jsep.max_unop_len = Math.max(op_name.length, _Jsep.max_unop_len);
    _Jsep.unary_ops[op_name] = 1;
    return _Jsep;
  }
  /**
   * @method jsep.addBinaryOp
   * @param {string} op_name The name of the binary op to add
   * @param {number} precedence The precedence of the binary op (can be a float). Higher number = higher precedence
   * @param {boolean} [isRightAssociative=false] whether operator is right-associative
   * @returns {Jsep}
   */
  static addBinaryOp(op_name, precedence, isRightAssociative) {
    _Jsep.max_binop_len = Math.max(op_name.length, _Jsep.max_binop_len);
    _Jsep.binary_ops[op_name] = precedence;
    if (isRightAssociative) {
      _Jsep.right_associative.add(op_name);
    } else {
      _Jsep.right_associative.delete(op_name);
    }
    return _Jsep;
  }
  /**
   * @method addIdentifierChar
   * @param {string} char The additional character to treat as a valid part of an identifier
   * @returns {Jsep}
   */
  static addIdentifierChar(char) {
    _Jsep.additional_identifier_chars.add(char);
    return _Jsep;
  }
  /**
   * @method addLiteral
   * @param {string} literal_name The name of the literal to add
   * @param {*} literal_value The value of the literal
   * @returns {Jsep}
   */
  static addLiteral(literal_name, literal_value) {
    _Jsep.literals[literal_name] = literal_value;
    return _Jsep;
  }
  /**
   * @method removeUnaryOp
   * @param {string} op_name The name of the unary op to remove
   * @returns {Jsep}
   */
  static removeUnaryOp(op_name) {
    delete _Jsep.unary_ops[op_name];
    if (op_name.length === _Jsep.max_unop_len) {
      _Jsep.max_unop_len = _Jsep.getMaxKeyLen(_Jsep.unary_ops);
    }
    return _Jsep;
  }
  /**
   * @method removeAllUnaryOps
   * @returns {Jsep}
   */
  static removeAllUnaryOps() {
    _Jsep.unary_ops = {};
    _Jsep.max_unop_len = 0;
    return _Jsep;
  }
  /**
   * @method removeIdentifierChar
   * @param {string} char The additional character to stop treating as a valid part of an identifier
   * @returns {Jsep}
   */
  static removeIdentifierChar(char) {
    _Jsep.additional_identifier_chars.delete(char);
    return _Jsep;
  }
  /**
   * @method removeBinaryOp
   * @param {string} op_name The name of the binary op to remove
   * @returns {Jsep}
   */
  static removeBinaryOp(op_name) {
    delete _Jsep.binary_ops[op_name];
    if (op_name.length === _Jsep.max_binop_len) {
      _Jsep.max_binop_len = _Jsep.getMaxKeyLen(_Jsep.binary_ops);
    }
    _Jsep.right_associative.delete(op_name);
    return _Jsep;
  }
  /**
   * @method removeAllBinaryOps
   * @returns {Jsep}
   */
  static removeAllBinaryOps() {
    _Jsep.binary_ops = {};
    _Jsep.max_binop_len = 0;
    return _Jsep;
  }
  /**
   * @method removeLiteral
   * @param {string} literal_name The name of the literal to remove
   * @returns {Jsep}
   */
  static removeLiteral(literal_name) {
    delete _Jsep.literals[literal_name];
    return _Jsep;
  }
  /**
   * @method removeAllLiterals
   * @returns {Jsep}
   */
  static removeAllLiterals() {
    _Jsep.literals = {};
    return _Jsep;
  }
  // ==================== END CONFIG ============================
  /**
   * @returns {string}
   */
  get char() {
    return this.expr.charAt(this.index);
  }
  /**
   * @returns {number}
   */
  get code() {
    return this.expr.charCodeAt(this.index);
  }
  /**
   * @param {string} expr a string with the passed in express
   * @returns Jsep
   */
  constructor(expr) {
    this.expr = expr;
    this.index = 0;
  }
  /**
   * static top-level parser
   * @returns {jsep.Expression}
   */
  static parse(expr) {
    return new _Jsep(expr).parse();
  }
  /**
   * Get the longest key length of any object
   * @param {object} obj
   * @returns {number}
   */
  static getMaxKeyLen(obj) {
    return Math.max(0, ...Object.keys(obj).map((k) => k.length));
  }
  /**
   * `ch` is a character code in the next three functions
   * @param {number} ch
   * @returns {boolean}
   */
  static isDecimalDigit(ch) {
    return ch >= 48 && ch <= 57;
  }
  /**
   * Returns the precedence of a binary operator or `0` if it isn't a binary operator. Can be float.
   * @param {string} op_val
   * @returns {number}
   */
  static binaryPrecedence(op_val) {
    return _Jsep.binary_ops[op_val] || 0;
  }
  /**
   * Looks for start of identifier
   * @param {number} ch
   * @returns {boolean}
   */
  static isIdentifierStart(ch) {
    return ch >= 65 && ch <= 90 || // A...Z
    ch >= 97 && ch <= 122 || // a...z
    ch >= 128 && !_Jsep.binary_ops[String.fromCharCode(ch)] || // any non-ASCII that is not an operator
    _Jsep.additional_identifier_chars.has(String.fromCharCode(ch));
  }
  /**
   * @param {number} ch
   * @returns {boolean}
   */
  static isIdentifierPart(ch) {
    return _Jsep.isIdentifierStart(ch) || _Jsep.isDecimalDigit(ch);
  }
  /**
   * throw error at index of the expression
   * @param {string} message
   * @throws
   */
  throwError(message) {
    const error = new Error(message + " at character " + this.index);
    error.index = this.index;
    error.description = message;
    throw error;
  }
  /**
   * Run a given hook
   * @param {string} name
   * @param {jsep.Expression|false} [node]
   * @returns {?jsep.Expression}
   */
  runHook(name, node) {
    if (_Jsep.hooks[name]) {
      const env = {
        context: this,
        node
      };
      _Jsep.hooks.run(name, env);
      return env.node;
    }
    return node;
  }
  /**
   * Runs a given hook until one returns a node
   * @param {string} name
   * @returns {?jsep.Expression}
   */
  searchHook(name) {
    if (_Jsep.hooks[name]) {
      const env = {
        context: this
      };
      _Jsep.hooks[name].find(function(callback) {
        callback.call(env.context, env);
        return env.node;
      });
      return env.node;
    }
  }
  /**
   * Push `index` up to the next non-space character
   */
  gobbleSpaces() {
    let ch = this.code;
    while (ch === _Jsep.SPACE_CODE || ch === _Jsep.TAB_CODE || ch === _Jsep.LF_CODE || ch === _Jsep.CR_CODE) {
      ch = this.expr.charCodeAt(++this.index);
    }
    this.runHook("gobble-spaces");
  }
  /**
   * Top-level method to parse all expressions and returns compound or single node
   * @returns {jsep.Expression}
   */
  parse() {
    this.runHook("before-all");
    const nodes = this.gobbleExpressions();
    const node = nodes.length === 1 ? nodes[0] : {
      type: _Jsep.COMPOUND,
      body: nodes
    };
    return this.runHook("after-all", node);
  }
  /**
   * top-level parser (but can be reused within as well)
   * @param {number} [untilICode]
   * @returns {jsep.Expression[]}
   */
  gobbleExpressions(untilICode) {
    let nodes = [], ch_i, node;
    while (this.index < this.expr.length) {
      ch_i = this.code;
      if (ch_i === _Jsep.SEMCOL_CODE || ch_i === _Jsep.COMMA_CODE) {
        this.index++;
      } else {
        if (node = this.gobbleExpression()) {
          nodes.push(node);
        } else if (this.index < this.expr.length) {
          if (ch_i === untilICode) {
            break;
          }
          this.throwError('Unexpected "' + this.char + '"');
        }
      }
    }
    return nodes;
  }
  /**
   * The main parsing function.
   * @returns {?jsep.Expression}
   */
  gobbleExpression() {
    const node = this.searchHook("gobble-expression") || this.gobbleBinaryExpression();
    this.gobbleSpaces();
    return this.runHook("after-expression", node);
  }
  /**
   * Search for the operation portion of the string (e.g. `+`, `===`)
   * Start by taking the longest possible binary operations (3 characters: `===`, `!==`, `>>>`)
   * and move down from 3 to 2 to 1 character until a matching binary operation is found
   * then, return that binary operation
   * @returns {string|boolean}
   */
  gobbleBinaryOp() {
    this.gobbleSpaces();
    let to_check = this.expr.substr(this.index, _Jsep.max_binop_len);
    let tc_len = to_check.length;
    while (tc_len > 0) {
      if (_Jsep.binary_ops.hasOwnProperty(to_check) && (!_Jsep.isIdentifierStart(this.code) || this.index + to_check.length < this.expr.length && !_Jsep.isIdentifierPart(this.expr.charCodeAt(this.index + to_check.length)))) {
        this.index += tc_len;
        return to_check;
      }
      to_check = to_check.substr(0, --tc_len);
    }
    return false;
  }
  /**
   * This function is responsible for gobbling an individual expression,
   * e.g. `1`, `1+2`, `a+(b*2)-Math.sqrt(2)`
   * @returns {?jsep.BinaryExpression}
   */
  gobbleBinaryExpression() {
    let node, biop, prec, stack, biop_info, left, right, i, cur_biop;
    left = this.gobbleToken();
    if (!left) {
      return left;
    }
    biop = this.gobbleBinaryOp();
    if (!biop) {
      return left;
    }
    biop_info = {
      value: biop,
      prec: _Jsep.binaryPrecedence(biop),
      right_a: _Jsep.right_associative.has(biop)
    };
    right = this.gobbleToken();
    if (!right) {
      this.throwError("Expected expression after " + biop);
    }
    stack = [left, biop_info, right];
    while (biop = this.gobbleBinaryOp()) {
      prec = _Jsep.binaryPrecedence(biop);
      if (prec === 0) {
        this.index -= biop.length;
        break;
      }
      biop_info = {
        value: biop,
        prec,
        right_a: _Jsep.right_associative.has(biop)
      };
      cur_biop = biop;
      const comparePrev = (prev) => biop_info.right_a && prev.right_a ? prec > prev.prec : prec <= prev.prec;
      while (stack.length > 2 && comparePrev(stack[stack.length - 2])) {
        right = stack.pop();
        biop = stack.pop().value;
        left = stack.pop();
        node = {
          type: _Jsep.BINARY_EXP,
          operator: biop,
          left,
          right
        };
        stack.push(node);
      }
      node = this.gobbleToken();
      if (!node) {
        this.throwError("Expected expression after " + cur_biop);
      }
      stack.push(biop_info, node);
    }
    i = stack.length - 1;
    node = stack[i];
    while (i > 1) {
      node = {
        type: _Jsep.BINARY_EXP,
        operator: stack[i - 1].value,
        left: stack[i - 2],
        right: node
      };
      i -= 2;
    }
    return node;
  }
  /**
   * An individual part of a binary expression:
   * e.g. `foo.bar(baz)`, `1`, `"abc"`, `(a % 2)` (because it's in parenthesis)
   * @returns {boolean|jsep.Expression}
   */
  gobbleToken() {
    let ch, to_check, tc_len, node;
    this.gobbleSpaces();
    node = this.searchHook("gobble-token");
    if (node) {
      return this.runHook("after-token", node);
    }
    ch = this.code;
    if (_Jsep.isDecimalDigit(ch) || ch === _Jsep.PERIOD_CODE) {
      return this.gobbleNumericLiteral();
    }
    if (ch === _Jsep.SQUOTE_CODE || ch === _Jsep.DQUOTE_CODE) {
      node = this.gobbleStringLiteral();
    } else if (ch === _Jsep.OBRACK_CODE) {
      node = this.gobbleArray();
    } else {
      to_check = this.expr.substr(this.index, _Jsep.max_unop_len);
      tc_len = to_check.length;
      while (tc_len > 0) {
        if (_Jsep.unary_ops.hasOwnProperty(to_check) && (!_Jsep.isIdentifierStart(this.code) || this.index + to_check.length < this.expr.length && !_Jsep.isIdentifierPart(this.expr.charCodeAt(this.index + to_check.length)))) {
          this.index += tc_len;
          const argument = this.gobbleToken();
          if (!argument) {
            this.throwError("missing unaryOp argument");
          }
          return this.runHook("after-token", {
            type: _Jsep.UNARY_EXP,
            operator: to_check,
            argument,
            prefix: true
          });
        }
        to_check = to_check.substr(0, --tc_len);
      }
      if (_Jsep.isIdentifierStart(ch)) {
        node = this.gobbleIdentifier();
        if (_Jsep.literals.hasOwnProperty(node.name)) {
          node = {
            type: _Jsep.LITERAL,
            value: _Jsep.literals[node.name],
            raw: node.name
          };
        } else if (node.name === _Jsep.this_str) {
          node = {
            type: _Jsep.THIS_EXP
          };
        }
      } else if (ch === _Jsep.OPAREN_CODE) {
        node = this.gobbleGroup();
      }
    }
    if (!node) {
      return this.runHook("after-token", false);
    }
    node = this.gobbleTokenProperty(node);
    return this.runHook("after-token", node);
  }
  /**
   * Gobble properties of of identifiers/strings/arrays/groups.
   * e.g. `foo`, `bar.baz`, `foo['bar'].baz`
   * It also gobbles function calls:
   * e.g. `Math.acos(obj.angle)`
   * @param {jsep.Expression} node
   * @returns {jsep.Expression}
   */
  gobbleTokenProperty(node) {
    this.gobbleSpaces();
    let ch = this.code;
    while (ch === _Jsep.PERIOD_CODE || ch === _Jsep.OBRACK_CODE || ch === _Jsep.OPAREN_CODE || ch === _Jsep.QUMARK_CODE) {
      let optional;
      if (ch === _Jsep.QUMARK_CODE) {
        if (this.expr.charCodeAt(this.index + 1) !== _Jsep.PERIOD_CODE) {
          break;
        }
        optional = true;
        this.index += 2;
        this.gobbleSpaces();
        ch = this.code;
      }
      this.index++;
      if (ch === _Jsep.OBRACK_CODE) {
        node = {
          type: _Jsep.MEMBER_EXP,
          computed: true,
          object: node,
          property: this.gobbleExpression()
        };
        if (!node.property) {
          this.throwError('Unexpected "' + this.char + '"');
        }
        this.gobbleSpaces();
        ch = this.code;
        if (ch !== _Jsep.CBRACK_CODE) {
          this.throwError("Unclosed [");
        }
        this.index++;
      } else if (ch === _Jsep.OPAREN_CODE) {
        node = {
          type: _Jsep.CALL_EXP,
          "arguments": this.gobbleArguments(_Jsep.CPAREN_CODE),
          callee: node
        };
      } else if (ch === _Jsep.PERIOD_CODE || optional) {
        if (optional) {
          this.index--;
        }
        this.gobbleSpaces();
        node = {
          type: _Jsep.MEMBER_EXP,
          computed: false,
          object: node,
          property: this.gobbleIdentifier()
        };
      }
      if (optional) {
        node.optional = true;
      }
      this.gobbleSpaces();
      ch = this.code;
    }
    return node;
  }
  /**
   * Parse simple numeric literals: `12`, `3.4`, `.5`. Do this by using a string to
   * keep track of everything in the numeric literal and then calling `parseFloat` on that string
   * @returns {jsep.Literal}
   */
  gobbleNumericLiteral() {
    let number = "", ch, chCode;
    while (_Jsep.isDecimalDigit(this.code)) {
      number += this.expr.charAt(this.index++);
    }
    if (this.code === _Jsep.PERIOD_CODE) {
      number += this.expr.charAt(this.index++);
      while (_Jsep.isDecimalDigit(this.code)) {
        number += this.expr.charAt(this.index++);
      }
    }
    ch = this.char;
    if (ch === "e" || ch === "E") {
      number += this.expr.charAt(this.index++);
      ch = this.char;
      if (ch === "+" || ch === "-") {
        number += this.expr.charAt(this.index++);
      }
      while (_Jsep.isDecimalDigit(this.code)) {
        number += this.expr.charAt(this.index++);
      }
      if (!_Jsep.isDecimalDigit(this.expr.charCodeAt(this.index - 1))) {
        this.throwError("Expected exponent (" + number + this.char + ")");
      }
    }
    chCode = this.code;
    if (_Jsep.isIdentifierStart(chCode)) {
      this.throwError("Variable names cannot start with a number (" + number + this.char + ")");
    } else if (chCode === _Jsep.PERIOD_CODE || number.length === 1 && number.charCodeAt(0) === _Jsep.PERIOD_CODE) {
      this.throwError("Unexpected period");
    }
    return {
      type: _Jsep.LITERAL,
      value: parseFloat(number),
      raw: number
    };
  }
  /**
   * Parses a string literal, staring with single or double quotes with basic support for escape codes
   * e.g. `"hello world"`, `'this is\nJSEP'`
   * @returns {jsep.Literal}
   */
  gobbleStringLiteral() {
    let str = "";
    const startIndex = this.index;
    const quote = this.expr.charAt(this.index++);
    let closed = false;
    while (this.index < this.expr.length) {
      let ch = this.expr.charAt(this.index++);
      if (ch === quote) {
        closed = true;
        break;
      } else if (ch === "\\") {
        ch = this.expr.charAt(this.index++);
        switch (ch) {
          case "n":
            str += "\n";
            break;
          case "r":
            str += "\r";
            break;
          case "t":
            str += "	";
            break;
          case "b":
            str += "\b";
            break;
          case "f":
            str += "\f";
            break;
          case "v":
            str += "\v";
            break;
          default:
            str += ch;
        }
      } else {
        str += ch;
      }
    }
    if (!closed) {
      this.throwError('Unclosed quote after "' + str + '"');
    }
    return {
      type: _Jsep.LITERAL,
      value: str,
      raw: this.expr.substring(startIndex, this.index)
    };
  }
  /**
   * Gobbles only identifiers
   * e.g.: `foo`, `_value`, `$x1`
   * Also, this function checks if that identifier is a literal:
   * (e.g. `true`, `false`, `null`) or `this`
   * @returns {jsep.Identifier}
   */
  gobbleIdentifier() {
    let ch = this.code, start = this.index;
    if (_Jsep.isIdentifierStart(ch)) {
      this.index++;
    } else {
      this.throwError("Unexpected " + this.char);
    }
    while (this.index < this.expr.length) {
      ch = this.code;
      if (_Jsep.isIdentifierPart(ch)) {
        this.index++;
      } else {
        break;
      }
    }
    return {
      type: _Jsep.IDENTIFIER,
      name: this.expr.slice(start, this.index)
    };
  }
  /**
   * Gobbles a list of arguments within the context of a function call
   * or array literal. This function also assumes that the opening character
   * `(` or `[` has already been gobbled, and gobbles expressions and commas
   * until the terminator character `)` or `]` is encountered.
   * e.g. `foo(bar, baz)`, `my_func()`, or `[bar, baz]`
   * @param {number} termination
   * @returns {jsep.Expression[]}
   */
  gobbleArguments(termination) {
    const args = [];
    let closed = false;
    let separator_count = 0;
    while (this.index < this.expr.length) {
      this.gobbleSpaces();
      let ch_i = this.code;
      if (ch_i === termination) {
        closed = true;
        this.index++;
        if (termination === _Jsep.CPAREN_CODE && separator_count && separator_count >= args.length) {
          this.throwError("Unexpected token " + String.fromCharCode(termination));
        }
        break;
      } else if (ch_i === _Jsep.COMMA_CODE) {
        this.index++;
        separator_count++;
        if (separator_count !== args.length) {
          if (termination === _Jsep.CPAREN_CODE) {
            this.throwError("Unexpected token ,");
          } else if (termination === _Jsep.CBRACK_CODE) {
            for (let arg = args.length; arg < separator_count; arg++) {
              args.push(null);
            }
          }
        }
      } else if (args.length !== separator_count && separator_count !== 0) {
        this.throwError("Expected comma");
      } else {
        const node = this.gobbleExpression();
        if (!node || node.type === _Jsep.COMPOUND) {
          this.throwError("Expected comma");
        }
        args.push(node);
      }
    }
    if (!closed) {
      this.throwError("Expected " + String.fromCharCode(termination));
    }
    return args;
  }
  /**
   * Responsible for parsing a group of things within parentheses `()`
   * that have no identifier in front (so not a function call)
   * This function assumes that it needs to gobble the opening parenthesis
   * and then tries to gobble everything within that parenthesis, assuming
   * that the next thing it should see is the close parenthesis. If not,
   * then the expression probably doesn't have a `)`
   * @returns {boolean|jsep.Expression}
   */
  gobbleGroup() {
    this.index++;
    let nodes = this.gobbleExpressions(_Jsep.CPAREN_CODE);
    if (this.code === _Jsep.CPAREN_CODE) {
      this.index++;
      if (nodes.length === 1) {
        return nodes[0];
      } else if (!nodes.length) {
        return false;
      } else {
        return {
          type: _Jsep.SEQUENCE_EXP,
          expressions: nodes
        };
      }
    } else {
      this.throwError("Unclosed (");
    }
  }
  /**
   * Responsible for parsing Array literals `[1, 2, 3]`
   * This function assumes that it needs to gobble the opening bracket
   * and then tries to gobble the expressions as arguments.
   * @returns {jsep.ArrayExpression}
   */
  gobbleArray() {
    this.index++;
    return {
      type: _Jsep.ARRAY_EXP,
      elements: this.gobbleArguments(_Jsep.CBRACK_CODE)
    };
  }
};
var hooks = new Hooks();
Object.assign(Jsep, {
  hooks,
  plugins: new Plugins(Jsep),
  // Node Types
  // ----------
  // This is the full set of types that any JSEP node can be.
  // Store them here to save space when minified
  COMPOUND: "Compound",
  SEQUENCE_EXP: "SequenceExpression",
  IDENTIFIER: "Identifier",
  MEMBER_EXP: "MemberExpression",
  LITERAL: "Literal",
  THIS_EXP: "ThisExpression",
  CALL_EXP: "CallExpression",
  UNARY_EXP: "UnaryExpression",
  BINARY_EXP: "BinaryExpression",
  ARRAY_EXP: "ArrayExpression",
  TAB_CODE: 9,
  LF_CODE: 10,
  CR_CODE: 13,
  SPACE_CODE: 32,
  PERIOD_CODE: 46,
  // '.'
  COMMA_CODE: 44,
  // ','
  SQUOTE_CODE: 39,
  // single quote
  DQUOTE_CODE: 34,
  // double quotes
  OPAREN_CODE: 40,
  // (
  CPAREN_CODE: 41,
  // )
  OBRACK_CODE: 91,
  // [
  CBRACK_CODE: 93,
  // ]
  QUMARK_CODE: 63,
  // ?
  SEMCOL_CODE: 59,
  // ;
  COLON_CODE: 58,
  // :
  // Operations
  // ----------
  // Use a quickly-accessible map to store all of the unary operators
  // Values are set to `1` (it really doesn't matter)
  unary_ops: {
    "-": 1,
    "!": 1,
    "~": 1,
    "+": 1
  },
  // Also use a map for the binary operations but set their values to their
  // binary precedence for quick reference (higher number = higher precedence)
  // see [Order of operations](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Operators/Operator_Precedence)
  binary_ops: {
    "||": 1,
    "??": 1,
    "&&": 2,
    "|": 3,
    "^": 4,
    "&": 5,
    "==": 6,
    "!=": 6,
    "===": 6,
    "!==": 6,
    "<": 7,
    ">": 7,
    "<=": 7,
    ">=": 7,
    "<<": 8,
    ">>": 8,
    ">>>": 8,
    "+": 9,
    "-": 9,
    "*": 10,
    "/": 10,
    "%": 10,
    "**": 11
  },
  // sets specific binary_ops as right-associative
  right_associative: /* @__PURE__ */ new Set(["**"]),
  // Additional valid identifier chars, apart from a-z, A-Z and 0-9 (except on the starting char)
  additional_identifier_chars: /* @__PURE__ */ new Set(["$", "_"]),
  // Literals
  // ----------
  // Store the values to return for the various literals we may encounter
  literals: {
    "true": true,
    "false": false,
    "null": null
  },
  // Except for `this`, which is special. This could be changed to something like `'self'` as well
  this_str: "this"
});
Jsep.max_unop_len = Jsep.getMaxKeyLen(Jsep.unary_ops);
Jsep.max_binop_len = Jsep.getMaxKeyLen(Jsep.binary_ops);
var jsep = (expr) => new Jsep(expr).parse();
var stdClassProps = Object.getOwnPropertyNames(class Test {
});
Object.getOwnPropertyNames(Jsep).filter((prop) => !stdClassProps.includes(prop) && jsep[prop] === void 0).forEach((m) => {
  jsep[m] = Jsep[m];
});
jsep.Jsep = Jsep;
var CONDITIONAL_EXP = "ConditionalExpression";
var ternary = {
  name: "ternary",
  init(jsep2) {
    jsep2.hooks.add("after-expression", function gobbleTernary(env) {
      if (env.node && this.code === jsep2.QUMARK_CODE) {
        this.index++;
        const test = env.node;
        const consequent = this.gobbleExpression();
        if (!consequent) {
          this.throwError("Expected expression");
        }
        this.gobbleSpaces();
        if (this.code === jsep2.COLON_CODE) {
          this.index++;
          const alternate = this.gobbleExpression();
          if (!alternate) {
            this.throwError("Expected expression");
          }
          env.node = {
            type: CONDITIONAL_EXP,
            test,
            consequent,
            alternate
          };
          if (test.operator && jsep2.binary_ops[test.operator] <= 0.9) {
            let newTest = test;
            while (newTest.right.operator && jsep2.binary_ops[newTest.right.operator] <= 0.9) {
              newTest = newTest.right;
            }
            env.node.test = newTest.right;
            newTest.right = env.node;
            env.node = test;
          }
        } else {
          this.throwError("Expected :");
        }
      }
    });
  }
};
jsep.plugins.register(ternary);
var FSLASH_CODE = 47;
var BSLASH_CODE = 92;
var index = {
  name: "regex",
  init(jsep2) {
    jsep2.hooks.add("gobble-token", function gobbleRegexLiteral(env) {
      if (this.code === FSLASH_CODE) {
        const patternIndex = ++this.index;
        let inCharSet = false;
        while (this.index < this.expr.length) {
          if (this.code === FSLASH_CODE && !inCharSet) {
            const pattern = this.expr.slice(patternIndex, this.index);
            let flags = "";
            while (++this.index < this.expr.length) {
              const code = this.code;
              if (code >= 97 && code <= 122 || code >= 65 && code <= 90 || code >= 48 && code <= 57) {
                flags += this.char;
              } else {
                break;
              }
            }
            let value;
            try {
              value = new RegExp(pattern, flags);
            } catch (e) {
              this.throwError(e.message);
            }
            env.node = {
              type: jsep2.LITERAL,
              value,
              raw: this.expr.slice(patternIndex - 1, this.index)
            };
            env.node = this.gobbleTokenProperty(env.node);
            return env.node;
          }
          if (this.code === jsep2.OBRACK_CODE) {
            inCharSet = true;
          } else if (inCharSet && this.code === jsep2.CBRACK_CODE) {
            inCharSet = false;
          }
          this.index += this.code === BSLASH_CODE ? 2 : 1;
        }
        this.throwError("Unclosed Regex");
      }
    });
  }
};
var PLUS_CODE = 43;
var MINUS_CODE = 45;
var plugin = {
  name: "assignment",
  assignmentOperators: /* @__PURE__ */ new Set(["=", "*=", "**=", "/=", "%=", "+=", "-=", "<<=", ">>=", ">>>=", "&=", "^=", "|=", "||=", "&&=", "??="]),
  updateOperators: [PLUS_CODE, MINUS_CODE],
  assignmentPrecedence: 0.9,
  init(jsep2) {
    const updateNodeTypes = [jsep2.IDENTIFIER, jsep2.MEMBER_EXP];
    plugin.assignmentOperators.forEach((op) => jsep2.addBinaryOp(op, plugin.assignmentPrecedence, true));
    jsep2.hooks.add("gobble-token", function gobbleUpdatePrefix(env) {
      const code = this.code;
      if (plugin.updateOperators.some((c) => c === code && c === this.expr.charCodeAt(this.index + 1))) {
        this.index += 2;
        env.node = {
          type: "UpdateExpression",
          operator: code === PLUS_CODE ? "++" : "--",
          argument: this.gobbleTokenProperty(this.gobbleIdentifier()),
          prefix: true
        };
        if (!env.node.argument || !updateNodeTypes.includes(env.node.argument.type)) {
          this.throwError(`Unexpected ${env.node.operator}`);
        }
      }
    });
    jsep2.hooks.add("after-token", function gobbleUpdatePostfix(env) {
      if (env.node) {
        const code = this.code;
        if (plugin.updateOperators.some((c) => c === code && c === this.expr.charCodeAt(this.index + 1))) {
          if (!updateNodeTypes.includes(env.node.type)) {
            this.throwError(`Unexpected ${env.node.operator}`);
          }
          this.index += 2;
          env.node = {
            type: "UpdateExpression",
            operator: code === PLUS_CODE ? "++" : "--",
            argument: env.node,
            prefix: false
          };
        }
      }
    });
    jsep2.hooks.add("after-expression", function gobbleAssignment(env) {
      if (env.node) {
        updateBinariesToAssignments(env.node);
      }
    });
    function updateBinariesToAssignments(node) {
      if (plugin.assignmentOperators.has(node.operator)) {
        node.type = "AssignmentExpression";
        updateBinariesToAssignments(node.left);
        updateBinariesToAssignments(node.right);
      } else if (!node.operator) {
        Object.values(node).forEach((val) => {
          if (val && typeof val === "object") {
            updateBinariesToAssignments(val);
          }
        });
      }
    }
  }
};
jsep.plugins.register(index, plugin);
jsep.addUnaryOp("typeof");
jsep.addUnaryOp("void");
jsep.addLiteral("null", null);
jsep.addLiteral("undefined", void 0);
var BLOCKED_PROTO_PROPERTIES = /* @__PURE__ */ new Set(["constructor", "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"]);
var SafeEval = {
  /**
   * @param {jsep.Expression} ast
   * @param {Record<string, any>} subs
   */
  evalAst(ast, subs) {
    switch (ast.type) {
      case "BinaryExpression":
      case "LogicalExpression":
        return SafeEval.evalBinaryExpression(ast, subs);
      case "Compound":
        return SafeEval.evalCompound(ast, subs);
      case "ConditionalExpression":
        return SafeEval.evalConditionalExpression(ast, subs);
      case "Identifier":
        return SafeEval.evalIdentifier(ast, subs);
      case "Literal":
        return SafeEval.evalLiteral(ast, subs);
      case "MemberExpression":
        return SafeEval.evalMemberExpression(ast, subs);
      case "UnaryExpression":
        return SafeEval.evalUnaryExpression(ast, subs);
      case "ArrayExpression":
        return SafeEval.evalArrayExpression(ast, subs);
      case "CallExpression":
        return SafeEval.evalCallExpression(ast, subs);
      case "AssignmentExpression":
        return SafeEval.evalAssignmentExpression(ast, subs);
      default:
        throw SyntaxError("Unexpected expression", ast);
    }
  },
  evalBinaryExpression(ast, subs) {
    const result = {
      "||": (a, b) => a || b(),
      "&&": (a, b) => a && b(),
      "|": (a, b) => a | b(),
      "^": (a, b) => a ^ b(),
      "&": (a, b) => a & b(),
      // eslint-disable-next-line eqeqeq -- API
      "==": (a, b) => a == b(),
      // eslint-disable-next-line eqeqeq -- API
      "!=": (a, b) => a != b(),
      "===": (a, b) => a === b(),
      "!==": (a, b) => a !== b(),
      "<": (a, b) => a < b(),
      ">": (a, b) => a > b(),
      "<=": (a, b) => a <= b(),
      ">=": (a, b) => a >= b(),
      "<<": (a, b) => a << b(),
      ">>": (a, b) => a >> b(),
      ">>>": (a, b) => a >>> b(),
      "+": (a, b) => a + b(),
      "-": (a, b) => a - b(),
      "*": (a, b) => a * b(),
      "/": (a, b) => a / b(),
      "%": (a, b) => a % b()
    }[ast.operator](SafeEval.evalAst(ast.left, subs), () => SafeEval.evalAst(ast.right, subs));
    return result;
  },
  evalCompound(ast, subs) {
    let last;
    for (let i = 0; i < ast.body.length; i++) {
      if (ast.body[i].type === "Identifier" && ["var", "let", "const"].includes(ast.body[i].name) && ast.body[i + 1] && ast.body[i + 1].type === "AssignmentExpression") {
        i += 1;
      }
      const expr = ast.body[i];
      last = SafeEval.evalAst(expr, subs);
    }
    return last;
  },
  evalConditionalExpression(ast, subs) {
    if (SafeEval.evalAst(ast.test, subs)) {
      return SafeEval.evalAst(ast.consequent, subs);
    }
    return SafeEval.evalAst(ast.alternate, subs);
  },
  evalIdentifier(ast, subs) {
    if (Object.hasOwn(subs, ast.name)) {
      return subs[ast.name];
    }
    throw ReferenceError(`${ast.name} is not defined`);
  },
  evalLiteral(ast) {
    return ast.value;
  },
  evalMemberExpression(ast, subs) {
    const prop = String(
      // NOTE: `String(value)` throws error when
      // value has overwritten the toString method to return non-string
      // i.e. `value = {toString: () => []}`
      ast.computed ? SafeEval.evalAst(ast.property) : ast.property.name
      // `object.property` property is Identifier
    );
    const obj = SafeEval.evalAst(ast.object, subs);
    if (obj === void 0 || obj === null) {
      throw TypeError(`Cannot read properties of ${obj} (reading '${prop}')`);
    }
    if (!Object.hasOwn(obj, prop) && BLOCKED_PROTO_PROPERTIES.has(prop)) {
      throw TypeError(`Cannot read properties of ${obj} (reading '${prop}')`);
    }
    const result = obj[prop];
    if (typeof result === "function") {
      return result.bind(obj);
    }
    return result;
  },
  evalUnaryExpression(ast, subs) {
    const result = {
      "-": (a) => -SafeEval.evalAst(a, subs),
      "!": (a) => !SafeEval.evalAst(a, subs),
      "~": (a) => ~SafeEval.evalAst(a, subs),
      // eslint-disable-next-line no-implicit-coercion -- API
      "+": (a) => +SafeEval.evalAst(a, subs),
      typeof: (a) => typeof SafeEval.evalAst(a, subs),
      // eslint-disable-next-line no-void, sonarjs/void-use -- feature
      void: (a) => void SafeEval.evalAst(a, subs)
    }[ast.operator](ast.argument);
    return result;
  },
  evalArrayExpression(ast, subs) {
    return ast.elements.map((el) => SafeEval.evalAst(el, subs));
  },
  evalCallExpression(ast, subs) {
    const args = ast.arguments.map((arg) => SafeEval.evalAst(arg, subs));
    const func = SafeEval.evalAst(ast.callee, subs);
    if (func === Function) {
      throw new Error("Function constructor is disabled");
    }
    return func(...args);
  },
  evalAssignmentExpression(ast, subs) {
    if (ast.left.type !== "Identifier") {
      throw SyntaxError("Invalid left-hand side in assignment");
    }
    const id = ast.left.name;
    const value = SafeEval.evalAst(ast.right, subs);
    subs[id] = value;
    return subs[id];
  }
};
var SafeScript = class {
  /**
   * @param {string} expr Expression to evaluate
   */
  constructor(expr) {
    this.code = expr;
    this.ast = jsep(this.code);
  }
  /**
   * @param {object} context Object whose items will be added
   *   to evaluation
   * @returns {EvaluatedResult} Result of evaluated code
   */
  runInNewContext(context) {
    const keyMap = Object.assign(/* @__PURE__ */ Object.create(null), context);
    return SafeEval.evalAst(this.ast, keyMap);
  }
};
function push(arr, item) {
  arr = arr.slice();
  arr.push(item);
  return arr;
}
function unshift(item, arr) {
  arr = arr.slice();
  arr.unshift(item);
  return arr;
}
var NewError = class extends Error {
  /**
   * @param {AnyResult} value The evaluated scalar value
   */
  constructor(value) {
    super('JSONPath should not be called with "new" (it prevents return of (unwrapped) scalar values)');
    this.avoidNew = true;
    this.value = value;
    this.name = "NewError";
  }
};
function JSONPath(opts, expr, obj, callback, otherTypeCallback) {
  if (!(this instanceof JSONPath)) {
    try {
      return new JSONPath(opts, expr, obj, callback, otherTypeCallback);
    } catch (e) {
      if (!e.avoidNew) {
        throw e;
      }
      return e.value;
    }
  }
  if (typeof opts === "string") {
    otherTypeCallback = callback;
    callback = obj;
    obj = expr;
    expr = opts;
    opts = null;
  }
  const optObj = opts && typeof opts === "object";
  opts = opts || {};
  this.json = opts.json || obj;
  this.path = opts.path || expr;
  this.resultType = opts.resultType || "value";
  this.flatten = opts.flatten || false;
  this.wrap = Object.hasOwn(opts, "wrap") ? opts.wrap : true;
  this.sandbox = opts.sandbox || {};
  this.eval = opts.eval === void 0 ? "safe" : opts.eval;
  this.ignoreEvalErrors = typeof opts.ignoreEvalErrors === "undefined" ? false : opts.ignoreEvalErrors;
  this.parent = opts.parent || null;
  this.parentProperty = opts.parentProperty || null;
  this.callback = opts.callback || callback || null;
  this.otherTypeCallback = opts.otherTypeCallback || otherTypeCallback || function() {
    throw new TypeError("You must supply an otherTypeCallback callback option with the @other() operator.");
  };
  if (opts.autostart !== false) {
    const args = {
      path: optObj ? opts.path : expr
    };
    if (!optObj) {
      args.json = obj;
    } else if ("json" in opts) {
      args.json = opts.json;
    }
    const ret = this.evaluate(args);
    if (!ret || typeof ret !== "object") {
      throw new NewError(ret);
    }
    return ret;
  }
}
JSONPath.prototype.evaluate = function(expr, json, callback, otherTypeCallback) {
  let currParent = this.parent, currParentProperty = this.parentProperty;
  let {
    flatten,
    wrap
  } = this;
  this.currResultType = this.resultType;
  this.currEval = this.eval;
  this.currSandbox = this.sandbox;
  callback = callback || this.callback;
  this.currOtherTypeCallback = otherTypeCallback || this.otherTypeCallback;
  json = json || this.json;
  expr = expr || this.path;
  if (expr && typeof expr === "object" && !Array.isArray(expr)) {
    if (!expr.path && expr.path !== "") {
      throw new TypeError('You must supply a "path" property when providing an object argument to JSONPath.evaluate().');
    }
    if (!Object.hasOwn(expr, "json")) {
      throw new TypeError('You must supply a "json" property when providing an object argument to JSONPath.evaluate().');
    }
    ({
      json
    } = expr);
    flatten = Object.hasOwn(expr, "flatten") ? expr.flatten : flatten;
    this.currResultType = Object.hasOwn(expr, "resultType") ? expr.resultType : this.currResultType;
    this.currSandbox = Object.hasOwn(expr, "sandbox") ? expr.sandbox : this.currSandbox;
    wrap = Object.hasOwn(expr, "wrap") ? expr.wrap : wrap;
    this.currEval = Object.hasOwn(expr, "eval") ? expr.eval : this.currEval;
    callback = Object.hasOwn(expr, "callback") ? expr.callback : callback;
    this.currOtherTypeCallback = Object.hasOwn(expr, "otherTypeCallback") ? expr.otherTypeCallback : this.currOtherTypeCallback;
    currParent = Object.hasOwn(expr, "parent") ? expr.parent : currParent;
    currParentProperty = Object.hasOwn(expr, "parentProperty") ? expr.parentProperty : currParentProperty;
    expr = expr.path;
  }
  currParent = currParent || null;
  currParentProperty = currParentProperty || null;
  if (Array.isArray(expr)) {
    expr = JSONPath.toPathString(expr);
  }
  if (!expr && expr !== "" || !json) {
    return void 0;
  }
  const exprList = JSONPath.toPathArray(expr);
  if (exprList[0] === "$" && exprList.length > 1) {
    exprList.shift();
  }
  this._hasParentSelector = null;
  const result = this._trace(exprList, json, ["$"], currParent, currParentProperty, callback).filter(function(ea) {
    return ea && !ea.isParentSelector;
  });
  if (!result.length) {
    return wrap ? [] : void 0;
  }
  if (!wrap && result.length === 1 && !result[0].hasArrExpr) {
    return this._getPreferredOutput(result[0]);
  }
  return result.reduce((rslt, ea) => {
    const valOrPath = this._getPreferredOutput(ea);
    if (flatten && Array.isArray(valOrPath)) {
      rslt = rslt.concat(valOrPath);
    } else {
      rslt.push(valOrPath);
    }
    return rslt;
  }, []);
};
JSONPath.prototype._getPreferredOutput = function(ea) {
  const resultType = this.currResultType;
  switch (resultType) {
    case "all": {
      const path = Array.isArray(ea.path) ? ea.path : JSONPath.toPathArray(ea.path);
      ea.pointer = JSONPath.toPointer(path);
      ea.path = typeof ea.path === "string" ? ea.path : JSONPath.toPathString(ea.path);
      return ea;
    }
    case "value":
    case "parent":
    case "parentProperty":
      return ea[resultType];
    case "path":
      return JSONPath.toPathString(ea[resultType]);
    case "pointer":
      return JSONPath.toPointer(ea.path);
    default:
      throw new TypeError("Unknown result type");
  }
};
JSONPath.prototype._handleCallback = function(fullRetObj, callback, type) {
  if (callback) {
    const preferredOutput = this._getPreferredOutput(fullRetObj);
    fullRetObj.path = typeof fullRetObj.path === "string" ? fullRetObj.path : JSONPath.toPathString(fullRetObj.path);
    callback(preferredOutput, type, fullRetObj);
  }
};
JSONPath.prototype._trace = function(expr, val, path, parent, parentPropName, callback, hasArrExpr, literalPriority) {
  let retObj;
  if (!expr.length) {
    retObj = {
      path,
      value: val,
      parent,
      parentProperty: parentPropName,
      hasArrExpr
    };
    this._handleCallback(retObj, callback, "value");
    return retObj;
  }
  const loc = expr[0], x = expr.slice(1);
  const ret = [];
  function addRet(elems) {
    if (Array.isArray(elems)) {
      elems.forEach((t) => {
        ret.push(t);
      });
    } else {
      ret.push(elems);
    }
  }
  if ((typeof loc !== "string" || literalPriority) && val && Object.hasOwn(val, loc)) {
    addRet(this._trace(x, val[loc], push(path, loc), val, loc, callback, hasArrExpr));
  } else if (loc === "*") {
    this._walk(val, (m) => {
      addRet(this._trace(x, val[m], push(path, m), val, m, callback, true, true));
    });
  } else if (loc === "..") {
    addRet(this._trace(x, val, path, parent, parentPropName, callback, hasArrExpr));
    this._walk(val, (m) => {
      if (typeof val[m] === "object") {
        addRet(this._trace(expr.slice(), val[m], push(path, m), val, m, callback, true));
      }
    });
  } else if (loc === "^") {
    this._hasParentSelector = true;
    return {
      path: path.slice(0, -1),
      expr: x,
      isParentSelector: true
    };
  } else if (loc === "~") {
    retObj = {
      path: push(path, loc),
      value: parentPropName,
      parent,
      parentProperty: null
    };
    this._handleCallback(retObj, callback, "property");
    return retObj;
  } else if (loc === "$") {
    addRet(this._trace(x, val, path, null, null, callback, hasArrExpr));
  } else if (/^(-?\d*):(-?\d*):?(\d*)$/u.test(loc)) {
    addRet(this._slice(loc, x, val, path, parent, parentPropName, callback));
  } else if (loc.indexOf("?(") === 0) {
    if (this.currEval === false) {
      throw new Error("Eval [?(expr)] prevented in JSONPath expression.");
    }
    const safeLoc = loc.replace(/^\?\((.*?)\)$/u, "$1");
    const nested = /@.?([^?]*)[['](\??\(.*?\))(?!.\)\])[\]']/gu.exec(safeLoc);
    if (nested) {
      this._walk(val, (m) => {
        const npath = [nested[2]];
        const nvalue = nested[1] ? val[m][nested[1]] : val[m];
        const filterResults = this._trace(npath, nvalue, path, parent, parentPropName, callback, true);
        if (filterResults.length > 0) {
          addRet(this._trace(x, val[m], push(path, m), val, m, callback, true));
        }
      });
    } else {
      this._walk(val, (m) => {
        if (this._eval(safeLoc, val[m], m, path, parent, parentPropName)) {
          addRet(this._trace(x, val[m], push(path, m), val, m, callback, true));
        }
      });
    }
  } else if (loc[0] === "(") {
    if (this.currEval === false) {
      throw new Error("Eval [(expr)] prevented in JSONPath expression.");
    }
    addRet(this._trace(unshift(this._eval(loc, val, path.at(-1), path.slice(0, -1), parent, parentPropName), x), val, path, parent, parentPropName, callback, hasArrExpr));
  } else if (loc[0] === "@") {
    let addType = false;
    const valueType = loc.slice(1, -2);
    switch (valueType) {
      case "scalar":
        if (!val || !["object", "function"].includes(typeof val)) {
          addType = true;
        }
        break;
      case "boolean":
      case "string":
      case "undefined":
      case "function":
        if (typeof val === valueType) {
          addType = true;
        }
        break;
      case "integer":
        if (Number.isFinite(val) && !(val % 1)) {
          addType = true;
        }
        break;
      case "number":
        if (Number.isFinite(val)) {
          addType = true;
        }
        break;
      case "nonFinite":
        if (typeof val === "number" && !Number.isFinite(val)) {
          addType = true;
        }
        break;
      case "object":
        if (val && typeof val === valueType) {
          addType = true;
        }
        break;
      case "array":
        if (Array.isArray(val)) {
          addType = true;
        }
        break;
      case "other":
        addType = this.currOtherTypeCallback(val, path, parent, parentPropName);
        break;
      case "null":
        if (val === null) {
          addType = true;
        }
        break;
      /* c8 ignore next 2 */
      default:
        throw new TypeError("Unknown value type " + valueType);
    }
    if (addType) {
      retObj = {
        path,
        value: val,
        parent,
        parentProperty: parentPropName
      };
      this._handleCallback(retObj, callback, "value");
      return retObj;
    }
  } else if (loc[0] === "`" && val && Object.hasOwn(val, loc.slice(1))) {
    const locProp = loc.slice(1);
    addRet(this._trace(x, val[locProp], push(path, locProp), val, locProp, callback, hasArrExpr, true));
  } else if (loc.includes(",")) {
    const parts = loc.split(",");
    for (const part of parts) {
      addRet(this._trace(unshift(part, x), val, path, parent, parentPropName, callback, true));
    }
  } else if (!literalPriority && val && Object.hasOwn(val, loc)) {
    addRet(this._trace(x, val[loc], push(path, loc), val, loc, callback, hasArrExpr, true));
  }
  if (this._hasParentSelector) {
    for (let t = 0; t < ret.length; t++) {
      const rett = ret[t];
      if (rett && rett.isParentSelector) {
        const tmp = this._trace(rett.expr, val, rett.path, parent, parentPropName, callback, hasArrExpr);
        if (Array.isArray(tmp)) {
          ret[t] = tmp[0];
          const tl = tmp.length;
          for (let tt = 1; tt < tl; tt++) {
            t++;
            ret.splice(t, 0, tmp[tt]);
          }
        } else {
          ret[t] = tmp;
        }
      }
    }
  }
  return ret;
};
JSONPath.prototype._walk = function(val, f) {
  if (Array.isArray(val)) {
    const n = val.length;
    for (let i = 0; i < n; i++) {
      f(i);
    }
  } else if (val && typeof val === "object") {
    Object.keys(val).forEach((m) => {
      f(m);
    });
  }
};
JSONPath.prototype._slice = function(loc, expr, val, path, parent, parentPropName, callback) {
  if (!Array.isArray(val)) {
    return void 0;
  }
  const len = val.length, parts = loc.split(":"), step = parts[2] && Number.parseInt(parts[2]) || 1;
  let start = parts[0] && Number.parseInt(parts[0]) || 0, end = parts[1] && Number.parseInt(parts[1]) || len;
  start = start < 0 ? Math.max(0, start + len) : Math.min(len, start);
  end = end < 0 ? Math.max(0, end + len) : Math.min(len, end);
  const ret = [];
  for (let i = start; i < end; i += step) {
    const tmp = this._trace(unshift(i, expr), val, path, parent, parentPropName, callback, true);
    tmp.forEach((t) => {
      ret.push(t);
    });
  }
  return ret;
};
JSONPath.prototype._eval = function(code, _v, _vname, path, parent, parentPropName) {
  this.currSandbox._$_parentProperty = parentPropName;
  this.currSandbox._$_parent = parent;
  this.currSandbox._$_property = _vname;
  this.currSandbox._$_root = this.json;
  this.currSandbox._$_v = _v;
  const containsPath = code.includes("@path");
  if (containsPath) {
    this.currSandbox._$_path = JSONPath.toPathString(path.concat([_vname]));
  }
  const scriptCacheKey = this.currEval + "Script:" + code;
  if (!JSONPath.cache[scriptCacheKey]) {
    let script = code.replaceAll("@parentProperty", "_$_parentProperty").replaceAll("@parent", "_$_parent").replaceAll("@property", "_$_property").replaceAll("@root", "_$_root").replaceAll(/@([.\s)[])/gu, "_$_v$1");
    if (containsPath) {
      script = script.replaceAll("@path", "_$_path");
    }
    if (this.currEval === "safe" || this.currEval === true || this.currEval === void 0) {
      JSONPath.cache[scriptCacheKey] = new this.safeVm.Script(script);
    } else if (this.currEval === "native") {
      JSONPath.cache[scriptCacheKey] = new this.vm.Script(script);
    } else if (typeof this.currEval === "function" && this.currEval.prototype && Object.hasOwn(this.currEval.prototype, "runInNewContext")) {
      const CurrEval = this.currEval;
      JSONPath.cache[scriptCacheKey] = new CurrEval(script);
    } else if (typeof this.currEval === "function") {
      JSONPath.cache[scriptCacheKey] = {
        runInNewContext: (context) => this.currEval(script, context)
      };
    } else {
      throw new TypeError(`Unknown "eval" property "${this.currEval}"`);
    }
  }
  try {
    return JSONPath.cache[scriptCacheKey].runInNewContext(this.currSandbox);
  } catch (e) {
    if (this.ignoreEvalErrors) {
      return false;
    }
    throw new Error("jsonPath: " + e.message + ": " + code);
  }
};
JSONPath.cache = {};
JSONPath.toPathString = function(pathArr) {
  const x = pathArr, n = x.length;
  let p = "$";
  for (let i = 1; i < n; i++) {
    if (!/^(~|\^|@.*?\(\))$/u.test(x[i])) {
      p += /^[0-9*]+$/u.test(x[i]) ? "[" + x[i] + "]" : "['" + x[i] + "']";
    }
  }
  return p;
};
JSONPath.toPointer = function(pointer) {
  const x = pointer, n = x.length;
  let p = "";
  for (let i = 1; i < n; i++) {
    if (!/^(~|\^|@.*?\(\))$/u.test(x[i])) {
      p += "/" + x[i].toString().replaceAll("~", "~0").replaceAll("/", "~1");
    }
  }
  return p;
};
JSONPath.toPathArray = function(expr) {
  const {
    cache
  } = JSONPath;
  if (cache[expr]) {
    return cache[expr].concat();
  }
  const subx = [];
  const normalized = expr.replaceAll(/@(?:null|boolean|number|string|integer|undefined|nonFinite|scalar|array|object|function|other)\(\)/gu, ";$&;").replaceAll(/[['](\??\(.*?\))[\]'](?!.\])/gu, function($0, $1) {
    return "[#" + (subx.push($1) - 1) + "]";
  }).replaceAll(/\[['"]([^'\]]*)['"]\]/gu, function($0, prop) {
    return "['" + prop.replaceAll(".", "%@%").replaceAll("~", "%%@@%%") + "']";
  }).replaceAll("~", ";~;").replaceAll(/['"]?\.['"]?(?![^[]*\])|\[['"]?/gu, ";").replaceAll("%@%", ".").replaceAll("%%@@%%", "~").replaceAll(/(?:;)?(\^+)(?:;)?/gu, function($0, ups) {
    return ";" + ups.split("").join(";") + ";";
  }).replaceAll(/;;;|;;/gu, ";..;").replaceAll(/;$|'?\]|'$/gu, "");
  const exprList = normalized.split(";").map(function(exp) {
    const match = exp.match(/#(\d+)/u);
    return !match || !match[1] ? exp : subx[match[1]];
  });
  cache[expr] = exprList;
  return cache[expr].concat();
};
JSONPath.prototype.safeVm = {
  Script: SafeScript
};
JSONPath.prototype.vm = vm;

// packages/core/dist/tolerance/json-path-query.js
function jsonPathQuery(path, document) {
  const parts = splitFilters(path.trim());
  let nodes = [document];
  let afterDescent = false;
  for (const part of parts) {
    if (part.kind === "filter") {
      const test = compileFilter(part.expression);
      const selfOnly = afterDescent;
      nodes = nodes.flatMap((node) => {
        if (Array.isArray(node) && !selfOnly)
          return node.filter(test);
        if (node !== null && typeof node === "object")
          return test(node) ? [node] : [];
        return [];
      });
      afterDescent = false;
    } else {
      nodes = nodes.flatMap((node) => evaluatePlain(part.text, node));
      afterDescent = part.text.endsWith("..");
    }
  }
  return nodes;
}
function splitFilters(path) {
  const parts = [];
  let start = 0;
  let quote;
  let depth2 = 0;
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (quote) {
      if (ch === "\\")
        i++;
      else if (ch === quote)
        quote = void 0;
      continue;
    }
    if (ch === '"' || ch === "'")
      quote = ch;
    else if (ch === "[" && depth2 === 0 && path.startsWith("[?(", i)) {
      const end = findFilterEnd(path, i + 3);
      if (i > start)
        parts.push({ kind: "path", text: path.slice(start, i) });
      parts.push({ kind: "filter", expression: path.slice(i + 3, end) });
      i = end + 1;
      start = i + 1;
    } else if (ch === "[")
      depth2++;
    else if (ch === "]")
      depth2--;
  }
  if (start < path.length)
    parts.push({ kind: "path", text: path.slice(start) });
  return parts;
}
function findFilterEnd(path, from) {
  let depth2 = 1;
  let quote;
  for (let i = from; i < path.length; i++) {
    const ch = path[i];
    if (quote) {
      if (ch === "\\")
        i++;
      else if (ch === quote)
        quote = void 0;
      continue;
    }
    if (ch === '"' || ch === "'")
      quote = ch;
    else if (ch === "(")
      depth2++;
    else if (ch === ")" && --depth2 === 0) {
      if (path[i + 1] !== "]")
        break;
      return i;
    }
  }
  throw new SyntaxError(`unterminated filter in JSONPath "${path}"`);
}
function evaluatePlain(text, node) {
  let path = text.startsWith("$") ? text : `$${text}`;
  if (path === "$")
    return [node];
  const descendants = path.endsWith("..");
  if (descendants)
    path = `${path}*`;
  const found = runJsonPath(path, node);
  if (!descendants)
    return found;
  const selves = path === "$..*" ? [node] : runJsonPath(path.slice(0, -3), node);
  return [...selves, ...found];
}
function runJsonPath(path, json) {
  if (json === null || json === void 0 || typeof json !== "object") {
    return path === "$" ? [json] : [];
  }
  const result = JSONPath({ path, json, wrap: true, eval: "safe" });
  return Array.isArray(result) ? result : [];
}
function compileFilter(expression) {
  const translated = translateExpression(expression);
  return (node) => runJsonPath(`$[?(${translated})]`, [node]).length > 0;
}
function translateExpression(expression) {
  const trimmed = expression.trim();
  if (/^@(?:\.[\w-]+|\[(?:'[^']*'|"[^"]*"|\d+)\])+$/.test(trimmed))
    return `${trimmed} !== undefined`;
  return trimmed.split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/).map((chunk, index2) => {
    if (index2 % 2 === 1)
      return chunk;
    return chunk.replace(/\band\b/g, "&&").replace(/\bor\b/g, "||").replace(/\bnot\b\s*/g, "!").replace(/!==?|(?<![<>=!])={1,3}/g, (op) => op.startsWith("!") ? "!==" : "===");
  }).join("");
}

// packages/core/dist/tolerance/python-equals.js
function pythonEquals(left, right) {
  const a = left === void 0 ? null : left;
  const b = right === void 0 ? null : right;
  const na = asPythonNumber(a);
  const nb = asPythonNumber(b);
  if (na !== void 0 && nb !== void 0)
    return na === nb;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length)
      return false;
    return a.every((item, index2) => pythonEquals(item, b[index2]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length)
      return false;
    return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && pythonEquals(a[key], b[key]));
  }
  return a === b;
}
function pythonIn(value, list) {
  return list.some((item) => pythonEquals(value, item));
}
function pythonTruthy(value) {
  if (value === null || value === void 0 || value === false)
    return false;
  if (typeof value === "number")
    return value !== 0;
  if (typeof value === "string" || Array.isArray(value))
    return value.length > 0;
  if (isPlainObject(value))
    return Object.keys(value).length > 0;
  return true;
}
function asPythonNumber(value) {
  if (typeof value === "number")
    return value;
  if (typeof value === "boolean")
    return value ? 1 : 0;
  return void 0;
}

// packages/core/dist/tolerance/python-regex.js
function pythonRegex(pattern) {
  let flags = "";
  let body = pattern;
  const inline = /^\(\?([aiLmsux]+)\)/.exec(body);
  if (inline) {
    body = body.slice(inline[0].length);
    for (const flag of inline[1]) {
      if (flag === "x")
        throw new SyntaxError(`verbose flag (?x) is not supported in "${pattern}"`);
      if ("ims".includes(flag) && !flags.includes(flag))
        flags += flag;
    }
  }
  const multiline = flags.includes("m");
  let out = "";
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "\\") {
      const next = body[i + 1];
      if (!inClass && next === "A")
        out += "(?<![\\s\\S])";
      else if (!inClass && next === "Z")
        out += "(?![\\s\\S])";
      else
        out += ch + (next ?? "");
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]")
        inClass = false;
      out += ch;
      continue;
    }
    if (ch === "[") {
      inClass = true;
      out += ch;
      if (body[i + 1] === "^")
        out += body[++i];
      if (body[i + 1] === "]") {
        out += "\\]";
        i++;
      }
      continue;
    }
    if (ch === "(" && body.startsWith("(?P<", i)) {
      out += "(?<";
      i += 3;
      continue;
    }
    if (ch === "(" && body.startsWith("(?P=", i)) {
      const end = body.indexOf(")", i);
      if (end > 0) {
        out += `\\k<${body.slice(i + 4, end)}>`;
        i = end;
        continue;
      }
    }
    if (ch === "$" && !multiline) {
      out += "(?=\\n?(?![\\s\\S]))";
      continue;
    }
    out += ch;
  }
  try {
    return new RegExp(out, flags);
  } catch (error) {
    throw new SyntaxError(`invalid regular expression "${pattern}": ${error.message}`);
  }
}

// packages/core/dist/tolerance/check-tolerance.js
var met = { met: true };
var notMet = (reason) => ({ met: false, reason });
async function checkTolerance(tolerance, value, options = {}) {
  const substitute2 = options.substitute ?? ((v) => v);
  if (typeof tolerance === "boolean") {
    return pythonEquals(value, tolerance) ? met : notMet(`expected ${tolerance}, got ${formatValue(value)}`);
  }
  if (typeof tolerance === "number") {
    if (hasStatus(value)) {
      return pythonEquals(value.status, tolerance) ? met : notMet(`status ${formatValue(value.status)} is not ${tolerance}`);
    }
    return pythonEquals(value, tolerance) ? met : notMet(`value ${formatValue(value)} is not ${tolerance}`);
  }
  if (typeof tolerance === "string") {
    const expected = substitute2(tolerance);
    return pythonEquals(value, expected) ? met : notMet(`value ${formatValue(value)} is not ${formatValue(expected)}`);
  }
  if (Array.isArray(tolerance))
    return checkList(tolerance, value);
  if (isPlainObject(tolerance)) {
    const kind = tolerance.type;
    switch (kind) {
      case "probe":
        return checkProbe(tolerance, value, options);
      case "regex":
        return checkRegex(tolerance, value, substitute2);
      case "jsonpath":
        return checkJsonPath(tolerance, value, substitute2);
      case "range":
        return checkRange(tolerance, value);
      default:
        return notMet(`tolerance type ${formatValue(kind)} is unsupported (use probe, regex, jsonpath or range)`);
    }
  }
  return notMet(`unsupported tolerance ${formatValue(tolerance)}`);
}
function hasStatus(value) {
  return isPlainObject(value) && "status" in value;
}
function checkList(tolerance, value) {
  if (hasStatus(value)) {
    return pythonIn(value.status, tolerance) ? met : notMet(`status ${formatValue(value.status)} not in ${formatValue(tolerance)}`);
  }
  const [low, high] = tolerance;
  if (tolerance.length === 2 && typeof low === "number" && typeof high === "number") {
    const n = typeof value === "boolean" ? Number(value) : value;
    if (typeof n !== "number" || Number.isNaN(n)) {
      return notMet(`value ${formatValue(value)} is not a number, cannot check it against range [${low}, ${high}]`);
    }
    return low <= n && n <= high ? met : notMet(`value ${formatValue(value)} outside range [${low}, ${high}]`);
  }
  return pythonIn(value, tolerance) ? met : notMet(`value ${formatValue(value)} not in ${formatValue(tolerance)}`);
}
function pickTarget(value, target) {
  if (typeof target === "string" && target !== "" && isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, target)) {
    return value[target];
  }
  return value;
}
function checkRegex(tolerance, value, substitute2) {
  const pattern = substitute2(tolerance.pattern);
  if (typeof pattern !== "string")
    return notMet(`regex tolerance needs a string pattern, got ${formatValue(pattern)}`);
  let rx;
  try {
    rx = pythonRegex(pattern);
  } catch (error) {
    return notMet(error.message);
  }
  const subject = pickTarget(value, tolerance.target);
  if (typeof subject !== "string") {
    const hint = isPlainObject(subject) && tolerance.target === void 0 ? ' (set "target" to "body", "stdout" or "stderr")' : "";
    const where = tolerance.target === void 0 ? "the value" : `target ${formatValue(tolerance.target)}`;
    return notMet(`regex /${pattern}/ needs a string but ${where} is ${kindOf(subject)}: ${formatValue(subject)}${hint}`);
  }
  return rx.test(subject) ? met : notMet(`${formatValue(subject)} does not match /${pattern}/`);
}
function checkJsonPath(tolerance, value, substitute2) {
  const path = substitute2(tolerance.path);
  if (typeof path !== "string" || path.trim() === "")
    return notMet(`jsonpath tolerance needs a non-empty path, got ${formatValue(path)}`);
  let subject = pickTarget(value, tolerance.target);
  if (subject instanceof Uint8Array)
    subject = new TextDecoder().decode(subject);
  if (typeof subject === "string") {
    try {
      subject = JSON.parse(subject);
    } catch {
    }
  }
  let values;
  try {
    values = jsonPathQuery(path, subject);
  } catch (error) {
    return notMet(`JSONPath ${path} cannot be evaluated: ${error.message}`);
  }
  if ("expect" in tolerance) {
    const expect = substitute2(tolerance.expect);
    const wanted = Array.isArray(expect) ? expect : [expect];
    return pythonEquals(values, wanted) ? met : notMet(`JSONPath ${path} found ${formatValue(values)} but expected ${formatValue(wanted)}`);
  }
  const count = tolerance.count;
  if (count !== void 0 && count !== null) {
    return values.length === count ? met : notMet(`JSONPath ${path} matched ${values.length} value(s), expected ${formatValue(count)}`);
  }
  return values.length > 0 ? met : notMet(`JSONPath ${path} matched nothing in ${formatValue(subject)}`);
}
function checkRange(tolerance, value) {
  const range = tolerance.range;
  if (!Array.isArray(range) || range.length !== 2 || typeof range[0] !== "number" || typeof range[1] !== "number") {
    return notMet(`range tolerance needs "range": [min, max] of numbers, got ${formatValue(range)}`);
  }
  const [low, high] = range;
  const subject = pickTarget(value, tolerance.target);
  const n = toDecimal(subject);
  if (n === void 0)
    return notMet(`range [${low}, ${high}] needs a number, got ${kindOf(subject)} ${formatValue(subject)}`);
  return low <= n && n <= high ? met : notMet(`value ${formatValue(subject)} outside range [${low}, ${high}]`);
}
function toDecimal(value) {
  if (typeof value === "number")
    return Number.isNaN(value) ? void 0 : value;
  if (typeof value === "boolean")
    return value ? 1 : 0;
  if (typeof value !== "string")
    return void 0;
  const text = value.trim().replace(/(?<=\d)_(?=\d)/g, "");
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(text))
    return Number(text);
  if (/^[+-]?(?:inf|infinity)$/i.test(text))
    return text.startsWith("-") ? -Infinity : Infinity;
  return void 0;
}
async function checkProbe(probe, value, options) {
  const name = typeof probe.name === "string" ? probe.name : "tolerance probe";
  if (!options.runProbe)
    return notMet(`probe tolerance "${name}" cannot run here (no probe runner)`);
  const copy = structuredClone(probe);
  const provider = copy.provider;
  if (provider && (provider.arguments === void 0 || isPlainObject(provider.arguments))) {
    provider.arguments = { ...provider.arguments ?? {}, value };
  }
  let output;
  try {
    output = await options.runProbe(copy, value);
  } catch (error) {
    if (error instanceof FaultlineError && !(error instanceof ActivityFailedError))
      throw error;
    return notMet(`probe tolerance "${name}" failed: ${error?.message ?? String(error)}`);
  }
  return pythonTruthy(output) ? met : notMet(`probe tolerance "${name}" returned ${formatValue(output)}`);
}
function kindOf(value) {
  if (value === null)
    return "null";
  if (Array.isArray(value))
    return "an array";
  if (typeof value === "object")
    return "an object";
  return `a ${typeof value}`;
}

// packages/core/dist/substitution/substitute.js
var templatePattern = /\$(?:(\$)|([_a-z][_a-z0-9]*)|\{([_a-z][_a-z0-9]*)\}|())/gi;
var wholeBraced = /^\$\{([_a-z][_a-z0-9]*)\}$/i;
function substitute(value, configuration, secrets) {
  const lookup = createLookup(configuration ?? {}, secrets ?? {});
  return substituteWith(value, lookup);
}
function substituteString(text, configuration, secrets) {
  return substituteText(text, createLookup(configuration ?? {}, secrets ?? {}));
}
function createLookup(configuration, secrets) {
  const layers = [configuration];
  const loose = {};
  for (const [scope, entries] of Object.entries(secrets)) {
    if (isPlainObject(entries))
      layers.push(entries);
    else
      loose[scope] = entries;
  }
  layers.push(loose);
  return (name) => {
    for (const layer of layers) {
      if (Object.prototype.hasOwnProperty.call(layer, name) && layer[name] !== void 0) {
        return { found: true, value: layer[name] };
      }
    }
    return { found: false };
  };
}
function substituteWith(value, lookup) {
  if (typeof value === "string")
    return substituteText(value, lookup);
  if (Array.isArray(value))
    return value.map((item) => substituteWith(item, lookup));
  if (isPlainObject(value)) {
    const out = {};
    for (const [key, item] of Object.entries(value))
      out[key] = substituteWith(item, lookup);
    return out;
  }
  return value;
}
function substituteText(text, lookup) {
  if (!text.includes("$"))
    return text;
  const whole = wholeBraced.exec(text);
  if (whole) {
    const hit = lookup(whole[1]);
    if (hit.found)
      return hit.value;
  }
  return text.replace(templatePattern, (match, escaped, named, braced) => {
    if (escaped !== void 0)
      return "$";
    const name = named ?? braced;
    if (name === void 0)
      return match;
    const hit = lookup(name);
    return hit.found ? render(hit.value) : match;
  });
}
function render(value) {
  if (typeof value === "string")
    return value;
  if (value === null || typeof value === "object")
    return JSON.stringify(value);
  return String(value);
}

// packages/core/dist/vars/convert-to-type.js
var varTypes = ["str", "string", "int", "integer", "float", "number", "bytes", "bool", "json"];
function convertToType(type, value, what = "value") {
  switch (type ?? "str") {
    case "str":
    case "string":
    case "bytes":
      return value;
    case "int":
    case "integer":
      return toInt(value, what);
    case "float":
    case "number":
      return toFloat(value, what);
    case "bool":
      if (typeof value === "boolean")
        return value;
      return !["false", "0", "no"].includes(String(value).toLowerCase());
    case "json":
      if (value === "" || value === null || value === void 0 || typeof value !== "string")
        return value;
      try {
        return JSON.parse(value);
      } catch (error) {
        throw new UsageError(`${what}: ${JSON.stringify(value)} is not valid JSON (${error.message})`);
      }
    default:
      throw new UsageError(`${what}: unknown type "${type}"`, { hint: "types are: str, int, float, bool, json (and bytes)" });
  }
}
function toInt(value, what) {
  if (typeof value === "boolean")
    return value ? 1 : 0;
  if (typeof value === "number" && Number.isFinite(value))
    return Math.trunc(value);
  const text = typeof value === "string" ? value.trim() : "";
  if (/^[+-]?\d+(?:_\d+)*$/.test(text))
    return Number(text.replace(/_/g, ""));
  throw new UsageError(`${what}: ${JSON.stringify(value)} is not an integer`);
}
function toFloat(value, what) {
  if (typeof value === "number")
    return value;
  if (typeof value === "boolean")
    return value ? 1 : 0;
  const text = typeof value === "string" ? value.trim() : "";
  if (/^[+-]?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:e[+-]?\d+)?$/i.test(text))
    return Number(text.replace(/_/g, ""));
  if (/^[+-]?(?:inf|infinity)$/i.test(text))
    return text.startsWith("-") ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(text))
    return Number.NaN;
  throw new UsageError(`${what}: ${JSON.stringify(value)} is not a number`);
}

// packages/core/dist/configuration/resolve-configuration.js
async function resolveConfiguration(declared, options) {
  const vars = { ...options.vars ?? {} };
  const staged = [];
  for (const [key, declaredValue] of Object.entries(declared ?? {})) {
    let value = declaredValue;
    if (Object.prototype.hasOwnProperty.call(vars, key)) {
      value = vars[key];
      delete vars[key];
    }
    if (isPlainObject(value) && value.type === "env")
      staged.push([key, fromEnv(key, value, options.env), false]);
    else if (isPlainObject(value) && value.type === "probe")
      staged.push([key, value, true]);
    else
      staged.push([key, value, false]);
  }
  for (const [key, value] of Object.entries(vars)) {
    staged.push([key, isPlainObject(value) && value.type === "env" ? fromEnv(key, value, options.env) : value, false]);
  }
  const configuration = {};
  for (const [key, value, dynamic] of staged) {
    if (!dynamic) {
      configuration[key] = value;
      continue;
    }
    try {
      configuration[key] = await fromProbe(key, value, configuration, options);
    } catch (error) {
      if (error instanceof InterruptedError || error instanceof FaultlineError && error.exitCode === exitCodes.invalid)
        throw error;
      options.onWarning?.(`dynamic configuration "${key}" could not be loaded and is left out: ${error?.message ?? String(error)}`);
    }
  }
  return configuration;
}
function fromEnv(key, entry, env) {
  const envKey = entry.key;
  if (typeof envKey !== "string" || envKey === "") {
    throw new UsageError(`configuration "${key}" has type env but no "key" naming the environment variable`);
  }
  const fromEnvironment = env[envKey];
  if (fromEnvironment === void 0 && !("default" in entry)) {
    throw new UsageError(`configuration "${key}" reads environment variable ${envKey}, which is not set`, {
      code: "E_CONFIG_ENV_MISSING",
      hint: `export ${envKey}, give the entry a "default", or pass --var ${key}=...`
    });
  }
  const type = entry.env_var_type;
  return convertToType(typeof type === "string" ? type : void 0, fromEnvironment ?? entry.default, `configuration "${key}" (from ${envKey})`);
}
async function fromProbe(key, entry, soFar, options) {
  const name = typeof entry.name === "string" ? entry.name : key;
  if (!isPlainObject(entry.provider) || typeof entry.provider.type !== "string") {
    throw new UsageError(`dynamic configuration "${key}" needs a provider`);
  }
  if (!options.runProbe) {
    throw new UsageError(`dynamic configuration "${key}" needs a probe runner`, { hint: "pass runProbe to resolveConfiguration" });
  }
  const provider = substitute(entry.provider, soFar, options.secrets ?? {});
  const output = await options.runProbe(provider, { ...soFar }, name);
  switch (provider.type) {
    case "process": {
      const result = output;
      if (result?.status !== 0) {
        throw new Error(`probe "${name}" exited with ${String(result?.status)}: ${String(result?.stderr ?? "").trim()}`);
      }
      return String(result.stdout ?? "").trim();
    }
    case "http":
      return output?.body;
    default:
      return output;
  }
}

// packages/core/dist/configuration/resolve-secrets.js
function resolveSecrets(declared, options) {
  const vars = options.vars ?? {};
  const secrets = {};
  for (const [scope, entries] of Object.entries(declared ?? {})) {
    if (!isPlainObject(entries)) {
      throw new UsageError(`secrets "${scope}" must be a scope: a mapping of secret names to values`, {
        hint: `secrets:
  ${scope}:
    token: {type: env, key: MY_TOKEN}`
      });
    }
    if (typeof entries.type === "string" && (entries.type === "env" || entries.type === "vault") && "key" in entries && Object.keys(entries).every((k) => ["type", "key", "default", "path"].includes(k))) {
      throw new UsageError(`secrets "${scope}" looks like a single secret, but secrets are grouped in scopes`, {
        hint: `secrets:
  my-scope:
    ${scope}: {type: ${entries.type}, key: ${String(entries.key)}}`
      });
    }
    const overrides = isPlainObject(vars[scope]) ? vars[scope] : {};
    const resolved = {};
    for (const [name, value] of Object.entries(entries)) {
      resolved[name] = Object.prototype.hasOwnProperty.call(overrides, name) ? overrides[name] : resolveValue(value, `${scope}.${name}`, options.env);
    }
    for (const [name, value] of Object.entries(overrides))
      if (!(name in resolved))
        resolved[name] = value;
    secrets[scope] = resolved;
  }
  for (const [scope, overrides] of Object.entries(vars)) {
    if (!(scope in secrets) && isPlainObject(overrides))
      secrets[scope] = { ...overrides };
  }
  return secrets;
}
function resolveValue(value, where, env) {
  if (!isPlainObject(value))
    return value;
  if (value.type === "env") {
    const key = value.key;
    if (typeof key !== "string" || key === "")
      throw new UsageError(`secret ${where} has type env but no "key" naming the environment variable`);
    const found = env[key];
    if (found === void 0 && !("default" in value)) {
      throw new UsageError(`secret ${where} reads environment variable ${key}, which is not set`, {
        code: "E_SECRET_ENV_MISSING",
        hint: `export ${key} before running, or pass it in a --var-file under secrets`
      });
    }
    const type = value.env_var_type;
    return convertToType(typeof type === "string" ? type : void 0, found ?? value.default, `secret ${where} (from ${key})`);
  }
  if (value.type === "vault") {
    throw new UsageError(`secret ${where} uses a Vault secret, which Faultline does not support`, {
      code: "E_SECRET_VAULT",
      hint: "export the value into an environment variable (e.g. with `vault kv get -field=...`) and use {type: env, key: ...}"
    });
  }
  const nested = {};
  for (const [name, item] of Object.entries(value))
    nested[name] = resolveValue(item, `${where}.${name}`, env);
  return nested;
}

// packages/core/dist/redaction/sensitive-keys.js
var redacted = "***";
var defaultSensitiveKeys = [
  "authorization",
  "proxyauthorization",
  "cookie",
  "setcookie",
  "apikey",
  "xapikey",
  "authtoken",
  "xauthtoken",
  "token",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "bearertoken",
  "clientsecret",
  "secret",
  "secretkey",
  "secretaccesskey",
  "awssecretaccesskey",
  "password",
  "passwd",
  "privatekey"
];
function normalizeKey(key) {
  return key.toLowerCase().replace(/[-_]/g, "");
}
function sensitiveKeySet(extra = []) {
  return /* @__PURE__ */ new Set([...defaultSensitiveKeys, ...extra.map(normalizeKey)]);
}

// packages/core/dist/redaction/create-redactor.js
var minSubstringLength = 4;
function createRedactor(secrets, options = {}) {
  const values = /* @__PURE__ */ new Set();
  const numbers = /* @__PURE__ */ new Set();
  const collect = (value) => {
    if (typeof value === "string") {
      if (value !== "")
        values.add(value);
    } else if (typeof value === "number")
      numbers.add(value);
    else if (Array.isArray(value))
      value.forEach(collect);
    else if (isPlainObject(value))
      Object.values(value).forEach(collect);
  };
  collect(secrets);
  for (const key of options.configurationKeys ?? [])
    collect(options.configuration?.[key]);
  (options.extra ?? []).forEach(collect);
  const fragments = /* @__PURE__ */ new Set();
  for (const value of values) {
    if (value.length < minSubstringLength)
      continue;
    fragments.add(value);
    fragments.add(encodeURIComponent(value));
    fragments.add(JSON.stringify(value).slice(1, -1));
  }
  const pattern = fragments.size === 0 ? void 0 : new RegExp([...fragments].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|"), "g");
  const keys = sensitiveKeySet(options.configurationKeys);
  const redactString = (text) => {
    if (values.has(text))
      return redacted;
    return pattern ? text.replace(pattern, redacted) : text;
  };
  const walk = (value, seen) => {
    if (typeof value === "string")
      return redactString(value);
    if (typeof value === "number")
      return numbers.has(value) ? redacted : value;
    if (value === null || typeof value !== "object")
      return value;
    const known = seen.get(value);
    if (known !== void 0)
      return known;
    if (Array.isArray(value)) {
      const out2 = [];
      seen.set(value, out2);
      for (const item of value)
        out2.push(walk(item, seen));
      return out2;
    }
    if (value instanceof Error)
      return redactError(value, redactString);
    if (!isPlainObject(value))
      return value;
    const out = {};
    seen.set(value, out);
    for (const [key, item] of Object.entries(value)) {
      out[key] = keys.has(normalizeKey(key)) ? blank(item) : walk(item, seen);
    }
    return out;
  };
  return (value) => walk(value, /* @__PURE__ */ new WeakMap());
}
function blank(value) {
  if (value === null || value === void 0 || value === "")
    return value;
  if (Array.isArray(value))
    return value.map(blank);
  if (isPlainObject(value) && (value.type === "env" || value.type === "vault")) {
    return "default" in value ? { ...value, default: redacted } : value;
  }
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blank(v)]));
  return redacted;
}
function redactError(error, redactString) {
  const copy = Object.create(Object.getPrototypeOf(error));
  for (const key of Object.getOwnPropertyNames(error)) {
    const value = error[key];
    Object.defineProperty(copy, key, {
      value: typeof value === "string" ? redactString(value) : value,
      writable: true,
      configurable: true,
      enumerable: Object.prototype.propertyIsEnumerable.call(error, key)
    });
  }
  return copy;
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// packages/core/dist/redaction/redact-experiment.js
function redactExperiment(experiment) {
  const copy = structuredClone(experiment);
  if (isPlainObject(copy.secrets)) {
    for (const [scope, entries] of Object.entries(copy.secrets)) {
      copy.secrets[scope] = isPlainObject(entries) ? redactSecretEntries(entries) : redacted;
    }
  }
  blankInjectedSecrets(copy);
  return copy;
}
function redactSecretEntries(entries) {
  const out = {};
  for (const [name, value] of Object.entries(entries))
    out[name] = redactSecretValue(value);
  return out;
}
function redactSecretValue(value) {
  if (isPlainObject(value)) {
    if (value.type === "env" || value.type === "vault") {
      return "default" in value ? { ...value, default: redacted } : value;
    }
    return redactSecretEntries(value);
  }
  if (value === null || value === void 0 || value === "")
    return value;
  return redacted;
}
function blankInjectedSecrets(value) {
  if (Array.isArray(value)) {
    value.forEach(blankInjectedSecrets);
    return;
  }
  if (!isPlainObject(value))
    return;
  for (const [key, item] of Object.entries(value)) {
    if (key === "provider" && isPlainObject(item) && item.secrets !== void 0 && !isScopeList(item.secrets)) {
      item.secrets = redacted;
    }
    blankInjectedSecrets(item);
  }
}
function isScopeList(value) {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

// packages/core/dist/redaction/secret-configuration-keys.js
function secretConfigurationKeys(experiment) {
  const secretNames = /* @__PURE__ */ new Set();
  for (const entries of Object.values(experiment.secrets ?? {})) {
    if (isPlainObject(entries))
      Object.keys(entries).forEach((name) => secretNames.add(name));
  }
  const sensitive = sensitiveKeySet();
  const keys = [];
  for (const [key, value] of Object.entries(experiment.configuration ?? {})) {
    if (!isPlainObject(value))
      continue;
    if (value.type === "probe" && isPlainObject(value.provider)) {
      const listed = Array.isArray(value.provider.secrets) && value.provider.secrets.length > 0;
      const text = JSON.stringify(value.provider);
      const refers = [...text.matchAll(/\$\{?([_a-z][_a-z0-9]*)/gi)].some((m) => secretNames.has(m[1]));
      if (listed || refers)
        keys.push(key);
    } else if (value.type === "env") {
      if (sensitive.has(normalizeKey(key)) || /secret|token|passw|credential|apikey|api_key/i.test(key))
        keys.push(key);
    }
  }
  return keys;
}

// packages/core/dist/run/experiment-run.js
var chaoslibVersion = "1.44.0";
var now = () => (/* @__PURE__ */ new Date()).toISOString();
var StopRun = class extends Error {
};
async function runExperiment(options) {
  return new ExperimentRun(options).run();
}
var ExperimentRun = class {
  options;
  runId = randomUUID();
  logger;
  abort = new AbortController();
  /** Rollbacks run to completion even after an interruption: they are the way back. */
  rollbackAbort = new AbortController();
  journal;
  ledger;
  writer;
  experiment;
  configuration = {};
  secrets = {};
  redact = (v) => v;
  controls = [];
  interruptReason;
  settings;
  activitiesByName = /* @__PURE__ */ new Map();
  constructor(options) {
    this.options = options;
    this.logger = options.logger ?? silentLogger;
    this.settings = { ...options.settings ?? {} };
    this.experiment = structuredClone(options.experiment);
    for (const activity of allActivities(this.experiment))
      this.activitiesByName.set(activity.name, activity);
    this.journal = {
      "chaoslib-version": chaoslibVersion,
      "faultline-version": options.version ?? "0.0.0",
      platform: `${platform()}-${release()}`,
      node: hostname(),
      experiment: this.experiment,
      start: now(),
      status: "running",
      deviated: false,
      steady_states: { before: null, after: null, during: [] },
      run: [],
      rollbacks: [],
      faultline: { run_id: this.runId, reverts: [] }
    };
    this.ledger = new RevertLedger((revert, kind) => {
      this.journal.faultline.reverts = this.ledger.entries;
      this.writer.writeNow();
      if (kind === "registered")
        this.emit({ type: "fault-registered", revert, at: now() });
    });
    this.writer = new JournalWriter(options.journalPath, () => this.snapshot());
    if (options.signal) {
      if (options.signal.aborted)
        this.interrupt(String(options.signal.reason ?? "interrupted"));
      options.signal.addEventListener("abort", () => this.interrupt(reasonOf(options.signal)), { once: true });
    }
  }
  get rollbackStrategy() {
    const fromSettings = this.settings.runtime?.rollbacks?.strategy;
    return this.options.rollbackStrategy ?? this.experiment.runtime?.rollbacks?.strategy ?? fromSettings ?? "default";
  }
  get hypothesisStrategy() {
    const fromSettings = this.settings.runtime?.hypothesis?.strategy;
    const strategy = this.options.hypothesisStrategy ?? this.experiment.runtime?.hypothesis?.strategy ?? fromSettings ?? "default";
    return strategy === "continously" ? "continuously" : strategy;
  }
  async run() {
    const started = performance.now();
    const timer = this.options.maxDuration ? setTimeout(() => this.interrupt(`maximum duration of ${this.options.maxDuration}s reached`), this.options.maxDuration * 1e3) : void 0;
    timer?.unref();
    this.journal.faultline.settings = {
      rollback_strategy: this.rollbackStrategy,
      hypothesis_strategy: this.hypothesisStrategy,
      dry: this.options.dry ?? null
    };
    this.emit({ type: "run-started", experiment: redactExperiment(this.experiment), runId: this.runId, at: now() });
    try {
      await this.prepare();
      this.writer.writeNow();
      await this.hook("before_experiment_control", this.experiment);
      await this.runPhases();
    } catch (error) {
      this.recordRunError(error);
    } finally {
      if (timer)
        clearTimeout(timer);
    }
    await this.revertFaults();
    await this.maybeRollback();
    this.finish(started);
    this.logger.info(`Experiment ended with status: ${this.journal.deviated ? "deviated" : this.journal.status}`);
    await this.hook("after_experiment_control", this.experiment, this.journal);
    await this.hook("cleanup_control", this.experiment);
    this.writer.writeNow();
    this.emit({ type: "run-ended", journal: this.snapshot(), at: now() });
    return this.snapshot();
  }
  /** Configuration, secrets, title substitution and controls: what Chaos Toolkit does before the run. */
  async prepare() {
    const env = this.options.env ?? process.env;
    this.secrets = resolveSecrets(this.experiment.secrets, { env, vars: this.options.vars?.secrets });
    this.configuration = await resolveConfiguration(this.experiment.configuration, {
      env,
      vars: this.options.vars?.configuration,
      runProbe: (provider) => runProvider(provider, this.providerDeps(), { ...this.activityContext("configuration", "method", []) })
    });
    this.redact = createRedactor(this.secrets, { configurationKeys: secretConfigurationKeys(this.experiment), configuration: this.configuration });
    this.experiment.title = substitute(this.experiment.title, this.configuration, this.secrets);
    this.logger.info(`Running experiment: ${this.experiment.title} (run ${this.runId})`);
    const declarations = [...this.options.controls ?? [], ...this.experiment.controls ?? []];
    this.controls = await loadControls(declarations, this.options.resolver, this.options.baseDir);
    await this.hook("configure_control", this.experiment);
  }
  async runPhases() {
    const strategy = this.hypothesisStrategy;
    const hypothesis = this.experiment["steady-state-hypothesis"];
    const withHypothesis = strategy !== "skip" && Boolean(hypothesis?.probes?.length);
    if (withHypothesis && ["default", "before-method-only", "continuously"].includes(strategy)) {
      const before = await this.runHypothesis("before");
      this.journal.steady_states.before = before;
      if (!before.steady_state_met) {
        this.journal.status = before.probes.some((p) => p.status !== "succeeded") ? "failed" : "completed";
        this.logger.error(`steady state probe "${before.probes.at(-1)?.activity.name}" is not in the given tolerance: the method is skipped`);
        return;
      }
    }
    const continuous = withHypothesis && ["during-method-only", "continuously"].includes(strategy) ? this.runContinuousHypothesis() : void 0;
    let methodRan = false;
    try {
      await this.runMethod();
      methodRan = true;
    } finally {
      continuous?.stop();
      await continuous?.done;
    }
    if (methodRan && withHypothesis && this.journal.status === "running" && ["default", "after-method-only", "continuously"].includes(strategy)) {
      const after = await this.runHypothesis("after");
      this.journal.steady_states.after = after;
      if (!after.steady_state_met) {
        this.journal.deviated = true;
        this.journal.status = after.probes.some((p) => p.status !== "succeeded") ? "failed" : "completed";
      }
    }
  }
  async runMethod() {
    await this.hook("before_method_control", this.experiment);
    const background = [];
    try {
      for (const item of this.experiment.method ?? []) {
        if (this.journal.status !== "running" || this.abort.signal.aborted)
          break;
        const activity = this.lookup(item);
        if (activity.background) {
          background.push(this.executeActivity(activity, "method", this.journal.run).catch((error) => this.recordRunError(error)));
        } else {
          await this.executeActivity(activity, "method", this.journal.run);
        }
      }
    } finally {
      await Promise.all(background);
      await this.hook("after_method_control", this.experiment, this.journal.run);
    }
    if (this.abort.signal.aborted)
      throw new StopRun();
  }
  async runHypothesis(phase) {
    const hypothesis = this.experiment["steady-state-hypothesis"];
    const state = { steady_state_met: false, probes: [], start: now() };
    this.emit({ type: "hypothesis-started", phase, title: hypothesis.title, at: now() });
    await this.hook("before_hypothesis_control", hypothesis, void 0, hypothesis.controls);
    try {
      state.steady_state_met = await this.evaluateProbes(hypothesis.probes ?? [], state);
    } finally {
      state.end = now();
      await this.hook("after_hypothesis_control", hypothesis, state, hypothesis.controls);
      this.emit({ type: "hypothesis-ended", phase, result: state, at: now() });
    }
    return state;
  }
  async evaluateProbes(probes, state) {
    const dry = this.options.dry;
    for (const item of probes) {
      const probe = this.lookup(item);
      const entry = await this.executeActivity(probe, "hypothesis", state.probes, this.experiment["steady-state-hypothesis"]?.controls);
      if (entry.status === "failed") {
        entry.tolerance_met = false;
        entry.tolerance_reason = "the probe failed, so its tolerance could not be checked";
        return false;
      }
      entry.tolerance_met = true;
      if (dry === "probes" || dry === "activities")
        continue;
      const tolerance = typeof probe.tolerance === "string" ? substitute(probe.tolerance, this.configuration, this.secrets) : probe.tolerance;
      const verdict = await checkTolerance(tolerance, entry.output, {
        substitute: (value) => substitute(value, this.configuration, this.secrets),
        runProbe: async (toleranceProbe, value) => {
          const withValue = structuredClone(toleranceProbe);
          const provider = withValue.provider;
          if (provider.arguments === void 0 || typeof provider.arguments === "object" && !Array.isArray(provider.arguments)) {
            provider.arguments = { ...provider.arguments ?? {}, value };
          }
          return runProvider(this.substituted(withValue).provider, this.providerDeps(), this.activityContext(withValue.name, "hypothesis", withValue.provider.secrets));
        }
      });
      if (!verdict.met) {
        entry.tolerance_met = false;
        entry.tolerance_reason = this.redact(verdict.reason ?? "tolerance not met");
        return false;
      }
    }
    return true;
  }
  runContinuousHypothesis() {
    const stop = new AbortController();
    const frequency = this.options.hypothesisFrequency ?? this.experiment.runtime?.hypothesis?.frequency ?? 1;
    const failFast = this.options.failFast ?? this.experiment.runtime?.hypothesis?.fail_fast ?? false;
    const ratio = failFast === true ? 0 : failFast === false ? void 0 : failFast;
    const done = (async () => {
      let iterations = 0;
      let failures = 0;
      while (!stop.signal.aborted && !this.abort.signal.aborted && this.journal.status === "running") {
        const state = await this.runHypothesis("during");
        iterations++;
        this.journal.steady_states.during.push(state);
        this.writer.schedule();
        if (!state.steady_state_met) {
          failures++;
          this.logger.warn(`continuous steady state probe "${state.probes.at(-1)?.activity.name}" is not in the given tolerance`);
          if (ratio !== void 0 && failures / iterations > ratio - 1e-9 && failures > 0) {
            this.logger.error(`fail fast: ${(failures * 100 / iterations).toFixed(1)}% of hypothesis runs deviated`);
            this.journal.status = "failed";
            break;
          }
        }
        await abortableSleep(frequency * 1e3, AbortSignal.any([stop.signal, this.abort.signal]));
      }
    })().catch((error) => this.recordRunError(error));
    return { stop: () => stop.abort(), done };
  }
  lookup(item) {
    if ("ref" in item) {
      const found = this.activitiesByName.get(item.ref);
      if (!found)
        throw new ResolutionError(`could not find referenced activity "${item.ref}"`);
      return found;
    }
    return item;
  }
  /** Runs one activity and records it; only resolution errors and interruption escape. */
  async executeActivity(activity, phase, into, extraControls) {
    const controls = await loadControls(activity.controls ?? extraControls, this.options.resolver, this.options.baseDir);
    await this.hook("before_activity_control", activity, void 0, void 0, controls);
    const dry = this.options.dry;
    const isDry = dry === "activities" || dry === "actions" && activity.type === "action" || dry === "probes" && activity.type === "probe";
    const skipPauses = isDry || dry === "pause";
    const pauses2 = substitute(activity.pauses ?? {}, this.configuration, this.secrets);
    const pauseSignal = phase === "rollback" ? this.rollbackAbort.signal : this.abort.signal;
    if (pauses2.before !== void 0)
      await this.pause(activity, "before", pauses2.before, skipPauses, pauseSignal);
    const entry = { activity: this.redact(structuredClone(activity)), output: null, start: now(), status: "succeeded", end: "", duration: 0 };
    into.push(entry);
    this.logger.info(`${activity.type === "action" ? "Action" : "Probe"}: ${activity.name}${activity.background ? " [in background]" : ""}`);
    this.emit({ type: "activity-started", activity: entry.activity, phase, at: entry.start });
    const startedAt = performance.now();
    const phaseSignal = phase === "rollback" ? this.rollbackAbort.signal : this.abort.signal;
    const stopsRun = phase !== "revert" && phase !== "rollback";
    let escaped;
    try {
      const resolved = this.substituted(activity);
      const timeout = activity.timeout === void 0 ? void 0 : parseDuration(activity.timeout, `${activity.name}.timeout`);
      const signal = timeout === void 0 ? phaseSignal : AbortSignal.any([phaseSignal, AbortSignal.timeout(timeout * 1e3)]);
      const ctx = this.activityContext(activity.name, phase, resolved.provider.secrets, signal, isDry);
      const output = isDry ? await this.dryRun(resolved, ctx) : await runProvider(resolved.provider, this.providerDeps(), ctx);
      entry.output = this.redact(output ?? null);
      if (stopsRun && this.abort.signal.aborted)
        throw new InterruptedError(this.interruptReason);
    } catch (error) {
      entry.status = "failed";
      entry.exception = this.redact(exceptionLines(error));
      if (error instanceof ResolutionError || stopsRun && this.abort.signal.aborted)
        escaped = error;
      else
        this.logger.error(`${activity.type} "${activity.name}" failed: ${this.redact(error.message)}`);
    }
    entry.end = now();
    entry.duration = (performance.now() - startedAt) / 1e3;
    this.emit({ type: "activity-ended", activity: entry.activity, phase, entry, at: entry.end });
    this.writer.schedule();
    await this.hook("after_activity_control", activity, entry, void 0, controls);
    if (escaped)
      throw escaped;
    if (pauses2.after !== void 0)
      await this.pause(activity, "after", pauses2.after, skipPauses, phaseSignal);
    return entry;
  }
  async dryRun(activity, ctx) {
    const provider = activity.provider;
    if (provider.type !== "python" && provider.type !== "javascript")
      return null;
    const resolved = await this.options.resolver.resolve(provider, this.options.baseDir);
    if (!resolved.definition?.mutating)
      return null;
    return resolved.call(provider.arguments ?? {}, ctx);
  }
  async pause(activity, when, value, skip, signal) {
    const seconds = parseDuration(value, `pauses.${when}`);
    if (skip || seconds <= 0 || signal.aborted)
      return;
    this.emit({ type: "pause-started", activity, when, seconds, at: now() });
    await abortableSleep(seconds * 1e3, signal);
    this.emit({ type: "pause-ended", activity, when, at: now() });
  }
  substituted(activity) {
    return { ...activity, provider: substitute(activity.provider, this.configuration, this.secrets) };
  }
  providerDeps() {
    return { resolver: this.options.resolver, baseDir: this.options.baseDir, verifyTls: this.options.verifyTls ?? true, env: this.options.env };
  }
  activityContext(name, phase, scopes, signal = this.abort.signal, dryRun = false) {
    const secrets = {};
    for (const scope of scopes ?? [])
      Object.assign(secrets, this.secrets[scope] ?? {});
    const recordsReverts = phase === "method";
    return {
      configuration: this.configuration,
      secrets,
      signal,
      logger: this.logger,
      dryRun,
      runId: this.runId,
      experimentDir: this.options.baseDir,
      settings: this.settings,
      experimentTitle: this.experiment.title,
      registerRevert: (spec) => recordsReverts && !dryRun ? this.ledger.register(spec, name) : RevertLedger.noopHandle
    };
  }
  /** Undo every fault still injected, newest first, whatever happened before. */
  async revertFaults() {
    const pending = this.ledger.pending();
    if (!pending.length)
      return;
    this.logger.info(`reverting ${pending.length} injected fault(s)`);
    for (const revert of pending)
      await this.revertOne(revert);
    this.writer.writeNow();
  }
  async revertOne(revert) {
    try {
      const resolved = await this.options.resolver.resolveRevert(revert);
      const ctx = this.activityContext(`revert ${revert.activity}`, "revert", void 0, AbortSignal.timeout(12e4));
      const secrets = {};
      for (const scope of Object.values(this.secrets))
        Object.assign(secrets, scope);
      await resolved.call(structuredClone(revert.arguments), { ...ctx, secrets });
      revert.status = "reverted";
    } catch (error) {
      revert.status = "failed";
      revert.error = this.redact(error.message);
      this.logger.error(`could not revert "${revert.title}": ${revert.error}; run \`faultline revert <journal>\` to retry`);
    }
    revert.reverted = now();
    this.emit({ type: "fault-reverted", revert, at: revert.reverted });
  }
  async maybeRollback() {
    const strategy = this.rollbackStrategy;
    const status = this.journal.status === "running" ? "completed" : this.journal.status;
    const play = strategy === "always" || strategy === "default" && status !== "failed" && status !== "interrupted" || strategy === "deviated" && this.journal.deviated;
    if (!play || !this.experiment.rollbacks?.length)
      return;
    {
      await this.hook("before_rollback_control", this.experiment);
      const background = [];
      for (const item of this.experiment.rollbacks) {
        try {
          const activity = this.lookup(item);
          const run = this.executeActivity(activity, "rollback", this.journal.rollbacks);
          if (activity.background)
            background.push(run.catch((e) => this.logger.error(String(e))));
          else
            await run;
        } catch (error) {
          this.logger.error(`rollback failed: ${error.message}`);
        }
      }
      await Promise.all(background);
      await this.hook("after_rollback_control", this.experiment, this.journal.rollbacks);
    }
  }
  interrupt(reason) {
    if (this.abort.signal.aborted)
      return;
    this.interruptReason = reason;
    this.logger.warn(`interrupting the run: ${reason}`);
    this.emit({ type: "interrupted", reason, at: now() });
    this.abort.abort(new InterruptedError(reason));
  }
  recordRunError(error) {
    if (error instanceof StopRun || error instanceof InterruptedError || this.abort.signal.aborted) {
      this.journal.status = "interrupted";
    } else if (error instanceof ResolutionError) {
      this.journal.status = "aborted";
      this.logger.error(`aborting: ${error.message}`);
    } else {
      this.journal.status = "aborted";
      this.logger.error(`aborting after an unexpected error: ${error?.stack ?? String(error)}`);
    }
  }
  finish(startedMs) {
    if (this.abort.signal.aborted && this.journal.status === "running")
      this.journal.status = "interrupted";
    if (this.journal.status === "running")
      this.journal.status = "completed";
    this.journal.end = now();
    this.journal.duration = (performance.now() - startedMs) / 1e3;
  }
  async hook(name, context, state, scoped, loaded) {
    let controls = this.controls.filter((c) => c.declaration.automatic !== false || name === "configure_control" || name.includes("experiment") || name === "cleanup_control");
    if (scoped?.length)
      controls = [...controls, ...await loadControls(scoped, this.options.resolver, this.options.baseDir)];
    if (loaded?.length)
      controls = [...controls, ...loaded];
    if (!controls.length)
      return;
    const env = {
      experiment: this.experiment,
      configuration: this.configuration,
      secrets: this.secrets,
      settings: this.settings,
      logger: this.logger,
      runId: this.runId,
      interrupt: (reason) => this.interrupt(`control: ${reason}`)
    };
    await callHook(controls, name, env, context, state);
  }
  emit(event) {
    for (const observer of this.options.observers ?? []) {
      try {
        observer.onEvent(event);
      } catch (error) {
        this.logger.debug(`observer failed: ${error.message}`);
      }
    }
  }
  /** The journal as written: secrets redacted, Chaos Toolkit key order. */
  snapshot() {
    const journal = structuredClone(this.journal);
    journal.experiment = redactExperiment(this.redact(journal.experiment));
    journal.faultline.reverts = this.redact(structuredClone(this.ledger.entries));
    return journal;
  }
};
function allActivities(experiment) {
  const lists = [experiment["steady-state-hypothesis"]?.probes ?? [], experiment.method ?? [], experiment.rollbacks ?? []];
  return lists.flat().filter((item) => !("ref" in item));
}
function exceptionLines(error) {
  const err = error;
  const lines = [`${err?.name ?? "Error"}: ${err?.message ?? String(error)}`];
  if (err?.hint)
    lines.push(`hint: ${err.hint}`);
  let cause = err?.cause;
  while (cause) {
    lines.push(`caused by: ${cause.message ?? String(cause)}`);
    cause = cause.cause;
  }
  return lines;
}
function reasonOf(signal) {
  const reason = signal.reason;
  if (reason instanceof Error)
    return reason.message;
  return typeof reason === "string" ? reason : "interrupted";
}

// packages/core/dist/settings/load-settings.js
var import_yaml2 = __toESM(require_dist(), 1);
import { readFile as readFile2 } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
function defaultSettingsPaths(env = process.env) {
  const home = env.HOME ?? homedir();
  return [join(home, ".faultline", "settings.yaml"), join(home, ".chaostoolkit", "settings.yaml")];
}
async function loadSettings(explicitPath, env) {
  const candidates = explicitPath ? [explicitPath] : defaultSettingsPaths(env);
  for (const path of candidates) {
    let text;
    try {
      text = await readFile2(path, "utf8");
    } catch (error) {
      if (explicitPath)
        throw new UsageError(`cannot read settings ${path}: ${error.code ?? error}`);
      continue;
    }
    let value;
    try {
      value = (0, import_yaml2.parse)(text) ?? {};
    } catch (error) {
      throw new UsageError(`cannot parse settings ${path}: ${error.message}`);
    }
    if (typeof value !== "object" || Array.isArray(value) || value === null)
      throw new UsageError(`settings ${path} must be a mapping`);
    return { path, settings: value };
  }
  return { settings: {} };
}
function controlsFromSettings(settings) {
  const controls = settings.controls;
  if (!controls || typeof controls !== "object")
    return [];
  if (Array.isArray(controls))
    return controls;
  return Object.entries(controls).map(([name, control]) => ({ name, ...control }));
}
function bearerTokenFor(url, settings) {
  const auth = settings.auth;
  if (!auth || !/^https?:/.test(url))
    return void 0;
  const host = new URL(url).host;
  const entry = auth[host];
  return entry?.type === "bearer" ? entry.value : void 0;
}

// packages/core/dist/vars/parse-var-flag.js
function parseVarFlag(flag) {
  const eq = flag.indexOf("=");
  if (eq < 0) {
    throw new UsageError(`--var "${flag}" has no value`, { hint: "write --var name=value or --var name:type=value (type: str, int, float, bool, json)" });
  }
  let key = flag.slice(0, eq);
  const raw = flag.slice(eq + 1);
  let type;
  const colon = key.lastIndexOf(":");
  if (colon >= 0) {
    type = key.slice(colon + 1);
    key = key.slice(0, colon);
  }
  if (key.trim() === "")
    throw new UsageError(`--var "${flag}" has no name`, { hint: "write --var name=value" });
  return [key, convertToType(type, raw, `--var ${key}`)];
}

// packages/core/dist/vars/load-var-file.js
var import_yaml3 = __toESM(require_dist(), 1);
import { readFile as readFile3 } from "node:fs/promises";
import { extname as extname2 } from "node:path";
async function loadVarFile(path) {
  let content;
  try {
    content = await readFile3(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read var file ${path}: ${error.code ?? error.message}`, { cause: error });
  }
  const ext = extname2(path).toLowerCase();
  if (ext === ".json" || ext === ".yaml" || ext === ".yml")
    return fromDocument(path, content, ext);
  const env = parseDotEnv(path, content);
  return { configuration: { ...env }, secrets: {}, env };
}
function fromDocument(path, content, ext) {
  let data;
  try {
    data = ext === ".json" ? JSON.parse(content) : (0, import_yaml3.parse)(content);
  } catch (error) {
    throw new UsageError(`cannot parse var file ${path}: ${error.message}`, { cause: error });
  }
  if (data === null || data === void 0 || content.trim() === "")
    return { configuration: {}, secrets: {}, env: {} };
  if (!isPlainObject(data))
    throw new UsageError(`var file ${path} must hold a mapping with "configuration" and/or "secrets"`);
  const configuration = data.configuration ?? {};
  const secrets = data.secrets ?? {};
  if (!isPlainObject(configuration))
    throw new UsageError(`var file ${path}: "configuration" must be a mapping`);
  if (!isPlainObject(secrets) || !Object.values(secrets).every(isPlainObject)) {
    throw new UsageError(`var file ${path}: "secrets" must be a mapping of scopes to mappings`, { hint: 'secrets: {k8s: {token: "..."}}' });
  }
  return { configuration, secrets, env: {} };
}
function parseDotEnv(path, content) {
  const env = {};
  content.split(/\r?\n/).forEach((raw, index2) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#"))
      return;
    const body = line.startsWith("export ") ? line.slice(7).trimStart() : line;
    const eq = body.indexOf("=");
    if (eq <= 0)
      throw new UsageError(`${path}:${index2 + 1}: expected KEY=value, got "${line}"`);
    const key = body.slice(0, eq).trim();
    let value = body.slice(eq + 1).trim();
    const quoted = /^(["'])([\s\S]*)\1$/.exec(value);
    if (quoted)
      value = quoted[1] === '"' ? quoted[2].replace(/\\n/g, "\n").replace(/\\(["\\])/g, "$1") : quoted[2];
    env[key] = value;
  });
  return env;
}

// packages/core/dist/vars/collect-vars.js
async function collectVars(input) {
  const merged = { configuration: {}, secrets: {}, env: {} };
  for (const path of input.varFiles ?? []) {
    const file = await loadVarFile(path);
    Object.assign(merged.configuration, file.configuration);
    Object.assign(merged.env, file.env);
    for (const [scope, entries] of Object.entries(file.secrets)) {
      merged.secrets[scope] = { ...merged.secrets[scope] ?? {}, ...entries };
    }
  }
  for (const flag of input.vars ?? []) {
    const [key, value] = parseVarFlag(flag);
    merged.configuration[key] = value;
  }
  return merged;
}

export {
  silentLogger,
  controlHookNames,
  rollbackStrategies,
  hypothesisStrategies,
  parseExperimentText,
  loadExperimentDocument,
  providerSchema,
  controlSchema,
  toleranceSchema,
  activitySchema,
  activityRefSchema,
  experimentSchema,
  envValueSchema,
  knownKeys,
  experimentJsonSchema,
  formatPath,
  locate,
  formatProblem,
  validateExperiment,
  nearestNames,
  ResolutionError,
  ActivityResolver,
  dryModes,
  JournalWriter,
  RevertLedger,
  runProvider,
  jsonPathQuery,
  pythonEquals,
  pythonIn,
  pythonTruthy,
  pythonRegex,
  checkTolerance,
  substitute,
  substituteString,
  varTypes,
  convertToType,
  resolveConfiguration,
  resolveSecrets,
  redacted,
  createRedactor,
  redactExperiment,
  secretConfigurationKeys,
  chaoslibVersion,
  runExperiment,
  defaultSettingsPaths,
  loadSettings,
  controlsFromSettings,
  bearerTokenFor,
  parseVarFlag,
  loadVarFile,
  collectVars
};
