// Child process of bench/kubernetes: the fake API server holding N pods, driven over IPC so the
// benchmark's own memory is measured without the fake cluster's.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { startFakeApiServer } = await import(`${root}packages/kubernetes/dist/testing/index.js`);
// Pods go at once: the benchmark measures the client, not the kubelet's grace period.
const server = await startFakeApiServer({ reconcile: false, podTerminationMs: 0 });

function seed(count) {
  for (const pod of server.store.list('pods', { namespace: 'bench' }).items)
    server.store.delete('pods', 'bench', pod.metadata.name);
  for (let i = 0; i < count; i += 1) {
    server.store.put({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `web-${String(i).padStart(5, '0')}`,
        namespace: 'bench',
        labels: { app: 'web', shard: String(i % 10) },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-rs', uid: 'rs-uid', controller: true },
        ],
      },
      spec: {
        nodeName: `node-${i % 50}`,
        containers: [
          {
            name: 'app',
            image: 'example/web:1',
            resources: { requests: { cpu: '100m', memory: '128Mi' } },
            env: [{ name: 'MODE', value: 'bench' }],
          },
        ],
      },
      status: {
        phase: 'Running',
        podIP: '10.1.0.1',
        conditions: [
          { type: 'Ready', status: 'True' },
          { type: 'ContainersReady', status: 'True' },
        ],
        containerStatuses: [{ name: 'app', ready: true, restartCount: 0, image: 'example/web:1' }],
      },
    });
  }
  // Events recorded by terminations would otherwise pile up between rounds.
  for (const event of server.store.list('events', { namespace: 'bench' }).items)
    server.store.delete('events', 'bench', event.metadata.name);
}

process.on('message', (message) => {
  if (message.type === 'seed') {
    seed(message.count);
    server.requests.length = 0;
    process.send({ type: 'seeded', count: server.store.count('pods', 'bench') });
  } else if (message.type === 'stats') {
    const byMethod = {};
    for (const request of server.requests) byMethod[request.method] = (byMethod[request.method] ?? 0) + 1;
    process.send({
      type: 'stats',
      requests: server.requests.length,
      byMethod,
      pods: server.store.count('pods', 'bench'),
    });
    server.requests.length = 0;
  } else if (message.type === 'close') {
    server.close().then(() => process.exit(0));
  }
});
process.send({ type: 'ready', kubeconfig: server.writeKubeConfig() });
