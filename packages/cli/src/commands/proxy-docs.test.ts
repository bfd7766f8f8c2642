import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProxyServer } from '@faultline/proxy';
import type { CliIo } from '../cli-io.js';
import { main } from '../main.js';
import { fencedBlocks } from '../../../../test/docs/fenced-blocks.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

const blocks = fencedBlocks('docs/proxy.md');

/** `faultline proxy …` in process, as a user would type it; ports set to 0 (tests share the machine). */
async function runProxyCommand(line: string, cwd: string): Promise<void> {
  const args = line.replace(/#.*/, '').trim().split(/\s+/).slice(1);
  const port = args.indexOf('--port');
  if (port >= 0) args[port + 1] = '0';
  else args.push('--port', '0');
  let out = '';
  const handlers = new Set<(signal: 'SIGTERM') => void>();
  const io: CliIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: () => undefined },
    env: {},
    cwd,
    setExitCode: () => undefined,
    onSignal(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
  const serving = main(args, io);
  try {
    await expect.poll(() => out, { timeout: 10_000 }).toMatch(/API on http:\/\/127\.0\.0\.1:\d+/);
    const api = /API on (\S+)/.exec(out)![1];
    const token = args[args.indexOf('--token') + 1];
    const headers = args.includes('--token') ? { authorization: `Bearer ${token}` } : undefined;
    expect((await fetch(`${api}/proxies`, { headers })).status).toBe(200);
  } finally {
    for (const handler of handlers) handler('SIGTERM');
    expect(await serving).toBe(0);
  }
}

describe('docs/proxy.md: every fenced example runs as written', () => {
  it('has examples, each of a kind this test knows how to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks) expect(['sh', 'ts', 'json'], `block at line ${block.line}`).toContain(block.lang);
  });

  for (const block of blocks) {
    it(`the ${block.lang} block at line ${block.line}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'faultline-proxy-docs-'));
      if (block.lang === 'ts') {
        // Imported as written (the test's resolver maps @faultline/proxy to its source).
        const file = join(dir, 'example.ts');
        writeFileSync(file, block.code);
        await import(file);
      } else if (block.lang === 'json') {
        const server = await ProxyServer.start({ port: 0 });
        try {
          const create = { name: 'web', listen: '127.0.0.1:0', upstream: '127.0.0.1:1', protocol: 'http' };
          await fetch(`${server.url}/proxies`, { method: 'POST', body: JSON.stringify(create) });
          const res = await fetch(`${server.url}/proxies/web/faults`, { method: 'POST', body: block.code });
          expect(res.status).toBe(201);
          expect(await res.json()).toEqual(JSON.parse(block.code));
        } finally {
          await server.close();
        }
      } else {
        // The --config the docs name: examples/proxy/proxies.json, on free ports.
        const proxies = JSON.parse(readFileSync(join(root, 'examples/proxy/proxies.json'), 'utf8')) as Array<{
          listen: string;
        }>;
        for (const proxy of proxies) proxy.listen = '127.0.0.1:0';
        writeFileSync(join(dir, 'proxies.json'), JSON.stringify(proxies));
        const commands = block.code.split('\n').filter((line) => line.startsWith('faultline proxy'));
        expect(commands.length).toBeGreaterThan(0);
        for (const command of commands) await runProxyCommand(command, dir);
      }
    });
  }
});
