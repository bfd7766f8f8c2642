import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ActivityFailedError } from '../errors/faultline-error.js';
import type { Experiment } from '../model/experiment.js';
import { runHttpProvider } from '../provider/http/run-http-provider.js';
import { runProcessProvider } from '../provider/process/run-process-provider.js';
import { createRedactor } from './create-redactor.js';
import { redactExperiment } from './redact-experiment.js';
import { secretConfigurationKeys } from './secret-configuration-keys.js';

const secrets = {
  k8s: { token: 'tok-4f9a8b7c', short: 'ab', port: 50123 },
  db: { password: 'p@ss w/rd"x', nested: { inner: 'deep-secret-value' } },
};

describe('createRedactor', () => {
  const redact = createRedactor(secrets);

  it('replaces whole secret values and occurrences inside larger strings', () => {
    expect(redact('tok-4f9a8b7c')).toBe('***');
    expect(redact('Bearer tok-4f9a8b7c (echoed)')).toBe('Bearer *** (echoed)');
    expect(redact('deep-secret-value and again deep-secret-value')).toBe('*** and again ***');
    expect(redact({ list: ['x tok-4f9a8b7c y'], n: 50123, other: 7 })).toEqual({
      list: ['x *** y'],
      n: '***',
      other: 7,
    });
  });

  it('redacts URL-encoded and JSON-escaped forms', () => {
    expect(redact(`https://x/?p=${encodeURIComponent('p@ss w/rd"x')}`)).toBe('https://x/?p=***');
    expect(redact(JSON.stringify({ echo: 'p@ss w/rd"x' }))).toBe('{"echo":"***"}');
  });

  it('redacts short secrets only as whole values', () => {
    expect(redact('ab')).toBe('***');
    expect(redact('about')).toBe('about');
  });

  it('redacts values under secret-looking keys whatever they are', () => {
    const out = redact({
      headers: { Authorization: 'Basic dXNlcjpwYXNz', 'X-Api-Key': 'k', Accept: '*/*' },
      arguments: { password: 'unknown', api_key: ['a'], user: 'me' },
    });
    expect(out).toEqual({
      headers: { Authorization: '***', 'X-Api-Key': '***', Accept: '*/*' },
      arguments: { password: '***', api_key: ['***'], user: 'me' },
    });
  });

  it('keeps env references readable under secret-looking keys', () => {
    expect(redact({ token: { type: 'env', key: 'KUBE_TOKEN' } })).toEqual({
      token: { type: 'env', key: 'KUBE_TOKEN' },
    });
    expect(redact({ token: { type: 'env', key: 'T', default: 'dflt' } })).toEqual({
      token: { type: 'env', key: 'T', default: '***' },
    });
  });

  it('deep-copies and never changes its input', () => {
    const input = { a: { b: 'tok-4f9a8b7c' } };
    const out = redact(input);
    expect(input.a.b).toBe('tok-4f9a8b7c');
    expect(out).not.toBe(input);
  });

  it('handles cycles, errors and odd values', () => {
    const cyclic: Record<string, unknown> = { s: 'tok-4f9a8b7c' };
    cyclic.self = cyclic;
    const out = redact(cyclic) as Record<string, unknown>;
    expect(out.s).toBe('***');
    expect(out.self).toBe(out);
    const error = redact(new ActivityFailedError('failed with tok-4f9a8b7c', { hint: 'hint tok-4f9a8b7c' }));
    expect(error).toBeInstanceOf(ActivityFailedError);
    expect(error.message).toBe('failed with ***');
    expect(error.hint).toBe('hint ***');
    expect(redact(null)).toBeNull();
    expect(redact(undefined)).toBeUndefined();
    expect(redact(true)).toBe(true);
  });

  it('scrubs configuration values named by configurationKeys, and extra values', () => {
    const r = createRedactor(
      {},
      {
        configurationKeys: ['api_token'],
        configuration: { api_token: 'cfg-token-123', host: 'h' },
        extra: ['extra-value'],
      },
    );
    expect(r('a cfg-token-123 b extra-value c')).toBe('a *** b *** c');
    expect(r({ api_token: 'anything', host: 'h' })).toEqual({ api_token: '***', host: 'h' });
  });

  it('redacts a secret echoed back in a real http output', async () => {
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ youSent: req.headers['x-token'], url: req.url }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const output = await runHttpProvider(
        { type: 'http', url: `http://127.0.0.1:${port}/?t=tok-4f9a8b7c`, headers: { 'X-Token': 'tok-4f9a8b7c' } },
        { signal: new AbortController().signal },
      );
      expect(JSON.stringify(output)).toContain('tok-4f9a8b7c');
      const clean = redact({ output });
      expect(JSON.stringify(clean)).not.toContain('tok-4f9a8b7c');
      expect(clean.output.body).toEqual({ youSent: '***', url: '/?t=***' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('redacts a secret echoed on a real process stdout', async () => {
    const output = await runProcessProvider(
      { type: 'process', path: 'echo', arguments: ['login', 'p@ss w/rd"x'] },
      { signal: new AbortController().signal, cwd: process.cwd() },
    );
    expect(output.stdout).toContain('p@ss w/rd"x');
    expect(redact(output).stdout).toBe('login ***\n');
  });
});

describe('redactExperiment', () => {
  const experiment = {
    title: 't',
    secrets: {
      k8s: {
        token: { type: 'env', key: 'KUBE_TOKEN' },
        inline: 'plain-secret',
        withDefault: { type: 'env', key: 'X', default: 'dflt' },
        nested: { a: 'b' },
        empty: '',
      },
    },
    configuration: {
      host: 'h',
      dyn: {
        type: 'probe',
        name: 'p',
        provider: { type: 'http', url: 'http://x', secrets: { k8s: { token: 'leaked' } } },
      },
      listed: { type: 'probe', name: 'q', provider: { type: 'http', url: 'http://x', secrets: ['k8s'] } },
    },
    method: [{ type: 'action', name: 'a', provider: { type: 'python', module: 'm', func: 'f', secrets: ['k8s'] } }],
  } as unknown as Experiment;

  it('blanks inline secrets and defaults, keeps references and scope lists', () => {
    const out = redactExperiment(experiment) as unknown as typeof experiment & Record<string, never>;
    expect(out.secrets).toEqual({
      k8s: {
        token: { type: 'env', key: 'KUBE_TOKEN' },
        inline: '***',
        withDefault: { type: 'env', key: 'X', default: '***' },
        nested: { a: '***' },
        empty: '',
      },
    });
    const configuration = out.configuration as Record<string, { provider: { secrets: unknown } }>;
    expect(configuration.dyn!.provider.secrets).toBe('***');
    expect(configuration.listed!.provider.secrets).toEqual(['k8s']);
    expect(JSON.stringify(out)).not.toContain('leaked');
    expect(JSON.stringify(out)).not.toContain('plain-secret');
    expect((experiment.secrets as Record<string, Record<string, unknown>>).k8s!.inline).toBe('plain-secret');
  });
});

describe('secretConfigurationKeys', () => {
  it('finds dynamic values derived from secrets and secret-looking env values', () => {
    const experiment = {
      secrets: { api: { api_token: 't' } },
      configuration: {
        plain: 'x',
        fromSecretScope: { type: 'probe', name: 'a', provider: { type: 'http', url: 'http://x', secrets: ['api'] } },
        fromSecretName: {
          type: 'probe',
          name: 'b',
          provider: { type: 'http', url: 'http://x', headers: { Authorization: 'Bearer ${api_token}' } },
        },
        innocent: { type: 'probe', name: 'c', provider: { type: 'http', url: 'http://x/${plain}' } },
        github_token: { type: 'env', key: 'GH' },
        db_password: { type: 'env', key: 'PW' },
        region: { type: 'env', key: 'REGION' },
      },
    } as unknown as Experiment;
    expect(secretConfigurationKeys(experiment)).toEqual([
      'fromSecretScope',
      'fromSecretName',
      'github_token',
      'db_password',
    ]);
  });
});
