import type { ActivityContext, ActivityDefinition } from '@faultline/core';
import { createTestContext, type TestContext } from '@faultline/core/testing';
import { startFakeApiServer, type FakeApiServer, type KubeObject } from '../../testing/index.js';

/** A fake cluster holding VirtualServices, and helpers to run Istio activities against it over HTTP. */
export interface IstioTestCluster {
  fake: FakeApiServer;
  context(overrides?: Partial<ActivityContext>): TestContext;
  /** Validates `args` with the activity's schema, then runs it, like the engine does. */
  run(activity: ActivityDefinition, args: Record<string, unknown>, ctx?: ActivityContext): Promise<unknown>;
  virtualService(namespace: string, name: string): KubeObject;
  /** Replays every pending revert of `ctx`, newest first, through a JSON round trip like the journal. */
  revertAll(ctx: TestContext, restore: ActivityDefinition): Promise<void>;
}

export async function startIstioTestCluster(objects: readonly KubeObject[]): Promise<IstioTestCluster> {
  const fake = await startFakeApiServer({ objects, reconcile: false });
  const context = (overrides: Partial<ActivityContext> = {}) =>
    createTestContext({ secrets: { KUBERNETES_HOST: fake.url }, ...overrides });
  const run = async (activity: ActivityDefinition, args: Record<string, unknown>, ctx: ActivityContext = context()) =>
    activity.run(activity.arguments.parse(args), ctx);
  return {
    fake,
    context,
    run,
    virtualService: (namespace, name) => fake.store.get('networking.istio.io/virtualservices', namespace, name)!,
    async revertAll(ctx, restore) {
      for (const revert of [...ctx.reverts].reverse()) {
        if (revert.done) continue;
        if (revert.func !== restore.name || revert.driver !== '@faultline/kubernetes')
          throw new Error(`unexpected revert ${revert.driver}:${revert.func}`);
        await run(restore, JSON.parse(JSON.stringify(revert.arguments)) as Record<string, unknown>, context());
      }
    },
  };
}
