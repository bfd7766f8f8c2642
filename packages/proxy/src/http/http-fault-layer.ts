import type { EventEmitter } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import type { HostPort } from '../net/host-port.js';
import type { HttpFaultLayer } from '../proxy/http-fault-port.js';
import { setLongTimeout } from '@faultline/core/util';
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

interface AbortAnswer {
  status: number;
  headers: Record<string, string | number>;
  body: Buffer;
}

/** What a faulted request ends in: an answer made up by the proxy, or the real upstream. */
interface FaultActions {
  abort(answer: AbortAnswer): void;
  forward(): void;
}

function abortAnswer(fault: string, abort: { status: number; body: string }): AbortAnswer {
  const body = Buffer.from(abort.body);
  return {
    status: abort.status,
    headers: { 'content-type': 'text/plain', 'content-length': body.length, 'x-faultline-fault': fault },
    body,
  };
}

/** Replays an upgrade request to the upstream and pipes raw bytes both ways. */
function tunnel(req: IncomingMessage, socket: Duplex, head: Buffer, target: HostPort): void {
  if (socket.destroyed) return;
  const upstream = net.connect({ host: target.host, port: target.port, noDelay: true });
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
}

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

  /** One request (or upgrade): decide, wait out a delay (cancelled if the client goes), then abort or forward. */
  const applyFaults = (req: IncomingMessage, closes: EventEmitter, act: FaultActions): void => {
    const decision = faults.decide({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    const run = (): void => (decision?.abort ? act.abort(abortAnswer(decision.fault, decision.abort)) : act.forward());
    if (!decision?.delayMs) return run();
    const timer = setLongTimeout(run, decision.delayMs);
    closes.once('close', () => timer.clear());
  };

  const server = http.createServer({ keepAlive: true }, (req, res) => {
    const context = contexts.get(req.socket);
    if (!context) return void res.writeHead(500).end();
    applyFaults(req, res, {
      abort({ status, headers, body }) {
        res.writeHead(status, headers).end(body);
        req.resume();
      },
      forward: () => forward(req, res, context),
    });
  });
  // Upgrades (WebSocket) are faulted like any request, then tunnelled as raw bytes.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const context = contexts.get(socket);
    if (!context) return void socket.destroy();
    applyFaults(req, socket, {
      abort({ status, headers, body }) {
        const lines = [`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}`, 'connection: close'];
        for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
        socket.end(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), body]));
      },
      forward: () => tunnel(req, socket, head, context.target),
    });
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
