import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromiumFlags } from '@faultline/report';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveRun, makeJournal, MemoryLiveRuns, seedStore } from './__fixtures__/seed-store.js';
import { startServer, type RunningServer } from './start-server.js';

const artifacts = fileURLToPath(new URL('../../../test-artifacts/dashboard/', import.meta.url));
const operatorToken = 'browser-operator-token';
const viewerToken = 'browser-viewer-token';

let seeded: Awaited<ReturnType<typeof seedStore>>;
let server: RunningServer;
let live: MemoryLiveRuns;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  seeded = await seedStore();
  // A history worth a trend: the base experiment over eight days, deviating twice.
  for (let day = 3; day <= 10; day++)
    await seeded.store.recordRun({
      journal: makeJournal({
        start: `2026-01-${String(day).padStart(2, '0')}T10:00:00.000Z`,
        deviated: day === 5 || day === 6,
      }),
    });
  live = new MemoryLiveRuns([liveRun()]);
  server = await startServer({ store: seeded.store, port: 0, token: operatorToken, viewerToken, liveRuns: live });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumFlags] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await seeded?.cleanup();
});

/** A fresh browser context logged in through the form; any alert() from a payload fails the test. */
async function loggedIn(token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    throw new Error(`a script ran: ${dialog.message()}`);
  });
  await page.goto(`${server.url}/runs`);
  expect(page.url()).toContain('/login?next=%2Fruns');
  await page.fill('input[name=token]', token);
  await page.click('button:has-text("Log in")');
  await page.waitForURL(/\/runs$/);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });

describe('the dashboard in Chromium', () => {
  it('an operator logs in, reads runs and a report, edits a finding into a regression, watches and stops a live run', async () => {
    const page = await loggedIn(operatorToken);
    await expect.poll(() => page.locator('table.runs tbody tr').count()).toBe(10);
    await shot(page, 'runs');

    await page.click(`a[href="/runs/${seeded.hostileRunId}"]`);
    await page.waitForSelector('h1:has-text("Faultline report")');
    expect(await page.textContent('h1')).toContain('<script>alert("pwned")</script>');
    await shot(page, 'run-report');

    await page.goto(`${server.url}/findings`);
    await page.click('#finding-1 summary');
    await page.selectOption('#finding-1 select[name=state]', 'regressed');
    await page.fill('#finding-1 input[name=owner]', 'dana');
    await page.fill('#finding-1 input[name=note]', 'latency came back after the retry change');
    await page.click('#finding-1 button:has-text("Save")');
    await page.waitForURL(/\/findings#finding-1$/);
    expect(await page.locator('.column-regressed .finding').count()).toBe(1);
    expect(await seeded.store.getFinding(1)).toMatchObject({ state: 'regressed', owner: 'dana' });
    await shot(page, 'findings');

    await page.goto(`${server.url}/trends`);
    expect(await page.locator('svg.trend').count()).toBe(5);
    await shot(page, 'trends');

    await page.goto(`${server.url}/live`);
    // The client script draws the samples, then redraws when a new one arrives over SSE.
    await expect.poll(() => page.locator('svg.samples circle').count()).toBe(2);
    live.runs[0]!.samples.push({ at: new Date().toISOString(), ok: true, value: 140 });
    await expect.poll(() => page.locator('svg.samples circle').count(), { timeout: 10_000 }).toBe(3);
    expect(await page.textContent('.live-run')).toContain('add-latency <script>');
    await shot(page, 'live');

    await page.click('.live-run button:has-text("Stop")');
    await expect.poll(() => page.textContent('#live'), { timeout: 10_000 }).toContain('No run in progress');
    expect(await page.textContent('#live')).toContain('stopped, reverted add-latency');
    expect(live.stopCalls).toHaveLength(1);
    await shot(page, 'live-stopped');
    await page.context().close();
  }, 120_000);

  it('a viewer sees the live run but has no stop button, and a forged stop is refused', async () => {
    live.runs = [liveRun({ id: 'b2c3d4e5-0000-4000-8000-000000000002', title: 'Inventory pod kill' })];
    const page = await loggedIn(viewerToken);
    await page.goto(`${server.url}/live`);
    await page.waitForSelector('.live-run');
    expect(await page.locator('button:has-text("Stop")').count()).toBe(0);
    expect(await page.locator('.findings-edit, form[action^="/findings/"]').count()).toBe(0);
    const status = await page.evaluate(async () => {
      const csrf = (document.querySelector('input[name=csrf]') as HTMLInputElement).value;
      const res = await fetch('/live/stop', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `run=all&csrf=${encodeURIComponent(csrf)}`,
      });
      return res.status;
    });
    expect(status).toBe(403);
    expect(live.runs).toHaveLength(1);
    await shot(page, 'live-viewer');
    await page.context().close();
  }, 120_000);
});
