import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '@faultline/core';

/**
 * An experiment named on the command line: an experiment file (its identity is computed, so
 * `faultline history trend experiment.yaml` works), else an id, id prefix or title for the store.
 */
export async function experimentRef(ref: string, cwd: string): Promise<string> {
  const path = resolve(cwd, ref);
  if (!/\.(ya?ml|json)$/i.test(ref) || !existsSync(path)) return ref;
  const { parse } = await import('yaml');
  const { experimentIdentity } = await import('@faultline/store');
  let experiment: unknown;
  try {
    experiment = parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read experiment ${ref}: ${(error as Error).message}`, { cause: error });
  }
  if (typeof experiment !== 'object' || experiment === null) throw new UsageError(`${ref} is not an experiment`);
  return experimentIdentity(experiment as Parameters<typeof experimentIdentity>[0]);
}
