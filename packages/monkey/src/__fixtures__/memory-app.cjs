// A service with the built monkey and a memory assault at target 0.9, for the heap-limit test
// (run with --max-old-space-size=256: filling 90% of that heap used to kill the process).
const http = require('node:http');
const v8 = require('node:v8');
const chaosMonkey = require('@faultline/monkey');

const log = [];
const logger = { info: (m) => log.push(m), warn: (m) => log.push(m) };
const monkey = chaosMonkey({
  enabled: true,
  logger,
  memory: { enabled: true, targetFraction: 0.9, incrementFraction: 1, waitNextIncreaseMs: 50, holdMs: 1500 },
});
const handler = (req, res) => {
  if (req.url === '/heap') {
    const { used_heap_size: used, heap_size_limit: limit } = v8.getHeapStatistics();
    return res.end(JSON.stringify({ used, limit, log }));
  }
  // Some work that allocates, as a real request does.
  const orders = Array.from({ length: 2000 }, (_, i) => ({ id: i, item: `item-${i}`, qty: i % 7 }));
  res.end(JSON.stringify(orders.length));
};
const server = http.createServer(monkey.http(handler, { actuator: monkey.actuator({ token: 'memory-token' }) }));
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
