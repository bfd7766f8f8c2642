import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';

export function registerSettingsCommand(program: Command, io: CliIo): void {
  program
    .command('settings')
    .description('Show the settings in effect and where they were read from')
    .option('--json', 'print as JSON')
    .action(async (flags: { json?: boolean }, command: Command) => {
      const { loadSettings, defaultSettingsPaths } = await import('@faultline/core');
      const { stringify } = await import('yaml');
      const globals = command.optsWithGlobals<GlobalFlags>();
      const loaded = await loadSettings(globals.settings, io.env);
      const redacted = redactAuth(loaded.settings);
      if (flags.json) {
        io.stdout.write(`${JSON.stringify({ path: loaded.path ?? null, settings: redacted }, null, 2)}\n`);
        return;
      }
      io.stdout.write(
        loaded.path
          ? `# ${loaded.path}\n`
          : `# no settings file found (looked at ${defaultSettingsPaths(io.env).join(', ')})\n`,
      );
      io.stdout.write(stringify(redacted));
    });
}

/** Tokens in settings are secrets: show that they are set, never their value. */
function redactAuth(settings: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(settings);
  const auth = copy.auth as Record<string, { value?: string }> | undefined;
  for (const entry of Object.values(auth ?? {}))
    if (entry && typeof entry === 'object' && 'value' in entry) entry.value = '***';
  return copy;
}
