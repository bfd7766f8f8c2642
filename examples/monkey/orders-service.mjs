// An Express service with the monkey and its Spring Boot-compatible control API.
//   CHAOS_MONKEY_TOKEN=dev-token node examples/monkey/orders-service.mjs
// then drive it with curl (see docs/monkey.md) or run latency-experiment.yaml.
import express from 'express';
import chaosMonkey from '@faultline/monkey';

const monkey = chaosMonkey({
  enabled: false,
  // Spare the readiness probe, attack the API; a slower repository gets its own settings.
  watchers: { routes: ['/api/*'] },
  overrides: [{ target: 'OrderRepository.*', latency: { enabled: true, minMs: 200, maxMs: 800 } }],
});

const app = express();
app.use(monkey);
app.use(monkey.actuator({ token: process.env.CHAOS_MONKEY_TOKEN ?? false }));

class OrderRepository {
  async findAll() {
    return [{ id: 1, item: 'book' }];
  }
}
const orders = monkey.watch(new OrderRepository());

app.get('/api/orders', async (_req, res, next) => {
  try {
    res.json({ orders: await orders.findAll() });
  } catch (err) {
    next(err);
  }
});
app.get('/healthz', (_req, res) => { res.json({ ok: true }); });

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`orders service on http://127.0.0.1:${server.address().port}`);
  if (process.send) process.send({ port: server.address().port });
});
