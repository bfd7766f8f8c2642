import { mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { stopRun } from '@faultline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, until, writeFile } from './cli-harness.js';
import { startCli, type CliProcess } from './cli-process.js';

// `faultline serve --experiments DIR` over real HTTP: the Library lists and validates the folder's
// experiments, and operators start them as `faultline run` would, guards and store included.
const operator = 'library-operator-token';
const viewer = 'library-viewer-token';
let dir: string;
let serve: CliProcess;
let url: string;

const quick = `title: Quick check
description: one harmless action
method:
  - type: action
    name: nothing
    provider: { type: process, path: "true" }
`;

beforeAll(async () => {
  dir = tempDir('faultline-serve-library-');
  const experiments = join(dir, 'experiments');
  mkdirSync(join(experiments, 'team'), { recursive: true });
  writeFile(experiments, 'quick.yaml', quick);
  writeFile(experiments, 'hostile.json', JSON.stringify({ title: '<script>alert("lib")</script>', method: [] }));
  writeFile(
    join(experiments, 'team'),
    'broken.yaml',
    `title: Broken
method:
  - type: action
    name: no-provider-type
    provider: { path: "true" }
`,
  );
  writeFile(
    join(experiments, 'team'),
    'prod.yaml',
    `title: kill a pod
method:
  - type: action
    name: kill
    provider: { type: python, module: chaosk8s.pod.actions, func: terminate_pods, arguments: { ns: shop } }
`,
  );
  writeFile(
    experiments,
    'long.yaml',
    `title: Long hold
method:
  - type: action
    name: hold
    provider: { type: process, path: "true" }
    pauses: { after: 600 }
`,
  );
  // Held only when the var file and the --var entries reach the run's configuration.
  writeFile(
    experiments,
    'configured.yaml',
    `title: Configured run
configuration: { region: none, port: 1, api_token: none }
steady-state-hypothesis:
  title: configured
  probes:
    - type: probe
      name: configured
      tolerance: 0
      provider:
        type: process
        path: sh
        arguments: ["-c", 'test "$1" = eu-west && test "$2" = 8080 && test "$3" = s3cr3t-value', sh, "\${region}", "\${port}", "\${api_token}"]
method:
  - type: action
    name: nothing
    provider: { type: process, path: "true" }
`,
  );
  writeFile(experiments, 'configured.vars.yaml', 'configuration:\n  region: eu-west\n  port: 2\n');
  writeFile(dir, 'outside.env', 'region=outside\n');
  symlinkSync(join(dir, 'outside.env'), join(experiments, 'outside.env'));
  writeFile(dir, 'secret.yaml', quick.replace('Quick check', 'Outside the library'));
  symlinkSync(join(dir, 'secret.yaml'), join(experiments, 'escape.yaml'));
  writeFile(dir, 'settings.yaml', 'guards:\n  kubernetes:\n    production_contexts: [prod-*]\n');
  serve = startCli(['--settings', 'settings.yaml', 'serve', '--port', '0', '--experiments', 'experiments'], dir, {
    FAULTLINE_SERVE_TOKEN: operator,
    FAULTLINE_SERVE_VIEWER_TOKEN: viewer,
    KUBERNETES_CONTEXT: 'prod-eu',
  });
  url = (await serve.waitFor(/(http:\/\/127\.0\.0\.1:\d+)/))[1]!;
}, 60_000);
afterAll(async () => {
  // Runs started from the Library are processes of their own: none may outlive a failed test.
  if (dir) await stopRun('all', { dir: join(dir, 'runs'), timeoutMs: 30_000, force: true });
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const page = async (path: string, token = operator) =>
  (await fetch(`${url}${path}`, { headers: bearer(token) })).text();
const post = (path: string, form: Record<string, string>, headers: Record<string, string>) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });

describe('faultline serve --experiments', () => {
  it('lists every experiment under the folder, validated, with problems located, and escaped', async () => {
    const html = await page('/library');
    for (const path of ['quick.yaml', 'long.yaml', 'hostile.json', 'team/broken.yaml', 'team/prod.yaml'])
      expect(html).toContain(`data-path="${path}"`);
    expect(html).not.toContain('escape.yaml');
    // Var files are offered beside the experiments, not listed as experiments; a link out is neither.
    expect(html).not.toContain('data-path="configured.vars.yaml"');
    expect(html).toContain('<option value="configured.vars.yaml">');
    expect(html).not.toContain('outside.env');
    expect(html).toMatch(/team\/broken\.yaml:5:\d+ method\[0\]\.provider/);
    expect(html).toContain('&lt;script&gt;alert(&quot;lib&quot;)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    // Run buttons for the valid ones only.
    expect(html.match(/<button class="danger">Run<\/button>/g)).toHaveLength(5);
  });

  it('gives a viewer no buttons and a 403; a session POST needs its CSRF token', async () => {
    expect(await page('/library', viewer)).not.toContain('action="/library/run"');
    expect((await post('/library/run', { path: 'quick.yaml' }, bearer(viewer))).status).toBe(403);
    const login = await post('/login', { token: operator, next: '/library' }, {});
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const html = await (await fetch(`${url}/library`, { headers: { cookie } })).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
    expect((await post('/library/run', { path: 'quick.yaml', dry: '1' }, { cookie })).status).toBe(403);
    const dry = await post('/library/run', { path: 'quick.yaml', dry: '1', csrf }, { cookie });
    expect(dry.status).toBe(303);
    expect(dry.headers.get('location')).toBe('/library');
    expect(await page('/library')).toMatch(
      /Dry run of <code>quick\.yaml<\/code>: <strong>ended<\/strong> \(exit code 0\)/,
    );
  }, 60_000);

  it('refuses paths outside the folder and invalid experiments', async () => {
    for (const path of ['../secret.yaml', 'escape.yaml', join(dir, 'secret.yaml'), 'team/../../secret.yaml'])
      expect((await post('/library/run', { path }, bearer(operator))).status, path).toBe(404);
    expect((await post('/library/run', { path: 'team/broken.yaml' }, bearer(operator))).status).toBe(400);
    expect(await page('/runs')).not.toContain('Outside the library');
  });

  it('honours the guards: a production context is refused with the reason, and nothing runs', async () => {
    const res = await post('/library/run', { path: 'team/prod.yaml' }, bearer(operator));
    expect(res.headers.get('location')).toBe('/library');
    const html = await page('/library');
    expect(html).toContain('<strong class="error">refused</strong>');
    expect(html).toMatch(/context &quot;prod-eu&quot; is marked production/);
    expect(html).toContain('never runs with --allow-production');
    expect(await page('/runs')).not.toContain('kill a pod');
  }, 60_000);

  it('runs with a var file beside the experiment and --var entries; secret values stay off the page', async () => {
    const bad = await post(
      '/library/run',
      { path: 'configured.yaml', vars: 'api_token:int=s3cr3t-value' },
      bearer(operator),
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toContain('s3cr3t-value');
    expect(
      (await post('/library/run', { path: 'configured.yaml', varFile: 'outside.env' }, bearer(operator))).status,
    ).toBe(400);
    const res = await post(
      '/library/run',
      { path: 'configured.yaml', varFile: 'configured.vars.yaml', vars: 'port:int=8080\napi_token=s3cr3t-value' },
      bearer(operator),
    );
    expect(res.status).toBe(303);
    await until(async () => (await page('/runs')).includes('Configured run'), 60_000);
    expect(await page('/runs')).toMatch(
      /outcome-held">held<\/span><\/td><td class="num">[^<]*<\/td><td>Configured run</,
    );
    const html = await page('/library');
    expect(html).toContain('--var <code>port</code>, <code>api_token</code>');
    expect(html).not.toContain('s3cr3t-value');
    // The private file that carried the values to the run is gone once the run has read it.
    const outputs = join(dir, 'dashboard-runs'); // beside FAULTLINE_RUNS_DIR
    await until(async () => !readdirSync(outputs).some((name) => name.endsWith('.vars.json')), 30_000);
    expect(serve.output.out + serve.output.err).not.toContain('s3cr3t-value');
  }, 90_000);

  it('starts a run that shows on the Live page, stops from there, and lands in the store', async () => {
    const res = await post('/library/run', { path: 'long.yaml' }, bearer(operator));
    expect(res.headers.get('location')).toBe('/live');
    expect(await page('/live')).toContain('Long hold');
    const stop = await post('/live/stop', { run: 'all' }, bearer(operator));
    expect(stop.status).toBe(303);
    // The stop interrupts it; the run then records itself in the store the server reads.
    await until(async () => (await page('/runs?status=interrupted')).includes('Long hold'), 60_000);
    expect(await page('/live')).toContain('No run in progress');
  }, 90_000);
});
