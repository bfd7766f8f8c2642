import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSystemBinary } from '@faultline/core/testing';
import { startFakeApiServer, selfSignedCert, type FakeApiServer } from '../testing/index.js';
import { getKubeClient } from './get-kube-client.js';
import { loadKubeConfig } from './load-kube-config.js';

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
    const tls = selfSignedCert(openssl);
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
      writeFileSync(join(root, 'ca.crt'), selfSignedCert(openssl).cert);
      await expect(
        namespaces({ secrets: { FAULTLINE_IN_POD: 'true' }, settings: { kubernetes: { qps: 7 } } }, env),
      ).rejects.toThrow();
    } finally {
      await secure.close();
    }
  });
});
