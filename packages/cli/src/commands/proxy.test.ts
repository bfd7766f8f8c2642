import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io.js';
import { main } from '../main.js';
import { registerProxyCommand } from './proxy.js';

function fakeIo(cwd: string, env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const handlers = new Set<(signal: 'SIGINT' | 'SIGTERM') => void>();
  const io: CliIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env,
    cwd,
    setExitCode: () => undefined,
    onSignal(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
  return {
    io,
    out: () => out,
    err: () => err,
    signal: (s: 'SIGINT' | 'SIGTERM') => [...handlers].forEach((h) => h(s)),
    handlers,
  };
}

describe('faultline proxy', () => {
  it('starts the API with the config proxies, prints where it listens and stops on a signal', async () => {
    const upstream = net.createServer((s) => s.pipe(s));
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const dir = mkdtempSync(join(tmpdir(), 'faultline-proxy-cmd-'));
    const upstreamPort = (upstream.address() as net.AddressInfo).port;
    writeFileSync(
      join(dir, 'proxies.json'),
      JSON.stringify([{ name: 'echo', listen: '127.0.0.1:0', upstream: `127.0.0.1:${upstreamPort}` }]),
    );
    const fake = fakeIo(dir);
    const program = new Command().exitOverride();
    registerProxyCommand(program, fake.io);
    const running = program.parseAsync(['proxy', '--port', '0', '--config', 'proxies.json', '--token', 'T'], {
      from: 'user',
    });

    await expect.poll(() => fake.out(), { timeout: 10_000 }).toContain('echo: 127.0.0.1:');
    const api = /API on (http:\/\/[^\s]+)/.exec(fake.out())![1];
    expect(fake.out()).toContain('(token required)');
    expect((await fetch(`${api}/proxies`)).status).toBe(401);
    const proxies = await (await fetch(`${api}/proxies`, { headers: { authorization: 'Bearer T' } })).json();
    expect(proxies.echo.upstream).toBe(`127.0.0.1:${upstreamPort}`);

    fake.signal('SIGTERM');
    await running;
    expect(fake.err()).toContain('SIGTERM');
    expect(fake.handlers.size).toBe(0);
    await expect(fetch(`${api}/version`)).rejects.toThrow();
    upstream.close();
  });

  it('renders every error a user can cause with exit 64 and a hint, never as a bug (70)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-proxy-cmd-'));
    writeFileSync(join(dir, 'bad.json'), '[{');
    writeFileSync(join(dir, 'incomplete.json'), JSON.stringify([{ name: 'no-upstream' }]));
    writeFileSync(join(dir, 'bad-listen.json'), JSON.stringify([{ name: 'p', listen: 'nowhere', upstream: ':1' }]));
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const busyPort = String((busy.address() as net.AddressInfo).port);
    writeFileSync(
      join(dir, 'busy-listen.json'),
      JSON.stringify([{ name: 'p', listen: `127.0.0.1:${busyPort}`, upstream: '127.0.0.1:1' }]),
    );
    const cases: Array<{ args: string[]; env?: Record<string, string>; message: RegExp }> = [
      { args: ['--config', 'bad.json'], message: /is not JSON/ },
      { args: ['--config', 'missing.json'], message: /cannot read proxy config/ },
      { args: ['--config', 'incomplete.json'], message: /missing required field: upstream at proxy 1/ },
      { args: ['--config', 'bad-listen.json'], message: /listen address "nowhere" is not host:port/ },
      { args: ['--config', 'busy-listen.json'], message: /address already in use/ },
      { args: ['--port', busyPort], message: /listen tcp 127\.0\.0\.1:\d+: address already in use/ },
      { args: ['--host', 'no-such-host.invalid'], message: /host name does not resolve/ },
      // TEST-NET-1: never an address of this machine (binding sends no traffic).
      { args: ['--host', '192.0.2.1'], message: /192\.0\.2\.1:0: not an address of this machine/ },
      { args: ['--token', ''], message: /--token is empty/ },
      { args: [], env: { FAULTLINE_PROXY_TOKEN: ' ' }, message: /FAULTLINE_PROXY_TOKEN is empty/ },
      { args: ['--port', 'http'], message: /--port must be a port number/ },
    ];
    for (const { args, env, message } of cases) {
      const fake = fakeIo(dir, env);
      const hasPort = args.includes('--port');
      const code = await main(['proxy', ...(hasPort ? [] : ['--port', '0']), ...args], fake.io);
      expect({ args, code }).toEqual({ args, code: 64 });
      expect(fake.err()).toMatch(message);
      expect(fake.err()).toMatch(/^hint: /m);
      expect(fake.err()).not.toContain('internal error');
      expect(fake.handlers.size).toBe(0);
    }
    busy.close();
  });
});
