import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSystemBinary } from '@faultline/core/testing';
import { fixtureNames, loadFixture } from '../__fixtures__/load-fixture.js';
import { renderHtml } from './render-html.js';
import { chromiumFlags, findChromium, renderPdf } from './render-pdf.js';

const binary = findSystemBinary('chromium');
const artifacts = fileURLToPath(new URL('../../../../test-artifacts/', import.meta.url));

/** Opens HTML with every request refused and recorded, and every console error collected. */
async function open(browser: Browser, html: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', async (route) => {
    requests.push(route.request().url());
    await route.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setContent(html, { waitUntil: 'load' });
  return { page, requests, errors };
}

describe.skipIf(!binary)('the HTML report in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: binary!, args: [...chromiumFlags] });
    mkdirSync(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('notices a page that does fetch something (so the checks below can fail)', async () => {
    const { page, requests } = await open(
      browser,
      '<!DOCTYPE html><title>x</title><img src="http://127.0.0.1:9/leak.png">',
    );
    await page.waitForTimeout(200);
    expect(requests).toEqual(['http://127.0.0.1:9/leak.png']);
    await page.close();
  });

  it('renders every fixture without a console error or a single request', async () => {
    for (const fixture of fixtureNames) {
      const { page, requests, errors } = await open(browser, renderHtml(loadFixture(fixture)));
      expect({ fixture, requests, errors }).toEqual({ fixture, requests: [], errors: [] });
      await page.close();
    }
  });

  it('shows the timeline and the probe charts, and keeps a screenshot', async () => {
    const { page, requests, errors } = await open(browser, renderHtml(loadFixture('continuous')));
    const timeline = page.locator('svg.timeline');
    await expect(timeline.isVisible()).resolves.toBe(true);
    const box = await timeline.boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    expect(box!.height).toBeGreaterThan(120);
    const charts = page.locator('svg.probe-chart');
    expect(await charts.count()).toBe(2);
    for (let i = 0; i < 2; i += 1) {
      expect(await charts.nth(i).isVisible()).toBe(true);
      expect((await charts.nth(i).boundingBox())!.height).toBeGreaterThan(100);
    }
    // the tolerance band and the shaded fault have real size on screen
    const band = await page.locator('svg.probe-chart rect.band').first().boundingBox();
    expect(band!.width).toBeGreaterThan(500);
    expect(band!.height).toBeGreaterThan(5);
    const fault = await page.locator('svg.timeline rect.fault').first().boundingBox();
    expect(fault!.width).toBeGreaterThan(100);
    await page.screenshot({ path: `${artifacts}report-continuous.png`, fullPage: true });
    expect({ requests, errors }).toEqual({ requests: [], errors: [] });
    await page.close();
  });

  it('renders a multi-run report with its trend charts, and prints', async () => {
    const all = [...fixtureNames.map(loadFixture), loadFixture('continuous-later')];
    const { page, requests, errors } = await open(browser, renderHtml(all));
    expect(await page.locator('svg.trend').count()).toBeGreaterThan(1);
    expect(await page.locator('svg.trend').first().isVisible()).toBe(true);
    await page.screenshot({ path: `${artifacts}report-all-runs.png`, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('svg.timeline').first().isVisible()).toBe(true);
    expect({ requests, errors }).toEqual({ requests: [], errors: [] });
    await page.close();
  });

  it('exports a PDF', async () => {
    const pdf = await renderPdf(loadFixture('deviated'), { chromiumPath: binary! });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });
});

describe('PDF without Chromium', () => {
  it('says what to install', async () => {
    expect(() => findChromium({ chromiumPath: '/nonexistent/chromium' })).toThrow(
      expect.objectContaining({ code: 'E_REPORT_NO_CHROMIUM' }),
    );
    await expect(
      renderPdf(loadFixture('completed'), { env: { FAULTLINE_CHROMIUM: '/nonexistent/chrome' } }),
    ).rejects.toMatchObject({
      code: 'E_REPORT_NO_CHROMIUM',
      hint: expect.stringContaining('FAULTLINE_CHROMIUM'),
    });
  });
});
