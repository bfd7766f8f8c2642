// Faultline's proxy: an API server with one proxy in front of the upstream; toxics come via the API.
import { ProxyServer } from '../../packages/proxy/dist/index.js';

const upstreamPort = Number(process.argv[2]);
const server = await ProxyServer.start({ port: 0 });
const res = await fetch(`${server.url}/proxies`, {
  method: 'POST',
  body: JSON.stringify({ name: 'bench', listen: '127.0.0.1:0', upstream: `127.0.0.1:${upstreamPort}` }),
});
const proxy = await res.json();
process.send({ port: Number(proxy.listen.split(':').pop()), api: server.url });
