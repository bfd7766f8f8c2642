import { UsageError } from '@faultline/core';

type Selectors = string | Record<string, string> | undefined;
type List = string | string[] | undefined;

const toList = (value: List) => (typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value);

function toMap(value: Selectors, what: string): Record<string, string> | undefined {
  if (typeof value !== 'string') return value;
  const map: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const at = pair.indexOf('=');
    if (at < 1) throw new UsageError(`${what}: "${pair}" is not key=value`);
    map[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return map;
}

const needsValue = (mode: string) => ['fixed', 'fixed-percent', 'random-max-percent'].includes(mode);

/** A Chaos Mesh PodSelectorSpec from chaosk8s's comma-separated or structured arguments. */
function podSelector(namespaces: List, labels: Selectors, annotations: Selectors, prefix: string) {
  const selector: Record<string, unknown> = {};
  const ns = toList(namespaces);
  if (ns?.length) selector['namespaces'] = ns;
  const labelMap = toMap(labels, `${prefix}label_selectors`);
  if (labelMap && Object.keys(labelMap).length) selector['labelSelectors'] = labelMap;
  const annotationMap = toMap(annotations, `${prefix}annotations_selectors`);
  if (annotationMap && Object.keys(annotationMap).length) selector['annotationSelectors'] = annotationMap;
  return selector;
}

export interface CommonChaosArguments {
  namespaces_selectors?: List;
  label_selectors?: Selectors;
  annotations_selectors?: Selectors;
  mode: string;
  mode_value?: string | number;
}

export interface TargetChaosArguments {
  direction: string;
  external_targets?: List;
  target_mode?: string;
  target_mode_value?: string | number;
  target_namespaces_selectors?: List;
  target_label_selectors?: Selectors;
  target_annotations_selectors?: Selectors;
}

/**
 * The selection part of a Chaos Mesh spec, as chaosk8s's add_common_spec builds it. Unlike
 * chaosk8s, `value` is set for every mode that needs one (fixed, fixed-percent, random-max-percent).
 */
export function chaosMeshSelection(args: CommonChaosArguments): Record<string, unknown> {
  return {
    selector: podSelector(args.namespaces_selectors, args.label_selectors, args.annotations_selectors, ''),
    mode: args.mode,
    ...(needsValue(args.mode) && args.mode_value !== undefined ? { value: String(args.mode_value) } : {}),
  };
}

/** The direction and target of a NetworkChaos (the other end of the disturbed traffic). */
export function chaosMeshTarget(args: TargetChaosArguments): Record<string, unknown> {
  const spec: Record<string, unknown> = { direction: args.direction };
  const external = toList(args.external_targets);
  if (external?.length) spec['externalTargets'] = external;
  if (args.target_mode)
    spec['target'] = {
      mode: args.target_mode,
      ...(needsValue(args.target_mode) && args.target_mode_value !== undefined
        ? { value: String(args.target_mode_value) }
        : {}),
      selector: podSelector(
        args.target_namespaces_selectors,
        args.target_label_selectors,
        args.target_annotations_selectors,
        'target_',
      ),
    };
  return spec;
}

export const chaosMesh = {
  group: 'chaos-mesh.org',
  version: 'v1alpha1',
  apiVersion: 'chaos-mesh.org/v1alpha1',
} as const;
