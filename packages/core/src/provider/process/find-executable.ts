import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/**
 * Python's `shutil.which(os.path.expanduser(path))`: a path with a directory part is checked as is
 * (relative to `cwd`), a bare name is looked up on PATH. Returns the absolute path of an executable
 * file, or undefined.
 */
export function findExecutable(
  path: string,
  options: { cwd: string; env?: Readonly<Record<string, string | undefined>> },
): string | undefined {
  const env = options.env ?? process.env;
  let wanted = path;
  if (wanted === '~' || wanted.startsWith('~/')) wanted = join(env.HOME ?? homedir(), wanted.slice(1));
  if (wanted.includes('/')) {
    const candidate = isAbsolute(wanted) ? wanted : resolve(options.cwd, wanted);
    return isExecutableFile(candidate) ? candidate : undefined;
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = resolve(options.cwd, dir === '' ? '.' : dir, wanted);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function isExecutableFile(candidate: string): boolean {
  try {
    if (!statSync(candidate).isFile()) return false;
    accessSync(candidate, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
