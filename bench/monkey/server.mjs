// One service variant for the throughput bench; reports its port over IPC.
// Usage: node server.mjs <express|http> <bare|disabled|attacking|latency50>
import { createServer } from 'node:http';
import express from 'express';
import chaosMonkey from '@faultline/monkey';

const [kind, variant] = process.argv.slice(2);
const quiet = { info() {}, warn() {} };
const options = {
  bare: undefined,
  disabled: {
    enabled: false,
    logger: quiet,
    latency: { enabled: true, minMs: 500, maxMs: 3000 },
    exceptions: { enabled: true, probability: 0.2 },
  },
  // Enabled, attacking 1 call in 10,000 with a cheap answer (so the figure is the monkey's cost, not the attack's).
  attacking: { enabled: true, logger: quiet, level: 10_000, exceptions: { enabled: true, status: 503 } },
  latency50: { enabled: true, logger: quiet, latency: { enabled: true, minMs: 50, maxMs: 50 } },
}[variant];
const monkey = options && chaosMonkey(options);
const body = JSON.stringify({ orders: [] });

let handler;
if (kind === 'express') {
  const app = express();
  app.disable('x-powered-by');
  if (monkey) app.use(monkey);
  app.get('/api/orders', (_req, res) => {
    res.type('application/json').send(body);
  });
  handler = app;
} else {
  const plain = (_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(body);
  };
  handler = monkey ? monkey.http(plain) : plain;
}
const server = createServer(handler);
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
// CPU time the server spent, asked before and after each round: less sensitive than req/s to
// other processes competing for the cores.
process.on('message', (m) => {
  if (m === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send({ cpu: user + system });
  }
});
