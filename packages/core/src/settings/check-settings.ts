import { UsageError } from '../errors/faultline-error.js';
import { hypothesisStrategies, rollbackStrategies } from '../model/experiment.js';

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The settings keys the engine itself reads, checked when the file is loaded so a typo is exit 64
 * with the key and its allowed values, not a silently different run (`strategy: sometimes` would
 * otherwise skip rollbacks). Driver sections (`kubernetes`, …) are checked by their drivers.
 */
export function checkSettings(settings: Record<string, unknown>, path: string): void {
  const problems: string[] = [];
  const runtime = settings.runtime;
  if (runtime !== undefined && !isMapping(runtime)) problems.push('runtime must be a mapping');
  if (isMapping(runtime)) {
    const allowed = { rollbacks: rollbackStrategies, hypothesis: [...hypothesisStrategies, 'continously'] };
    for (const [section, values] of Object.entries(allowed)) {
      const block = runtime[section];
      if (block === undefined) continue;
      if (!isMapping(block)) {
        problems.push(`runtime.${section} must be a mapping`);
        continue;
      }
      const strategy = block.strategy;
      if (strategy !== undefined && !(values as readonly unknown[]).includes(strategy))
        problems.push(
          `runtime.${section}.strategy is ${JSON.stringify(strategy)}; expected one of ${values.join(', ')}`,
        );
    }
  }
  if (settings.dry_run !== undefined && typeof settings.dry_run !== 'boolean')
    problems.push('dry_run must be true or false');
  if (settings.controls !== undefined && !isMapping(settings.controls) && !Array.isArray(settings.controls))
    problems.push('controls must be a mapping of control names to {provider: …}');
  if (problems.length)
    throw new UsageError(`invalid settings ${path}:\n  ${problems.join('\n  ')}`, {
      hint: 'fix the settings file (docs/settings.md lists every key)',
    });
}
