import { existsSync } from 'node:fs';
import { FaultlineError, type Journal } from '@faultline/core';
import { renderHtml } from './render-html.js';
import type { RenderOptions } from './prepare-runs.js';

/** Flags for a headless Chromium that talks to nothing but the page it is given. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export interface PdfOptions extends RenderOptions {
  /** Chromium to use; defaults to $FAULTLINE_CHROMIUM, then the usual Debian/Ubuntu paths. */
  chromiumPath?: string;
  env?: Readonly<Record<string, string | undefined>>;
  timeoutMs?: number;
}

/** Finds a Chromium binary or says clearly how to get one. */
export function findChromium(options: Pick<PdfOptions, 'chromiumPath' | 'env'> = {}): string {
  const wanted = options.chromiumPath ?? options.env?.FAULTLINE_CHROMIUM;
  if (wanted) {
    if (existsSync(wanted)) return wanted;
    throw new FaultlineError(`Chromium not found at ${wanted}`, {
      code: 'E_REPORT_NO_CHROMIUM',
      hint: 'point FAULTLINE_CHROMIUM at a Chromium or Chrome binary',
    });
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new FaultlineError('PDF export needs Chromium, and none is installed', {
    code: 'E_REPORT_NO_CHROMIUM',
    hint: 'install it (apt-get install chromium) or set FAULTLINE_CHROMIUM; or export HTML (--export-format=html) and print it from a browser',
  });
}

/**
 * The HTML report printed to PDF by headless Chromium (A4, backgrounds kept). Every request the
 * page would make is refused, so printing cannot reach the network either.
 */
export async function renderPdf(input: Journal | readonly Journal[], options: PdfOptions = {}): Promise<Buffer> {
  const executablePath = findChromium(options);
  const html = renderHtml(input, options);
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch (error) {
    throw new FaultlineError('PDF export needs the playwright-core package', {
      code: 'E_REPORT_NO_CHROMIUM',
      hint: 'npm install playwright-core',
      cause: error,
    });
  }
  const browser = await playwright.chromium.launch({
    executablePath,
    args: [...chromiumFlags],
    timeout: options.timeoutMs ?? 30_000,
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await browser.close();
  }
}
