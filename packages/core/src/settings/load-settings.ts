import { checkSettings } from './check-settings.js';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors/faultline-error.js';
import type { ControlDeclaration } from '../model/experiment.js';

export interface LoadedSettings {
  /** The file read, if any. */
  path?: string;
  settings: Record<string, unknown>;
}

/** Where settings are looked for when `--settings` is not given: ours first, then Chaos Toolkit's. */
export function defaultSettingsPaths(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const home = env.HOME ?? homedir();
  return [join(home, '.faultline', 'settings.yaml'), join(home, '.chaostoolkit', 'settings.yaml')];
}

/**
 * Reads settings (YAML). An explicit path must exist; default paths are optional.
 * Layout follows Chaos Toolkit's: `runtime`, `controls` (name → {provider}), `auth`, plus
 * Faultline's own sections (`kubernetes`, `dry_run`, …).
 */
export async function loadSettings(
  explicitPath: string | undefined,
  env?: Readonly<Record<string, string | undefined>>,
): Promise<LoadedSettings> {
  const candidates = explicitPath ? [explicitPath] : defaultSettingsPaths(env);
  for (const path of candidates) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (explicitPath)
        throw new UsageError(`cannot read settings ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
      continue;
    }
    let value: unknown;
    try {
      const { parse } = await import('yaml');
      value = parse(text) ?? {};
    } catch (error) {
      throw new UsageError(`cannot parse settings ${path}: ${(error as Error).message}`);
    }
    if (typeof value !== 'object' || Array.isArray(value) || value === null)
      throw new UsageError(`settings ${path} must be a mapping`);
    checkSettings(value as Record<string, unknown>, path);
    return { path, settings: value as Record<string, unknown> };
  }
  return { settings: {} };
}

/** Chaos Toolkit's `controls:` mapping in settings → control declarations. */
export function controlsFromSettings(settings: Record<string, unknown>): ControlDeclaration[] {
  const controls = settings.controls;
  if (!controls || typeof controls !== 'object') return [];
  if (Array.isArray(controls)) return controls as ControlDeclaration[];
  return Object.entries(controls as Record<string, Omit<ControlDeclaration, 'name'>>).map(([name, control]) => ({
    name,
    ...control,
  }));
}

/** Bearer token for loading experiments from a URL (settings.auth, as Chaos Toolkit). */
export function bearerTokenFor(url: string, settings: Record<string, unknown>): string | undefined {
  const auth = settings.auth as Record<string, { type?: string; value?: string }> | undefined;
  if (!auth || !/^https?:/.test(url)) return undefined;
  const host = new URL(url).host;
  const entry = auth[host];
  return entry?.type === 'bearer' ? entry.value : undefined;
}

/** settings.loader: what a remote experiment may do (both off by default). */
export function loaderSettings(settings: Record<string, unknown>): {
  allowRemoteCode: boolean;
  allowedRedirectHosts: string[];
} {
  const loader = (settings.loader ?? {}) as { allow_remote_code?: unknown; allowed_redirect_hosts?: unknown };
  return {
    allowRemoteCode: loader.allow_remote_code === true,
    allowedRedirectHosts: Array.isArray(loader.allowed_redirect_hosts) ? loader.allowed_redirect_hosts.map(String) : [],
  };
}
