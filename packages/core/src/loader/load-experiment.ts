import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { UsageError } from '../errors/faultline-error.js';
import { parseExperimentText, type ExperimentSource } from './experiment-source.js';

export interface LoadedDocument {
  readonly value: unknown;
  readonly source: ExperimentSource;
  /** Directory relative module paths and files resolve from (cwd for URLs). */
  readonly baseDir: string;
}

export interface LoadOptions {
  cwd: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** settings.auth bearer token for URLs, as Chaos Toolkit's loader does. */
  bearerToken?: string;
  signal?: AbortSignal;
  /** false: accept any certificate for https experiment URLs (`--no-verify-tls`, as Chaos Toolkit's loader). */
  verifyTls?: boolean;
}

const supported = new Set(['.json', '.yaml', '.yml']);

/** Reads an experiment from a path or an http(s) URL and parses it, keeping line numbers. */
export async function loadExperimentDocument(location: string, options: LoadOptions): Promise<LoadedDocument> {
  const isUrl = /^https?:\/\//i.test(location);
  const text = isUrl ? await fetchText(location, options) : await readLocal(location, options.cwd);
  const where = isUrl ? location : resolve(options.cwd, location);
  const extension = extname(new URL(location, 'file:///').pathname).toLowerCase();
  if (!isUrl && !supported.has(extension)) {
    throw new UsageError(`${location}: unsupported experiment file type "${extension || '(none)'}"`, {
      code: 'E_EXPERIMENT_TYPE',
      hint: 'experiments are .json, .yaml or .yml files',
    });
  }
  const parsed = parseExperimentText(text, where);
  if (parsed.errors.length) {
    const lines = parsed.errors.map((e) => `  ${where}:${e.line ?? '?'}:${e.column ?? '?'}: ${e.message}`);
    throw new UsageError(`cannot parse ${where}:\n${lines.join('\n')}`, { code: 'E_EXPERIMENT_SYNTAX' });
  }
  return { value: parsed.value, source: parsed.source, baseDir: isUrl ? options.cwd : dirname(where) };
}

async function readLocal(location: string, cwd: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, location), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read experiment ${location}: ${code === 'ENOENT' ? 'no such file' : String(error)}`, {
      code: 'E_EXPERIMENT_NOT_FOUND',
      cause: error,
    });
  }
}

async function fetchText(url: string, options: LoadOptions): Promise<string> {
  const token = options.bearerToken ?? options.env?.FAULTLINE_LOADER_AUTH_BEARER_TOKEN;
  const headers: Record<string, string> = { accept: 'application/json, application/yaml, text/yaml, */*' };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  const signal = options.signal ?? AbortSignal.timeout(30_000);
  try {
    response =
      options.verifyTls === false && url.toLowerCase().startsWith('https:')
        ? await fetchWithoutVerification(url, headers, signal)
        : await fetch(url, { headers, signal });
  } catch (error) {
    throw new UsageError(`cannot fetch experiment ${url}: ${(error as Error).message}`, {
      code: 'E_EXPERIMENT_FETCH',
      cause: error,
    });
  }
  if (!response.ok) {
    throw new UsageError(`cannot fetch experiment ${url}: HTTP ${response.status}`, {
      code: 'E_EXPERIMENT_FETCH',
      hint:
        response.status === 401 || response.status === 403
          ? 'set FAULTLINE_LOADER_AUTH_BEARER_TOKEN or auth in settings'
          : undefined,
    });
  }
  return response.text();
}

/** fetch() cannot skip certificate checks without undici's dispatcher; the http provider's client can. */
async function fetchWithoutVerification(
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<Response> {
  const { sendHttpRequest } = await import('../provider/http/send-http-request.js');
  const raw = await sendHttpRequest({ url: new URL(url), method: 'GET', headers }, { signal, verifyTls: false });
  return new Response(raw.status === 204 || raw.status === 304 ? null : new Uint8Array(raw.body), {
    status: raw.status,
  });
}
