// The benchmark's upstream: a node:http server with a small and a large response.
import http from 'node:http';

const small = Buffer.from('hello from upstream\n');
const large = Buffer.alloc(256 * 1024, 97);
const server = http.createServer((req, res) => {
  const body = req.url === '/large' ? large : small;
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
