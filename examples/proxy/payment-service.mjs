// A stand-in payment service for the proxy examples: node examples/proxy/payment-service.mjs
// Listens on 127.0.0.1:8081 (PORT to change it) and answers every path with 200 and JSON.
import http from 'node:http';

const port = Number(process.env.PORT ?? 8081);
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: true, method: req.method, path: req.url }));
  });
});
server.listen(port, '127.0.0.1', () => console.log(`payment service on http://127.0.0.1:${server.address().port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
