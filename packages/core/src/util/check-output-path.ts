import { accessSync, constants, lstatSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors/faultline-error.js';

/**
 * Checks, before anything runs, that `path` can take what Faultline writes there and that writing
 * would lose nothing: never an input of the run (experiment, var files, settings, controls), never a
 * directory, FIFO or socket, nothing under /proc or /sys. A character device (say /dev/null) is
 * written in place; anything else is a regular file, created with its folder if absent.
 * Returns the absolute path, resolved from `options.cwd`.
 */
export function checkOutputPath(
  path: string,
  what: string,
  options: { cwd?: string; inputs?: readonly string[] } = {},
): string {
  if (!path.trim()) throw new UsageError(`the ${what} path is empty`, { hint: `give a file path for the ${what}` });
  const target = resolve(options.cwd ?? process.cwd(), path);
  const inputs = options.inputs ?? [];
  if (/^\/(proc|sys)(\/|$)/.test(target))
    throw new UsageError(`the ${what} cannot be written under ${target.split('/')[1] === 'proc' ? '/proc' : '/sys'}`);
  const real = realOrSelf(target);
  const clash = inputs.find((input) => realOrSelf(resolve(input)) === real);
  if (clash)
    throw new UsageError(
      `the ${what} path ${target} is also an input of this run (${clash}); writing it would destroy it`,
      {
        hint: `choose another ${what} path`,
      },
    );
  const stats = statOrUndefined(target);
  if (stats?.isCharacterDevice()) return target;
  if (stats?.isDirectory())
    throw new UsageError(`the ${what} path ${target} is a directory`, { hint: `give a file path for the ${what}` });
  if (stats && !stats.isFile())
    throw new UsageError(`the ${what} path ${target} is not a regular file (a FIFO, socket or block device)`, {
      hint: `give a regular file path for the ${what}`,
    });
  const folder = dirname(target);
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(stats ? target : folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOTDIR' || code === 'EEXIST'
        ? 'a part of its folder is a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EROFS'
            ? 'read-only file system'
            : (code ?? String(error));
    throw new UsageError(`cannot write the ${what} at ${target}: ${why}`, { hint: `choose a writable ${what} path` });
  }
  return target;
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function statOrUndefined(path: string) {
  try {
    // lstat first so a dangling symlink is treated as absent rather than crashing stat.
    lstatSync(path);
    return statSync(path);
  } catch {
    return undefined;
  }
}
