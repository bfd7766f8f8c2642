import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveRun, MemoryLiveRuns, payload, seedStore } from './__fixtures__/seed-store.js';
import { startServer, type RunningServer } from './start-server.js';

const operatorToken = 'op-secret-0123456789';
const viewerToken = 'view-secret-0123456789';

let seeded: Awaited<ReturnType<typeof seedStore>>;
let server: RunningServer;
let live: MemoryLiveRuns;

beforeEach(async () => {
  seeded = await seedStore();
  live = new MemoryLiveRuns([liveRun()]);
  server = await startServer({
    store: seeded.store,
    port: 0,
    token: operatorToken,
    viewerToken,
    liveRuns: live,
    livePollMs: 50,
  });
});
afterEach(async () => {
  await server.close();
  await seeded.cleanup();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });

/** Logs in through the form; returns the cookie header and the CSRF token of a page. */
async function login(token: string): Promise<{ cookie: string; csrf: string }> {
  const res = await post('/login', { token, next: '/findings' });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/findings');
  const setCookie = res.headers.get('set-cookie')!;
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Strict/);
  const cookie = setCookie.split(';')[0]!;
  const html = await (await get('/live', { cookie })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
  return { cookie, csrf };
}

describe('binding', () => {
  it('refuses a non-loopback address without a token, and a viewer token alone', async () => {
    await expect(startServer({ store: seeded.store, host: '0.0.0.0', port: 0 })).rejects.toMatchObject({
      code: 'E_SERVE_NO_TOKEN',
    });
    await expect(startServer({ store: seeded.store, port: 0, viewerToken })).rejects.toMatchObject({
      code: 'E_SERVE_NO_TOKEN',
    });
    const open = await startServer({ store: seeded.store, port: 0 });
    try {
      expect(open.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // No token on loopback: an operator, but forms still carry a CSRF token.
      const res = await fetch(`${open.url}/live`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Live runs are not available');
      expect(res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
      const stop = await fetch(`${open.url}/live/stop`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'run=all',
      });
      expect(stop.status).toBe(403);
    } finally {
      await open.close();
    }
  });
});

describe('authentication and roles', () => {
  it('sends a stranger to the login page and refuses a wrong token', async () => {
    const res = await get('/runs?tag=x');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fruns%3Ftag%3Dx');
    expect((await get('/runs', { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await post('/login', { token: 'nope' })).status).toBe(401);
    expect((await post('/findings/1', { state: 'fixed' })).status).toBe(401);
    // No open redirect after login.
    const evil = await post('/login', { token: viewerToken, next: '//evil.example/' });
    expect(evil.headers.get('location')).toBe('/runs');
  });

  it('lets a bearer viewer read but not change anything', async () => {
    const auth = { authorization: `Bearer ${viewerToken}` };
    const runs = await get('/runs', auth);
    expect(runs.status).toBe(200);
    expect(runs.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(runs.headers.get('content-security-policy')).toContain("default-src 'none'");
    const findings = await (await get('/findings', auth)).text();
    expect(findings).not.toContain('action="/findings/');
    expect(await (await get('/live', auth)).text()).not.toContain('action="/live/stop"');
    expect((await post('/findings/1', { state: 'fixed' }, auth)).status).toBe(403);
    expect((await post('/live/stop', { run: 'all' }, auth)).status).toBe(403);
    expect(live.stopCalls).toEqual([]);
    expect((await seeded.store.getFinding(1)).state).toBe('open');
  });

  it('lets a logged-in viewer read, refuses its stop even with a valid CSRF token', async () => {
    const { cookie } = await login(viewerToken);
    const csrf = /name="csrf" value="([^"]+)"/.exec(await (await get('/runs', { cookie })).text())![1]!;
    expect((await post('/live/stop', { run: 'all', csrf }, { cookie })).status).toBe(403);
    expect(live.stopCalls).toEqual([]);
  });

  it('logs out: the session cookie stops working', async () => {
    const { cookie, csrf } = await login(operatorToken);
    expect((await post('/logout', { csrf }, { cookie })).status).toBe(303);
    expect((await get('/runs', { cookie })).status).toBe(303);
  });
});

describe('CSRF', () => {
  it('refuses a session POST without or with a wrong token, accepts the right one', async () => {
    const { cookie, csrf } = await login(operatorToken);
    expect((await post('/findings/1', { state: 'fixed' }, { cookie })).status).toBe(403);
    expect((await post('/findings/1', { state: 'fixed', csrf: 'x' + csrf }, { cookie })).status).toBe(403);
    expect((await seeded.store.getFinding(1)).state).toBe('open');
    const ok = await post(
      '/findings/1',
      { state: 'fixed', owner: 'dana', fixLink: 'https://git.example/pr/7', note: 'retries added', csrf },
      { cookie },
    );
    expect(ok.status).toBe(303);
    const finding = await seeded.store.getFinding(1);
    expect(finding).toMatchObject({ state: 'fixed', owner: 'dana' });
    expect(finding.events.at(-1)).toMatchObject({ to: 'fixed', note: 'retries added' });
  });

  it('refuses a POST from another origin even with the right token', async () => {
    const { cookie, csrf } = await login(operatorToken);
    const res = await post('/live/stop', { run: 'all', csrf }, { cookie, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(live.stopCalls).toEqual([]);
  });

  it('checks the CSRF token of a session on logout and stop too', async () => {
    const { cookie } = await login(operatorToken);
    expect((await post('/logout', {}, { cookie })).status).toBe(403);
    expect((await post('/live/stop', { run: 'all' }, { cookie })).status).toBe(403);
    expect(live.stopCalls).toEqual([]);
  });

  it('rejects bad finding values with 400 and changes nothing', async () => {
    const auth = { authorization: `Bearer ${operatorToken}` };
    expect((await post('/findings/1', { state: 'gone' }, auth)).status).toBe(400);
    const unfixed = await post('/findings/1', { state: 'fixed' }, auth);
    expect(unfixed.status).toBe(400);
    expect(await unfixed.text()).toContain('cannot be fixed without a link to the fix');
    expect((await post('/findings/999', { state: 'fixed' }, auth)).status).toBe(404);
    expect((await seeded.store.getFinding(1)).state).toBe('open');
  });
});

describe('pages', () => {
  const auth = { authorization: `Bearer ${operatorToken}` };

  it('escapes script payloads from titles, tags and outputs on every page', async () => {
    const pages = ['/runs', `/runs/${seeded.hostileRunId}`, '/findings', '/trends', '/live'];
    for (const path of pages) {
      const res = await get(path, auth);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).not.toContain(payload);
      expect(html, path).not.toContain('<img src=x');
      expect(html, path).not.toContain('<b>tag</b>');
      expect(html, path).toMatch(/&lt;script&gt;|&lt;img/);
    }
    const events = await readFirstEvent('/live/events', auth);
    expect(events).not.toContain(payload);
  });

  it('filters runs by status, experiment and date, and opens a run as its report', async () => {
    const deviated = await (await get('/runs?status=deviated', auth)).text();
    expect(deviated).toContain(seeded.hostileRunId.slice(0, 8));
    expect(deviated).not.toContain('>Checkout survives payment latency<');
    const held = await (await get('/runs?status=held&since=2026-01-01', auth)).text();
    expect(held).toContain('>Checkout survives payment latency<');
    expect(held).not.toContain(seeded.hostileRunId.slice(0, 8));
    expect(await (await get('/runs?until=2026-01-01', auth)).text()).toContain('No runs match');
    const report = await get(`/runs/${seeded.hostileRunId.slice(0, 8)}`, auth);
    const csp = report.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(await report.text()).toContain('Faultline report:');
    expect((await get('/runs/ffffffff', auth)).status).toBe(404);
  });

  it('shows the findings board by state with a regression standing out', async () => {
    await seeded.store.updateFinding(1, { state: 'regressed', note: 'came back' });
    const html = await (await get('/findings', auth)).text();
    expect(html).toMatch(/<section class="column column-regressed"><h2>regressed <span class="count">1<\/span>/);
    expect(html).toContain('finding state-regressed');
    expect(html.indexOf('column-regressed')).toBeLessThan(html.indexOf('column-open'));
  });

  it('draws a trend per experiment as inline SVG', async () => {
    const html = await (await get('/trends', auth)).text();
    // Two experiments, then the tags checkout, payments and the hostile one.
    expect(html.match(/<svg class="trend"/g)).toHaveLength(5);
    expect(html).toContain('pass rate 100%');
    expect(html.indexOf('<h2>By tag</h2>')).toBeLessThan(html.indexOf('<h3>tag checkout</h3>'));
    expect(html).toContain('<h3>tag &lt;b&gt;tag&lt;/b&gt;</h3>');
  });
});

describe('live runs', () => {
  const auth = { authorization: `Bearer ${operatorToken}` };

  it('streams the runs over SSE and updates when they change', async () => {
    const res = await fetch(`${server.url}/live/events`, { headers: auth });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const first = await nextEvent(reader);
    expect(first).toContain('data-run="a1b2c3d4');
    expect(first).toContain('add-latency');
    live.runs[0]!.samples.push({ at: new Date().toISOString(), ok: true, value: 130 });
    const second = await nextEvent(reader);
    expect(second).toContain('2/3 held');
    await reader.cancel();
  });

  it('stops a run for an operator session and shows what was reverted', async () => {
    const { cookie, csrf } = await login(operatorToken);
    const res = await post('/live/stop', { run: 'a1b2c3d4', csrf }, { cookie });
    expect(res.status).toBe(303);
    expect(live.stopCalls).toEqual([{ target: 'a1b2c3d4', by: 'faultline serve (operator)' }]);
    await expect.poll(async () => (await get('/live', { cookie })).text()).toContain('<strong>stopped</strong>');
    const html = await (await get('/live', { cookie })).text();
    expect(html).toContain('No run in progress');
    expect(html).toContain('reverted add-latency &lt;script&gt;');
  });
});

const pending = new WeakMap<object, string>();

/** The data of the next complete SSE event (events may span or share chunks). */
async function nextEvent(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  let buffer = pending.get(reader) ?? '';
  while (!buffer.includes('\n\n')) {
    const { value, done } = await reader.read();
    if (done) throw new Error('stream ended');
    buffer += new TextDecoder().decode(value);
  }
  const end = buffer.indexOf('\n\n');
  pending.set(reader, buffer.slice(end + 2));
  return JSON.parse(/data: (.*)/.exec(buffer.slice(0, end))![1]!) as string;
}

async function readFirstEvent(path: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${server.url}${path}`, { headers });
  const reader = res.body!.getReader();
  try {
    return await nextEvent(reader);
  } finally {
    await reader.cancel();
  }
}
