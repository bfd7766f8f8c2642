import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../model/experiment.js';
import { runExperiment } from '../run/experiment-run.js';
import { createWorld } from '../run/__fixtures__/test-driver.js';
import { checkEnvironmentGuards } from './check-environment-guards.js';

const kubeconfig = (current: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'faultline-guards-')), 'config');
  writeFileSync(path, `apiVersion: v1\nkind: Config\ncurrent-context: ${current}\ncontexts: []\n`);
  return path;
};
const k8s = (ns?: string): Activity => ({
  type: 'action',
  name: 'kill',
  provider: { type: 'python', module: 'chaosk8s.pod.actions', func: 'terminate_pods', arguments: ns ? { ns } : {} },
});
const guards = {
  kubernetes: {
    allowed_contexts: ['kind-*', 'prod-eu'],
    forbidden_contexts: ['kind-forbidden'],
    production_contexts: ['prod-*'],
    forbidden_namespaces: ['kube-*'],
    allowed_namespaces: ['shop', 'default'],
  },
};
const check = (activities: Activity[], env: Record<string, string>, extra = {}) =>
  checkEnvironmentGuards({
    activities,
    settings: { guards },
    secrets: {},
    configuration: {},
    env: { HOME: '/nonexistent', ...env },
    ...extra,
  });

describe('environment guards', () => {
  it("allow a context and namespaces the settings allow, reading the kubeconfig's current context", () => {
    expect(check([k8s('shop'), k8s()], { KUBECONFIG: kubeconfig('kind-chaos') })).toEqual({
      kubernetes_context: 'kind-chaos',
      production: false,
      namespaces: ['shop', 'default'],
    });
  });

  it('refuse forbidden and unlisted contexts and namespaces', () => {
    expect(() => check([k8s('shop')], { KUBERNETES_CONTEXT: 'kind-forbidden' })).toThrow(
      /context "kind-forbidden" is forbidden/,
    );
    expect(() => check([k8s('shop')], { KUBERNETES_CONTEXT: 'gke-staging' })).toThrow(
      /not in guards.kubernetes.allowed_contexts/,
    );
    expect(() => check([k8s('kube-system')], { KUBERNETES_CONTEXT: 'kind-a' })).toThrow(
      /namespace "kube-system" is forbidden/,
    );
    expect(() => check([k8s('payments')], { KUBERNETES_CONTEXT: 'kind-a' })).toThrow(/"payments" is not in/);
    expect(() => check([k8s('shop')], {})).toThrow(/cannot tell which Kubernetes context/);
  });

  it('a production context needs an explicit allowance', () => {
    expect(() => check([k8s('shop')], { KUBERNETES_CONTEXT: 'prod-eu' })).toThrow(
      expect.objectContaining({ exitCode: 64, hint: expect.stringMatching(/--allow-production/) }),
    );
    expect(check([k8s('shop')], { KUBERNETES_CONTEXT: 'prod-eu' }, { allowProduction: true })).toMatchObject({
      production: true,
    });
  });

  it('leave experiments without Kubernetes activities alone', () => {
    const http: Activity = { type: 'probe', name: 'p', provider: { type: 'http', url: 'http://x' } };
    expect(check([http], { KUBERNETES_CONTEXT: 'kind-forbidden' })).toBeUndefined();
  });

  it('are checked by the runner before anything runs, with substituted namespaces', async () => {
    const world = createWorld();
    await expect(
      runExperiment({
        experiment: {
          title: 'guarded',
          configuration: { namespace: 'kube-system' },
          'steady-state-hypothesis': {
            title: 'h',
            probes: [
              {
                type: 'probe',
                name: 'read',
                provider: { type: 'python', module: 'chaosfixture.probes', func: 'read_value' },
                tolerance: 200,
              },
            ],
          },
          method: [
            { ...k8s(), provider: { ...k8s().provider, arguments: { ns: '${namespace}' } } as Activity['provider'] },
          ],
        },
        baseDir: process.cwd(),
        resolver: world.resolver,
        env: { KUBERNETES_CONTEXT: 'kind-a' },
        settings: { guards },
      }),
    ).rejects.toMatchObject({ code: 'E_ENVIRONMENT_GUARD', message: /namespace "kube-system" is forbidden/ });
    expect(world.calls).toEqual([]);
  });
});
