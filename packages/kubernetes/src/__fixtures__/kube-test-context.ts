import { beforeEach } from 'vitest';
import { createTestContext, type TestContext } from '@faultline/core/testing';
import type { ActivityContext } from '@faultline/core';
import { startFakeApiServer, type FakeApiServer, type FakeApiServerOptions } from '../testing/index.js';

/** A fake cluster and a test context whose secrets point at it (KUBECONFIG), as an experiment's would. */
export async function kubeTestCluster(options: FakeApiServerOptions = {}): Promise<{
  server: FakeApiServer;
  context: (overrides?: Partial<ActivityContext> & { kubernetes?: Record<string, unknown> }) => TestContext;
  /** Each test of the file starts without these objects (deleted if another test left them): any order works. */
  startEachWithout: (...objects: Array<[resource: string, namespace: string, name: string]>) => void;
}> {
  const server = await startFakeApiServer(options);
  const kubeconfig = server.writeKubeConfig();
  return {
    server,
    context: ({ kubernetes, ...overrides } = {}) =>
      createTestContext({
        secrets: { KUBECONFIG: kubeconfig },
        settings: kubernetes ? { kubernetes } : {},
        runId: 'run-1234',
        experimentTitle: 'fake cluster experiment',
        ...overrides,
      }),
    startEachWithout: (...objects) =>
      beforeEach(() => {
        for (const [resource, namespace, name] of objects)
          if (server.store.get(resource, namespace, name)) server.store.delete(resource, namespace, name);
      }),
  };
}
