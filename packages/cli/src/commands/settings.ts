import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliIo } from '../cli-io.js';

/** Chaos Toolkit's `chaos settings show|get|set|remove`; bare `faultline settings` shows them too. */
export function registerSettingsCommand(program: Command, io: CliIo): void {
  const settings = program
    .command('settings')
    .description('Show the settings in effect; show, get, set or remove entries of the settings file')
    .option('--json', 'print as JSON')
    .action(async (flags: { json?: boolean }, command: Command) => {
      await (await import('./settings-action.js')).settingsShow(flags.json ? 'json' : 'yaml', command, io);
    });
  settings
    .command('show')
    .description('Show the settings in effect and where they were read from (auth tokens as ***)')
    .addOption(new Option('--format <format>', 'output format').choices(['yaml', 'json']).default('yaml'))
    .action(async (flags: { format: 'yaml' | 'json' }, command: Command) => {
      await (await import('./settings-action.js')).settingsShow(flags.format, command, io);
    });
  settings
    .command('get')
    .description('Print one entry (a dotted key: runtime.rollbacks.strategy, controls[0].name, auth.host\\.com)')
    .argument('<key>', 'dotted key')
    .addOption(new Option('--format <format>', 'output format').choices(['string', 'json', 'yaml']).default('yaml'))
    .action(async (key: string, flags: { format: string }, command: Command) => {
      await (await import('./settings-action.js')).settingsGet(key, flags.format, command, io);
    });
  settings
    .command('set')
    .description('Set an entry; the value is JSON (a bare word is taken as a string). Comments are kept')
    .argument('<key>', 'dotted key')
    .argument('<value>', 'JSON value: 3, true, "text", {"a": 1}')
    .action(async (key: string, raw: string, _flags: unknown, command: Command) => {
      await (await import('./settings-action.js')).settingsSet(key, raw, command, io);
    });
  settings
    .command('remove')
    .description('Remove an entry and everything under it')
    .argument('<key>', 'dotted key')
    .action(async (key: string, _flags: unknown, command: Command) => {
      await (await import('./settings-action.js')).settingsRemove(key, command, io);
    });
}
