import { parseWait } from '../duration/parse-duration.js';
import { UsageError } from '../errors/faultline-error.js';
import type { Activity, ControlDeclaration } from '../model/experiment.js';

/** Chaos Toolkit's safeguards control, served natively by the runner. */
export const safeguardsModule = 'chaosaddons.controls.safeguards';

/**
 * A probe that protects the system for the whole run (chaosaddons semantics): with `frequency`
 * it runs every so many seconds; with `background: true` once, beside the run; otherwise once,
 * before anything else. A failed tolerance aborts the run at once.
 */
export interface Safeguard extends Activity {
  /** Seconds between two checks. */
  frequency?: number;
  /** Where it was declared: the experiment's control or the settings. */
  declared_in: 'experiment' | 'settings';
}

export const isSafeguardsControl = (control: ControlDeclaration) =>
  control.provider?.type === 'python' && control.provider.module === safeguardsModule;

/**
 * The safeguards of a run: the `probes` of every safeguards control (experiment, settings
 * `controls`, `--control-file`) and the settings' `safeguards` list. Malformed ones are invalid input.
 */
export function collectSafeguards(
  controls: ReadonlyArray<{ control: ControlDeclaration; from: Safeguard['declared_in'] }>,
  settings: Readonly<Record<string, unknown>>,
): Safeguard[] {
  const found: Safeguard[] = [];
  const add = (probes: unknown, from: Safeguard['declared_in'], where: string) => {
    if (probes === undefined) return;
    if (!Array.isArray(probes)) throw new UsageError(`${where} must be a list of probes`, { code: 'E_SAFEGUARD' });
    probes.forEach((probe, index) => found.push(checked(probe, from, `${where}[${index}]`)));
  };
  for (const { control, from } of controls)
    if (isSafeguardsControl(control))
      add(control.provider.arguments?.probes, from, `control "${control.name}" arguments.probes`);
  const fromSettings = settings.safeguards as unknown;
  add(
    fromSettings && typeof fromSettings === 'object' && !Array.isArray(fromSettings)
      ? (fromSettings as { probes?: unknown }).probes
      : fromSettings,
    'settings',
    'settings safeguards',
  );
  return found;
}

function checked(probe: unknown, from: Safeguard['declared_in'], where: string): Safeguard {
  const p = probe as Partial<Safeguard> & { frequency?: unknown };
  if (!p || typeof p !== 'object' || typeof p.name !== 'string' || !p.provider || typeof p.provider !== 'object')
    throw new UsageError(`${where}: a safeguard is a probe with a name and a provider`, { code: 'E_SAFEGUARD' });
  if (p.tolerance === undefined)
    throw new UsageError(`${where} ("${p.name}"): a safeguard needs a tolerance`, {
      code: 'E_SAFEGUARD',
      hint: 'the tolerance says what a safe system looks like; without it nothing can trip',
    });
  const frequency =
    p.frequency === undefined || p.frequency === null
      ? undefined
      : parseWait(p.frequency as number | string, `${where}.frequency`);
  if (frequency !== undefined && !(frequency > 0))
    throw new UsageError(`${where}.frequency must be a positive number of seconds`, { code: 'E_SAFEGUARD' });
  return { ...(p as Activity), type: 'probe', frequency, declared_in: from };
}
