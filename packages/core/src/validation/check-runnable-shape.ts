import { UsageError } from '../errors/faultline-error.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The least a document needs for the runner to walk it, checked even under `--no-validation`:
 * skipping validation may run a questionable experiment, never crash on a malformed one.
 */
export function checkRunnableShape(value: unknown, location: string): void {
  const problems: string[] = [];
  if (!isObj(value)) problems.push('the document must be a mapping (an experiment)');
  else {
    const hypothesis = value['steady-state-hypothesis'];
    if (hypothesis !== undefined && hypothesis !== null && !isObj(hypothesis))
      problems.push('steady-state-hypothesis must be a mapping');
    const lists: Array<[string, unknown]> = [
      ['method', value.method],
      ['rollbacks', value.rollbacks],
      ['steady-state-hypothesis.probes', isObj(hypothesis) ? hypothesis.probes : undefined],
      ['controls', value.controls],
    ];
    for (const [name, list] of lists) {
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list)) {
        problems.push(`${name} must be a list`);
        continue;
      }
      list.forEach((item, index) => {
        if (!isObj(item)) problems.push(`${name}[${index}] must be a mapping`);
        else if (name !== 'controls' && !('ref' in item) && !isObj(item.provider))
          problems.push(`${name}[${index}] needs a provider (or a ref)`);
        else if (name === 'controls' && !isObj(item.provider)) problems.push(`${name}[${index}] needs a provider`);
      });
    }
  }
  if (problems.length)
    throw new UsageError(`${location} cannot be run, even without validation:\n  ${problems.join('\n  ')}`, {
      code: 'E_INVALID_EXPERIMENT',
      hint: 'run `faultline validate` for every problem with its line',
    });
}
