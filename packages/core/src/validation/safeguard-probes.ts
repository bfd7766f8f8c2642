import type { DocumentPath } from '../loader/experiment-source.js';
import { safeguardsModule } from '../safeguard/collect-safeguards.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every safeguard probe with its path: in the experiment's safeguards controls, and in the
 * settings (their `controls`, a mapping or a list, and `safeguards`, a list or `{probes}`) under
 * a path starting with `settings`. Malformed lists are left to safeguardProblems.
 */
export function safeguardProbes(
  controls: unknown,
  settings: Readonly<Record<string, unknown>> = {},
): Array<[unknown, DocumentPath]> {
  const found: Array<[unknown, DocumentPath]> = [];
  const add = (probes: unknown, path: DocumentPath) => {
    if (Array.isArray(probes)) probes.forEach((probe, index) => found.push([probe, [...path, index]]));
  };
  const fromControls = (list: unknown, path: DocumentPath) => {
    const entries: Array<[string | number, unknown]> = Array.isArray(list)
      ? list.map((control, index) => [index, control])
      : isObj(list)
        ? Object.entries(list)
        : [];
    for (const [key, control] of entries) {
      const provider = isObj(control) ? control.provider : undefined;
      if (isObj(provider) && provider.type === 'python' && provider.module === safeguardsModule)
        add(isObj(provider.arguments) ? provider.arguments.probes : undefined, [
          ...path,
          key,
          'provider',
          'arguments',
          'probes',
        ]);
    }
  };
  fromControls(controls, ['controls']);
  fromControls(settings.controls, ['settings', 'controls']);
  const safeguards = settings.safeguards;
  if (isObj(safeguards)) add(safeguards.probes, ['settings', 'safeguards', 'probes']);
  else add(safeguards, ['settings', 'safeguards']);
  return found;
}
