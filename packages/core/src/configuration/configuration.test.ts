import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityFailedError, InterruptedError, UsageError } from '../errors/faultline-error.js';
import type { Experiment, Provider } from '../model/experiment.js';
import { runHttpProvider } from '../provider/http/run-http-provider.js';
import { runProcessProvider } from '../provider/process/run-process-provider.js';
import { resolveConfiguration } from './resolve-configuration.js';
import { resolveSecrets } from './resolve-secrets.js';

const config = (c: Record<string, unknown>) => c as Experiment['configuration'];
const secretsOf = (s: Record<string, unknown>) => s as Experiment['secrets'];

/** A real provider runner, like the engine's, for dynamic configuration. */
const runProbe = async (provider: Provider) => {
  const signal = new AbortController().signal;
  if (provider.type === 'http') return runHttpProvider(provider, { signal });
  if (provider.type === 'process') return runProcessProvider(provider, { signal, cwd: process.cwd() });
  throw new ActivityFailedError(`no ${provider.type} provider in this test`);
};

describe('resolveConfiguration', () => {
  it('keeps plain values as they are', async () => {
    expect(await resolveConfiguration(config({ a: 'x', n: 1, o: { k: [1] }, nothing: null }), { env: {} })).toEqual({
      a: 'x',
      n: 1,
      o: { k: [1] },
      nothing: null,
    });
    expect(await resolveConfiguration(undefined, { env: {} })).toEqual({});
  });

  it('reads env entries, with defaults and env_var_type', async () => {
    const declared = config({
      token: { type: 'env', key: 'MY_TOKEN' },
      host: { type: 'env', key: 'NO_SUCH_HOST', default: 'localhost' },
      port: { type: 'env', key: 'SERVICE_PORT', env_var_type: 'int' },
      dport: { type: 'env', key: 'NOPE', default: '8080', env_var_type: 'int' },
      on: { type: 'env', key: 'ON', env_var_type: 'bool' },
      obj: { type: 'env', key: 'OBJ', env_var_type: 'json' },
      empty: { type: 'env', key: 'EMPTY' },
    });
    const env = { MY_TOKEN: 'value2', SERVICE_PORT: '9090', ON: 'no', OBJ: '{"a":1}', EMPTY: '' };
    expect(await resolveConfiguration(declared, { env })).toEqual({
      token: 'value2',
      host: 'localhost',
      port: 9090,
      dport: 8080,
      on: false,
      obj: { a: 1 },
      empty: '',
    });
  });

  it('fails with a UsageError naming the variable when it is missing and has no default', async () => {
    const error = await resolveConfiguration(config({ token: { type: 'env', key: 'KUBE_TOKEN' } }), { env: {} }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain('KUBE_TOKEN');
    expect((error as UsageError).hint).toContain('--var token=');
  });

  it('fails clearly when an env value does not convert', async () => {
    await expect(
      resolveConfiguration(config({ port: { type: 'env', key: 'P', env_var_type: 'int' } }), { env: { P: 'eighty' } }),
    ).rejects.toThrow(/configuration "port" \(from P\).*not an integer/);
  });

  it('lets vars override declared keys, even env entries whose variable is missing', async () => {
    const declared = config({ token: { type: 'env', key: 'KUBE_TOKEN' }, host: 'a' });
    expect(await resolveConfiguration(declared, { env: {}, vars: { token: 'from-var', host: 'b' } })).toEqual({
      token: 'from-var',
      host: 'b',
    });
  });

  it('lets a var carry a full definition (Chaos Toolkit #252)', async () => {
    const declared = config({ some: 'declared' });
    expect(
      await resolveConfiguration(declared, { env: { X: 'from-env' }, vars: { some: { type: 'env', key: 'X' } } }),
    ).toEqual({ some: 'from-env' });
  });

  it('adds vars for undeclared keys', async () => {
    expect(await resolveConfiguration(config({ a: 1 }), { env: {}, vars: { b: 2 } })).toEqual({ a: 1, b: 2 });
  });

  it('does not mutate the declaration or the vars', async () => {
    const declared = config({ a: { type: 'env', key: 'A' } });
    const vars = { a: 'v' };
    await resolveConfiguration(declared, { env: {}, vars });
    expect(declared).toEqual({ a: { type: 'env', key: 'A' } });
    expect(vars).toEqual({ a: 'v' });
  });
});

describe('resolveConfiguration: dynamic configuration', () => {
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/config') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ replicas: 3, auth: req.headers.authorization ?? null }));
      } else res.writeHead(500).end('nope');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('uses the body of an http probe and the trimmed stdout of a process probe', async () => {
    const declared = config({
      base,
      remote: {
        type: 'probe',
        name: 'fetch-config',
        provider: { type: 'http', url: '${base}/config', headers: { Authorization: 'Bearer ${token}' } },
      },
      version: {
        type: 'probe',
        name: 'version',
        provider: { type: 'process', path: 'echo', arguments: ['  v1.2.3  '] },
      },
    });
    const resolved = await resolveConfiguration(declared, { env: {}, runProbe, secrets: { api: { token: 'tkn' } } });
    expect(resolved).toEqual({ base, remote: { replicas: 3, auth: 'Bearer tkn' }, version: 'v1.2.3' });
    expect(Object.keys(resolved)).toEqual(['base', 'remote', 'version']);
  });

  it('uses the return value of other providers and sees only the keys declared before', async () => {
    const seen: Array<Record<string, unknown>> = [];
    const declared = config({
      first: 1,
      dyn: {
        type: 'probe',
        name: 'js',
        provider: { type: 'javascript', module: 'm', func: 'f', arguments: { n: '${first}', later: '${last}' } },
      },
      last: 2,
    });
    const resolved = await resolveConfiguration(declared, {
      env: {},
      runProbe: async (provider, soFar, name) => {
        seen.push(soFar);
        return { provider, name };
      },
    });
    expect(resolved.dyn).toEqual({
      provider: { type: 'javascript', module: 'm', func: 'f', arguments: { n: 1, later: '${last}' } },
      name: 'js',
    });
    expect(seen[0]).toEqual({ first: 1 });
  });

  it('leaves out a dynamic entry that fails, with a warning (Chaos Toolkit), and keeps going', async () => {
    const warnings: string[] = [];
    const declared = config({
      bad_http: { type: 'probe', name: 'down', provider: { type: 'http', url: 'http://127.0.0.1:1/' } },
      bad_exit: {
        type: 'probe',
        name: 'exit',
        provider: { type: 'process', path: 'sh', arguments: ['-c', 'echo oops >&2; exit 2'] },
      },
      good: 'yes',
    });
    const resolved = await resolveConfiguration(declared, { env: {}, runProbe, onWarning: (m) => warnings.push(m) });
    expect(resolved).toEqual({ good: 'yes' });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('"bad_http"');
    expect(warnings[1]).toMatch(/"bad_exit".*exited with 2: oops/);
  });

  it('propagates interruptions and usage errors', async () => {
    const declared = config({
      dyn: { type: 'probe', name: 'p', provider: { type: 'javascript', module: 'm', func: 'f' } },
    });
    await expect(
      resolveConfiguration(declared, {
        env: {},
        runProbe: async () => {
          throw new InterruptedError('stop');
        },
      }),
    ).rejects.toThrow('stop');
    await expect(
      resolveConfiguration(declared, {
        env: {},
        runProbe: async () => {
          throw new UsageError('unknown module m');
        },
      }),
    ).rejects.toThrow('unknown module m');
    await expect(resolveConfiguration(declared, { env: {} })).rejects.toThrow(/needs a probe runner/);
  });

  it('never writes secrets into the declaration (Chaos Toolkit does)', async () => {
    const declared = config({
      dyn: { type: 'probe', name: 'p', provider: { type: 'javascript', module: 'm', func: 'f' } },
    });
    const before = structuredClone(declared);
    await resolveConfiguration(declared, { env: {}, secrets: { s: { token: 'x' } }, runProbe: async () => 1 });
    expect(declared).toEqual(before);
  });
});

