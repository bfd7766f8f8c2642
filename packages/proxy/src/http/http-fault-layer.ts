import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import type { HostPort } from '../net/host-port.js';
import type { HttpFaultLayer } from '../proxy/http-fault-port.js';
import { duplexPair } from './duplex-pair.js';
import { HttpFaultCollection } from './http-fault-collection.js';

interface ConnectionContext {
  target: HostPort;
  /** One keep-alive upstream connection per client connection, so TCP toxics keep their meaning. */
  agent: http.Agent;
}

const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

/**
 * The HTTP side of a `protocol: "http"` proxy. Each client connection (after its toxics) is fed
 * to an in-process HTTP server; every request is checked against the faults (delay, abort) and
 * forwarded over that connection's own upstream connection.
 */
export function createHttpFaultLayer(): HttpFaultLayer {
  const faults = new HttpFaultCollection();
  const contexts = new WeakMap<object, ConnectionContext>();
  const agents = new Set<http.Agent>();

  const forward = (req: IncomingMessage, res: ServerResponse, context: ConnectionContext): void => {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined && !hopByHop.has(name)) headers[name] = value;
    const upstream = http.request({
      host: context.target.host,
      port: context.target.port,
      method: req.method,
      path: req.url,
      headers,
      agent: context.agent,
      setHost: false,
    });
    upstream.on('response', (answer) => {
      const raw: string[] = [];
      for (let i = 0; i < answer.rawHeaders.length; i += 2) {
        const name = answer.rawHeaders[i];
        if (!hopByHop.has(name.toLowerCase())) raw.push(name, answer.rawHeaders[i + 1]);
      }
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, raw);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('upstream connect error');
      else res.destroy();
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };

  const server = http.createServer({ keepAlive: true }, (req, res) => {
    const context = contexts.get(req.socket);
    if (!context) return void res.writeHead(500).end();
    const decision = faults.decide({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    const act = (): void => {
      if (decision?.abort) {
        const body = Buffer.from(decision.abort.body);
        res.writeHead(decision.abort.status, {
          'content-type': 'text/plain',
          'content-length': body.length,
          'x-faultline-fault': decision.fault,
        });
        res.end(body);
        req.resume();
        return;
      }
      forward(req, res, context);
    };
    if (decision?.delayMs) {
      const timer = setTimeout(act, decision.delayMs);
      res.on('close', () => clearTimeout(timer));
    } else {
      act();
    }
  });
  // Upgrades (WebSocket) are faulted like any request, then tunnelled as raw bytes.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const context = contexts.get(socket);
    if (!context) return void socket.destroy();
    const decision = faults.decide({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    const tunnel = (): void => {
      if (socket.destroyed) return;
      if (decision?.abort) {
        const body = Buffer.from(decision.abort.body);
        socket.end(
          `HTTP/1.1 ${decision.abort.status} ${http.STATUS_CODES[decision.abort.status] ?? ''}\r\ncontent-type: text/plain\r\ncontent-length: ${body.length}\r\nconnection: close\r\nx-faultline-fault: ${decision.fault}\r\n\r\n${body}`,
        );
        return;
      }
      const upstream = net.connect({ host: context.target.host, port: context.target.port, noDelay: true });
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      const close = (): void => {
        upstream.destroy();
        socket.destroy();
      };
      upstream.on('error', close);
      socket.on('error', close);
      upstream.on('close', close);
      socket.on('close', close);
      socket.pipe(upstream).pipe(socket);
    };
    if (decision?.delayMs) setTimeout(tunnel, decision.delayMs);
    else tunnel();
  });
  server.keepAliveTimeout = 0;
  server.headersTimeout = 0;
  server.requestTimeout = 0;

  return {
    faults,
    attach(target) {
      const [front, back] = duplexPair();
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      agents.add(agent);
      contexts.set(front, { target, agent });
      front.on('close', () => {
        agent.destroy();
        agents.delete(agent);
      });
      server.emit('connection', front);
      return back as Duplex;
    },
    close() {
      for (const agent of agents) agent.destroy();
      agents.clear();
    },
  };
}
