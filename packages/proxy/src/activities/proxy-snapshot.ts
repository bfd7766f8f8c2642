import type { ActivityContext } from '@faultline/core';
import type { ProxyClient } from '../client/proxy-client.js';
import type { HttpFaultJson } from '../http/http-fault.js';
import type { ProxyJson } from '../proxy/proxy.js';
import { apiCall } from './api-call.js';

/** A proxy with its toxics and HTTP faults: what restore_proxies puts back. */
export interface ProxySnapshot extends ProxyJson {
  faults?: HttpFaultJson[];
}

export async function snapshotProxy(client: ProxyClient, proxy: ProxyJson): Promise<ProxySnapshot> {
  if (proxy.protocol !== 'http') return proxy;
  return { ...proxy, faults: await apiCall(`read faults of ${proxy.name}`, () => client.faults(proxy.name)) };
}

/** Makes the server hold exactly the snapshot for each proxy named in it. */
export async function restoreSnapshots(
  client: ProxyClient,
  snapshots: readonly ProxySnapshot[],
  ctx: ActivityContext,
): Promise<void> {
  for (const snap of snapshots) {
    await apiCall(`restore proxy ${snap.name}`, async () => {
      await client.populate([
        {
          name: snap.name,
          listen: snap.listen,
          upstream: snap.upstream,
          enabled: snap.enabled,
          ...(snap.protocol ? { protocol: snap.protocol } : {}),
        },
      ]);
      const current = await client.proxy(snap.name);
      if (current.enabled !== snap.enabled) await client.updateProxy(snap.name, { enabled: snap.enabled });
      const wanted = new Map(snap.toxics.map((t) => [t.name, t]));
      for (const toxic of current.toxics) if (!wanted.has(toxic.name)) await client.removeToxic(snap.name, toxic.name);
      const have = new Set(current.toxics.map((t) => t.name));
      for (const toxic of snap.toxics) {
        if (have.has(toxic.name))
          await client.updateToxic(snap.name, toxic.name, { toxicity: toxic.toxicity, attributes: toxic.attributes });
        else
          await client.addToxic(snap.name, {
            ...toxic,
            stream: toxic.stream === 'upstream' ? 'upstream' : 'downstream',
          });
      }
      if (snap.protocol === 'http') {
        const faults = await client.faults(snap.name);
        for (const fault of faults) await client.removeFault(snap.name, fault.name);
        for (const fault of snap.faults ?? []) await client.addFault(snap.name, fault);
      }
    });
    ctx.logger.info(`restored proxy ${snap.name}`, { toxics: snap.toxics.length, faults: snap.faults?.length ?? 0 });
  }
}
