import { join } from 'node:path';
import { UsageError } from '../errors/faultline-error.js';
import { findExecutable } from '../provider/process/find-executable.js';

export interface PythonChoice {
  /** Absolute path of the interpreter. */
  path: string;
  /** Where it was chosen from, for messages: "settings python.interpreter", "FAULTLINE_PYTHON" … */
  source: string;
}

export interface FindPythonOptions {
  /** settings `python.interpreter` */
  interpreter?: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** No interpreter to run a Python module with: says how to configure one. */
export class PythonNotFoundError extends UsageError {
  static override readonly brand: string = 'PythonNotFoundError';
  constructor(message: string) {
    super(message, {
      code: 'E_PYTHON_NOT_FOUND',
      hint: 'install python3, or name an interpreter with settings `python: {interpreter: /path/to/python}`, FAULTLINE_PYTHON=/path/to/python, or activate a virtualenv',
    });
  }
}

/**
 * The interpreter that runs bridged Python modules: the first of settings `python.interpreter`,
 * FAULTLINE_PYTHON, the active virtualenv's python, `python3` on PATH. An interpreter named
 * explicitly must exist (no silent fallback to another Python that lacks the user's packages).
 */
export function findPython(options: FindPythonOptions): PythonChoice {
  const explicit: Array<[string | undefined, string]> = [
    [options.interpreter, 'settings python.interpreter'],
    [options.env.FAULTLINE_PYTHON, 'FAULTLINE_PYTHON'],
  ];
  for (const [wanted, source] of explicit) {
    if (!wanted) continue;
    const path = findExecutable(wanted, { cwd: options.cwd, env: options.env });
    if (!path)
      throw new PythonNotFoundError(`the Python interpreter "${wanted}" (from ${source}) is not an executable`);
    return { path, source };
  }
  const venv = options.env.VIRTUAL_ENV;
  if (venv) {
    const path = findExecutable(join(venv, 'bin', 'python'), { cwd: options.cwd, env: options.env });
    if (path) return { path, source: 'VIRTUAL_ENV' };
  }
  const path = findExecutable('python3', { cwd: options.cwd, env: options.env });
  if (path) return { path, source: 'python3 on PATH' };
  throw new PythonNotFoundError(
    'no Python interpreter found to run Python modules (looked at settings python.interpreter, FAULTLINE_PYTHON, VIRTUAL_ENV and python3 on PATH)',
  );
}
