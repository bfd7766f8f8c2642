import http from 'node:http';
import net, { type AddressInfo, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import { ProxyServer } from '../server/proxy-server.js';

/** Closes everything a test opened, in reverse order. */
export class Cleanup {
  private readonly tasks: Array<() => unknown> = [];
  add(task: () => unknown): void {
    this.tasks.push(task);
  }
  async run(): Promise<void> {
    for (const task of this.tasks.splice(0).reverse()) await task();
  }
}

export async function listen(server: Server | http.Server, cleanup: Cleanup): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanup.add(
    () =>
      new Promise<void>((resolve) => {
        (server as http.Server).closeAllConnections?.();
        server.close(() => resolve());
      }),
  );
  return (server.address() as AddressInfo).port;
}

/** Echoes every byte back; tracks its sockets so tests can count them. */
export async function echoServer(cleanup: Cleanup): Promise<{ port: number; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.pipe(socket);
  });
  cleanup.add(() => {
    for (const s of sockets) s.destroy();
  });
  return { port: await listen(server, cleanup), sockets };
}

/** Sends `size` bytes to every connection, then ends it. */
export async function sourceServer(cleanup: Cleanup, size: number): Promise<number> {
  const payload = Buffer.alloc(size, 7);
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end(payload);
  });
  return listen(server, cleanup);
}

export async function startApi(
  cleanup: Cleanup,
  options: ConstructorParameters<typeof ProxyServer>[0] = {},
): Promise<ProxyServer> {
  const server = await ProxyServer.start({ port: 0, ...options });
  cleanup.add(() => server.close());
  return server;
}

export async function api(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: any; text: string }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

export function portOf(listen: string): number {
  return Number(listen.slice(listen.lastIndexOf(':') + 1));
}

export async function connect(port: number, cleanup?: Cleanup): Promise<Socket> {
  const socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
  socket.on('error', () => undefined);
  await once(socket, 'connect');
  cleanup?.add(() => socket.destroy());
  return socket;
}

/** Reads until `size` bytes arrived (or the socket ended). */
export function readBytes(socket: Socket, size: number, timeoutMs = 10_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let got = 0;
    const done = (): void => {
      socket.off('data', onData);
      socket.off('end', done);
      socket.off('close', done);
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      got += chunk.length;
      if (got >= size) done();
    };
    const timer = setTimeout(() => {
      socket.off('data', onData);
      reject(new Error(`timed out after ${got}/${size} bytes`));
    }, timeoutMs);
    socket.on('data', onData);
    socket.once('end', done);
    socket.once('close', done);
  });
}

/** How the socket ended: 'end' (FIN), 'reset' (ECONNRESET) or 'close'. */
export function closing(socket: Socket): Promise<{ how: 'end' | 'reset' | 'close'; at: number; bytes: number }> {
  return new Promise((resolve) => {
    let bytes = 0;
    let how: 'end' | 'reset' | 'close' = 'close';
    socket.on('data', (chunk: Buffer) => (bytes += chunk.length));
    socket.on('end', () => {
      how = 'end';
      socket.end();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET') how = 'reset';
    });
    socket.on('close', () => resolve({ how, at: performance.now(), bytes }));
  });
}

/** Round trip of one small message through an echo path, in ms. */
export async function roundTrip(socket: Socket, message = 'ping'): Promise<number> {
  const started = performance.now();
  socket.write(message);
  await readBytes(socket, Buffer.byteLength(message));
  return performance.now() - started;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Polls until `check` is truthy (generous deadline: the machine is shared). */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}
