import { createHash } from 'node:crypto';
import { compileLabelSelector } from './label-selector.js';
import { isPodReady } from './pod-health.js';
import { formatLabelSelector } from '../selectors/format-label-selector.js';
import type { ResourceStore, StoreEvent } from './resource-store.js';
import type { KubeObject } from './resource-types.js';
import type { LabelSelectorObject } from '../selectors/format-label-selector.js';

export interface ReconcilerOptions {
  /** Wait this long before replacing a deleted pod of a ReplicaSet/StatefulSet (default 100 ms). */
  podRecreateDelayMs?: number;
  /** A scheduled pod becomes Running and Ready this long after creation (default 0). */
  podReadyDelayMs?: number;
  /** Images the kubelet cannot pull: their containers stay Waiting (ImagePullBackOff). */
  unpullableImages?: readonly string[];
}

interface Workload {
  spec?: {
    replicas?: number;
    selector?: LabelSelectorObject;
    template?: {
      metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
      spec?: Record<string, unknown>;
    };
  };
}

type Toleration = { key?: string; operator?: string; value?: string; effect?: string };
type Taint = { key: string; value?: string; effect: string };

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

function tolerates(tolerations: Toleration[], taint: Taint): boolean {
  return tolerations.some((toleration) => {
    if (toleration.effect && toleration.effect !== taint.effect) return false;
    if (toleration.operator === 'Exists') return !toleration.key || toleration.key === taint.key;
    return toleration.key === taint.key && (toleration.value ?? '') === (taint.value ?? '');
  });
}

/**
 * A small controller manager for the fake cluster: Deployment → ReplicaSet → Pods, StatefulSet →
 * Pods, a scheduler that honours cordons, taints and nodeSelector, a kubelet that makes scheduled
 * pods Running/Ready, and garbage collection of orphans. Deleted pods come back after
 * `podRecreateDelayMs`, so "the service recovers" experiments can be tested end to end.
 */
export class FakeReconciler {
  private readonly store: ResourceStore;
  private readonly recreateDelay: number;
  private readonly readyDelay: number;
  private readonly unpullable: Set<string>;
  /** Owner uid → time before which missing pods are not replaced. */
  private readonly notBefore = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Pods seen Terminating, so their replacement delay starts once. */
  private readonly terminating = new Set<string>();
  private unsubscribe: (() => void) | undefined;
  private scheduled: NodeJS.Timeout | undefined;
  private running = false;
  private changedDuringPass = false;
  private nodeCursor = 0;

