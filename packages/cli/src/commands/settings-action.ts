import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';

/** `settings` / `settings show`: the settings in effect and where they were read from. */
export async function settingsShow(format: 'yaml' | 'json', command: Command, io: CliIo): Promise<void> {
  await show(format, command, io);
}

/** `settings get <key>`: one entry. */
export async function settingsGet(key: string, format: string, command: Command, io: CliIo): Promise<void> {
  const { doc, path } = await openSettings(command, io);
  const { settingsKey } = await import('./settings-key.js');
  const { UsageError } = await import('@faultline/core');
  const keyPath = settingsKey(key);
  if (!doc.hasIn(keyPath)) throw new UsageError(`${path} has no entry "${key}"`);
  const value = (doc.getIn(keyPath, true) as { toJSON?: () => unknown })?.toJSON?.() ?? doc.getIn(keyPath);
  const { stringify } = await import('yaml');
  io.stdout.write(
    format === 'json'
      ? `${JSON.stringify(value, null, 2)}\n`
      : format === 'string'
        ? `${typeof value === 'string' ? value : JSON.stringify(value)}\n`
        : stringify(value),
  );
}

/** `settings set <key> <value>`: the value is JSON, a bare word a string; comments are kept. */
export async function settingsSet(key: string, raw: string, command: Command, io: CliIo): Promise<void> {
  const { doc, save } = await openSettings(command, io);
  const { settingsKey } = await import('./settings-key.js');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  doc.setIn(settingsKey(key), value);
  await save();
}

/** `settings remove <key>`: the entry and everything under it. */
export async function settingsRemove(key: string, command: Command, io: CliIo): Promise<void> {
  const { doc, path, save } = await openSettings(command, io);
  const { settingsKey } = await import('./settings-key.js');
  const { UsageError } = await import('@faultline/core');
  const keyPath = settingsKey(key);
  if (!doc.hasIn(keyPath)) throw new UsageError(`${path} has no entry "${key}"`);
  doc.deleteIn(keyPath);
  await save();
}

async function show(format: 'yaml' | 'json', command: Command, io: CliIo): Promise<void> {
  const { loadSettings, defaultSettingsPaths, createRedactor } = await import('@faultline/core');
  const { stringify } = await import('yaml');
  const globals = command.optsWithGlobals<GlobalFlags>();
  const loaded = await loadSettings(globals.settings, io.env);
  // Tokens of `auth`, and every value under a secret-looking key (the product's one rule set).
  const redacted = createRedactor({})(redactAuth(loaded.settings));
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ path: loaded.path ?? null, settings: redacted }, null, 2)}\n`);
    return;
  }
  io.stdout.write(
    loaded.path
      ? `# ${loaded.path}\n`
      : `# no settings file found (looked at ${defaultSettingsPaths(io.env).join(', ')})\n`,
  );
  io.stdout.write(stringify(redacted));
}

/** The settings file (--settings, else the first default that exists) as an editable YAML document. */
async function openSettings(command: Command, io: CliIo) {
  const { defaultSettingsPaths, UsageError } = await import('@faultline/core');
  const { readFile, writeFile, rename } = await import('node:fs/promises');
  const { existsSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const { parseDocument } = await import('yaml');
  const explicit = command.optsWithGlobals<GlobalFlags>().settings;
  const path = explicit ? resolve(io.cwd, explicit) : defaultSettingsPaths(io.env).find((p) => existsSync(p));
  if (!path || !existsSync(path))
    throw new UsageError(`no settings file found at ${path ?? defaultSettingsPaths(io.env).join(' or ')}`, {
      hint: 'create ~/.faultline/settings.yaml, or name one with --settings',
    });
  const doc = parseDocument(await readFile(path, 'utf8'));
  if (doc.errors.length) throw new UsageError(`cannot parse settings ${path}: ${doc.errors[0]!.message}`);
  return {
    doc,
    path,
    async save() {
      // Written by rename so a run reading settings meanwhile never sees half a file.
      await writeFile(`${path}.tmp`, doc.toString());
      await rename(`${path}.tmp`, path);
    },
  };
}

/** Tokens in settings are secrets: show that they are set, never their value. */
function redactAuth(settings: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(settings);
  const auth = copy.auth as Record<string, { value?: string }> | undefined;
  for (const entry of Object.values(auth ?? {}))
    if (entry && typeof entry === 'object' && 'value' in entry) entry.value = '***';
  return copy;
}
