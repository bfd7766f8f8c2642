import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSystemBinary, selfSignedCert } from '@faultline/core/testing';
import { startFakeApiServer, type FakeApiServer } from '../testing/index.js';
import { getKubeClient } from './get-kube-client.js';
import { loadKubeConfig } from './load-kube-config.js';
import { proxyForServer } from './proxy-for-server.js';

const emptyHome = mkdtempSync(join(tmpdir(), 'faultline-home-'));

async function namespaces(
  ctx: { secrets: Record<string, unknown>; settings?: Record<string, unknown> },
  env: Record<string, string | undefined>,
): Promise<string[]> {
  const client = await getKubeClient({ secrets: ctx.secrets, settings: ctx.settings ?? {}, configuration: {} }, env);
  const list = await client.core.listNamespace();
  return list.items.map((item) => item.metadata!.name!);
}

describe('loadKubeConfig / getKubeClient', () => {
  let server: FakeApiServer;
  let other: FakeApiServer;

  beforeAll(async () => {
    server = await startFakeApiServer({
      token: 'tok-1',
      reconcile: false,
      objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'first' } }],
    });
    other = await startFakeApiServer({
      reconcile: false,
      objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'second' } }],
    });
  });
  afterAll(async () => {
    await server.close();
    await other.close();
  });

  it('uses KUBECONFIG with the context named by KUBERNETES_CONTEXT in the secrets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-kc-'));
    const path = join(dir, 'config');
    writeFileSync(
      path,
      [
        'apiVersion: v1',
        'kind: Config',
        'current-context: one',
        'clusters:',
        `- name: one`,
        '  cluster:',
        `    server: ${server.url}`,
        '    insecure-skip-tls-verify: true',
        `- name: two`,
        '  cluster:',
        `    server: ${other.url}`,
        '    insecure-skip-tls-verify: true',
        'users:',
        '- name: u1',
        '  user:',
        '    token: tok-1',
        '- name: u2',
        '  user:',
        '    token: whatever',
        'contexts:',
        '- name: one',
        '  context: {cluster: one, user: u1}',
        '- name: two',
        '  context: {cluster: two, user: u2}',
        '',
      ].join('\n'),
    );
    const env = { KUBECONFIG: path, HOME: emptyHome };
    expect(await namespaces({ secrets: {} }, env)).toContain('first');
    expect(await namespaces({ secrets: { KUBERNETES_CONTEXT: 'two' } }, env)).toContain('second');
    expect(await namespaces({ secrets: {}, settings: { kubernetes: { context: 'two' } } }, env)).toContain('second');
    const loaded = await loadKubeConfig({ secrets: { KUBERNETES_CONTEXT: 'two' } }, env);
    expect(loaded.source).toEqual({ mode: 'kubeconfig', server: other.url, context: 'two', path });
    await expect(loadKubeConfig({ secrets: { KUBERNETES_CONTEXT: 'three' } }, env)).rejects.toThrow(
      /context "three" not found/,
    );
  });

  it('merges KUBECONFIG=a:b like kubectl: the first file to name a cluster, user or context wins', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-kc-'));
    const file = (name: string, url: string, token: string, current: boolean) => {
      const path = join(dir, name);
      writeFileSync(
        path,
        [
          'apiVersion: v1',
          'kind: Config',
          ...(current ? ['current-context: main'] : []),
          'clusters:',
          '- name: main',
          `  cluster: {server: "${url}", insecure-skip-tls-verify: true}`,
          'users:',
          '- name: admin',
          `  user: {token: ${token}}`,
          'contexts:',
          '- name: main',
          '  context: {cluster: main, user: admin}',
          '',
        ].join('\n'),
      );
      return path;
    };
    const a = file('a', server.url, 'tok-1', false);
    const b = file('b', other.url, 'other', true);
    const env = { KUBECONFIG: `${a}:${b}`, HOME: emptyHome };
    // Same names in both files: a's cluster and user are used, b's current-context (a sets none).
    expect(await namespaces({ secrets: {} }, env)).toContain('first');
    const loaded = await loadKubeConfig({ secrets: {} }, env);
    expect(loaded.source).toMatchObject({ server: server.url, context: 'main' });
    expect(loaded.kubeConfig.clusters).toHaveLength(1);
    expect((await loadKubeConfig({ secrets: {} }, { ...env, KUBECONFIG: `${b}:${a}` })).source.server).toBe(other.url);
  });

  it('goes through HTTPS_PROXY / HTTP_PROXY unless NO_PROXY names the server, as kubectl does', async () => {
    // A forward proxy that resolves every host to this machine: the cluster is reachable only through it.
    const seen: string[] = [];
    const proxy = createServer((req, res) => {
      seen.push(req.url ?? '');
      const target = new URL(req.url ?? '/');
      const upstream = request(
        {
          host: '127.0.0.1',
          port: target.port,
          path: target.pathname + target.search,
          method: req.method,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    proxy.on('connect', (req, socket, head) => {
      seen.push(`CONNECT ${req.url ?? ''}`);
      const upstream = connect(Number(new URL(`http://${req.url ?? ''}`).port), '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const host = `http://cluster.faultline.invalid:${new URL(server.url).port}`;
      const secrets = { KUBERNETES_HOST: host, KUBERNETES_API_KEY: 'tok-1' };
      expect(await namespaces({ secrets }, { HOME: emptyHome, HTTP_PROXY: proxyUrl })).toContain('first');
      expect(seen[0]).toMatch(/cluster\.faultline\.invalid:\d+/);
      await expect(
        namespaces({ secrets }, { HOME: emptyHome, http_proxy: proxyUrl, NO_PROXY: '.faultline.invalid' }),
      ).rejects.toThrow();
      expect(proxyForServer('https://10.1.2.3:6443', { HTTPS_PROXY: 'proxy:3128', NO_PROXY: '10.0.0.0/8' })).toBe(
        undefined,
      );
      expect(proxyForServer('https://api.corp.example:6443', { HTTPS_PROXY: 'proxy:3128' })).toBe('http://proxy:3128');
      expect(proxyForServer('https://api.corp.example:6443', { HTTPS_PROXY: 'p:1', NO_PROXY: 'corp.example' })).toBe(
        undefined,
      );
      expect(proxyForServer('https://127.0.0.1:6443', { HTTPS_PROXY: 'p:1' })).toBe(undefined);
      expect(proxyForServer('http://api.corp.example', { HTTPS_PROXY: 'p:1' })).toBe(undefined);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('uses KUBERNETES_HOST with KUBERNETES_API_KEY when there is no kubeconfig', async () => {
    const env = { HOME: emptyHome };
    expect(await namespaces({ secrets: { KUBERNETES_HOST: server.url, KUBERNETES_API_KEY: 'tok-1' } }, env)).toContain(
      'first',
    );
    await expect(
      namespaces({ secrets: { KUBERNETES_HOST: server.url, KUBERNETES_API_KEY: 'wrong' } }, env),
    ).rejects.toMatchObject({ code: 401 });
    expect(server.requests.filter((request) => request.status === 401).length).toBeGreaterThan(0);
  });

  it('fails with a usage error and a hint when nothing is configured', async () => {
    await expect(loadKubeConfig({ secrets: {} }, { HOME: emptyHome })).rejects.toMatchObject({
      code: 'E_USAGE',
      hint: expect.stringMatching(/KUBECONFIG/),
    });
  });

  it('uses the service account in a pod (FAULTLINE_IN_POD / KUBERNETES_SERVICE_HOST) over verified TLS', async () => {
    const openssl = findSystemBinary('openssl');
    if (!openssl) return;
    const tls = selfSignedCert({ openssl });
    const secure = await startFakeApiServer({
      token: 'sa-token',
      tls,
      reconcile: false,
      objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'in-pod' } }],
    });
    try {
      const root = mkdtempSync(join(tmpdir(), 'faultline-sa-'));
      mkdirSync(root, { recursive: true });
      writeFileSync(join(root, 'token'), 'sa-token');
      writeFileSync(join(root, 'ca.crt'), tls.cert);
      writeFileSync(join(root, 'namespace'), 'in-pod');
      const port = new URL(secure.url).port;
      const env = {
        HOME: emptyHome,
        KUBERNETES_SERVICE_HOST: '127.0.0.1',
        KUBERNETES_SERVICE_PORT: port,
        FAULTLINE_SERVICEACCOUNT_ROOT: root,
      };
      expect(await namespaces({ secrets: {} }, env)).toContain('in-pod');
      const loaded = await loadKubeConfig(
        { secrets: {} },
        { ...env, FAULTLINE_IN_POD: 'true', KUBECONFIG: secure.writeKubeConfig() },
      );
      expect(loaded.source).toEqual({ mode: 'in-cluster', server: `https://127.0.0.1:${port}` });
      expect(loaded.kubeConfig.getContextObject(loaded.kubeConfig.getCurrentContext())?.namespace).toBe('in-pod');
      // A wrong CA must be refused: TLS really is verified.
      writeFileSync(join(root, 'ca.crt'), selfSignedCert({ openssl }).cert);
      await expect(
        namespaces({ secrets: { FAULTLINE_IN_POD: 'true' }, settings: { kubernetes: { qps: 7 } } }, env),
      ).rejects.toThrow();
    } finally {
      await secure.close();
    }
  });
});