  constructor(store: ResourceStore, options: ReconcilerOptions = {}) {
    this.store = store;
    this.recreateDelay = options.podRecreateDelayMs ?? 100;
    this.readyDelay = options.podReadyDelayMs ?? 0;
    this.unpullable = new Set(options.unpullableImages ?? []);
  }

  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.store.onChange((event) => this.observe(event));
    this.schedule(0);
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.scheduled) clearTimeout(this.scheduled);
    this.scheduled = undefined;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** One full pass, synchronously (tests call it to settle the cluster without waiting). */
  reconcileNow(): void {
    if (this.running) return;
    this.running = true;
    this.changedDuringPass = false;
    try {
      this.collectGarbage();
      for (const deployment of [...this.store.scan('apps/deployments')]) this.reconcileDeployment(deployment);
      for (const replicaSet of [...this.store.scan('apps/replicasets')]) this.reconcileReplicaSet(replicaSet);
      for (const statefulSet of [...this.store.scan('apps/statefulsets')]) this.reconcileStatefulSet(statefulSet);
      this.runPods();
      this.startEphemeralContainers();
      for (const replicaSet of [...this.store.scan('apps/replicasets')]) this.updateReplicaSetStatus(replicaSet);
      for (const deployment of [...this.store.scan('apps/deployments')]) this.updateDeploymentStatus(deployment);
      for (const statefulSet of [...this.store.scan('apps/statefulsets')]) this.updateStatefulSetStatus(statefulSet);
      for (const pdb of [...this.store.scan('policy/poddisruptionbudgets')]) this.updateBudgetStatus(pdb);
    } finally {
      this.running = false;
    }
    if (this.changedDuringPass && this.unsubscribe) this.schedule(5);
  }

  private observe(event: StoreEvent): void {
    if (this.running) {
      // Our own writes: run another pass afterwards so cascades (GC of grandchildren) settle.
      this.changedDuringPass = true;
      return;
    }
    // A pod going (deleted, or Terminating from now) is replaced after the delay, as a real
    // replacement takes time to become ready.
    const going =
      event.storage === '/pods' &&
      (event.type === 'DELETED' ||
        (event.object.metadata?.deletionTimestamp !== undefined && !this.terminating.has(event.object.metadata.uid!)));
    if (event.storage === '/pods' && event.type === 'DELETED')
      this.terminating.delete(event.object.metadata?.uid ?? '');
    else if (going) this.terminating.add(event.object.metadata!.uid!);
    if (going) {
      const owner = event.object.metadata?.ownerReferences?.find((ref) => ref.controller);
      if (owner) this.notBefore.set(owner.uid, Date.now() + this.recreateDelay);
      if (owner && this.recreateDelay > 0) this.schedule(this.recreateDelay + 5);
    }
    this.schedule(5);
  }

  private schedule(delay: number): void {
    if (delay <= 5) {
      if (this.scheduled) return;
      this.scheduled = setTimeout(() => {
        this.scheduled = undefined;
        this.reconcileNow();
      }, delay);
      this.scheduled.unref();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.schedule(0);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  /**
   * The disruption controller: a budget's status from the healthy (ready, not deleting) pods its
   * selector matches; pods it recorded as disrupted count as unhealthy until they are gone.
   */
  private updateBudgetStatus(pdb: Readonly<KubeObject>): void {
    const spec = (pdb['spec'] ?? {}) as {
      selector?: LabelSelectorObject;
      minAvailable?: number | string;
      maxUnavailable?: number | string;
    };
    if (!spec.selector) return;
    const matches = compileLabelSelector(formatLabelSelector(spec.selector));
    const current = (pdb['status'] ?? {}) as { disruptedPods?: Record<string, string> };
    const pods = [...this.store.scan('pods', pdb.metadata?.namespace)].filter(
      (pod) => matches(pod.metadata?.labels) && !pod.metadata?.deletionTimestamp,
    );
    const disrupted = Object.fromEntries(
      Object.entries(current.disruptedPods ?? {}).filter(([name]) => pods.some((pod) => pod.metadata?.name === name)),
    );
    const expected = pods.length;
    const healthy = pods.filter((pod) => isPodReady(pod) && !(pod.metadata!.name! in disrupted)).length;
    const count = (value: number | string) =>
      typeof value === 'number' ? value : Math.ceil((Number(value.replace('%', '')) / 100) * expected);
    const desired =
      spec.minAvailable !== undefined
        ? count(spec.minAvailable)
        : spec.maxUnavailable !== undefined
          ? expected - count(spec.maxUnavailable)
          : expected;
    const status = {
      observedGeneration: pdb.metadata?.generation ?? 1,
      disruptionsAllowed: Math.max(0, healthy - desired),
      currentHealthy: healthy,
      desiredHealthy: desired,
      expectedPods: expected,
      ...(Object.keys(disrupted).length > 0 ? { disruptedPods: disrupted } : {}),
    };
    if (JSON.stringify(pdb['status']) === JSON.stringify(status)) return;
    this.store.update('policy/poddisruptionbudgets', pdb.metadata?.namespace, pdb.metadata!.name!, (draft) => {
      draft['status'] = status;
    });
  }

  private ownedPods(owner: Readonly<KubeObject>): KubeObject[] {
    const uid = owner.metadata?.uid;
    const pods: KubeObject[] = [];
    for (const pod of this.store.scan('pods', owner.metadata?.namespace)) {
      if (pod.metadata?.ownerReferences?.some((ref) => ref.uid === uid)) pods.push(pod as KubeObject);
    }
    return pods;
  }

  private canCreate(owner: Readonly<KubeObject>): boolean {
    const until = this.notBefore.get(owner.metadata!.uid!);
    if (until === undefined || Date.now() >= until) return true;
    this.schedule(until - Date.now() + 5);
    return false;
  }

  private reconcileDeployment(deployment: Readonly<KubeObject>): void {
    const spec = (deployment as Workload).spec ?? {};
    const namespace = deployment.metadata!.namespace!;
    const hash = createHash('sha256')
      .update(JSON.stringify(spec.template ?? {}))
      .digest('hex')
      .slice(0, 10)
      .replace(/[^a-z0-9]/g, 'x');
    const name = `${deployment.metadata!.name}-${hash}`;
    const replicas = spec.replicas ?? 1;
    const ownerReference = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata!.name!,
      uid: deployment.metadata!.uid!,
      controller: true,
      blockOwnerDeletion: true,
    };
    for (const replicaSet of this.store.scan('apps/replicasets', namespace)) {
      const owned = replicaSet.metadata?.ownerReferences?.some((ref) => ref.uid === deployment.metadata!.uid);
      if (owned && replicaSet.metadata!.name !== name && ((replicaSet as Workload).spec?.replicas ?? 0) !== 0) {
        this.store.update('apps/replicasets', namespace, replicaSet.metadata!.name!, (rs) => {
          (rs as Workload).spec!.replicas = 0;
        });
      }
    }
    const existing = this.store.get('apps/replicasets', namespace, name);
    const template = structuredClone(spec.template ?? {});
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, 'pod-template-hash': hash } };
    if (!existing) {
      this.store.create('apps/replicasets', namespace, {
        metadata: { name, namespace, labels: { ...template.metadata.labels }, ownerReferences: [ownerReference] },
        spec: {
          replicas,
          selector: {
            matchLabels: { ...spec.selector?.matchLabels, 'pod-template-hash': hash },
            matchExpressions: spec.selector?.matchExpressions,
          },
          template,
        },
      });
    } else if ((existing as Workload).spec?.replicas !== replicas) {
      this.store.update('apps/replicasets', namespace, name, (rs) => {
        (rs as Workload).spec!.replicas = replicas;
      });
    }
  }

  private reconcileReplicaSet(replicaSet: Readonly<KubeObject>): void {
    const spec = (replicaSet as Workload).spec ?? {};
    const namespace = replicaSet.metadata!.namespace!;
    // Terminating pods no longer count: the controller replaces them right away, like the real one.
    const pods = this.ownedPods(replicaSet).filter((pod) => !pod.metadata?.deletionTimestamp);
    const desired = spec.replicas ?? 1;
    if (pods.length < desired && this.canCreate(replicaSet)) {
      for (let i = pods.length; i < desired; i += 1) {
        this.store.create('pods', namespace, {
          metadata: {
            generateName: `${replicaSet.metadata!.name}-`,
            namespace,
            labels: { ...spec.template?.metadata?.labels },
            annotations: { ...spec.template?.metadata?.annotations },
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: 'ReplicaSet',
                name: replicaSet.metadata!.name!,
                uid: replicaSet.metadata!.uid!,
                controller: true,
              },
            ],
          },
          spec: structuredClone(spec.template?.spec ?? { containers: [{ name: 'app', image: 'example/app:1' }] }),
        });
      }
    } else if (pods.length > desired) {
      const extra = pods
        .sort((a, b) =>
          (b.metadata!.creationTimestamp! + b.metadata!.name!).localeCompare(
            a.metadata!.creationTimestamp! + a.metadata!.name!,
          ),
        )
        .slice(0, pods.length - desired);
      for (const pod of extra) this.store.delete('pods', namespace, pod.metadata!.name!);
    }
  }

  private reconcileStatefulSet(statefulSet: Readonly<KubeObject>): void {
    const spec = (statefulSet as Workload).spec ?? {};
    const namespace = statefulSet.metadata!.namespace!;
    const name = statefulSet.metadata!.name!;
    const desired = spec.replicas ?? 1;
    const pods = this.ownedPods(statefulSet);
    const names = new Set(pods.map((pod) => pod.metadata!.name));
    for (let ordinal = 0; ordinal < desired; ordinal += 1) {
      const podName = `${name}-${ordinal}`;
      if (names.has(podName)) continue;
      if (!this.canCreate(statefulSet)) break;
      this.store.create('pods', namespace, {
        metadata: {
          name: podName,
          namespace,
          labels: { ...spec.template?.metadata?.labels, 'statefulset.kubernetes.io/pod-name': podName },
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'StatefulSet', name, uid: statefulSet.metadata!.uid!, controller: true },
          ],
        },
        spec: structuredClone(spec.template?.spec ?? { containers: [{ name: 'app', image: 'example/app:1' }] }),
      });
    }
    for (const pod of pods) {
      const ordinal = Number(pod.metadata!.name!.slice(name.length + 1));
      if (ordinal >= desired) this.store.delete('pods', namespace, pod.metadata!.name!);
    }
  }

  /** Scheduler + kubelet: bind pending pods to a schedulable node, then mark them Running/Ready. */
  private runPods(): void {
    const nodes = [...this.store.scan('nodes')];
    for (const pod of [...this.store.scan('pods')]) {
      const status = pod['status'] as { phase?: string } | undefined;
      if (status?.phase && status.phase !== 'Pending') continue;
      const spec = (pod['spec'] ?? {}) as {
        nodeName?: string;
        nodeSelector?: Record<string, string>;
        tolerations?: Toleration[];
      };
      let nodeName = spec.nodeName;
      if (!nodeName && nodes.length > 0) {
        const candidates = nodes.filter((node) => {
          const nodeSpec = (node['spec'] ?? {}) as { unschedulable?: boolean; taints?: Taint[] };
          if (nodeSpec.unschedulable) return false;
          const labels = node.metadata?.labels ?? {};
          if (Object.entries(spec.nodeSelector ?? {}).some(([key, value]) => labels[key] !== value)) return false;
          return (nodeSpec.taints ?? []).every(
            (taint) => taint.effect === 'PreferNoSchedule' || tolerates(spec.tolerations ?? [], taint),
          );
        });
        if (candidates.length === 0) {
          if (!status?.phase) {
            this.store.update('pods', pod.metadata!.namespace, pod.metadata!.name!, (draft) => {
              draft['status'] = {
                phase: 'Pending',
                conditions: [
                  {
                    type: 'PodScheduled',
                    status: 'False',
                    reason: 'Unschedulable',
                    message: '0/' + nodes.length + ' nodes are available',
                  },
                ],
              };
            });
          }
          continue;
        }
        nodeName = candidates[this.nodeCursor++ % candidates.length]!.metadata!.name!;
      }
      const created = Date.parse(pod.metadata?.creationTimestamp ?? '') || Date.now();
      const readyAt = created + this.readyDelay;
      if (Date.now() < readyAt) {
        this.schedule(readyAt - Date.now() + 5);
        continue;
      }
      const time = now();
      const images = ((pod['spec'] as { containers?: Array<{ image?: string }> }).containers ?? []).map(
        (container) => container.image ?? '',
      );
      if (images.some((image) => this.unpullable.has(image))) {
        if ((pod['status'] as { containerStatuses?: unknown } | undefined)?.containerStatuses) continue;
        this.store.update('pods', pod.metadata!.namespace, pod.metadata!.name!, (draft) => {
          if (nodeName) (draft['spec'] as Record<string, unknown>)['nodeName'] = nodeName;
          const containers = (draft['spec'] as { containers?: Array<{ name: string; image?: string }> }).containers;
          draft['status'] = {
            phase: 'Pending',
            conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: time }],
            containerStatuses: (containers ?? []).map((container) => this.waitingOrRunning(container, time)),
          };
        });
        continue;
      }
      this.store.update('pods', pod.metadata!.namespace, pod.metadata!.name!, (draft) => {
        if (nodeName) (draft['spec'] as Record<string, unknown>)['nodeName'] = nodeName;
        const containers = (draft['spec'] as { containers?: Array<{ name: string; image?: string }> }).containers ?? [];
        draft['status'] = {
          phase: 'Running',
          hostIP: '10.0.0.1',
          podIP: `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
          startTime: time,
          conditions: ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'].map((type) => ({
            type,
            status: 'True',
            lastTransitionTime: time,
          })),
          containerStatuses: containers.map((container) => ({
            name: container.name,
            image: container.image ?? '',
            ready: true,
            started: true,
            restartCount: 0,
            state: { running: { startedAt: time } },
          })),
        };
      });
    }
  }

  private waitingOrRunning(container: { name: string; image?: string }, time: string): Record<string, unknown> {
    const image = container.image ?? '';
    const pulled = !this.unpullable.has(image);
    return {
      name: container.name,
      image,
      imageID: '',
      ready: false,
      started: pulled,
      restartCount: 0,
      state: pulled
        ? { running: { startedAt: time } }
        : {
            waiting: {
              reason: 'ImagePullBackOff',
              message: `Back-off pulling image "${image}"`,
            },
          },
    };
  }

  /** The kubelet's part of `kubectl debug`: an ephemeral container added to a running pod starts. */
  private startEphemeralContainers(): void {
    for (const pod of [...this.store.scan('pods')]) {
      const spec = pod['spec'] as { ephemeralContainers?: Array<{ name: string; image?: string }> };
      const status = (pod['status'] ?? {}) as { phase?: string; ephemeralContainerStatuses?: Array<{ name: string }> };
      if (status.phase !== 'Running' || !spec.ephemeralContainers?.length) continue;
      const known = new Set((status.ephemeralContainerStatuses ?? []).map((entry) => entry.name));
      const fresh = spec.ephemeralContainers.filter((container) => !known.has(container.name));
      if (fresh.length === 0) continue;
      const time = now();
      this.store.update('pods', pod.metadata!.namespace, pod.metadata!.name!, (draft) => {
        const next = draft['status'] as Record<string, unknown>;
        next['ephemeralContainerStatuses'] = [
          ...((next['ephemeralContainerStatuses'] as unknown[] | undefined) ?? []),
          ...fresh.map((container) => this.waitingOrRunning(container, time)),
        ];
      });
    }
  }

  private podCounts(owner: Readonly<KubeObject>): { total: number; ready: number } {
    const pods = this.ownedPods(owner);
    return { total: pods.length, ready: pods.filter(isPodReady).length };
  }

  private updateReplicaSetStatus(replicaSet: Readonly<KubeObject>): void {
    const { total, ready } = this.podCounts(replicaSet);
    this.setStatus('apps/replicasets', replicaSet, {
      replicas: total,
      fullyLabeledReplicas: total,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: replicaSet.metadata!.generation,
    });
  }

  private updateStatefulSetStatus(statefulSet: Readonly<KubeObject>): void {
    const { total, ready } = this.podCounts(statefulSet);
    this.setStatus('apps/statefulsets', statefulSet, {
      replicas: total,
      readyReplicas: ready,
      currentReplicas: total,
      updatedReplicas: total,
      availableReplicas: ready,
      observedGeneration: statefulSet.metadata!.generation,
    });
  }

  private updateDeploymentStatus(deployment: Readonly<KubeObject>): void {
    const desired = (deployment as Workload).spec?.replicas ?? 1;
    let total = 0;
    let ready = 0;
    let updated = 0;
    const hashPrefix = `${deployment.metadata!.name}-`;
    for (const replicaSet of this.store.scan('apps/replicasets', deployment.metadata!.namespace)) {
      if (!replicaSet.metadata?.ownerReferences?.some((ref) => ref.uid === deployment.metadata!.uid)) continue;
      const counts = this.podCounts(replicaSet);
      total += counts.total;
      ready += counts.ready;
      if (((replicaSet as Workload).spec?.replicas ?? 0) > 0 && replicaSet.metadata!.name!.startsWith(hashPrefix))
        updated += counts.total;
    }
    const previous = (deployment['status'] ?? {}) as {
      conditions?: Array<{ type: string; status: string; lastTransitionTime?: string }>;
    };
    const availableNow = ready >= desired ? 'True' : 'False';
    const oldAvailable = previous.conditions?.find((condition) => condition.type === 'Available');
    const transition = oldAvailable && oldAvailable.status === availableNow ? oldAvailable.lastTransitionTime : now();
    const status: Record<string, unknown> = {
      observedGeneration: deployment.metadata!.generation,
      replicas: total,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: ready,
      conditions: [
        {
          type: 'Available',
          status: availableNow,
          reason: availableNow === 'True' ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
          lastTransitionTime: transition,
        },
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
      ],
    };
    if (total - ready > 0) status['unavailableReplicas'] = total - ready;
    this.setStatus('apps/deployments', deployment, status);
  }

  private setStatus(ref: string, object: Readonly<KubeObject>, status: Record<string, unknown>): void {
    for (const key of Object.keys(status))
      if (status[key] === undefined || (status[key] === 0 && key !== 'replicas' && key !== 'observedGeneration'))
        delete status[key];
    if (JSON.stringify(object['status'] ?? {}) === JSON.stringify(status)) return;
    this.store.update(ref, object.metadata!.namespace, object.metadata!.name!, (draft) => {
      draft['status'] = status;
    });
  }

  /** Delete objects whose controlling owner no longer exists (background cascading deletion). */
  private collectGarbage(): void {
    const uids = new Set<string>();
    for (const ref of ['apps/deployments', 'apps/replicasets', 'apps/statefulsets', 'apps/daemonsets']) {
      for (const object of this.store.scan(ref)) uids.add(object.metadata!.uid!);
    }
    for (const ref of ['apps/replicasets', 'pods']) {
      for (const object of [...this.store.scan(ref)]) {
        const owner = object.metadata?.ownerReferences?.find((reference) => reference.controller);
        if (
          owner &&
          ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'].includes(owner.kind) &&
          !uids.has(owner.uid)
        ) {
          this.store.delete(ref, object.metadata!.namespace, object.metadata!.name!);
        }
      }
    }
  }
}
