import { Command, CommanderError } from 'commander';
import type { CliIo } from './cli-io.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerDiscoverCommand } from './commands/discover.js';
import { registerDoctorCommand } from './commands/doctor.js';
import { registerFindingsCommand } from './commands/findings.js';
import { registerHistoryCommand } from './commands/history.js';
import { registerImportCommand } from './commands/import.js';
import { registerInfoCommand } from './commands/info.js';
import { registerInitCommand } from './commands/init.js';
import { registerProxyCommand } from './commands/proxy.js';
import { registerRecheckCommand } from './commands/recheck.js';
import { registerReportCommand } from './commands/report.js';
import { registerRevertCommand } from './commands/revert.js';
import { registerRunCommand } from './commands/run.js';
import { registerSchemaCommand } from './commands/schema.js';
import { registerSettingsCommand } from './commands/settings.js';
import { registerValidateCommand } from './commands/validate.js';
import { registerVerifyCommand } from './commands/verify.js';
import { renderError } from './render-error.js';
import { faultlineVersion } from './version.js';

/** Builds the command tree. Every command reaches the world only through `io`. */
export function createProgram(io: CliIo, name = 'faultline'): Command {
  const program = new Command(name)
    .description('Faultline: chaos engineering for Kubernetes microservices (runs Chaos Toolkit experiments unchanged)')
    .version(faultlineVersion, '-V, --version')
    .option('--verbose', 'show debug logs and stack traces')
    .option(
      '--settings <path>',
      'settings file (default ~/.faultline/settings.yaml, then ~/.chaostoolkit/settings.yaml)',
    )
    .option('--log-file <path>', 'log file', 'faultline.log')
    .option('--no-log-file', 'do not write a log file')
    .option('--no-color', 'plain output without colour')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  for (const register of [
    registerRunCommand,
    registerValidateCommand,
    registerDiscoverCommand,
    registerInitCommand,
    registerSettingsCommand,
    registerInfoCommand,
    registerSchemaCommand,
    registerRevertCommand,
    registerReportCommand,
    registerVerifyCommand,
    registerDemoCommand,
    registerDoctorCommand,
    registerProxyCommand,
    registerHistoryCommand,
    registerFindingsCommand,
    registerImportCommand,
    registerRecheckCommand,
  ]) {
    register(program, io);
  }
  // subcommands (history show, findings list …) too
  const configure = (command: Command): void => {
    command
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
    command.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  return program;
}

/** Runs the CLI in-process and returns the exit code (tests call this directly). */
export async function main(argv: readonly string[], io: CliIo, name?: string): Promise<number> {
  let exitCode = 0;
  const tracked: CliIo = {
    ...io,
    setExitCode: (code) => {
      exitCode = code;
      io.setExitCode(code);
    },
  };
  const program = createProgram(tracked, name);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 64;
    const verbose = argv.includes('--verbose');
    const code = renderError(error, io.stderr, verbose);
    tracked.setExitCode(code);
    return code;
  }
}
