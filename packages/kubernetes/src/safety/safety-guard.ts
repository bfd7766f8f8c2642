import type { ActivityContext } from '@faultline/core';
import type { KubeClient } from '../client/kube-client.js';
import { kubernetesSettings, type KubernetesSettings } from '../client/kubernetes-settings.js';
import { isNotFound, kubeFailure } from '../client/kube-api-error.js';
import { paginate } from '../client/paginate.js';
import type { SafetyDecision } from './safety-decision.js';
import { SafetyRefusedError } from './safety-refused-error.js';

export const optInLabel = 'faultline.io/enabled';

/** What the guards need to know about a target. */
export interface GuardedTarget {
  kind: string;
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
}

/** A pod as the min-ready guard sees it. */
export interface GuardedPod {
  metadata?: {
    name?: string;
    deletionTimestamp?: unknown;
    ownerReferences?: ReadonlyArray<{ uid?: string; kind?: string; name?: string; controller?: boolean }>;
  };
  status?: { phase?: string; conditions?: ReadonlyArray<{ type?: string; status?: string }> };
}

/** Ready and not Terminating: a pod being deleted still reports Ready during its grace period. */
const isReady = (pod: GuardedPod) =>
  !pod.metadata?.deletionTimestamp &&
  pod.status?.phase === 'Running' &&
  (pod.status.conditions ?? []).some((condition) => condition.type === 'Ready' && condition.status === 'True');

/**
 * The safety checks every mutating activity runs before touching anything: namespace allow/deny,
 * opt-in label, blast radius and min-ready. Each decision is logged and kept for the output;
 * a refusal throws SafetyRefusedError before any change.
 */
export class SafetyGuard {
  readonly settings: KubernetesSettings;
  readonly decisions: SafetyDecision[] = [];
  readonly dryRun: boolean;
  private readonly ctx: Pick<ActivityContext, 'logger'>;
  private readonly activity: string;
  private readonly namespaceLabels = new Map<string, Record<string, string> | undefined>();

  constructor(ctx: Pick<ActivityContext, 'settings' | 'configuration' | 'logger' | 'dryRun'>, activity: string) {
    this.ctx = ctx;
    this.activity = activity;
    this.settings = kubernetesSettings(ctx);
    this.dryRun = ctx.dryRun || this.settings.dryRun;
  }

  /** Refuse namespaces that are denied or not allowed. */
  checkNamespace(namespace: string): void {
    const { allowedNamespaces, deniedNamespaces } = this.settings;
    if (deniedNamespaces.includes(namespace)) {
      this.refuse(
        'namespace',
        `namespace "${namespace}" is denied (denied_namespaces: ${deniedNamespaces.join(', ')})`,
        'remove it from kubernetes.denied_namespaces in the settings or configuration.faultline_kubernetes if you really mean it',
      );
    }
    if (allowedNamespaces.length > 0 && !allowedNamespaces.includes(namespace)) {
      this.refuse(
        'namespace',
        `namespace "${namespace}" is not in allowed_namespaces (${allowedNamespaces.join(', ')})`,
        'add it to kubernetes.allowed_namespaces',
      );
    }
    this.record({ check: 'namespace', outcome: 'allowed', detail: `namespace "${namespace}" may be targeted` });
  }

  /** With require_opt_in, every target (or its namespace) must carry faultline.io/enabled=true. */
  async checkOptIn(client: KubeClient, targets: readonly GuardedTarget[]): Promise<void> {
    if (!this.settings.requireOptIn) return;
    const refused: string[] = [];
    for (const target of targets) {
      if (target.labels?.[optInLabel] === 'true') continue;
      if (target.namespace && (await this.labelsOfNamespace(client, target.namespace))?.[optInLabel] === 'true')
        continue;
      refused.push(
        target.namespace ? `${target.kind} ${target.namespace}/${target.name}` : `${target.kind} ${target.name}`,
      );
    }
    if (refused.length > 0) {
      this.refuse(
        'opt-in',
        `not opted in (${optInLabel}=true on the target or its namespace): ${refused.join(', ')}`,
        `label the targets or their namespace: kubectl label namespace <ns> ${optInLabel}=true`,
      );
    }
    this.record({
      check: 'opt-in',
      outcome: 'allowed',
      detail: `all ${targets.length} target(s) opted in with ${optInLabel}=true`,
    });
  }

  /** Refuse to affect more than max_pods objects or max_percentage of the matching ones. */
  checkBlastRadius(selected: number, matching: number, what = 'pods'): void {
    const { maxPods, maxPercentage } = this.settings;
    if (maxPods !== undefined && selected > maxPods) {
      this.refuse(
        'blast-radius',
        `${selected} ${what} selected but max_pods is ${maxPods}`,
        'select fewer targets (qty, label_selector) or raise kubernetes.max_pods',
      );
    }
    if (maxPercentage !== undefined && matching > 0 && (selected / matching) * 100 > maxPercentage) {
      this.refuse(
        'blast-radius',
        `${selected} of ${matching} ${what} (${Math.round((selected / matching) * 100)}%) selected but max_percentage is ${maxPercentage}%`,
        'select fewer targets or raise kubernetes.max_percentage',
      );
    }
    const limits = [
      maxPods !== undefined ? `max_pods ${maxPods}` : '',
      maxPercentage !== undefined ? `max_percentage ${maxPercentage}%` : '',
    ]
      .filter(Boolean)
      .join(', ');
    this.record({
      check: 'blast-radius',
      outcome: 'allowed',
      detail: `${selected} of ${matching} ${what} selected${limits ? ` (within ${limits})` : ' (no cap configured)'}`,
    });
  }

