import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on 127.0.0.1 with an OS-chosen port and returns the base URL. */
export async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export interface Answer {
  status: number;
  text: string;
  json: unknown;
  ms: number;
  headers: Headers;
}

/** One request, timed from outside. */
export async function call(url: string, init: RequestInit & { json?: unknown } = {}): Promise<Answer> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set('content-type', 'application/json');
  const start = performance.now();
  const res = await fetch(url, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
  const text = await res.text();
  const ms = performance.now() - start;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, text, json: parsed, ms, headers: res.headers };
}

/** Largest delay of a 5 ms interval timer while `work` runs: proof the event loop was not blocked. */
export async function maxTimerDrift<T>(work: () => Promise<T>): Promise<{ result: T; driftMs: number }> {
  let last = performance.now();
  let drift = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    drift = Math.max(drift, now - last - 5);
    last = now;
  }, 5);
  try {
    const result = await work();
    return { result, driftMs: drift };
  } finally {
    clearInterval(timer);
  }
}
