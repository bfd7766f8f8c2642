import { parse } from 'yaml';

type Doc = Record<string, unknown>;

/** Where a wrapped fragment's own calls go: a closed port on this machine, never the network. */
export const nowhere = 'http://127.0.0.1:9';

/**
 * A documented YAML/JSON fragment made into a complete experiment, always the same way:
 * - a list is activities: the method;
 * - a `provider:` mapping without `type` is one action with that provider;
 * - a mapping with only `tolerance:` is the tolerance of one hypothesis probe;
 * - anything else is top-level keys of an experiment (configuration, secrets, controls, a hypothesis…);
 * then a title and description are added when missing, a method (one harmless probe) when there is
 * none, and a configuration value for every `${name}` the fragment uses without declaring it.
 */
export function wrapFragment(code: string): Doc {
  const fragment = parse(code) as unknown;
  let experiment: Doc;
  if (Array.isArray(fragment)) experiment = { method: fragment };
  else if (isDoc(fragment) && 'provider' in fragment && !('type' in fragment))
    experiment = { method: [{ type: 'action', name: 'documented-provider', ...fragment }] };
  else if (isDoc(fragment) && Object.keys(fragment).join() === 'tolerance')
    experiment = {
      'steady-state-hypothesis': {
        title: 'documented tolerance',
        probes: [
          { type: 'probe', name: 'documented-tolerance', provider: { type: 'http', url: nowhere }, ...fragment },
        ],
      },
    };
  else if (isDoc(fragment)) experiment = { ...fragment };
  else throw new Error(`not a YAML fragment of an experiment: ${code.slice(0, 60)}`);
  experiment = {
    title: 'a documented fragment',
    description: 'wrapped by the docs tests',
    ...experiment,
    method: experiment['method'] ?? [{ type: 'probe', name: 'harmless', provider: { type: 'http', url: nowhere } }],
  };
  const declared = new Set([
    ...Object.keys((experiment['configuration'] as Doc | undefined) ?? {}),
    ...Object.values((experiment['secrets'] as Record<string, Doc> | undefined) ?? {}).flatMap((scope) =>
      Object.keys(scope),
    ),
  ]);
  const used = [...code.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]!).filter((name) => !declared.has(name));
  if (used.length > 0)
    experiment['configuration'] = {
      ...(experiment['configuration'] as Doc | undefined),
      ...Object.fromEntries(used.map((name) => [name, nowhere])),
    };
  return experiment;
}

const isDoc = (value: unknown): value is Doc => typeof value === 'object' && value !== null && !Array.isArray(value);