  /**
   * Refuse to cordon, taint or drain more than max_nodes nodes, or more than max_node_percentage of
   * the cluster's nodes (counted page by page, only when that cap is set). No cap unless configured.
   */
  async checkNodeBlastRadius(client: KubeClient, selected: readonly string[], signal?: AbortSignal): Promise<void> {
    const { maxNodes, maxNodePercentage } = this.settings;
    const count = selected.length;
    const shown = selected.length > 10 ? `${selected.slice(0, 10).join(', ')}, …` : selected.join(', ');
    if (maxNodes !== undefined && count > maxNodes) {
      this.refuse(
        'blast-radius',
        `${count} nodes selected (${shown}) but max_nodes is ${maxNodes}`,
        'select fewer nodes (name, label_selector, count) or raise kubernetes.max_nodes',
      );
    }
    let total: number | undefined;
    if (maxNodePercentage !== undefined) {
      total = 0;
      try {
        for await (const _node of paginate(
          (page) => client.limiter.run(() => client.core.listNode(page), signal),
          this.settings.pageSize,
          signal,
        ))
          total += 1;
      } catch (error) {
        throw kubeFailure(`${this.activity}: counting the cluster's nodes for max_node_percentage`, error);
      }
      const share = total > 0 ? (count / total) * 100 : 100;
      if (share > maxNodePercentage) {
        this.refuse(
          'blast-radius',
          `${count} of the cluster's ${total} nodes (${Math.round(share)}%) selected (${shown}) but max_node_percentage is ${maxNodePercentage}%`,
          'select fewer nodes or raise kubernetes.max_node_percentage',
        );
      }
    }
    const limits = [
      maxNodes !== undefined ? `max_nodes ${maxNodes}` : '',
      maxNodePercentage !== undefined ? `max_node_percentage ${maxNodePercentage}%` : '',
    ]
      .filter(Boolean)
      .join(', ');
    this.record({
      check: 'blast-radius',
      outcome: 'allowed',
      detail: `${count}${total !== undefined ? ` of ${total}` : ''} nodes selected${limits ? ` (within ${limits})` : ' (no node cap configured)'}`,
    });
  }

  /**
   * Refuse when a workload would keep fewer than min_ready ready pods after the victims go.
   * Pods are grouped by their controller; `population` is every pod that matched the selection.
   */
  checkMinReady(victims: readonly GuardedPod[], population: readonly GuardedPod[]): void {
    const { minReady } = this.settings;
    if (minReady === undefined) return;
    const groupOf = (pod: GuardedPod) => {
      const owner = pod.metadata?.ownerReferences?.find((ref) => ref.controller) ?? pod.metadata?.ownerReferences?.[0];
      return owner ? `${owner.kind}/${owner.name}` : 'unowned pods';
    };
    const ready = new Map<string, number>();
    for (const pod of population) if (isReady(pod)) ready.set(groupOf(pod), (ready.get(groupOf(pod)) ?? 0) + 1);
    const lost = new Map<string, number>();
    for (const pod of victims) if (isReady(pod)) lost.set(groupOf(pod), (lost.get(groupOf(pod)) ?? 0) + 1);
    const details: string[] = [];
    for (const [group, count] of lost) {
      const remaining = (ready.get(group) ?? 0) - count;
      if (remaining < minReady) {
        this.refuse(
          'min-ready',
          `${group} would keep ${remaining} ready pod(s), below min_ready ${minReady}`,
          'terminate fewer pods, scale the workload up first, or lower kubernetes.min_ready',
        );
      }
      details.push(`${group} keeps ${remaining}`);
    }
    this.record({
      check: 'min-ready',
      outcome: 'allowed',
      detail: `min_ready ${minReady}: ${details.join(', ') || 'no ready pod affected'}`,
    });
  }

  /** Scaling a workload down: refuse to go below min_ready replicas (scaling up is always fine). */
  checkMinReplicas(workload: string, previous: number, next: number): void {
    const { minReady } = this.settings;
    if (minReady === undefined || next >= previous) return;
    if (next < minReady) {
      this.refuse(
        'min-ready',
        `${workload} would be scaled from ${previous} to ${next} replica(s), below min_ready ${minReady}`,
        'scale down less, or lower kubernetes.min_ready',
      );
    }
    this.record({ check: 'min-ready', outcome: 'allowed', detail: `min_ready ${minReady}: ${workload} keeps ${next}` });
  }

  /** Record that nothing will be changed because of dry-run. */
  noteDryRun(what: string): void {
    this.record({ check: 'dry-run', outcome: 'skipped', detail: `dry run: ${what} (nothing changed)` });
  }

  private async labelsOfNamespace(client: KubeClient, namespace: string): Promise<Record<string, string> | undefined> {
    if (!this.namespaceLabels.has(namespace)) {
      try {
        const object = await client.core.readNamespace({ name: namespace });
        this.namespaceLabels.set(namespace, object.metadata?.labels ?? {});
      } catch (error) {
        if (!isNotFound(error)) throw kubeFailure(`reading namespace ${namespace} for the opt-in check`, error);
        this.namespaceLabels.set(namespace, undefined);
      }
    }
    return this.namespaceLabels.get(namespace);
  }

  private record(decision: SafetyDecision): void {
    this.decisions.push(decision);
    this.ctx.logger.info(`${this.activity}: safety ${decision.check} ${decision.outcome}: ${decision.detail}`, {
      safety: decision,
    });
  }

  private refuse(check: SafetyDecision['check'], detail: string, hint: string): never {
    this.record({ check, outcome: 'refused', detail });
    throw new SafetyRefusedError(`${this.activity} refused by the ${check} guard: ${detail}`, this.decisions, hint);
  }
}
