import { dirname, resolve } from 'node:path';

/**
 * Where an experiment's relative module paths and files resolve from: its folder, or the working
 * directory for a URL. Known before loading, so a resolver can be made first.
 */
export function experimentBaseDir(location: string, cwd: string): string {
  return /^https?:\/\//i.test(location) ? cwd : dirname(resolve(cwd, location));
}
