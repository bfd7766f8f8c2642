import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);
import "./chunk-CKIXTYGO.js";
import "./chunk-IGKN5HIV.js";
import {
  ActivityFailedError,
  defineActivity,
  external_exports,
  parseDuration
} from "./chunk-IQ32Z4TL.js";
import "./chunk-LKYZCP33.js";

// packages/monkey/dist/activities/actuator-client.js
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
var connectionArguments = {
  /** Actuator base URL, e.g. "http://orders:8080/actuator"; "/chaosmonkey/…" is appended. */
  base_url: external_exports.string().url(),
  headers: external_exports.record(external_exports.string(), external_exports.string()).optional(),
  /** Seconds (Chaos Toolkit) or a duration string. */
  timeout: external_exports.union([external_exports.number(), external_exports.string()]).optional(),
  verify_ssl: external_exports.boolean().optional()
};
var secretHeader = /^(authorization|cookie|x-api-key|proxy-authorization)$/i;
function revertConnection(args) {
  const out = { base_url: args.base_url };
  const headers = Object.fromEntries(Object.entries(args.headers ?? {}).filter(([k]) => !secretHeader.test(k)));
  if (Object.keys(headers).length > 0)
    out.headers = headers;
  if (args.timeout !== void 0)
    out.timeout = args.timeout;
  if (args.verify_ssl !== void 0)
    out.verify_ssl = args.verify_ssl;
  return out;
}
function tokenFromSecrets(ctx) {
  for (const key of ["chaosmonkey_token", "token"]) {
    const v = ctx.secrets[key];
    if (typeof v === "string" && v !== "")
      return v;
  }
  return void 0;
}
function callActuator(ctx, args, method, endpoint, body) {
  const url = new URL(`${args.base_url.replace(/\/+$/, "")}/${endpoint}`);
  const headers = { accept: "application/json", ...args.headers };
  const token = tokenFromSecrets(ctx);
  if (token && !Object.keys(headers).some((k) => k.toLowerCase() === "authorization"))
    headers.authorization = `Bearer ${token}`;
  const payload = body === void 0 ? void 0 : JSON.stringify(body);
  if (payload !== void 0)
    headers["content-type"] = "application/json";
  const timeoutMs = args.timeout === void 0 ? 3e4 : parseDuration(args.timeout, "timeout") * 1e3;
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method,
      headers,
      timeout: timeoutMs,
      signal: ctx.signal,
      ...url.protocol === "https:" ? { rejectUnauthorized: args.verify_ssl ?? true } : {}
    }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({
          status: res.statusCode ?? 0,
          text,
          json: () => {
            try {
              return JSON.parse(text);
            } catch {
              throw new ActivityFailedError(`${method} ${url.pathname} did not answer JSON: ${text.slice(0, 200)}`);
            }
          }
        });
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", (e) => reject(new ActivityFailedError(`${method} ${url.href} failed: ${e.message}`, {
      cause: e,
      hint: "is base_url the service's actuator root (http://host:port/actuator) and the chaos monkey API mounted there?"
    })));
    req.end(payload);
  });
}
function expectOk(answer, what) {
  if (answer.status === 200)
    return answer;
  const hint = answer.status === 401 || answer.status === 403 ? 'pass the token: secrets {"chaosmonkey_token": "\u2026"} or headers {"Authorization": "Bearer \u2026"}' : answer.status === 404 ? "is the chaos monkey endpoint exposed (management.endpoint.chaosmonkey / monkey.actuator())?" : void 0;
  throw new ActivityFailedError(`${what} failed: HTTP ${answer.status} ${answer.text.slice(0, 500)}`, { hint });
}
async function readEnabled(ctx, args) {
  const answer = await callActuator(ctx, args, "GET", "chaosmonkey/status");
  try {
    const body = JSON.parse(answer.text);
    if (typeof body?.enabled === "boolean" && (answer.status === 200 || answer.status === 503))
      return body.enabled;
  } catch {
  }
  if (answer.status === 200)
    return true;
  if (answer.status === 503)
    return false;
  expectOk(answer, "ChaosMonkey status enquiry");
  return true;
}

