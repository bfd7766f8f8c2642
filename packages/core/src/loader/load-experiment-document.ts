import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { UsageError } from '../errors/faultline-error.js';
import { parseExperimentText, type ExperimentSource } from './experiment-source.js';
import { experimentBaseDir } from './experiment-base-dir.js';
import { fetchExperiment } from './fetch-experiment.js';
import { decodeExperimentBytes, inputLimits, tooLarge, type InputLimits } from './input-limits.js';

export interface LoadedDocument {
  readonly value: unknown;
  readonly source: ExperimentSource;
  /** Directory relative module paths and files resolve from (cwd for URLs). */
  readonly baseDir: string;
  /** Loaded from a URL: code it names (javascript, python, process) needs an explicit allowance. */
  readonly remote: boolean;
}

export interface LoadOptions {
  cwd: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** settings.auth bearer token for URLs, as Chaos Toolkit's loader does. */
  bearerToken?: string;
  signal?: AbortSignal;
  /** false: accept any certificate for https experiment URLs (`--no-verify-tls`, as Chaos Toolkit's loader). */
  verifyTls?: boolean;
  /** Defaults to inputLimits(env). */
  limits?: InputLimits;
  /** Hosts a URL may redirect to besides its own (settings `loader.allowed_redirect_hosts`). */
  allowedRedirectHosts?: readonly string[];
}

const supported = new Set(['.json', '.yaml', '.yml']);

/**
 * Reads an experiment from a path or an http(s) URL and parses it, keeping line numbers. Hostile
 * input (too large, too deep, an alias bomb, binary junk) is refused with a UsageError (exit 64).
 */
export async function loadExperimentDocument(location: string, options: LoadOptions): Promise<LoadedDocument> {
  const limits = options.limits ?? inputLimits(options.env);
  const isUrl = /^https?:\/\//i.test(location);
  const where = isUrl ? location : resolve(options.cwd, location);
  const extension = extname(new URL(location, 'file:///').pathname).toLowerCase();
  if (!isUrl && !supported.has(extension)) {
    throw new UsageError(`${location}: unsupported experiment file type "${extension || '(none)'}"`, {
      code: 'E_EXPERIMENT_TYPE',
      hint: 'experiments are .json, .yaml or .yml files',
    });
  }
  const bytes = isUrl
    ? await fetchExperiment(location, {
        bearerToken: options.bearerToken ?? options.env?.FAULTLINE_LOADER_AUTH_BEARER_TOKEN,
        limits,
        allowedRedirectHosts: options.allowedRedirectHosts,
        verifyTls: options.verifyTls,
        signal: options.signal,
      })
    : await readLocal(location, options.cwd, limits.maxBytes);
  const text = decodeExperimentBytes(bytes, where);
  const parsed = parseExperimentText(text, where, limits);
  if (parsed.errors.length) {
    const lines = parsed.errors.map((e) => `  ${where}${e.line ? `:${e.line}:${e.column ?? 1}` : ''}: ${e.message}`);
    throw new UsageError(`cannot parse ${where}:\n${lines.join('\n')}`, { code: 'E_EXPERIMENT_SYNTAX' });
  }
  return {
    value: parsed.value,
    source: parsed.source,
    baseDir: experimentBaseDir(location, options.cwd),
    remote: isUrl,
  };
}

async function readLocal(location: string, cwd: string, maxBytes: number): Promise<Uint8Array> {
  const path = resolve(cwd, location);
  try {
    // Checked before reading: a huge file (or /dev/zero renamed .yaml) is never read whole.
    const info = await stat(path);
    if (info.isFile() && info.size > maxBytes) throw tooLarge(location, maxBytes);
    if (!info.isFile()) throw new UsageError(`${location}: not a regular file`, { code: 'E_EXPERIMENT_NOT_FOUND' });
    return await readFile(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read experiment ${location}: ${code === 'ENOENT' ? 'no such file' : String(error)}`, {
      code: 'E_EXPERIMENT_NOT_FOUND',
      cause: error,
    });
  }
}
