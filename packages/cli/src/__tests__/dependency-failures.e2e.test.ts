import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeObjects, startFakeApiServer, type FakeApiServer } from '@faultline/kubernetes/testing';
import { ProxyServer } from '@faultline/proxy';
import { runCli, tempDir, until, writeFile } from './cli-harness.js';

// Dependencies failing in the middle of a run end in a failed or aborted run with every revert
// attempted and reported — never a hang, never a silent leftover.
const cordon = (extra = '    pauses: { after: 30 }\n') => `title: cordon a node
method:
  - type: action
    name: cordon
    provider: { type: python, module: chaosk8s.node.actions, func: cordon_node, arguments: { name: worker-1 } }
${extra}`;

let cluster: FakeApiServer | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});
const unschedulable = () =>
  Boolean((cluster!.store.get('nodes', undefined, 'worker-1')!['spec'] as { unschedulable?: boolean }).unschedulable);

describe('dependencies failing mid-run', () => {
  it('an API server answering 500 on the revert: retried; when it keeps failing, exit 6 says what to undo, and `stop` finishes it', async () => {
    cluster = await startFakeApiServer({ objects: [fakeObjects.node('worker-1')], reconcile: false });
    const dir = tempDir();
    const runs = tempDir('faultline-runs-');
    writeFile(dir, 'exp.yaml', cordon());
    const env = { KUBECONFIG: cluster.writeKubeConfig(), FAULTLINE_RUNS_DIR: runs, HOME: dir };
    let pid = 0;
    const run = runCli(['run', 'exp.yaml'], { cwd: dir, env, onSpawn: (p) => (pid = p) });
    await until(unschedulable);
    cluster.injectFailure({ method: 'PATCH', path: '/api/v1/nodes/worker-1', status: 500, times: 6 });
    process.kill(pid, 'SIGTERM');
    const ended = await run;
    expect(ended.code).toBe(6);
    expect(ended.stderr).toMatch(/FAULTS LEFT BEHIND: 1 revert\(s\) failed after retrying/);
    expect(ended.stderr).toMatch(/undo: @faultline\/kubernetes uncordon_node .*worker-1/);
    expect(unschedulable()).toBe(true);
    const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
    expect(journal.faultline.reverts[0]).toMatchObject({ status: 'failed', attempts: 3 });

    // Still listed; once the API server recovers, `faultline stop` reverts what is left.
    expect((await runCli(['status'], { cwd: dir, env })).stdout).toMatch(/STALE/);
    // Three more failures (one stop's tries), then the API server has recovered.
    const failing = await runCli(['stop'], { cwd: dir, env });
    expect(failing.code).toBe(6);
    const recovered = await runCli(['stop'], { cwd: dir, env });
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(unschedulable()).toBe(false);
  }, 90_000);

  it('a 429 for a moment is absorbed by the retries', async () => {
    cluster = await startFakeApiServer({ objects: [fakeObjects.node('worker-1')], reconcile: false });
    const dir = tempDir();
    writeFile(dir, 'exp.yaml', cordon('    pauses: { after: 2 }\n'));
    const env = { KUBECONFIG: cluster.writeKubeConfig(), HOME: dir };
    const run = runCli(['run', 'exp.yaml'], { cwd: dir, env });
    await until(unschedulable);
    cluster.injectFailure({ method: 'PATCH', path: '/api/v1/nodes/worker-1', status: 429, times: 1 });
    const ended = await run;
    expect(ended.code, ended.stderr).toBe(0);
    expect(unschedulable()).toBe(false);
  }, 60_000);

  it('an API server that accepts and never answers (not even the TLS handshake): the activity timeout ends it, the run goes on', async () => {
    const sockets = new Set<Socket>();
    const hanging: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const dir = tempDir();
      const port = (hanging.address() as { port: number }).port;
      writeFile(
        dir,
        'kubeconfig',
        `apiVersion: v1\nkind: Config\ncurrent-context: c\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]\nusers: [{name: u, user: {token: t}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\n`,
      );
      writeFile(dir, 'exp.yaml', cordon('    timeout: 2\n'));
      const started = Date.now();
      const ended = await runCli(['run', 'exp.yaml'], {
        cwd: dir,
        env: { KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir },
      });
      expect(Date.now() - started).toBeLessThan(15_000);
      const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
      expect(journal.run[0].exception[0]).toMatch(/did not finish within its timeout of 2s/);
      expect(ended.code).not.toBe(70);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => hanging.close(resolve));
    }
  }, 60_000);

  it('the proxy API gone mid-run: the revert is attempted, retried and reported', async () => {
    const proxy = await ProxyServer.start({ port: 0 });
    await fetch(`${proxy.url}/proxies`, {
      method: 'POST',
      body: JSON.stringify({ name: 'orders', listen: '127.0.0.1:0', upstream: '127.0.0.1:9' }),
    });
    const dir = tempDir();
    writeFile(
      dir,
      'exp.yaml',
      `title: latency
configuration: { toxiproxy_url: "${proxy.url}" }
method:
  - type: action
    name: latency
    provider: { type: python, module: chaostoxi.toxic.actions, func: create_toxic, arguments: { for_proxy: orders, toxic_name: lat, toxic_type: latency, attributes: { latency: 100 } } }
    pauses: { after: 30 }
`,
    );
    let pid = 0;
    const run = runCli(['run', 'exp.yaml'], { cwd: dir, env: { HOME: dir }, onSpawn: (p) => (pid = p) });
    await until(async () => {
      const proxies = (await (await fetch(`${proxy.url}/proxies`)).json()) as Record<string, { toxics: unknown[] }>;
      return proxies.orders!.toxics.length === 1;
    });
    await proxy.close();
    process.kill(pid, 'SIGTERM');
    const ended = await run;
    expect(ended.code).toBe(6);
    expect(ended.stderr).toMatch(/FAULTS LEFT BEHIND[\s\S]*delete_toxic/);
  }, 60_000);

  it('Prometheus down: a hypothesis probe fails the run and a safeguard on it aborts the run, both promptly', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const query = `{ type: python, module: chaosprometheus.probes, func: query, arguments: { query: "up" } }`;
    const dir = tempDir();
    writeFile(
      dir,
      'hypothesis.yaml',
      `title: prometheus down
configuration: { prometheus_base_url: "http://127.0.0.1:${closed}" }
steady-state-hypothesis:
  title: up
  probes:
    - { type: probe, name: up, tolerance: { type: jsonpath, path: "$.status", expect: success }, provider: ${query} }
method:
  - { type: action, name: wait, provider: { type: process, path: sleep, arguments: ["0.1"] } }
`,
    );
    writeFile(
      dir,
      'safeguard.yaml',
      `title: prometheus down under a safeguard
configuration: { prometheus_base_url: "http://127.0.0.1:${closed}" }
controls:
  - name: safeguards
    provider:
      type: python
      module: chaosaddons.controls.safeguards
      arguments:
        probes:
          - { type: probe, name: prometheus-answers, frequency: 1, tolerance: { type: jsonpath, path: "$.status", expect: success }, provider: ${query} }
method:
  - { type: action, name: wait, provider: { type: process, path: sleep, arguments: ["20"] } }
`,
    );
    const started = Date.now();
    const failed = await runCli(['run', 'hypothesis.yaml', '--journal-path', 'h.json'], {
      cwd: dir,
      env: { HOME: dir },
    });
    expect(failed.code, failed.stderr).toBe(2);
    const aborted = await runCli(['run', 'safeguard.yaml', '--journal-path', 's.json'], {
      cwd: dir,
      env: { HOME: dir },
    });
    expect(aborted.code, aborted.stderr).toBe(3);
    expect(aborted.stderr).toMatch(/safeguard "prometheus-answers" tripped/);
    expect(Date.now() - started).toBeLessThan(40_000);
  }, 60_000);
});
