import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

const experimentFile = /\.(json|ya?ml)$/i;
/**
 * Var files (`faultline run --var-file`) beside an experiment: `vars.yaml`, `staging.vars.json`,
 * `staging.env`… They hold configuration, not experiments, so the library does not list them as such.
 */
const varFile = /(^|\.)vars\.(json|ya?ml)$|\.env$/i;
const isExperimentFile = (name: string) => experimentFile.test(name) && !varFile.test(name);
/** Folders never worth walking (and possibly huge). */
const skipped = new Set(['node_modules', '.git']);
/** A library is a folder of experiments, not a disk: the walk stops there. */
const maxFiles = 2000;

/** True when `path` (already resolved) is `root` or inside it. */
const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * Experiment files (.json, .yaml, .yml) under `dir`, recursively, as sorted relative paths with
 * forward slashes. A symbolic link is followed only when it stays inside the folder.
 */
export function experimentFiles(dir: string): string[] {
  const root = realpathSync(dir);
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (folder: string) => {
    const real = realpathSync(folder);
    if (seen.has(real)) return; // a link back up the tree
    seen.add(real);
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (found.length >= maxFiles || entry.name.startsWith('.') || skipped.has(entry.name)) continue;
      const path = join(folder, entry.name);
      let target: string;
      try {
        target = realpathSync(path);
      } catch {
        continue; // a dangling link
      }
      if (!inside(root, target)) continue;
      const stat = statSync(target);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile() && isExperimentFile(entry.name)) found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found;
}

/**
 * The absolute path of a library file named by a request: relative, no `..`, an experiment file,
 * and (links resolved) inside the folder. Anything else is undefined: the caller answers 404.
 */
export function resolveInLibrary(dir: string, path: string): string | undefined {
  return resolveFile(dir, path, isExperimentFile);
}

/** The same for a var file (see varFilesBeside). */
export function resolveVarFile(dir: string, path: string): string | undefined {
  return resolveFile(dir, path, (name) => varFile.test(name));
}

/**
 * The var files in the folder of the experiment `path` (not in sub-folders), as library paths:
 * a Library run may take one. Links leaving the library are ignored.
 */
export function varFilesBeside(dir: string, path: string): string[] {
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  let names: string[];
  try {
    names = readdirSync(join(dir, folder)).sort();
  } catch {
    return [];
  }
  return names.map((name) => folder + name).filter((candidate) => resolveVarFile(dir, candidate) !== undefined);
}

function resolveFile(dir: string, path: string, accepts: (name: string) => boolean): string | undefined {
  if (!path || path.includes('\0') || isAbsolute(path) || path.includes('\\')) return undefined;
  const parts = path.split('/');
  if (parts.some((part) => part === '..' || part === '.' || part === '' || part.startsWith('.'))) return undefined;
  if (!accepts(parts[parts.length - 1]!)) return undefined;
  const candidate = join(dir, ...parts);
  try {
    const real = realpathSync(candidate);
    if (!inside(realpathSync(dir), real) || !lstatSync(real).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}
