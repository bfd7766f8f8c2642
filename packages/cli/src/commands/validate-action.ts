import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';

/** `faultline validate`: every problem of an experiment at once, with file:line:column. */
export async function validateCommand(
  source: string,
  flags: { json?: boolean; verifyTls: boolean },
  command: Command,
  io: CliIo,
): Promise<void> {
  const { formatProblem, loadExperimentDocument, loadSettings, bearerTokenFor, exitCodes, loaderSettings } =
    await import('@faultline/core');
  const { validateDocument } = await import('../validate-document.js');
  const globals = command.optsWithGlobals<GlobalFlags>();
  const { settings, path: settingsPath } = await loadSettings(globals.settings, io.env);
  const document = await loadExperimentDocument(source, {
    cwd: io.cwd,
    env: io.env,
    bearerToken: bearerTokenFor(source, settings),
    verifyTls: flags.verifyTls,
    allowedRedirectHosts: loaderSettings(settings).allowedRedirectHosts,
  });
  const result = await validateDocument(document, { cwd: io.cwd, env: io.env, settings });
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify({ valid: errors === 0, location: document.source.location, problems: result.problems }, null, 2)}\n`,
    );
  } else {
    // A problem of the settings' safeguards is under `settings`, not in the experiment file.
    const where = (problem: (typeof result.problems)[number]) =>
      problem.line === undefined && problem.path[0] === 'settings' ? settingsPath : document.source.location;
    for (const problem of result.problems) io.stdout.write(`${formatProblem(problem, where(problem))}\n`);
    io.stdout.write(
      errors
        ? `${errors} error(s): the experiment is not valid\n`
        : `the experiment is valid${result.problems.length ? ` (${result.problems.length} warning(s))` : ''}\n`,
    );
  }
  io.setExitCode(errors ? exitCodes.invalid : exitCodes.ok);
}
