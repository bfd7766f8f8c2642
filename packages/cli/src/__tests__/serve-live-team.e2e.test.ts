import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPostgresBin, startPostgresServer, type PostgresServer } from '@faultline/core/testing';
import { chromiumFlags } from '@faultline/report';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrdersService } from '../demo/orders-service.js';
import { cliPath, monkeyExperiment, runCli, tempDir, until, writeFile } from './cli-harness.js';

// Two hosts, simulated by two runs folders: the server cannot see the run's state file, only what
// the run publishes in the store they share.
const title = 'monkey seen from another host';
const experiment = monkeyExperiment(
  title,
  `    pauses: { after: 60 }
steady-state-hypothesis:
  title: orders answer
  probes:
    - type: probe
      name: orders
      tolerance: 200
      provider: { type: http, url: "\${orders_url}/api/orders", timeout: 5 }
`,
);
const token = 'team-live-token';
const artifacts = fileURLToPath(new URL('../../../../test-artifacts/dashboard/', import.meta.url));

/** `faultline serve` as its own process with its own runs folder; resolves once it listens. */
async function startServe(store: string, runsDir: string, cwd: string) {
  const child = spawn(
    process.execPath,
    [cliPath, '--no-log-file', 'serve', '--store', store, '--port', '0', '--lost-after', '2'],
    {
      cwd,
      env: {
        ...process.env,
        FAULTLINE_RUNS_DIR: runsDir,
        FAULTLINE_SERVE_TOKEN: token,
        FAULTLINE_STORE: '',
        XDG_DATA_HOME: join(runsDir, '.data'),
      },
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await until(() => /http:\/\/127\.0\.0\.1:\d+/.test(out), 30_000);
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)![0];
  const login = await fetch(`${url}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, next: '/live' }).toString(),
    redirect: 'manual',
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const live = async () => (await fetch(`${url}/live`, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(await live())![1]!;
  const stop = (run: string) =>
    fetch(`${url}/live/stop`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ run, csrf }).toString(),
      redirect: 'manual',
    });
  return {
    url,
    live,
    stop,
    close: async () => {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
  };
}

/** The card of the run titled `title` on the live page, or undefined. */
const cardOf = (html: string) => /<article class="live-run"[^]*?<\/article>/.exec(html)?.[0];

/**
 * A run on host A, watched and stopped from host B's page: by its Stop button in Chromium (with
 * `browser`; screenshots kept), else by Stop all over HTTP.
 */
async function stopFromAnotherHost(store: string, browser?: Browser) {
  const service = await startOrdersService();
  const dir = tempDir('faultline-team-');
  const hostA = tempDir('faultline-runs-a-');
  const hostB = tempDir('faultline-runs-b-');
  writeFile(dir, 'exp.yaml', experiment);
  const server = await startServe(store, hostB, dir);
  const env = { DEMO_ORDERS_URL: service.url, DEMO_MONKEY_TOKEN: service.token, FAULTLINE_RUNS_DIR: hostA };
  const sampled = ['--hypothesis-strategy', 'continuously', '--hypothesis-frequency', '0.3'];
  try {
    const run = runCli(['run', 'exp.yaml', '--store', store, '--no-log-file', ...sampled], {
      cwd: dir,
      env,
      timeoutMs: 90_000,
    });
    await until(() => service.stats().monkeyEnabled, 30_000);
    // On the other host's page: marked with its host, its fault, its samples as they arrive.
    let card = '';
    await until(async () => {
      card = cardOf(await server.live()) ?? '';
      return card.includes('&quot;phase&quot;:&quot;during&quot;');
    }, 30_000);
    expect(card).toContain(title);
    expect(card).toContain(`<span class="badge host">on ${hostname()}</span>`);
    expect(card).toContain('<strong>enable-chaos-monkey</strong>');
    expect(card).toMatch(/&quot;probe&quot;:&quot;orders&quot;/);
    expect(card).not.toContain(service.token);
    expect(readdirSync(hostB).filter((f) => f.endsWith('.json'))).toEqual([]); // not from a state file

    let page: Page | undefined;
    if (browser) {
      page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await page.goto(`${server.url}/live`);
      await page.fill('input[name=token]', token);
      await page.click('button:has-text("Log in")');
      await page.waitForURL(/\/live$/);
      await expect.poll(() => page!.locator('.live-run svg.samples circle').count()).toBeGreaterThanOrEqual(2);
      expect(await page.textContent('#live')).toContain(`on ${hostname()}`);
      await page.screenshot({ path: `${artifacts}live-team.png`, fullPage: true });
      await page.locator('.live-run button:has-text("Stop")').click();
    } else {
      expect((await server.stop('all')).status).toBe(303);
    }
    const ended = await run;
    expect(ended.code).toBe(4);
    expect(service.stats().monkeyEnabled).toBe(false);
    const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
    expect(journal.status).toBe('interrupted');
    expect(journal.faultline.interruption).toMatchObject({ by: 'stop-request' });
    expect(journal.faultline.interruption.reason).toContain('faultline serve (operator)');
    expect(journal.faultline.reverts).toMatchObject([{ status: 'reverted' }]);
    // The page says what came of it, and the run is gone from the list.
    await until(
      async () => /<strong>stopped<\/strong> \(run interrupted\), reverted /.test(await server.live()),
      30_000,
    );
    expect(cardOf(await server.live())).toBeUndefined();
    if (page) {
      await expect
        .poll(() => page!.textContent('#live'), { timeout: 30_000 })
        .toContain('stopped (run interrupted), reverted disable Chaos Monkey');
      expect(await page.textContent('#live')).toContain('No run in progress');
    }

    // A run killed hard stops its heartbeat: shown as lost (no Stop button), not running.
    let pid = 0;
    const killed = runCli(['run', 'exp.yaml', '--store', store, '--no-log-file'], {
      cwd: dir,
      env,
      onSpawn: (p) => (pid = p),
    });
    await until(() => service.stats().monkeyEnabled, 30_000);
    await until(async () => (cardOf(await server.live()) ?? '').includes('<strong>enable-chaos-monkey</strong>'));
    process.kill(pid, 'SIGKILL');
    await killed;
    await until(async () => (cardOf(await server.live()) ?? '').includes('lost, last heard'), 30_000);
    const lost = cardOf(await server.live())!;
    expect(lost).toContain(`faultline stop on ${hostname()}`);
    expect(lost).not.toContain('>Stop</button>');
    if (page) {
      await expect.poll(() => page!.textContent('#live'), { timeout: 30_000 }).toContain('lost, last heard');
      await page.screenshot({ path: `${artifacts}live-team-lost.png`, fullPage: true });
      await page.context().close();
    }
    // Its own host still reverts it, and says so in the store: the other host's page forgets it.
    const reverted = await runCli(['stop', '--store', store], { cwd: dir, env });
    expect(reverted.stderr).toBe('');
    expect(reverted.stdout).toMatch(/its process was gone: reverted its faults here \(interrupted\)/);
    expect(reverted.code).toBe(0);
    expect(service.stats().monkeyEnabled).toBe(false);
    await until(async () => cardOf(await server.live()) === undefined, 30_000);
  } finally {
    await server.close();
    await service.close();
  }
}

describe('the Live page shows and stops runs of other hosts through a shared store', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumFlags] });
  }, 60_000);
  afterAll(() => browser?.close());

  it('SQLite file shared by both hosts: watched and stopped in Chromium', async () => {
    await stopFromAnotherHost(join(tempDir('faultline-shared-'), 'team.sqlite'), browser);
  }, 180_000);

  const pgBin = findPostgresBin();
  describe.skipIf(!pgBin)('PostgreSQL', () => {
    let postgres: PostgresServer;
    beforeAll(async () => {
      postgres = await startPostgresServer(pgBin!);
    }, 60_000);
    afterAll(() => postgres?.stop());
    it('PostgreSQL shared by both hosts: Stop all', async () => {
      await stopFromAnotherHost(postgres.createDatabase());
    }, 180_000);
  });
});
