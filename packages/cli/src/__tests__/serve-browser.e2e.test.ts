import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumFlags } from '@faultline/report';
import { chromium, type Browser } from 'playwright-core';
import { stopRun } from '@faultline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeFile } from './cli-harness.js';
import { startCli, type CliProcess } from './cli-process.js';

// As a person uses it: `faultline proxy` in front of a local service, `faultline serve`, and a real
// `faultline run` that slows the service through the proxy and holds. In Chromium: the fault and
// the samples show on the live page, Stop ends the run as interrupted, and the toxic is gone.
const artifacts = fileURLToPath(new URL('../../../../test-artifacts/dashboard/', import.meta.url));
const serveToken = 'e2e-operator-token';
const proxyToken = 'e2e-proxy-token';
const processes: CliProcess[] = [];
let dir: string;
let upstream: Server;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  dir = tempDir('faultline-serve-browser-');
  upstream = createServer((req, res) => res.end('ok'));
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumFlags] });
}, 60_000);
afterAll(async () => {
  // Runs started from the Library are processes of their own: none may outlive a failed test.
  if (dir) await stopRun('all', { dir: join(dir, 'runs'), timeoutMs: 30_000, force: true });
  await browser?.close();
  for (const p of processes.splice(0).reverse()) await p.stop();
  await new Promise((resolve) => upstream?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const started = (p: CliProcess) => (processes.push(p), p);

/** One request through the proxy: how long it took. */
async function timedGet(url: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(url);
  await res.text();
  return performance.now() - start;
}

describe('faultline serve, watched and stopped from Chromium', () => {
  it('shows a real run’s fault and samples, stops it, and the fault is gone from the target', async () => {
    const upstreamPort = (upstream.address() as AddressInfo).port;
    writeFile(
      dir,
      'proxies.json',
      JSON.stringify([{ name: 'checkout', listen: '127.0.0.1:0', upstream: `127.0.0.1:${upstreamPort}` }]),
    );
    const proxy = started(
      startCli(['proxy', '--port', '0', '--config', 'proxies.json'], dir, { FAULTLINE_PROXY_TOKEN: proxyToken }),
    );
    const api = (await proxy.waitFor(/API on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
    const listen = (await proxy.waitFor(/checkout: (127\.0\.0\.1:\d+)/))[1]!;
    const serve = started(startCli(['serve', '--port', '0'], dir, { FAULTLINE_SERVE_TOKEN: serveToken }));
    const dashboard = (await serve.waitFor(/(http:\/\/127\.0\.0\.1:\d+)/))[1]!;

    writeFile(
      dir,
      'slow-checkout.yaml',
      `title: Checkout under a slow dependency
description: 400 ms on every reply through the proxy, held until someone stops it
configuration:
  faultline_proxy_url: "${api}"
secrets:
  proxy:
    faultline_proxy_token: { type: env, key: E2E_PROXY_TOKEN }
steady-state-hypothesis:
  title: checkout answers
  probes:
    - type: probe
      name: checkout-answers
      tolerance: 200
      provider: { type: http, url: "http://${listen}/", timeout: 5 }
method:
  - type: action
    name: slow-checkout
    provider:
      type: python
      module: chaostoxi.toxic.actions
      func: create_latency_toxic
      secrets: [proxy]
      arguments: { for_proxy: checkout, toxic_name: slow-checkout, latency: 400 }
    pauses: { after: 600 }
`,
    );
    const run = started(
      startCli(
        ['run', 'slow-checkout.yaml', '--hypothesis-strategy', 'continuously', '--hypothesis-frequency', '0.3'],
        dir,
        { E2E_PROXY_TOKEN: proxyToken },
      ),
    );

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${dashboard}/live`);
    await page.fill('input[name=token]', serveToken);
    await page.click('button:has-text("Log in")');
    await page.waitForURL(/\/live$/);

    // The fault is listed, and samples slowed by it arrive on the chart.
    const card = page.locator('.live-run', { hasText: 'Checkout under a slow dependency' });
    await expect
      .poll(
        () =>
          card
            .locator('ul.faults')
            .textContent()
            .catch(() => ''),
        { timeout: 30_000 },
      )
      .toContain('remove toxic slow-checkout from proxy checkout');
    expect(await card.locator('ul.faults strong').textContent()).toBe('slow-checkout');
    const slowSamples = async () => {
      const samples = JSON.parse((await card.locator('svg.samples').getAttribute('data-samples')) ?? '[]');
      return samples.filter((s: { phase: string; ms: number }) => s.phase === 'during' && s.ms >= 350).length;
    };
    await expect.poll(slowSamples, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    expect(await card.locator('svg.samples circle').count()).toBeGreaterThanOrEqual(4);
    expect(await card.locator('svg.samples polyline').count()).toBe(1);
    expect(await card.locator('ul.probes').textContent()).toContain('checkout-answers');
    expect(await card.locator('svg.samples text').textContent()).toMatch(/^max \d+ ms$/);
    await page.screenshot({ path: `${artifacts}live-real-run.png`, fullPage: true });

    await card.locator('button:has-text("Stop")').click();
    await expect.poll(() => page.textContent('#live'), { timeout: 60_000 }).toContain('No run in progress');
    expect(await page.textContent('#live')).toContain('stopped (run interrupted), reverted remove toxic slow-checkout');
    await page.screenshot({ path: `${artifacts}live-real-stopped.png`, fullPage: true });

    expect(await run.exited).toBe(4);
    const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
    expect(journal.status).toBe('interrupted');
    expect(journal.faultline.interruption).toMatchObject({ by: 'stop-request' });
    // Gone from the target: the proxy lists no toxic, and requests are fast again.
    const toxics = await fetch(`${api}/proxies/checkout/toxics`, {
      headers: { authorization: `Bearer ${proxyToken}` },
    });
    expect(await toxics.json()).toEqual([]);
    expect(await timedGet(`http://${listen}/`)).toBeLessThan(350);

    // The run is in the history as interrupted, and opens as its report.
    await page.goto(`${dashboard}/runs`);
    const row = page.locator('table.runs tbody tr', { hasText: 'Checkout under a slow dependency' });
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('interrupted');
    await page.screenshot({ path: `${artifacts}runs-real-run.png`, fullPage: true });
    await row.locator('a').first().click();
    await page.waitForSelector('h1:has-text("Faultline report")');
    await page.screenshot({ path: `${artifacts}report-real-run.png`, fullPage: true });
    await context.close();
  }, 180_000);

  it('an operator clicks Run in the Library and finds the run on Live, then in Runs', async () => {
    const library = join(dir, 'library');
    mkdirSync(join(library, 'drafts'), { recursive: true });
    writeFile(
      library,
      'cart-smoke.yaml',
      `title: Cart smoke test
description: a harmless action, held for two seconds
configuration: { cart_region: none }
steady-state-hypothesis:
  title: configured from the page
  probes:
    - type: probe
      name: region-given
      tolerance: 0
      provider: { type: process, path: sh, arguments: ["-c", 'test "$1" = eu-west', sh, "\${cart_region}"] }
method:
  - type: action
    name: hold
    provider: { type: process, path: "true" }
    pauses: { after: 2 }
`,
    );
    writeFile(library, 'staging.vars.yaml', 'configuration:\n  cart_region: staging\n');
    writeFile(
      join(library, 'drafts'),
      'half-written.yaml',
      `title: Half written
method:
  - type: action
    name: kill
    provider: { type: python, func: terminate_pods }
`,
    );
    const serve = started(
      startCli(['serve', '--port', '0', '--experiments', 'library'], dir, { FAULTLINE_SERVE_TOKEN: serveToken }),
    );
    const dashboard = (await serve.waitFor(/(http:\/\/127\.0\.0\.1:\d+)/))[1]!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      throw new Error(`a script ran: ${dialog.message()}`);
    });
    await page.goto(`${dashboard}/library`);
    await page.fill('input[name=token]', serveToken);
    await page.click('button:has-text("Log in")');
    await page.waitForURL(/\/library$/);
    const broken = page.locator('tr[data-path="drafts/half-written.yaml"]');
    expect(await broken.textContent()).toMatch(/drafts\/half-written\.yaml:5:\d+ method\[0\]\.provider/);
    expect(await broken.locator('button').count()).toBe(0);

    // The run holds only if the --var typed in the page reaches it.
    await page.click('tr[data-path="cart-smoke.yaml"] summary');
    await page.fill('tr[data-path="cart-smoke.yaml"] textarea[name=vars]', 'cart_region=eu-west');
    await page.selectOption('tr[data-path="cart-smoke.yaml"] select[name=varFile]', 'staging.vars.yaml');
    await page.screenshot({ path: `${artifacts}library.png`, fullPage: true });
    await page.locator('tr[data-path="cart-smoke.yaml"] button.danger').click();
    await page.waitForURL(/\/live$/);
    await page.waitForSelector('.live-run:has-text("Cart smoke test")');
    await page.screenshot({ path: `${artifacts}library-run-live.png`, fullPage: true });
    await expect.poll(() => page.textContent('#live'), { timeout: 30_000 }).toContain('No run in progress');

    await page.goto(`${dashboard}/runs`);
    const row = page.locator('table.runs tbody tr', { hasText: 'Cart smoke test' });
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    expect(await row.textContent()).toContain('held');
    await page.goto(`${dashboard}/library`);
    expect(await page.textContent('ul.launches')).toContain(
      'Run of cart-smoke.yaml (--var-file staging.vars.yaml; --var cart_region): started',
    );
    expect(await page.inputValue('tr[data-path="cart-smoke.yaml"] textarea[name=vars]')).toBe('');
    await page.screenshot({ path: `${artifacts}library-after-run.png`, fullPage: true });
    await context.close();
  }, 120_000);
});
