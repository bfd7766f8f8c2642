import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, until, writeFile } from './cli-harness.js';

/** One distinct secret per place a secret can come from. */
const planted = {
  inlineSecret: 'inl1ne-s3cret-4412',
  envSecret: 'env-s3cret-9931',
  envConfigPassword: 'db-passw0rd-7781',
  literalCredentials: 'us3r-cred3ntials-5520',
  varFlagToken: 'v4r-fl4g-t0ken-6619',
  varFileSecret: 'v4r-f1le-secret-3307',
  varFileScopeSecret: 'v4r-f1le-sc0pe-8842',
  urlPassword: 'url-p4ssw0rd-2298',
  thrownSecret: 'thr0wn-t0ken-1175',
};

const experiment = `
title: secrets everywhere
configuration:
  service_url: { type: env, key: SERVICE_URL }
  db_password: { type: env, key: DB_PASSWORD }
  user_credentials: "${planted.literalCredentials}"
  db_url: "postgres://app:${planted.urlPassword}@127.0.0.1:1/orders"
secrets:
  inline:
    api_key: "${planted.inlineSecret}"
  fromenv:
    auth: { type: env, key: AUTH_SECRET }
steady-state-hypothesis:
  title: the service echoes what it gets
  probes:
    - type: probe
      name: echo-everything
      tolerance: 200
      provider:
        type: http
        url: "\${service_url}/echo"
        method: POST
        headers: { Authorization: "Bearer \${api_key}", X-Env: "\${auth}" }
        arguments:
          db: "\${db_password}"
          creds: "\${user_credentials}"
          flag: "\${api_token}"
          file: "\${service_secret}"
          scope: "\${scoped}"
          url: "\${db_url}"
method:
  - type: action
    name: print-secrets
    provider:
      type: process
      path: /bin/sh
      arguments: ["-c", "echo \${db_password} \${api_token} \${service_secret} \${db_url}; exit 3"]
  - type: action
    name: throws-with-a-secret
    provider: { type: javascript, module: ./throws.mjs, func: fail, arguments: { token: "${planted.thrownSecret}" } }
  - type: action
    name: connect-with-credentials
    provider: { type: http, url: "http://app:${planted.urlPassword}@127.0.0.1:1/x", timeout: 2 }
  - type: action
    name: hold-for-metrics
    provider: { type: process, path: /bin/sh, arguments: ["-c", "sleep 0.5"] }
`;

describe('one masking rule set: planted secrets reach no output', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    // Echoes every header and the body it got: the probe's output carries every secret.
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ headers: req.headers, body })),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('journal, log, terminal, NDJSON, metrics and every report format are clean', async () => {
    const dir = tempDir();
    writeFile(dir, 'exp.yaml', experiment);
    writeFile(
      dir,
      'throws.mjs',
      'export function fail({ token }) { throw new Error(`login refused for token ${token}`); }\n',
    );
    writeFile(
      dir,
      'vars.yaml',
      `configuration:\n  service_secret: "${planted.varFileSecret}"\nsecrets:\n  inline:\n    scoped: "${planted.varFileScopeSecret}"\n`,
    );
    const env = { SERVICE_URL: url, DB_PASSWORD: planted.envConfigPassword, AUTH_SECRET: planted.envSecret };
    const flags = ['--var', `api_token=${planted.varFlagToken}`, '--var-file', 'vars.yaml'];
    const outputs: Record<string, string> = {};

    // A metrics port chosen free, scraped while the run holds.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    let metrics = '';
    const run = runCli(
      ['--log-file', 'run.log', 'run', 'exp.yaml', ...flags, '--metrics-port', String(port), '--verbose'],
      { cwd: dir, env },
    );
    await until(async () => {
      metrics = await fetch(`http://127.0.0.1:${port}/metrics`).then(
        (r) => r.text(),
        () => '',
      );
      return metrics.includes('faultline_');
    });
    const text = await run;
    outputs.terminal = text.stdout + text.stderr;
    outputs.metrics = metrics;
    const json = await runCli(
      ['--no-log-file', 'run', 'exp.yaml', ...flags, '--output', 'json', '--journal-path', 'j2.json'],
      {
        cwd: dir,
        env,
      },
    );
    outputs.ndjson = json.stdout + json.stderr;
    for (const format of ['html', 'markdown', 'junit', 'json']) {
      const report = await runCli(['--no-log-file', 'report', `--export-format=${format}`, 'journal.json'], {
        cwd: dir,
      });
      expect(report.code).toBe(0);
      outputs[`report-${format}`] = report.stdout;
    }
    for (const file of readdirSync(dir))
      if (/\.(json|log)$/.test(file)) outputs[file] = readFileSync(join(dir, file), 'utf8');

    // The secrets did reach the system under test (so the test can fail)...
    const journal = JSON.parse(outputs['journal.json']!);
    expect(journal.steady_states.before.probes[0].status).toBe('succeeded');
    expect(outputs['journal.json']).toContain('***');
    expect(outputs['run.log']).toMatch(/login refused for token \*\*\*/);
    expect(outputs['journal.json']).toMatch(/postgres:\/\/\*\*\*@127\.0\.0\.1/);
    // ...and not one reached an output.
    const leaks: string[] = [];
    for (const [where, content] of Object.entries(outputs))
      for (const [what, secret] of Object.entries(planted))
        if (content.includes(secret)) leaks.push(`${what} in ${where}`);
    expect(leaks).toEqual([]);
    expect(Object.keys(outputs).sort()).toEqual(
      expect.arrayContaining([
        'journal.json',
        'j2.json',
        'run.log',
        'terminal',
        'ndjson',
        'metrics',
        'report-html',
        'report-junit',
      ]),
    );
  });
});
