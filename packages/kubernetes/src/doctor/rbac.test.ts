import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { until } from '@faultline/core/testing';
import { parseAllDocuments } from 'yaml';
import type { ActivityDefinition } from '@faultline/core';
import { activityPermissions, doctorPermissions, type Permission } from './activity-permissions.js';
import { userGrantedActivities } from './upstream-activity-permissions.js';
import { driver } from '../activities/index.js';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { fakeObjects, type RequestAttributes } from '../testing/index.js';

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}
const documents = parseAllDocuments(readFileSync(new URL('../../../../deploy/rbac.yaml', import.meta.url), 'utf8')).map(
  (doc) => doc.toJSON() as { kind: string; metadata: { name: string }; rules?: Rule[] },
);
const roles = new Map(
  documents.filter((doc) => doc.kind === 'ClusterRole').map((doc) => [doc.metadata.name, doc.rules ?? []]),
);
const triple = (group: string, resource: string, verb: string) => `${verb} ${resource}.${group || 'core'}`;
const granted = (rules: Rule[]) =>
  new Set(
    rules.flatMap((rule) =>
      rule.apiGroups.flatMap((group) =>
        rule.resources.flatMap((resource) => rule.verbs.map((verb) => triple(group, resource, verb))),
      ),
    ),
  );
const resourceOf = (permission: Permission) =>
  permission.subresource ? `${permission.resource}/${permission.subresource}` : permission.resource;

/** What the table says each role must grant, with `ns: shop` as the namespace experimented on. */
function needed(): { target: Set<string>; cluster: Set<string> } {
  const target = new Set<string>();
  const cluster = new Set<string>(doctorPermissions.map((p) => triple(p.group, resourceOf(p), p.verb)));
  for (const [activity, rule] of Object.entries(activityPermissions)) {
    // Cluster-scoped custom objects of any kind the user names: a ready-made role cannot grant them.
    if (userGrantedActivities.has(activity)) continue;
    for (const permission of rule({ ns: 'shop', group: 'networking.istio.io', plural: 'virtualservices' })) {
      // Namespaced in the experiment's namespace → faultline-target (bound there); across namespaces,
      // cluster-scoped, or in a fixed namespace (node events in default) → faultline-cluster.
      (permission.namespace === 'shop' ? target : cluster).add(
        triple(permission.group, resourceOf(permission), permission.verb),
      );
    }
  }
  return { target, cluster };
}

describe('deploy/rbac.yaml', () => {
  it('grants exactly what the activities need: nothing missing, nothing more', () => {
    const want = needed();
    const cluster = granted(roles.get('faultline-cluster') ?? []);
    const target = granted(roles.get('faultline-target') ?? []);
    expect([...want.cluster].filter((entry) => !cluster.has(entry)).sort(), 'missing in faultline-cluster').toEqual([]);
    expect(
      [...want.target].filter((entry) => !target.has(entry) && !cluster.has(entry)).sort(),
      'missing in faultline-target',
    ).toEqual([]);
    expect(
      [...cluster].filter((entry) => !want.cluster.has(entry)).sort(),
      'more than needed in faultline-cluster',
    ).toEqual([]);
    expect(
      [...target].filter((entry) => !want.target.has(entry)).sort(),
      'more than needed in faultline-target',
    ).toEqual([]);
  });

  it('knows the permissions of every activity of the driver', () => {
    const missing = driver.activities.map((activity) => activity.name).filter((name) => !(name in activityPermissions));
    expect(missing).toEqual([]);
  });
});

describe('the permission table matches what the activities really ask of the API server', async () => {
  const { server, context } = await kubeTestCluster({ reconcile: { podRecreateDelayMs: 20 } });
  afterAll(() => server.close());
  server.store.put(fakeObjects.node('worker-1'));
  server.store.put(fakeObjects.deployment('web', { namespace: 'shop', replicas: 2 }));
  server.store.put(fakeObjects.virtualService('web-vs', { namespace: 'shop', hosts: ['web'] }));
  await until(() => server.store.list('pods', { namespace: 'shop' }).items.length === 2);
  const find = (name: string) => driver.activities.find((activity) => activity.name === name) as ActivityDefinition;

  /** Run one activity and return the requests it made, as RBAC attributes. */
  async function recorded(name: string, args: Record<string, unknown>): Promise<RequestAttributes[]> {
    const seen: RequestAttributes[] = [];
    server.authorize = (attributes) => {
      seen.push(attributes);
      return true;
    };
    try {
      const activity = find(name);
      await activity.run(activity.arguments.parse(args), context({ kubernetes: { require_opt_in: false } }));
    } finally {
      server.authorize = () => true;
    }
    return seen;
  }

  const cases: Array<[string, Record<string, unknown>]> = [
    ['terminate_pods', { label_selector: 'app=web', ns: 'shop' }],
    ['count_pods', { label_selector: 'app=web', ns: 'shop' }],
    ['scale_deployment', { name: 'web', replicas: 2, ns: 'shop' }],
    ['rollout_deployment', { name: 'web', ns: 'shop' }],
    ['deployment_available_and_healthy', { name: 'web', ns: 'shop', raise_on_unavailable: false }],
    ['stress_pods', { label_selector: 'app=web', ns: 'shop', duration: 0.05 }],
    ['stress_node', { node_name: 'worker-1', duration: 0.05 }],
    ['cordon_node', { name: 'worker-1' }],
    ['uncordon_node', { name: 'worker-1' }],
    ['drain_nodes', { name: 'worker-1', timeout: 10 }],
    ['uncordon_node', { name: 'worker-1' }],
    ['add_delay_fault', { virtual_service_name: 'web-vs', fixed_delay: '1s', ns: 'shop' }],
    ['deny_all_ingress', { ns: 'shop' }],
    ['get_nodes', {}],
    ['get_events', {}],
  ];
  // One test, in this order: the cases build on each other (drain, then uncordon).
  it('every request each activity makes is in its row of the table', async () => {
    const outside: string[] = [];
    for (const [name, args] of cases) {
      const allowed = new Set(
        activityPermissions[name]!({ ...args, group: 'networking.istio.io', plural: 'virtualservices' }).map((p) =>
          JSON.stringify([p.verb, p.group, resourceOf(p), p.namespace ?? '*']),
        ),
      );
      const made = await recorded(name, args);
      expect(made.length, name).toBeGreaterThan(0);
      for (const a of made) {
        const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
        // A permission across namespaces covers one namespace too.
        if (
          !allowed.has(JSON.stringify([a.verb, a.group, resource, a.namespace ?? '*'])) &&
          !allowed.has(JSON.stringify([a.verb, a.group, resource, '*']))
        )
          outside.push(`${name}: ${a.verb} ${resource}.${a.group || 'core'} in ${a.namespace ?? 'the cluster'}`);
      }
    }
    expect([...new Set(outside)]).toEqual([]);
  });
});