// packages/monkey/dist/activities/assaults-configuration.js
var assaultsConfiguration = defineActivity({
  name: "assaults_configuration",
  type: "probe",
  description: "The current assaults configuration of the service's Chaos Monkey (GET /chaosmonkey/assaults).",
  python: ["chaosspring.probes"],
  arguments: external_exports.object({ ...connectionArguments }),
  async run(args, ctx) {
    return expectOk(await callActuator(ctx, args, "GET", "chaosmonkey/assaults"), "ChaosMonkey assaults enquiry").json();
  }
});

// packages/monkey/dist/activities/assault-configuration.js
var assaultConfiguration = defineActivity({
  ...assaultsConfiguration,
  name: "assault_configuration",
  description: "Alias of assaults_configuration."
});

// packages/monkey/dist/activities/previous-values.js
function previousValues(current, change) {
  const keys = new Set(Object.keys(change));
  if (keys.has("latencyRangeStart") || keys.has("latencyRangeEnd")) {
    keys.add("latencyRangeStart");
    keys.add("latencyRangeEnd");
  }
  const previous = {};
  for (const key of keys) {
    if (current[key] !== void 0)
      previous[key] = current[key];
  }
  return previous;
}

// packages/monkey/dist/activities/change-assaults-configuration.js
var changeAssaultsConfiguration = defineActivity({
  name: "change_assaults_configuration",
  type: "action",
  description: "Change the assaults of the service's Chaos Monkey (POST /chaosmonkey/assaults); reverted to the values it replaced.",
  python: ["chaosspring.actions"],
  mutating: true,
  arguments: external_exports.object({ ...connectionArguments, assaults_configuration: external_exports.record(external_exports.string(), external_exports.unknown()) }),
  async run(args, ctx) {
    const current = expectOk(await callActuator(ctx, args, "GET", "chaosmonkey/assaults"), "Reading ChaosMonkey assaults").json();
    const previous = previousValues(current, args.assaults_configuration);
    if (ctx.dryRun) {
      ctx.logger.info("dry run: would change Chaos Monkey assaults", { base_url: args.base_url, from: previous, to: args.assaults_configuration });
      return "dry run: assaults unchanged";
    }
    ctx.registerRevert({
      title: `restore Chaos Monkey assaults at ${args.base_url}`,
      driver: "@faultline/monkey",
      func: "change_assaults_configuration",
      arguments: { ...revertConnection(args), assaults_configuration: previous }
    });
    return expectOk(await callActuator(ctx, args, "POST", "chaosmonkey/assaults", args.assaults_configuration), "Change ChaosMonkey Assaults Configuration").text;
  }
});

// packages/monkey/dist/activities/change-watcher-configuration.js
var changeWatcherConfiguration = defineActivity({
  name: "change_watcher_configuration",
  type: "action",
  description: "Change which layers the service's Chaos Monkey watches (POST /chaosmonkey/watchers); reverted to the values it replaced.",
  python: ["chaosspring.actions"],
  mutating: true,
  arguments: external_exports.object({ ...connectionArguments, watchers_configuration: external_exports.record(external_exports.string(), external_exports.unknown()) }),
  async run(args, ctx) {
    const current = expectOk(await callActuator(ctx, args, "GET", "chaosmonkey/watchers"), "Reading ChaosMonkey watchers").json();
    const previous = previousValues(current, args.watchers_configuration);
    if (ctx.dryRun) {
      ctx.logger.info("dry run: would change Chaos Monkey watchers", { base_url: args.base_url, from: previous, to: args.watchers_configuration });
      return "dry run: watchers unchanged";
    }
    ctx.registerRevert({
      title: `restore Chaos Monkey watchers at ${args.base_url}`,
      driver: "@faultline/monkey",
      func: "change_watcher_configuration",
      arguments: { ...revertConnection(args), watchers_configuration: previous }
    });
    return expectOk(await callActuator(ctx, args, "POST", "chaosmonkey/watchers", args.watchers_configuration), "Change ChaosMonkey Watcher Configuration").text;
  }
});

