import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { UsageError } from '../errors/faultline-error.js';
import { isPlainObject } from '../substitution/is-plain-object.js';

export interface VarFile {
  /** Values for configuration keys (they override the experiment's). */
  configuration: Record<string, unknown>;
  /** Secret scopes: `{scope: {name: value}}`. */
  secrets: Record<string, Record<string, unknown>>;
  /**
   * Variables of a `.env` file. Chaos Toolkit injects them into the environment, so
   * `{type: env, key}` entries see them; merge them into the env used to resolve configuration.
   */
  env: Record<string, string>;
}

/**
 * Loads a `--var-file`: JSON or YAML (`.json`, `.yaml`, `.yml`) holding `{configuration, secrets}`,
 * or a `.env` file of `KEY=value` lines whose keys become both configuration values and
 * environment variables. Unlike Chaos Toolkit, a missing or malformed file is an error, not a log line.
 */
export async function loadVarFile(path: string): Promise<VarFile> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read var file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      { cause: error },
    );
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
    // yaml is imported only when a var file needs it (start-up time of every run).
    const { parse: parseYaml } = await import('yaml');
    return fromDocument(path, content, ext, parseYaml);
  }
  const env = parseDotEnv(path, content);
  return { configuration: { ...env }, secrets: {}, env };
}

function fromDocument(path: string, content: string, ext: string, parseYaml: (text: string) => unknown): VarFile {
  let data: unknown;
  try {
    data = ext === '.json' ? (JSON.parse(content) as unknown) : (parseYaml(content) as unknown);
  } catch (error) {
    throw new UsageError(`cannot parse var file ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (data === null || data === undefined || content.trim() === '') return { configuration: {}, secrets: {}, env: {} };
  if (!isPlainObject(data))
    throw new UsageError(`var file ${path} must hold a mapping with "configuration" and/or "secrets"`);
  const configuration = data.configuration ?? {};
  const secrets = data.secrets ?? {};
  if (!isPlainObject(configuration)) throw new UsageError(`var file ${path}: "configuration" must be a mapping`);
  if (!isPlainObject(secrets) || !Object.values(secrets).every(isPlainObject)) {
    throw new UsageError(`var file ${path}: "secrets" must be a mapping of scopes to mappings`, {
      hint: 'secrets: {k8s: {token: "..."}}',
    });
  }
  return { configuration, secrets: secrets as Record<string, Record<string, unknown>>, env: {} };
}

/** `KEY=value` lines; `#` comments, blank lines, an `export ` prefix and surrounding quotes allowed. */
function parseDotEnv(path: string, content: string): Record<string, string> {
  const env: Record<string, string> = {};
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const body = line.startsWith('export ') ? line.slice(7).trimStart() : line;
    const eq = body.indexOf('=');
    if (eq <= 0) throw new UsageError(`${path}:${index + 1}: expected KEY=value, got "${line}"`);
    const key = body.slice(0, eq).trim();
    let value = body.slice(eq + 1).trim();
    const quoted = /^(["'])([\s\S]*)\1$/.exec(value);
    if (quoted) value = quoted[1] === '"' ? quoted[2]!.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1') : quoted[2]!;
    env[key] = value;
  });
  return env;
}
