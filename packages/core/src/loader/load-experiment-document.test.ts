import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findSystemBinary } from '../testing/find-system-binary.js';
import { selfSignedCert } from '../testing/self-signed-cert.js';
import { loadExperimentDocument } from './load-experiment-document.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-load-'));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

describe('loadExperimentDocument', () => {
  it('reads YAML and JSON with positions of every node', async () => {
    const yaml = await loadExperimentDocument(write('a.yaml', 'title: t\nmethod:\n  - type: action\n    name: x\n'), {
      cwd: dir,
    });
    expect(yaml.value).toEqual({ title: 't', method: [{ type: 'action', name: 'x' }] });
    expect(yaml.source.positionOf(['method', 0, 'name'])).toEqual({ line: 4, column: 11 });
    const json = await loadExperimentDocument(
      write('a.json', '{\n  "title": "t",\n  "method": [\n    {"type": "action"}\n  ]\n}'),
      { cwd: dir },
    );
    expect(json.source.positionOf(['method', 0, 'type'])).toEqual({ line: 4, column: 14 });
    expect(json.baseDir).toBe(dir);
  });

  it('reports syntax errors with file, line and column', async () => {
    await expect(
      loadExperimentDocument(write('bad.yaml', 'title: t\nmethod:\n  - type: action\n   name: [oops\n'), { cwd: dir }),
    ).rejects.toThrow(/bad\.yaml:\d+:\d+/);
    await expect(loadExperimentDocument(write('bad.json', '{"title": "t",, }'), { cwd: dir })).rejects.toThrow(
      /bad\.json:1:\d+/,
    );
  });

  it('rejects unsupported file types and missing files clearly', async () => {
    await expect(loadExperimentDocument(write('a.txt', 'title: t'), { cwd: dir })).rejects.toThrow(
      /unsupported experiment file type/,
    );
    await expect(loadExperimentDocument('missing.yaml', { cwd: dir })).rejects.toThrow(/no such file/);
  });

  describe('from a URL', () => {
    const seen: Array<string | undefined> = [];
    const server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      if (req.url === '/private.yaml' && req.headers.authorization !== 'Bearer tok') {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/yaml' }).end('title: remote\nmethod: []\n');
    });
    const url = new Promise<string>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
    );
    afterAll(() => server.close());

    it('fetches over http with the bearer token from the environment', async () => {
      const base = await url;
      await expect(loadExperimentDocument(`${base}/private.yaml`, { cwd: dir, env: {} })).rejects.toThrow(/HTTP 401/);
      const doc = await loadExperimentDocument(`${base}/private.yaml`, {
        cwd: dir,
        env: { FAULTLINE_LOADER_AUTH_BEARER_TOKEN: 'tok' },
      });
      expect(doc.value).toEqual({ title: 'remote', method: [] });
      expect(seen.at(-1)).toBe('Bearer tok');
    });
  });
});

const openssl = findSystemBinary('openssl');

describe.skipIf(!openssl)('an https experiment URL with a self-signed certificate', () => {
  it('is refused, unless TLS verification is off (--no-verify-tls)', async () => {
    const server = createHttpsServer(selfSignedCert({ openssl: openssl! }), (_req, res) =>
      res.end('title: over tls\nmethod: []\n'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/experiment.yaml`;
    try {
      await expect(loadExperimentDocument(url, { cwd: dir })).rejects.toThrow(/cannot fetch experiment/);
      const loaded = await loadExperimentDocument(url, { cwd: dir, verifyTls: false });
      expect(loaded.value).toEqual({ title: 'over tls', method: [] });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
