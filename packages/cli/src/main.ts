import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '@faultline/core';
import type { CliIo } from './cli-io.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerDiscoverCommand } from './commands/discover.js';
import { registerDoctorCommand } from './commands/doctor.js';
import { registerFindingsCommand } from './commands/findings.js';
import { registerHistoryCommand } from './commands/history.js';
import { registerImportCommand } from './commands/import.js';
import { registerGamedayCommand } from './commands/gameday.js';
import { registerInfoCommand } from './commands/info.js';
import { registerInitCommand } from './commands/init.js';
import { registerProxyCommand } from './commands/proxy.js';
import { registerRecheckCommand } from './commands/recheck.js';
import { registerReportCommand } from './commands/report.js';
import { registerRevertCommand } from './commands/revert.js';
import { registerRunCommand } from './commands/run.js';
import { registerScheduleCommand } from './commands/schedule.js';
import { registerSchemaCommand } from './commands/schema.js';
import { registerServeCommand } from './commands/serve.js';
import { registerSettingsCommand } from './commands/settings.js';
import { registerStatusCommand } from './commands/status.js';
import { registerStopCommand } from './commands/stop.js';
import { registerValidateCommand } from './commands/validate.js';
import { registerVerifyCommand } from './commands/verify.js';
import { renderError } from './render-error.js';
import { faultlineVersion } from './version.js';

/** Builds the command tree. Every command reaches the world only through `io`. */
export function createProgram(given: CliIo, name = 'faultline'): Command {
  // --change-dir moves every command's working directory (relative paths, the log file, Python's cwd).
  let cwd = given.cwd;
  const io: CliIo = {
    ...given,
    get cwd() {
      return cwd;
    },
  };
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
    .addOption(
      new Option('--log-file-level <level>', 'lowest level written to the log file')
        .choices(['debug', 'info', 'warning', 'error'])
        .default('debug'),
    )
    .addOption(
      new Option('--log-format <format>', 'log lines on stderr: text, or one JSON object per line')
        .choices(['string', 'json'])
        .default('string'),
    )
    .option('--change-dir <dir>', 'change to this directory before running the command')
    .option('--no-version-check', 'accepted for Chaos Toolkit pipelines (Faultline never checks for new versions)')
    .option('--no-color', 'plain output without colour')
    .hook('preAction', (root) => {
      const changeDir = root.opts<{ changeDir?: string }>().changeDir;
      if (!changeDir) return;
      const target = resolve(given.cwd, changeDir);
      if (!statSync(target, { throwIfNoEntry: false })?.isDirectory())
        throw new UsageError(`--change-dir: ${target} is not a directory`);
      cwd = target;
    })
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
    registerStatusCommand,
    registerStopCommand,
    registerScheduleCommand,
    registerGamedayCommand,
    registerServeCommand,
  ]) {
    register(program, io);
  }
  // Every level (`settings get` too): usage errors become exit 64 instead of process.exit.
  const configure = (commands: readonly Command[]) => {
    for (const command of commands) {
      command
        .exitOverride()
        .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
      configure(command.commands);
    }
  };
  configure(program.commands);
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
