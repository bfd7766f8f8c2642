// The seed's Node.js snippets, verbatim except for the package name (`chaos-monkey` on npm has
// none of this API) and the port, which tests set through PORT.
const express = require('express');
const chaosMonkey = require('@faultline/monkey');

const app = express();

// Initialize chaos monkey with configuration
app.use(chaosMonkey({
  enabled: process.env.ENABLE_CHAOS === 'true',
  latency: {
    enabled: true,
    minMs: 500,
    maxMs: 3000,
  },
  exceptions: {
    enabled: true,
    probability: 0.2, // 20% chance of exception
  },
  killProcess: {
    enabled: false,
  }
}));

app.get('/api/orders', (req, res) => {
  // Your handler logic
  res.json({ orders: [] });
});

// Chaos control endpoints
app.post('/chaos/enable', (req, res) => {
  chaosMonkey.enable();
  res.json({ status: 'Chaos enabled' });
});

app.post('/chaos/disable', (req, res) => {
  chaosMonkey.disable();
  res.json({ status: 'Chaos disabled' });
});

app.post('/chaos/latency', (req, res) => {
  const { enabled, minMs, maxMs } = req.body;
  chaosMonkey.updateConfig({
    latency: { enabled, minMs, maxMs }
  });
  res.json({ status: 'Latency configuration updated' });
});

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log('Service running with Chaos Monkey enabled');
  if (process.send) process.send({ port: server.address().port });
});
