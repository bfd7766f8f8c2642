import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);
import {
  collectVars
} from "./chunk-TOQSWJ6U.js";
import {
  ActivityResolver,
  RevertLedger,
  resolveConfiguration,
  resolveSecrets,
  silentLogger
} from "./chunk-CKIXTYGO.js";
import "./chunk-IGKN5HIV.js";
import {
  UsageError,
  exitCodes
} from "./chunk-IQ32Z4TL.js";
import {
  knownDrivers
} from "./chunk-JDH6GR3O.js";
import "./chunk-LKYZCP33.js";

// packages/cli/dist/commands/revert-action.js
import { readFile, rename, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
async function revertJournal(journalPath, flags, io) {
  const path = resolve(io.cwd, journalPath);
  let journal;
  try {
    journal = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read journal ${journalPath}: ${error.message}`);
  }
  const reverts = journal.faultline?.reverts ?? [];
  const todo = reverts.filter((r) => r.status === "pending" || r.status === "failed").reverse();
  if (!todo.length) {
    io.stdout.write("nothing to revert: every fault of this run was reverted\n");
    return;
  }
  if (flags.dry) {
    for (const revert of todo)
      io.stdout.write(`would revert: ${revert.title} (${revert.driver} ${revert.func})
`);
    return;
  }
  const vars = await collectVars([], flags.varFile, io.cwd);
  const secrets = resolveSecrets(journal.experiment.secrets, { env: io.env, vars: vars.secrets });
  const configuration = await resolveConfiguration(journal.experiment.configuration, { env: io.env, vars: vars.configuration }).catch(() => vars.configuration);
  const allSecrets = Object.assign({}, ...Object.values(secrets));
  const resolver = new ActivityResolver(knownDrivers);
  let failed = 0;
  for (const revert of todo) {
    try {
      const activity = await resolver.resolveRevert(revert);
      await activity.call(structuredClone(revert.arguments), {
        configuration,
        secrets: allSecrets,
        signal: AbortSignal.timeout(12e4),
        logger: silentLogger,
        dryRun: false,
        runId: journal.faultline.run_id,
        experimentDir: io.cwd,
        settings: {},
        experimentTitle: journal.experiment.title,
        registerRevert: () => RevertLedger.noopHandle
      });
      revert.status = "reverted";
      delete revert.error;
      io.stdout.write(`reverted: ${revert.title}
`);
    } catch (error) {
      failed++;
      revert.status = "failed";
      revert.error = error.message;
      io.stderr.write(`could not revert ${revert.title}: ${revert.error}
`);
    }
    revert.reverted = (/* @__PURE__ */ new Date()).toISOString();
  }
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(journal, null, 2)}
`);
  await rename(temp, path);
  io.setExitCode(failed ? exitCodes.failed : exitCodes.ok);
}
export {
  revertJournal
};
