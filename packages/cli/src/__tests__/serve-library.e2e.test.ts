import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
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
    expect(html).toMatch(/team\/broken\.yaml:5:\d+ method\[0\]\.provider/);
    expect(html).toContain('&lt;script&gt;alert(&quot;lib&quot;)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    // Run buttons for the valid ones only.
    expect(html.match(/<button class="danger">Run<\/button>/g)).toHaveLength(4);
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
