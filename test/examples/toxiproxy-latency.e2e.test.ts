import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runShell, startShell } from '../docs/start-shell.js';
import { repoRoot } from '../docs/fenced-blocks.js';

// examples/proxy/toxiproxy-latency-experiment.yaml, run as its header says: `faultline proxy
// --config examples/proxy/proxies.json &`, then `faultline run` of the experiment.
describe('examples/proxy/toxiproxy-latency-experiment.yaml against faultline proxy', () => {
  it('adds the latency toxic, disables the database proxy, and leaves both undone', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'faultline-toxiproxy-example-'));
    copyFileSync(join(repoRoot, 'examples/proxy/toxiproxy-latency-experiment.yaml'), join(cwd, 'experiment.yaml'));
    // proxies.json with free ports instead of fixed ones (tests share the machine)
    const proxies = JSON.parse(readFileSync(join(repoRoot, 'examples/proxy/proxies.json'), 'utf8')) as Array<{ listen: string }>;
    for (const proxy of proxies) proxy.listen = '127.0.0.1:0';
    writeFileSync(join(cwd, 'proxies.json'), JSON.stringify(proxies));
    const proxy = startShell('exec faultline proxy --config proxies.json --port 0', { cwd, flags: [] });
    try {
      await expect.poll(proxy.output, { timeout: 20_000 }).toMatch(/API on http:\/\/127\.0\.0\.1:\d+/);
      const api = /API on (\S+)/.exec(proxy.output())![1]!;
      const port = new URL(api).port;
      // --dry pause: the 10 s and 5 s pauses are not waited (every action and revert still runs)
      const run = await runShell(`faultline run experiment.yaml --var toxiproxy_port:int=${port} --dry pause`, { cwd, flags: [] });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const journal = JSON.parse(readFileSync(join(cwd, 'journal.json'), 'utf8'));
      expect(journal.steady_states.before.steady_state_met).toBe(true);
      expect(journal.run.map((entry: { status: string }) => entry.status)).toEqual(['succeeded', 'succeeded']);
      // reverts run first (newest first); the declared rollbacks then find nothing left to undo
      expect(journal.faultline.reverts.map((r: { func: string; status: string }) => [r.func, r.status])).toEqual([
        ['delete_toxic', 'reverted'],
        ['modify_proxy', 'reverted'],
      ]);
      expect(journal.rollbacks.map((entry: { status: string }) => entry.status)).toEqual(['succeeded', 'succeeded']);
      const db = (await (await fetch(`${api}/proxies/orders-db`)).json()) as { enabled: boolean; toxics: unknown[] };
      expect(db).toMatchObject({ enabled: true, toxics: [] });
    } finally {
      process.kill(proxy.pid, 'SIGTERM');
      await proxy.done;
    }
  }, 60_000);
});
