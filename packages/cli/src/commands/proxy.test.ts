import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io.js';
import { registerProxyCommand } from './proxy.js';

function fakeIo(cwd: string) {
  let out = '';
  let err = '';
  const handlers = new Set<(signal: 'SIGINT' | 'SIGTERM') => void>();
  const io: CliIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: {},
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

  it('refuses a config that is not JSON, with a hint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-proxy-cmd-'));
    writeFileSync(join(dir, 'bad.json'), '[{');
    const fake = fakeIo(dir);
    const program = new Command().exitOverride();
    registerProxyCommand(program, fake.io);
    await expect(
      program.parseAsync(['proxy', '--port', '0', '--config', 'bad.json'], { from: 'user' }),
    ).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(
      program.parseAsync(['proxy', '--port', '0', '--config', 'missing.json'], { from: 'user' }),
    ).rejects.toMatchObject({ code: 'E_USAGE' });
    writeFileSync(join(dir, 'incomplete.json'), JSON.stringify([{ name: 'no-upstream' }]));
    await expect(
      program.parseAsync(['proxy', '--port', '0', '--config', 'incomplete.json'], { from: 'user' }),
    ).rejects.toMatchObject({
      code: 'E_USAGE',
      message: expect.stringContaining('missing required field: upstream at proxy 1'),
    });
  });

  it('explains a busy port', async () => {
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const fake = fakeIo(tmpdir());
    const program = new Command().exitOverride();
    registerProxyCommand(program, fake.io);
    await expect(
      program.parseAsync(['proxy', '--port', String((busy.address() as net.AddressInfo).port)], { from: 'user' }),
    ).rejects.toMatchObject({ code: 'E_PROXY_LISTEN' });
    busy.close();
  });
});
