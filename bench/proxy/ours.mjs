// Faultline's proxy: an API server with two proxies in front of the upstream: one without toxics
// (the fast path), one whose both directions run a 0 ms latency toxic (the toxic chain) and an
// HTTP proxy without faults (requests parsed and forwarded).
import { ProxyServer } from '../../packages/proxy/dist/index.js';

const upstreamPort = Number(process.argv[2]);
const server = await ProxyServer.start({ port: 0 });
const post = async (path, body) => (await fetch(`${server.url}${path}`, { method: 'POST', body: JSON.stringify(body) })).json();
const plain = await post('/proxies', { name: 'bench', listen: '127.0.0.1:0', upstream: `127.0.0.1:${upstreamPort}` });
const chained = await post('/proxies', { name: 'bench-chain', listen: '127.0.0.1:0', upstream: `127.0.0.1:${upstreamPort}` });
await post('/proxies/bench-chain/toxics', { type: 'latency', stream: 'upstream', attributes: { latency: 0 } });
await post('/proxies/bench-chain/toxics', { type: 'latency', stream: 'downstream', attributes: { latency: 0 } });
const httpProxy = await post('/proxies', { name: 'bench-http', listen: '127.0.0.1:0', upstream: `127.0.0.1:${upstreamPort}`, protocol: 'http' });
const port = (proxy) => Number(proxy.listen.split(':').pop());
process.send({ port: port(plain), chainPort: port(chained), httpPort: port(httpProxy), api: server.url });
