import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);
import {
  collectVars
} from "./chunk-TOQSWJ6U.js";
import {
  faultlineVersion
} from "./chunk-LJ6S5XKT.js";
import {
  ActivityResolver,
  bearerTokenFor,
  controlsFromSettings,
  formatProblem,
  loadExperimentDocument,
  loadSettings,
  runExperiment,
  validateExperiment
} from "./chunk-CKIXTYGO.js";
import {
  require_dist
} from "./chunk-IGKN5HIV.js";
import {
  UsageError,
  exitCodes,
  parseDuration
} from "./chunk-IQ32Z4TL.js";
import {
  knownDrivers
} from "./chunk-JDH6GR3O.js";
import {
  __toESM
} from "./chunk-LKYZCP33.js";

// packages/cli/dist/commands/run-action.js
import { resolve as resolve2 } from "node:path";

// packages/cli/dist/exit-code-for.js
function exitCodeFor(journal) {
  switch (journal.status) {
    case "completed":
      return journal.deviated ? exitCodes.deviated : exitCodes.ok;
    case "failed":
      return exitCodes.failed;
    case "aborted":
      return exitCodes.aborted;
    case "interrupted":
      return exitCodes.interrupted;
    default:
      return exitCodes.internal;
  }
}

// packages/cli/dist/load-and-validate.js
async function loadAndValidate(location, options) {
  const document = await loadExperimentDocument(location, {
    cwd: options.cwd,
    env: options.env,
    bearerToken: bearerTokenFor(location, options.settings)
  });
  const resolver = new ActivityResolver(knownDrivers);
  if (options.validate === false) {
    return { experiment: document.value, baseDir: document.baseDir, location: document.source.location, resolver, warnings: [] };
  }
  const result = await validateExperiment(document.value, { source: document.source, resolver, baseDir: document.baseDir });
  const errors = result.problems.filter((p) => p.severity === "error");
  if (errors.length || !result.experiment) {
    const lines = result.problems.map((p) => `  ${formatProblem(p, document.source.location)}`);
    throw new UsageError(`${document.source.location} is not a valid experiment (${errors.length} error${errors.length === 1 ? "" : "s"}):
${lines.join("\n")}`, {
      code: "E_INVALID_EXPERIMENT"
    });
  }
  return {
    experiment: result.experiment,
    baseDir: document.baseDir,
    location: document.source.location,
    resolver,
    warnings: result.problems.filter((p) => p.severity === "warning")
  };
}

// packages/cli/dist/logging/create-logger.js
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
function createLogger(options) {
  if (options.file)
    mkdirSync(dirname(options.file), { recursive: true });
  const write = (level, message, fields) => {
    const suffix = fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : "";
    if (options.file)
      appendFileSync(options.file, `[${(/* @__PURE__ */ new Date()).toISOString()} ${level.toUpperCase()}] ${message}${suffix}
`);
    const echo = level === "error" || level === "warn" || options.verbose && level !== "info" || options.verbose && level === "info";
    if (echo && options.stderr)
      options.stderr.write(`${level === "error" ? "error" : level === "warn" ? "warning" : level}: ${message}${suffix}
`);
  };
  return {
    debug: (m, f) => write("debug", m, f),
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f)
  };
}

// packages/cli/dist/progress/json-progress.js
var JsonProgress = class {
  out;
  constructor(out) {
    this.out = out;
  }
  onEvent(event) {
    this.out.write(`${JSON.stringify(event)}
`);
  }
};

