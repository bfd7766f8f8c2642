import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);
import {
  ActivityFailedError,
  defineActivity,
  external_exports,
  runHttpProvider,
  runProcessProvider
} from "./chunk-IQ32Z4TL.js";
import "./chunk-LKYZCP33.js";

// packages/core/dist/builtin/can-place-order.js
var canPlaceOrder = defineActivity({
  name: "can_place_order",
  type: "probe",
  description: "Send a request (JSON body optional) and return true when the response has the expected status code",
  python: ["chaosprobe.http"],
  arguments: external_exports.object({
    url: external_exports.string().url(),
    method: external_exports.string().default("POST"),
    json: external_exports.unknown().optional(),
    headers: external_exports.record(external_exports.string(), external_exports.string()).optional(),
    status_code: external_exports.number().int().default(200),
    timeout: external_exports.union([external_exports.number(), external_exports.string()]).default(10)
  }),
  async run(args, ctx) {
    const headers = { ...args.headers ?? {} };
    if (args.json !== void 0)
      headers["content-type"] ??= "application/json";
    const response = await runHttpProvider({
      type: "http",
      url: args.url,
      method: args.method,
      headers,
      arguments: args.json,
      timeout: args.timeout
    }, { signal: ctx.signal });
    ctx.logger.debug(`can_place_order: ${args.method} ${args.url} answered ${response.status}`);
    return response.status === args.status_code;
  }
});

// packages/core/dist/builtin/execute-query.js
var executeQuery = defineActivity({
  name: "execute_query",
  type: "action",
  mutating: true,
  description: "Run one SQL statement against PostgreSQL (connection string + query) through psql",
  python: ["chaosdb.actions"],
  arguments: external_exports.object({
    connection_string: external_exports.string().min(1),
    query: external_exports.string().min(1),
    psql_path: external_exports.string().default("psql"),
    timeout: external_exports.union([external_exports.number(), external_exports.string()]).default(60)
  }),
  async run(args, ctx) {
    const target = redactConnection(args.connection_string);
    if (ctx.dryRun)
      return { dry_run: true, target, query: args.query };
    const result = await runProcessProvider({ type: "process", path: args.psql_path, arguments: [args.connection_string, "-v", "ON_ERROR_STOP=1", "-X", "-q", "-c", args.query], timeout: args.timeout }, { signal: ctx.signal, cwd: ctx.experimentDir });
    if (result.status !== 0)
      throw new ActivityFailedError(`query on ${target} failed: ${result.stderr.trim() || `psql exited ${result.status}`}`);
    return { target, status: result.status, output: result.stdout.trim() };
  }
});
function redactConnection(connection) {
  return connection.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

// packages/core/dist/builtin/index.js
var driver = {
  name: "@faultline/core",
  activities: [canPlaceOrder, executeQuery]
};
export {
  driver
};