// packages/monkey/dist/activities/chaosmonkey-enabled.js
var chaosmonkeyEnabled = defineActivity({
  name: "chaosmonkey_enabled",
  type: "probe",
  description: "Whether Chaos Monkey is enabled on the service (Node with @faultline/monkey, or Spring Boot 2.x/3.x).",
  python: ["chaosspring.probes"],
  arguments: external_exports.object({ ...connectionArguments }),
  run: (args, ctx) => readEnabled(ctx, args)
});

// packages/monkey/dist/activities/disable-chaosmonkey.js
var disableChaosmonkey = defineActivity({
  name: "disable_chaosmonkey",
  type: "action",
  description: "Disable Chaos Monkey on the service; reverted by enabling it again if it was on.",
  python: ["chaosspring.actions"],
  mutating: true,
  arguments: external_exports.object({ ...connectionArguments }),
  async run(args, ctx) {
    const wasEnabled = await readEnabled(ctx, args);
    if (ctx.dryRun) {
      ctx.logger.info("dry run: would disable Chaos Monkey", { base_url: args.base_url, wasEnabled });
      return `dry run: Chaos Monkey ${wasEnabled ? "would be disabled" : "already disabled"}`;
    }
    if (wasEnabled) {
      ctx.registerRevert({
        title: `re-enable Chaos Monkey at ${args.base_url}`,
        driver: "@faultline/monkey",
        func: "enable_chaosmonkey",
        arguments: revertConnection(args)
      });
    }
    return expectOk(await callActuator(ctx, args, "POST", "chaosmonkey/disable"), "Disable ChaosMonkey").text;
  }
});

// packages/monkey/dist/activities/enable-chaosmonkey.js
var enableChaosmonkey = defineActivity({
  name: "enable_chaosmonkey",
  type: "action",
  description: "Enable Chaos Monkey on the service; reverted by disabling it again if it was off.",
  python: ["chaosspring.actions"],
  mutating: true,
  arguments: external_exports.object({ ...connectionArguments }),
  async run(args, ctx) {
    const wasEnabled = await readEnabled(ctx, args);
    if (ctx.dryRun) {
      ctx.logger.info("dry run: would enable Chaos Monkey", { base_url: args.base_url, wasEnabled });
      return `dry run: Chaos Monkey ${wasEnabled ? "already enabled" : "would be enabled"}`;
    }
    if (!wasEnabled) {
      ctx.registerRevert({
        title: `disable Chaos Monkey at ${args.base_url}`,
        driver: "@faultline/monkey",
        func: "disable_chaosmonkey",
        arguments: revertConnection(args)
      });
    }
    return expectOk(await callActuator(ctx, args, "POST", "chaosmonkey/enable"), "Enable ChaosMonkey").text;
  }
});

// packages/monkey/dist/activities/watcher-configuration.js
var watcherConfiguration = defineActivity({
  name: "watcher_configuration",
  type: "probe",
  description: "The current watcher configuration of the service's Chaos Monkey (GET /chaosmonkey/watchers).",
  python: ["chaosspring.probes"],
  arguments: external_exports.object({ ...connectionArguments }),
  async run(args, ctx) {
    let answer = await callActuator(ctx, args, "GET", "chaosmonkey/watchers");
    if (answer.status === 404)
      answer = await callActuator(ctx, args, "GET", "chaosmonkey/watcher");
    return expectOk(answer, "ChaosMonkey watcher enquiry").json();
  }
});

// packages/monkey/dist/activities/driver.js
var driver = {
  name: "@faultline/monkey",
  activities: [
    enableChaosmonkey,
    disableChaosmonkey,
    changeAssaultsConfiguration,
    changeWatcherConfiguration,
    chaosmonkeyEnabled,
    assaultsConfiguration,
    assaultConfiguration,
    watcherConfiguration
  ]
};
export {
  assaultConfiguration,
  assaultsConfiguration,
  changeAssaultsConfiguration,
  changeWatcherConfiguration,
  chaosmonkeyEnabled,
  disableChaosmonkey,
  driver,
  enableChaosmonkey,
  watcherConfiguration
};
