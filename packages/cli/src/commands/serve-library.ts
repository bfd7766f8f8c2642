import { stat } from 'node:fs/promises';
import { formatPath, loadExperimentDocument, loadSettings, UsageError, type Problem } from '@faultline/core';
import {
  experimentFiles,
  resolveInLibrary,
  resolveVarFile,
  varFilesBeside,
  type ExperimentLibrary,
  type LibraryEntry,
} from '@faultline/server';
import type { CliIo } from '../cli-io.js';
import { validateDocument } from '../validate-document.js';
import type { GlobalFlags } from '../global-flags.js';
import { launchRun } from './serve-launch.js';

/**
 * The Library page's experiments: the files under `dir`, validated as `faultline validate` does
 * (re-validated when a file changes), and started as `faultline run` would (serve-launch.ts).
 */
export function experimentLibrary(dir: string, globals: GlobalFlags, io: CliIo, store?: string): ExperimentLibrary {
  const cache = new Map<string, { key: string; entry: LibraryEntry }>();
  return {
    dir,
    async list() {
      const { settings } = await loadSettings(globals.settings, io.env);
      const entries: LibraryEntry[] = [];
      let paths: string[];
      try {
        paths = experimentFiles(dir);
      } catch (error) {
        throw new UsageError(
          `cannot read the experiments folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? error}`,
        );
      }
      for (const path of paths) {
        const file = resolveInLibrary(dir, path);
        if (!file) continue;
        const { mtimeMs, size } = await stat(file);
        const key = `${mtimeMs}:${size}`;
        let cached = cache.get(path);
        if (cached?.key !== key) cache.set(path, (cached = { key, entry: await validate(path, file, settings, io) }));
        // Not cached: a var file may come or go while the experiment stays the same.
        entries.push({ ...cached.entry, varFiles: varFilesBeside(dir, path) });
      }
      return entries;
    },
    async launch(path, options) {
      const file = resolveInLibrary(dir, path);
      if (!file) throw new Error(`no experiment "${path}" in the library`);
      const varFile = options.varFile === undefined ? undefined : resolveVarFile(dir, options.varFile);
      if (options.varFile !== undefined && !varFile) throw new Error(`no var file "${options.varFile}" in the library`);
      return launchRun(path, file, { ...options, varFile, globals, io, store });
    },
  };
}

async function validate(
  path: string,
  file: string,
  settings: Record<string, unknown>,
  io: CliIo,
): Promise<LibraryEntry> {
  try {
    const document = await loadExperimentDocument(file, { cwd: io.cwd, env: io.env });
    const result = await validateDocument(document, { cwd: io.cwd, env: io.env, settings });
    const value = (document.value ?? {}) as { title?: unknown; description?: unknown };
    const problems = [...result.problems].sort(
      (a, b) => Number(a.severity !== 'error') - Number(b.severity !== 'error'),
    );
    return {
      path,
      title: typeof value.title === 'string' ? value.title : undefined,
      description: typeof value.description === 'string' ? value.description : undefined,
      problems: problems.map((problem) => ({
        severity: problem.severity,
        where: where(path, problem),
        message: problem.message,
        hint: problem.hint,
      })),
      valid: !problems.some((problem) => problem.severity === 'error'),
    };
  } catch (error) {
    // Unreadable or unparsable: the loader's message already names the file, line and column.
    const { message, hint } = error as Error & { hint?: string };
    return { path, problems: [{ severity: 'error', where: path, message, hint }], valid: false };
  }
}

const where = (path: string, problem: Problem) =>
  `${[path, problem.line, problem.column].filter((part) => part !== undefined).join(':')} ${formatPath(problem.path)}`;
