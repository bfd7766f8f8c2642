import { UsageError } from '@faultline/core';
import type { KubeClient } from '../client/kube-client.js';
import type { LeanPod } from './lean-pod.js';
import { listPods } from './list-pods.js';

export interface PodSelectionArguments {
  label_selector?: string;
  name_pattern?: string;
  all: boolean;
  rand: boolean;
  mode: 'fixed' | 'percentage';
  qty: number;
  ns: string;
  order: 'alphabetic' | 'oldest';
}

export interface PodSelection {
  /** Every pod that matched the label selector and name pattern, Terminating ones excepted. */
  matching: LeanPod[];
  /** Names of the matching pods already Terminating (deletionTimestamp set): never selected. */
  terminating: string[];
  /** The pods chosen among them. */
  selected: LeanPod[];
}

function sample<T>(items: readonly T[], count: number): T[] {
  // Partial Fisher–Yates: an unbiased random sample without replacement, like random.sample.
  const pool = [...items];
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(Math.random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

/**
 * chaosk8s `_select_pods` semantics: list by label selector in `ns` (all pods when none), keep
 * names matching `name_pattern` (a regex searched anywhere in the name), sort by creation time when
 * order is oldest, then — leaving out pods already Terminating — unless `all`: qty pods (or ceil(qty% of them) in percentage mode, capped at
 * what exists), a random sample when `rand`, else the first ones. Lists page by page.
 */
export async function selectPods(
  client: KubeClient,
  args: PodSelectionArguments,
  signal?: AbortSignal,
): Promise<PodSelection> {
  let pattern: RegExp | undefined;
  if (args.name_pattern) {
    try {
      pattern = new RegExp(args.name_pattern);
    } catch (error) {
      throw new UsageError(
        `name_pattern "${args.name_pattern}" is not a valid regular expression: ${(error as Error).message}`,
        { hint: 'name_pattern is searched anywhere in the pod name, e.g. "^web-"' },
      );
    }
  }
  const listed = await listPods(client, args.ns, { labelSelector: args.label_selector }, signal);
  const named = pattern ? listed.filter((pod) => pattern.test(pod.metadata.name)) : listed;
  // A pod being deleted is already going: hitting it again proves nothing, and counting it would
  // let the guards believe more pods remain than will.
  const terminating = named.filter((pod) => pod.metadata.deletionTimestamp).map((pod) => pod.metadata.name);
  let matching = terminating.length > 0 ? named.filter((pod) => !pod.metadata.deletionTimestamp) : named;
  if (args.order === 'oldest') {
    // Stable sort: pods created in the same second keep the API's (alphabetic) order.
    matching = [...matching].sort(
      (a, b) => Date.parse(a.metadata.creationTimestamp ?? '') - Date.parse(b.metadata.creationTimestamp ?? ''),
    );
  }
  if (args.all) return { matching, terminating, selected: matching };
  let qty = args.mode === 'percentage' ? Math.ceil((args.qty * matching.length) / 100) : args.qty;
  qty = Math.min(qty, matching.length);
  const selected = args.rand ? sample(matching, qty) : matching.slice(0, qty);
  return { matching, terminating, selected };
}