describe('resolveSecrets', () => {
  it('keeps inline values and reads env entries per scope', () => {
    const declared = secretsOf({
      k8s: {
        token: { type: 'env', key: 'KUBE_TOKEN' },
        inline: 'shh',
        nested: { deep: { type: 'env', key: 'DEEP' }, plain: 1 },
      },
      other: { fallback: { type: 'env', key: 'NOPE', default: 'dflt' } },
    });
    expect(resolveSecrets(declared, { env: { KUBE_TOKEN: 'value2', DEEP: 'd' } })).toEqual({
      k8s: { token: 'value2', inline: 'shh', nested: { deep: 'd', plain: 1 } },
      other: { fallback: 'dflt' },
    });
    expect(resolveSecrets(undefined, { env: {} })).toEqual({});
  });

  it('fails with a UsageError naming the scope, secret and variable when the variable is missing', () => {
    expect(() =>
      resolveSecrets(secretsOf({ k8s: { token: { type: 'env', key: 'KUBE_TOKEN' } } }), { env: {} }),
    ).toThrow(/secret k8s\.token reads environment variable KUBE_TOKEN/);
  });

  it('rejects vault secrets clearly', () => {
    const error = (() => {
      try {
        resolveSecrets(secretsOf({ k8s: { a: { type: 'vault', path: 'foo/stuff' } } }), { env: {} });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/Vault.*not support/);
  });

  it('overrides name by name from var-file secrets and adds new scopes', () => {
    const declared = secretsOf({ k8s: { token: { type: 'env', key: 'MISSING' }, user: 'me' } });
    expect(resolveSecrets(declared, { env: {}, vars: { k8s: { token: 'from-file' }, extra: { key: 'k' } } })).toEqual({
      k8s: { token: 'from-file', user: 'me' },
      extra: { key: 'k' },
    });
  });

  it('resolves {type: env} secrets that come from a var file, in declared and new scopes', () => {
    const declared = secretsOf({ k8s: { token: 'inline' } });
    const vars = { k8s: { token: { type: 'env', key: 'TOKEN' } }, extra: { key: { type: 'env', key: 'KEY' } } };
    expect(resolveSecrets(declared, { env: { TOKEN: 't-1', KEY: 'k-2' }, vars })).toEqual({
      k8s: { token: 't-1' },
      extra: { key: 'k-2' },
    });
  });

  it('rejects secrets that are not grouped in scopes', () => {
    expect(() => resolveSecrets(secretsOf({ token: 'flat' }), { env: {} })).toThrow(/must be a scope/);
    expect(() => resolveSecrets(secretsOf({ token: { type: 'env', key: 'X' } }), { env: { X: '1' } })).toThrow(
      /grouped in scopes/,
    );
  });
});
