import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '@faultline/core';

type Env = Readonly<Record<string, string | undefined>>;

/** `$XDG_DATA_HOME/faultline` (default `~/.local/share/faultline`): where the embedded store and its queue live. */
export function dataDirectory(env: Env = process.env): string {
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME ?? homedir(), '.local', 'share');
  return join(base, 'faultline');
}

/** The embedded default: a SQLite file in the data directory. */
export function defaultStoreUrl(env: Env = process.env): string {
  return join(dataDirectory(env), 'faultline.sqlite');
}

/**
 * Which store to use: `--store`, then `FAULTLINE_STORE`, then `store.url` in settings, then the
 * embedded default. Relative file paths are taken from `cwd`.
 */
export function resolveStoreUrl(options: {
  flag?: string;
  env?: Env;
  settings?: Record<string, unknown>;
  cwd?: string;
}): string {
  const env = options.env ?? process.env;
  const fromSettings = (options.settings?.store as { url?: unknown } | undefined)?.url;
  if (fromSettings !== undefined && typeof fromSettings !== 'string')
    throw new UsageError('settings store.url must be a string (a file path or postgres://…)');
  const url = options.flag || env.FAULTLINE_STORE || fromSettings || defaultStoreUrl(env);
  checkStoreScheme(url);
  if (isPostgresUrl(url) || url === ':memory:') return url;
  const path = url.startsWith('sqlite:') ? url.replace(/^sqlite:(\/\/)?/, '') : url;
  return resolve(options.cwd ?? process.cwd(), path);
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

/** The URL without its password, for messages. */
export function redactStoreUrl(url: string): string {
  if (!isPostgresUrl(url)) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

/**
 * A store is a file path, `sqlite:` or `postgres://`: any other `scheme://` (mysql://, https://) is
 * a mistake to report, not a file name to create.
 */
export function checkStoreScheme(url: string): void {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
  if (scheme && !/^(postgres|postgresql|sqlite)$/i.test(scheme))
    throw new UsageError(`the store ${scheme}://… is not supported`, {
      hint: 'use a SQLite file path, sqlite:<path>, or a postgres:// URL',
    });
}
