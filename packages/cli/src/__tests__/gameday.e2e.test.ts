import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fakeObjects, startFakeApiServer, type FakeApiServer } from '@faultline/kubernetes/testing';
import { runCli, tempDir } from './cli-harness.js';
import { noopExperiment, recordedRun, recordingControlSettings } from './recording-control.js';

/** An experiment scaling a deployment to `${replicas}`; its probe fails once it has seen `deviateAt`. */
function scaleExperiment(name: string, deviateAt?: number) {
  // The probe passes before the method; after it, it fails when the step's replicas are `deviateAt`.
  const probe = `const fs=require('fs');const f=process.argv[1];const seen=fs.existsSync(f);fs.writeFileSync(f,'');process.exit(seen&&Number(process.argv[2])===${deviateAt ?? -1}?1:0)`;
  return {
    version: '1.0.0',
    title: `scale ${name}`,
    description: 'a step of the game day',
    configuration: { replicas: 2 },
    'steady-state-hypothesis': {
      title: 'the service answers',
      probes: [
        {
          type: 'probe',
          name: 'answers',
          tolerance: 0,
          provider: {
            type: 'process',
            path: process.execPath,
            arguments: ['-e', probe, `seen-${name}-\${replicas}`, '${replicas}'],
          },
        },
      ],
    },
    method: [
      {
        type: 'action',
        name: `scale-${name}`,
        provider: {
          type: 'python',
          module: 'chaosk8s.deployment.actions',
          func: 'scale_deployment',
          arguments: { name, ns: 'shop', replicas: '${replicas}' },
        },
      },
    ],
  };
}

/** The experiment, holding its fault for `seconds` after injecting it. */
function holding(name: string, seconds = 60) {
  const experiment = scaleExperiment(name);
  experiment.method[0] = { ...experiment.method[0]!, pauses: { after: seconds } } as (typeof experiment.method)[0];
  return experiment;
}

