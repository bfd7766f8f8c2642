// Faultline's proxy: an API server with one proxy in front of the upstream. Mode "plain": no
// toxics (the fast path); "chain": both directions through a 0 ms latency toxic (the toxic
// chain); "http": protocol http without faults (requests parsed and forwarded). One process per
// mode, so one measurement does not pay for another's heap.
import { ProxyServer } from '../../packages/proxy/dist/index.js';

const upstreamPort = Number(process.argv[2]);
const mode = process.argv[3] ?? 'plain';
const server = await ProxyServer.start({ port: 0 });
const post = async (path, body) =>
  (await fetch(`${server.url}${path}`, { method: 'POST', body: JSON.stringify(body) })).json();
const proxy = await post('/proxies', {
  name: 'bench',
  listen: '127.0.0.1:0',
  upstream: `127.0.0.1:${upstreamPort}`,
  ...(mode === 'http' ? { protocol: 'http' } : {}),
});
if (mode === 'chain') {
  await post('/proxies/bench/toxics', { type: 'latency', stream: 'upstream', attributes: { latency: 0 } });
  await post('/proxies/bench/toxics', { type: 'latency', stream: 'downstream', attributes: { latency: 0 } });
}
process.send({ port: Number(proxy.listen.split(':').pop()), api: server.url });