// packages/cli/dist/progress/style.js
function createStyle(enabled) {
  const wrap = (open, close) => (text) => enabled ? `\x1B[${open}m${text}\x1B[${close}m` : text;
  return { green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

// packages/cli/dist/progress/terminal-progress.js
var seconds = (s) => s < 10 ? `${s.toFixed(2)}s` : `${s.toFixed(1)}s`;
var TerminalProgress = class {
  out;
  style;
  live;
  ticker;
  tickLabel = "";
  tickStart = 0;
  tickTotal;
  constructor(out, options) {
    this.out = out;
    this.style = createStyle(options.color);
    this.live = options.live;
  }
  onEvent(event) {
    const s = this.style;
    switch (event.type) {
      case "run-started":
        this.line(`${s.bold("Experiment")}: ${event.experiment.title} ${s.dim(`(run ${event.runId.slice(0, 8)})`)}`);
        break;
      case "hypothesis-started":
        if (event.phase !== "during")
          this.line(`${s.bold("Steady state")} (${event.phase} method): ${event.title}`);
        break;
      case "hypothesis-ended": {
        const met = event.result.steady_state_met;
        if (event.phase === "during") {
          this.line(`  ${met ? s.green("\xB7") : s.red("\u2717")} steady state during method ${met ? "held" : s.red("deviated")}${met ? "" : this.reason(event.result.probes.at(-1))}`);
        } else {
          this.line(`  ${met ? s.green("\u2713 steady state met") : s.red(`\u2717 steady state not met${this.reason(event.result.probes.at(-1))}`)}`);
        }
        break;
      }
      case "activity-started":
        if (event.phase !== "hypothesis")
          this.line(`${event.phase === "rollback" ? s.bold("Rollback") : event.activity.type === "action" ? s.bold("Action") : s.bold("Probe")}: ${event.activity.name}${event.activity.background ? s.dim(" [background]") : ""}`);
        this.startTicker(`  ${event.activity.name}`);
        break;
      case "activity-ended": {
        this.stopTicker();
        const ok = event.entry.status === "succeeded";
        const mark = ok ? s.green("\u2713") : s.red("\u2717");
        const detail = ok ? "" : ` ${s.red(event.entry.exception?.[0] ?? "failed")}`;
        if (event.phase === "hypothesis")
          this.line(`  ${mark} ${event.activity.name} ${s.dim(seconds(event.entry.duration))}${detail}`);
        else
          this.line(`  ${mark} ${ok ? "done" : "failed"} ${s.dim(seconds(event.entry.duration))}${detail}`);
        break;
      }
      case "pause-started":
        this.line(`  ${s.dim(`pausing ${event.when} ${event.activity.name} for ${seconds(event.seconds)}`)}`);
        this.startTicker("  pause", event.seconds);
        break;
      case "pause-ended":
        this.stopTicker();
        break;
      case "fault-registered":
        this.line(`  ${s.yellow("\u2691")} fault registered: ${event.revert.title}`);
        break;
      case "fault-reverted":
        this.line(`  ${event.revert.status === "reverted" ? s.green("\u21BA reverted") : s.red("\u2717 revert failed")}: ${event.revert.title}${event.revert.error ? ` (${event.revert.error})` : ""}`);
        break;
      case "interrupted":
        this.stopTicker();
        this.line(s.yellow(`Interrupted: ${event.reason} \u2014 reverting injected faults\u2026`));
        break;
      case "run-ended":
        this.stopTicker();
        this.summary(event.journal);
        break;
    }
  }
  reason(entry) {
    const why = entry?.tolerance_reason ?? entry?.exception?.[0];
    return why ? `: ${why}` : "";
  }
  summary(journal) {
    const s = this.style;
    const verdict = journal.status === "completed" && !journal.deviated ? s.green("completed \u2014 the steady state held") : journal.status === "completed" ? s.red("deviated \u2014 the steady state did not hold after the method") : s.red(journal.status);
    const faults = journal.faultline.reverts;
    const reverted = faults.filter((r) => r.status !== "pending" && r.status !== "failed").length;
    this.line("");
    this.line(`${s.bold("Result")}: ${verdict} ${s.dim(`in ${seconds(journal.duration ?? 0)}`)}`);
    this.line(`  activities: ${journal.run.length}, rollbacks: ${journal.rollbacks.length}, faults reverted: ${reverted}/${faults.length}`);
    const stuck = faults.filter((r) => r.status === "pending" || r.status === "failed");
    if (stuck.length)
      this.line(s.red(`  ${stuck.length} fault(s) could not be reverted: run \`faultline revert <journal>\``));
  }
  startTicker(label, total) {
    if (!this.live)
      return;
    this.stopTicker();
    this.tickLabel = label;
    this.tickStart = performance.now();
    this.tickTotal = total;
    this.ticker = setInterval(() => {
      const elapsed = (performance.now() - this.tickStart) / 1e3;
      if (elapsed < 1 && this.tickTotal === void 0)
        return;
      const progress = this.tickTotal ? ` / ${seconds(this.tickTotal)}` : "";
      this.out.write(`\r\x1B[K${this.style.dim(`${this.tickLabel} ${seconds(elapsed)}${progress}`)}`);
    }, 100);
    this.ticker.unref();
  }
  stopTicker() {
    if (!this.ticker)
      return;
    clearInterval(this.ticker);
    this.ticker = void 0;
    this.out.write("\r\x1B[K");
  }
  line(text) {
    this.out.write(`${text}
`);
  }
};

// packages/cli/dist/commands/load-control-files.js
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
async function loadControlFiles(paths, cwd) {
  const declarations = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    const extension = extname(full);
    if ([".js", ".mjs", ".cjs"].includes(extension)) {
      declarations.push({ name: basename(full, extension), provider: { type: "javascript", module: full } });
      continue;
    }
    let value;
    try {
      value = (0, import_yaml.parse)(await readFile(full, "utf8"));
    } catch (error) {
      throw new UsageError(`cannot read control file ${path}: ${error.message}`);
    }
    const list = Array.isArray(value) ? value : value?.controls;
    if (!Array.isArray(list))
      throw new UsageError(`control file ${path} must hold a list of controls or {controls: [...]}`);
    declarations.push(...list);
  }
  return declarations;
}

// packages/cli/dist/commands/run-action.js
async function runCommand(source, flags, globals, io) {
  const { settings } = await loadSettings(globals.settings, io.env);
  const logger = createLogger({
    file: globals.logFile === false ? void 0 : resolve2(io.cwd, globals.logFile ?? "faultline.log"),
    stderr: flags.output === "json" ? void 0 : io.stderr,
    verbose: globals.verbose
  });
  const loaded = await loadAndValidate(source, { cwd: io.cwd, env: io.env, settings, validate: flags.validation });
  for (const warning of loaded.warnings)
    logger.warn(formatProblem(warning, loaded.location));
  const vars = await collectVars(flags.var, flags.varFile, io.cwd);
  const controls = [...controlsFromSettings(settings), ...await loadControlFiles(flags.controlFile, io.cwd)];
  const failFast = flags.failFast === void 0 ? void 0 : flags.failFast === true ? true : Number(flags.failFast);
  if (typeof failFast === "number" && !(failFast >= 0 && failFast <= 1))
    throw new UsageError("--fail-fast ratio must be between 0 and 1");
  const frequency = Number(flags.hypothesisFrequency ?? 1);
  if (!(frequency > 0))
    throw new UsageError("--hypothesis-frequency must be a positive number of seconds");
  const observers = [];
  const color = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && globals.color !== false;
  observers.push(flags.output === "json" ? new JsonProgress(io.stdout) : new TerminalProgress(io.stdout, { color, live: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }));
  const metrics = flags.metricsPort ? await startMetrics(Number(flags.metricsPort), io) : void 0;
  if (metrics)
    observers.push(metrics.observer);
  const interrupt = new AbortController();
  let signals = 0;
  const unregister = io.onSignal((signal) => {
    signals++;
    if (signals === 1)
      interrupt.abort(`received ${signal}`);
    else
      io.stderr.write(`
${signal} again: still reverting faults so nothing is left behind; a hard kill leaves them pending (use \`faultline revert\`)
`);
  });
  const journalPath = resolve2(io.cwd, flags.journalPath);
  try {
    const journal = await runExperiment({
      experiment: loaded.experiment,
      baseDir: loaded.baseDir,
      resolver: loaded.resolver,
      settings,
      env: io.env,
      vars,
      rollbackStrategy: flags.rollbackStrategy,
      hypothesisStrategy: flags.hypothesisStrategy,
      hypothesisFrequency: frequency,
      failFast,
      dry: flags.dry ?? (settings.dry_run ? "actions" : void 0),
      verifyTls: flags.verifyTls,
      journalPath,
      controls,
      signal: interrupt.signal,
      maxDuration: flags.maxDuration ? parseDuration(flags.maxDuration, "--max-duration") : void 0,
      observers,
      logger,
      version: faultlineVersion
    });
    if (flags.output !== "json")
      io.stdout.write(`Journal: ${journalPath}
`);
    io.setExitCode(exitCodeFor(journal));
  } finally {
    unregister();
    await metrics?.close();
  }
}
async function startMetrics(port, io) {
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError("--metrics-port must be a port number");
  const { createRunMetrics } = await import("./dist-355EA5RO.js");
  const metrics = createRunMetrics();
  const server = await metrics.startServer(port, "127.0.0.1");
  io.stderr.write(`metrics: http://127.0.0.1:${server.port}/metrics
`);
  return { observer: metrics.observer, close: () => server.close() };
}
export {
  runCommand
};