describe('faultline gameday run', () => {
  let cluster: FakeApiServer;
  let receiver: Server;
  let receiverUrl: string;
  const received: Array<{ path: string; body: Record<string, any> }> = [];

  beforeAll(async () => {
    cluster = await startFakeApiServer({
      reconcile: false,
      objects: [
        fakeObjects.namespace('shop'),
        fakeObjects.deployment('checkout', { namespace: 'shop', replicas: 3 }),
        fakeObjects.deployment('payments', { namespace: 'shop', replicas: 3 }),
        fakeObjects.deployment('search', { namespace: 'shop', replicas: 3 }),
        fakeObjects.deployment('orders', { namespace: 'shop', replicas: 3 }),
        fakeObjects.deployment('inventory', { namespace: 'shop', replicas: 3 }),
        fakeObjects.deployment('reviews', { namespace: 'shop', replicas: 3 }),
      ],
    });
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body: JSON.parse(body) as Record<string, any> });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await cluster.close();
    await new Promise((done) => receiver.close(done));
  });

  /** The built CLI in its own process, as users run it (Ctrl-C is a real SIGINT). */
  function cli(args: string[], cwd: string, onSpawn?: (pid: number) => void) {
    return runCli(['--no-log-file', ...args], {
      cwd,
      env: { HOME: cwd, KUBECONFIG: cluster.writeKubeConfig() },
      timeoutMs: 90_000,
      ...(onSpawn ? { onSpawn } : {}),
    });
  }
  const replicas = (name: string) =>
    (cluster.store.get('apps/deployments', 'shop', name)!['spec'] as { replicas: number }).replicas;
  const hhmm = (date: Date) => date.toISOString().slice(11, 16);
  /** What a deployment was scaled to, in order. */
  const scaledTo = (name: string) =>
    cluster.requests
      .filter((r) => r.method === 'PATCH' && r.path.endsWith(`/deployments/${name}/scale`))
      .map((r) => (r.body as { spec: { replicas: number } }).spec.replicas);
  /** A plan of slow.yaml then a step that must never start. */
  const slowPlan = (dir: string, fields: Record<string, unknown>) =>
    writeFileSync(
      join(dir, 'gameday.yaml'),
      stringify({
        ...fields,
        steps: [
          { name: 'slow', experiment: 'slow.yaml' },
          { name: 'never', experiment: 'slow.yaml' },
        ],
      }),
    );

  it(
    'runs steps in order and groups in parallel, notifies in order, stops at the tripped gate, and reverts',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir('faultline-gameday-');
      for (const [name, deviateAt] of [['checkout'], ['payments'], ['search', 1]] as const)
        writeFileSync(join(dir, `${name}.yaml`), stringify(scaleExperiment(name, deviateAt)));
      const now = Date.now();
      writeFileSync(
        join(dir, 'gameday.yaml'),
        stringify({
          title: 'Shop game day',
          window: { start: hhmm(new Date(now - 3600_000)), end: hhmm(new Date(now + 3600_000)), timeZone: 'UTC' },
          notify: [{ url: `${receiverUrl}/json` }, { url: `${receiverUrl}/slack`, format: 'slack' }],
          steps: [
            {
              name: 'both at once',
              parallel: [
                { name: 'checkout', experiment: 'checkout.yaml' },
                { name: 'payments', experiment: 'payments.yaml' },
              ],
            },
            { name: 'search', experiment: 'search.yaml', progressive: { var: 'replicas', values: [2, 1] } },
            { name: 'never', experiment: 'checkout.yaml' },
          ],
        }),
      );

      const { code, stdout } = await cli(['gameday', 'run', 'gameday.yaml'], dir);
      expect(stdout).toMatch(/Game day Shop game day: stopped-at-gate \(4 step\(s\)\); report gameday\/index.html/);
      expect(code).toBe(1);
      const json = received.filter((r) => r.path === '/json').map((r) => r.body);
      expect(json.map((e) => e['event'])).toEqual([
        'plan-started',
        'step-finished',
        'step-finished',
        'step-finished',
        'step-finished',
        'plan-finished',
      ]);
      expect(new Set(json.slice(1, 3).map((e) => e['step'].step))).toEqual(new Set(['checkout', 'payments']));
      expect(json.slice(3, 5).map((e) => [e['step'].step, e['step'].status, e['step'].deviated])).toEqual([
        ['search (replicas=2)', 'completed', false],
        ['search (replicas=1)', 'completed', true],
      ]);
      expect(json[5]).toMatchObject({ plan: 'Shop game day', status: 'stopped-at-gate' });
      expect(new Set(json.map((e) => e['gameday'])).size).toBe(1);
      const slack = received.filter((r) => r.path === '/slack').map((r) => r.body['text'] as string);
      expect(slack).toHaveLength(6);
      expect(slack[0]).toMatch(/Game day "Shop game day" started/);
      expect(slack[4]).toMatch(/:x: Shop game day: step "search \(replicas=1\)" completed \(deviated\)/);
      expect(slack[5]).toMatch(/stopped-at-gate after 4 step/);
      // Every fault was injected, then reverted; the step after the gate never ran.
      const scaled = cluster.requests
        .filter((r) => r.method === 'PATCH' && r.path.endsWith('/deployments/search/scale'))
        .map((r) => (r.body as { spec: { replicas: number } }).spec.replicas);
      expect(scaled).toEqual([2, 3, 1, 3]);
      expect([replicas('checkout'), replicas('payments'), replicas('search')]).toEqual([3, 3, 3]);
      const files = readdirSync(join(dir, 'gameday'));
      const journals = files.filter((file) => file.endsWith('.json') && file !== 'gameday.json');
      expect(files.filter((file) => file.endsWith('.html') && file !== 'index.html')).toHaveLength(4);
      const index = readFileSync(join(dir, 'gameday', 'index.html'), 'utf8');
      expect(index).toContain('stopped-at-gate');
      for (const journal of journals) expect(index).toContain(`href="${journal.replace(/\.json$/, '.html')}"`);
      expect(journals).toHaveLength(4);
      expect(journals.some((file) => file.includes('never'))).toBe(false);
    },
  );

  it('Ctrl-C stops the plan and the running step reverts its fault', { timeout: 120_000 }, async () => {
    const dir = tempDir('faultline-gameday-');
    const slow = holding('payments');
    writeFileSync(join(dir, 'slow.yaml'), stringify(slow));
    writeFileSync(
      join(dir, 'gameday.yaml'),
      stringify({
        title: 'Interrupted',
        notify: [{ url: `${receiverUrl}/interrupted` }],
        steps: [
          { name: 'slow', experiment: 'slow.yaml' },
          { name: 'next', experiment: 'slow.yaml' },
        ],
      }),
    );
    let pid = 0;
    const running = cli(['gameday', 'run', 'gameday.yaml'], dir, (spawned) => (pid = spawned));
    const deadline = Date.now() + 30_000;
    while (replicas('payments') !== 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(replicas('payments')).toBe(2);
    process.kill(pid, 'SIGINT');
    const { code } = await running;
    expect(code).toBe(4);
    expect(replicas('payments')).toBe(3);
    const events = received.filter((r) => r.path === '/interrupted').map((r) => r.body);
    expect(events.map((e) => e['event'])).toEqual(['plan-started', 'step-finished', 'plan-finished']);
    expect(events[2]).toMatchObject({ status: 'interrupted' });
  });

  it(
    'faultline stop stops the running step and the plan; the steps are in the store under the game day',
    {
      timeout: 120_000,
    },
    async () => {
      const dir = tempDir('faultline-gameday-');
      const slow = holding('orders');
      writeFileSync(join(dir, 'slow.yaml'), stringify(slow));
      writeFileSync(
        join(dir, 'gameday.yaml'),
        stringify({
          title: 'Stopped from another terminal',
          steps: [
            { name: 'slow', experiment: 'slow.yaml' },
            { name: 'never', experiment: 'slow.yaml' },
          ],
        }),
      );
      const running = cli(['gameday', 'run', 'gameday.yaml'], dir);
      const deadline = Date.now() + 30_000;
      while (replicas('orders') !== 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(replicas('orders')).toBe(2);
      const stop = await cli(['stop'], dir);
      expect(stop.code).toBe(0);
      const { code } = await running;
      expect(code).toBe(4);
      expect(replicas('orders')).toBe(3);
      const result = JSON.parse(readFileSync(join(dir, 'gameday', 'gameday.json'), 'utf8'));
      expect(result.steps).toHaveLength(1);
      const history = await cli(['history', '--tag', `gameday:${result.gameday}`, '--output', 'json'], dir);
      expect(history.stdout).toContain('scale orders');
    },
  );

  it(
    'a plan that outlives its deadline stops: the running step reverts its fault, no step starts',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir('faultline-gameday-');
      const slow = holding('inventory');
      writeFileSync(join(dir, 'slow.yaml'), stringify(slow));
      slowPlan(dir, {
        title: 'Bounded',
        max_duration: '8s',
        notify: [{ url: `${receiverUrl}/bounded` }],
      });
      const started = Date.now();
      const { code, stdout } = await cli(['gameday', 'run', 'gameday.yaml'], dir);
      expect(code).toBe(3);
      expect(Date.now() - started).toBeLessThan(50_000);
      expect(stdout).toMatch(/Game day Bounded: deadline \(1 step\(s\)\)/);
      // The fault was injected, then reverted when the deadline passed.
      expect(scaledTo('inventory')).toEqual([2, 3]);
      expect(replicas('inventory')).toBe(3);
      const result = JSON.parse(readFileSync(join(dir, 'gameday', 'gameday.json'), 'utf8'));
      expect(result).toMatchObject({ status: 'deadline', steps: [{ step: 'slow', status: 'interrupted' }] });
      const journal = JSON.parse(readFileSync(join(dir, 'gameday', '01-slow.json'), 'utf8'));
      expect(journal.faultline.interruption.reason).toMatch(/deadline of 8s passed/);
      const events = received.filter((r) => r.path === '/bounded').map((r) => r.body);
      expect(events.map((e) => e['event'])).toEqual(['plan-started', 'step-finished', 'plan-finished']);
      expect(events[2]).toMatchObject({ status: 'deadline' });
    },
  );

  it("runs the settings' global controls around every step, as faultline run does", { timeout: 120_000 }, async () => {
    const dir = tempDir('faultline-gameday-');
    const { settingsPath, hooks } = recordingControlSettings(dir);
    const names = ['a', 'b'];
    for (const name of names) writeFileSync(join(dir, `${name}.yaml`), stringify(noopExperiment(`step ${name}`)));
    const steps = names.map((name) => ({ name, experiment: `${name}.yaml` }));
    writeFileSync(join(dir, 'gameday.yaml'), stringify({ title: 'Controlled', steps }));
    const { code, stdout } = await cli(['--settings', settingsPath, 'gameday', 'run', 'gameday.yaml'], dir);
    expect(code, stdout).toBe(0);
    expect(hooks()).toEqual(names.flatMap((name) => recordedRun(join(dir, `${name}.yaml`), `step ${name}`)));
    // The same hooks `faultline run` runs for the same experiment with the same settings.
    const run = await cli(['--settings', settingsPath, 'run', 'a.yaml', '--no-store'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(hooks().slice(8)).toEqual(recordedRun('a.yaml', 'step a'));
  });

  it(
    'a window that closes while a step runs interrupts it: the step reverts its fault, no step starts',
    { timeout: 150_000 },
    async () => {
      const dir = tempDir('faultline-gameday-');
      writeFileSync(join(dir, 'slow.yaml'), stringify(holding('reviews', 150)));
      // Windows are whole minutes: the window ends at the next minute, with time left to inject the fault first.
      if (60_000 - (Date.now() % 60_000) < 15_000)
        await new Promise((r) => setTimeout(r, 60_500 - (Date.now() % 60_000)));
      const closes = Date.now() - (Date.now() % 60_000) + 60_000;
      // Kathmandu is UTC+05:45: the window only holds "now" when read in the plan's time zone.
      const timeZone = 'Asia/Kathmandu';
      const local = (ms: number) =>
        new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
      slowPlan(dir, {
        title: 'Closing',
        window: { start: local(closes - 3600_000), end: local(closes), timeZone },
        notify: [{ url: `${receiverUrl}/closing` }],
      });
      const running = cli(['gameday', 'run', 'gameday.yaml'], dir);
      const injected = Date.now() + 30_000;
      while (replicas('reviews') !== 2 && Date.now() < injected) await new Promise((r) => setTimeout(r, 50));
      expect(replicas('reviews')).toBe(2);
      expect(Date.now()).toBeLessThan(closes);
      const { code, stdout } = await running;
      expect(code, stdout).toBe(3);
      expect(Date.now()).toBeGreaterThanOrEqual(closes);
      expect(stdout).toMatch(/Game day Closing: outside-window \(1 step\(s\)\)/);
      // The fault was injected, then reverted when the window closed.
      expect(scaledTo('reviews')).toEqual([2, 3]);
      expect(replicas('reviews')).toBe(3);
      const result = JSON.parse(readFileSync(join(dir, 'gameday', 'gameday.json'), 'utf8'));
      expect(result).toMatchObject({ status: 'outside-window', steps: [{ step: 'slow', status: 'interrupted' }] });
      const journal = JSON.parse(readFileSync(join(dir, 'gameday', '01-slow.json'), 'utf8'));
      expect(journal.faultline.interruption.reason).toMatch(/window \(.* Asia\/Kathmandu\) closed/);
      expect(Date.parse(journal.end)).toBeGreaterThanOrEqual(closes);
      const events = received.filter((r) => r.path === '/closing').map((r) => r.body);
      expect(events.map((e) => e['event'])).toEqual(['plan-started', 'step-finished', 'plan-finished']);
      expect(events[2]).toMatchObject({ status: 'outside-window' });
    },
  );

  it('refuses to start outside its time window, telling no one', async () => {
    const dir = tempDir('faultline-gameday-');
    writeFileSync(join(dir, 'checkout.yaml'), stringify(scaleExperiment('checkout')));
    const later = new Date(Date.now() + 3 * 3600_000);
    writeFileSync(
      join(dir, 'gameday.yaml'),
      stringify({
        title: 'Not now',
        window: { start: hhmm(later), end: hhmm(new Date(later.getTime() + 3600_000)), timeZone: 'UTC' },
        notify: [{ url: `${receiverUrl}/late` }],
        steps: [{ name: 'checkout', experiment: 'checkout.yaml' }],
      }),
    );
    const { code } = await cli(['gameday', 'run', 'gameday.yaml'], dir);
    expect(code).toBe(64);
    expect(received.filter((r) => r.path === '/late')).toEqual([]);
    expect(existsSync(join(dir, 'gameday'))).toBe(false);
  });

  it('refuses an invalid plan with every problem, and prints the schema', async () => {
    const dir = tempDir('faultline-gameday-');
    writeFileSync(join(dir, 'bad.yaml'), stringify({ title: 'x', window: { start: '9am', end: '17:00' }, steps: [] }));
    const { code, stderr } = await cli(['gameday', 'run', 'bad.yaml'], dir);
    expect(code).toBe(64);
    expect(stderr).toMatch(/window\.start/);
    expect(stderr).toMatch(/steps/);
    const schema = JSON.parse((await cli(['gameday', 'schema'], dir)).stdout) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['steps', 'window', 'notify']));
  });
});
