import { fakeObjects, startFakeApiServer } from '@faultline/kubernetes/testing';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeFile } from './cli-harness.js';

const experiment = `version: 1.0.0
title: dry run of a pod kill
description: --dry actions must say what would have been hit, without --verbose
method:
  - type: action
    name: kill-one
    provider:
      type: python
      module: chaosk8s.pod.actions
      func: terminate_pods
      arguments: { label_selector: "app=orders", ns: shop, qty: 1 }
`;

describe('faultline run --dry actions', () => {
  it('prints what the drivers would have changed, and changes nothing', async () => {
    const cluster = await startFakeApiServer({
      objects: [fakeObjects.deployment('orders', { namespace: 'shop', replicas: 3, labels: { app: 'orders' } })],
    });
    try {
      const dir = tempDir('faultline-dry-');
      writeFile(dir, 'exp.yaml', experiment);
      const before = cluster.store.list('pods').items.map((pod) => pod.metadata!.name);
      const result = await runCli(['run', 'exp.yaml', '--dry', 'actions', '--no-log-file'], {
        cwd: dir,
        env: { KUBECONFIG: cluster.writeKubeConfig(), HOME: dir },
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/dry run: would terminate 1 pod/);
      expect(cluster.store.list('pods').items.map((pod) => pod.metadata!.name)).toEqual(before);
    } finally {
      await cluster.close();
    }
  });
});
