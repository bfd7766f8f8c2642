import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml, renderHtml } from '@faultline/report';
import {
  findingStates,
  severities,
  type FindingState,
  type FindingUpdate,
  type Severity,
  type Store,
} from '@faultline/store';
import { Auth, clearedCookieHeader, sameSecret, sessionCookieHeader, type Principal } from './auth.js';
import { htmlPage } from './html-page.js';
import { HttpError, readForm, redirect, securityHeaders, send } from './http-util.js';
import type { ExperimentLibrary, LaunchResult } from './library/experiment-library.js';
import { launchRequestOf } from './library/launch-request.js';
import { noLiveRuns, type LiveRunSource } from './live-runs.js';
import { renderFindingsPage } from './pages/findings-page.js';
import { renderLibraryPage } from './pages/library-page.js';
import { renderLivePage, renderLiveRuns, type StopRecord } from './pages/live-page.js';
import { renderLoginPage } from './pages/login-page.js';
import { renderRunsPage, runFilterOf } from './pages/runs-page.js';
import { renderTrendsPage } from './pages/trends-page.js';
import { staticFile } from './static-files.js';

export interface DashboardOptions {
  store: Store;
  /** The operator's token (run, stop, edit findings). */
  token?: string;
  /** A read-only token. */
  viewerToken?: string;
  /** Runs in progress and how to stop them (default: none wired in). */
  liveRuns?: LiveRunSource;
  /** How often the live page is refreshed over SSE (default 500 ms). */
  livePollMs?: number;
  /** The experiments the Library page lists and runs (`--experiments DIR`). */
  library?: ExperimentLibrary;
}

/** The report's own CSP: it needs its inline <style>, and nothing else. */
const reportCsp =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'";

/** The request handler of `faultline serve`. */
export function createDashboard(options: DashboardOptions) {
  const auth = new Auth({ operator: options.token, viewer: options.viewerToken });
  const live = options.liveRuns ?? noLiveRuns;
  const { store } = options;
  /** Stops asked from this dashboard, newest first, and those still under way. */
  const stops: StopRecord[] = [];
  const stopping = new Set<string>();
  /** Runs started from the Library page, newest first. */
  const launches: LaunchResult[] = [];
  const page = (
    res: ServerResponse,
    principal: Principal,
    active: string,
    title: string,
    body: string,
    scripts?: string[],
  ) => send(res, 200, htmlPage(body, { title, active, principal, scripts }));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://dashboard');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' && path.startsWith('/static/')) {
      const file = staticFile(path.slice('/static/'.length));
      if (!file) throw new HttpError(404, 'not found');
      return send(res, 200, file.body, file.type);
    }
    if (path === '/login') {
      if (method === 'GET')
        return send(
          res,
          200,
          htmlPage(renderLoginPage(undefined, safeNext(url.searchParams.get('next'))), { title: 'Log in' }),
        );
      if (method === 'POST') {
        const form = await readForm(req);
        const role = auth.roleOfToken(form.get('token') ?? '');
        if (!role) return send(res, 401, htmlPage(renderLoginPage('That token is not valid.'), { title: 'Log in' }));
        const session = auth.createSession(role);
        return redirect(res, safeNext(form.get('next')), { 'Set-Cookie': sessionCookieHeader(session) });
      }
    }
    const principal = auth.principalOf(req);
    if (!principal) {
      if (req.headers.authorization) throw new HttpError(401, 'invalid token');
      if (method === 'GET' && !path.startsWith('/live/events'))
        return redirect(res, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
      throw new HttpError(401, 'log in first');
    }
    // With no token configured the anonymous session still needs its cookie (CSRF token).
    if (auth.open && principal.session && !req.headers.cookie?.includes(principal.session.id))
      res.setHeader('Set-Cookie', sessionCookieHeader(principal.session));

    if (method === 'POST') {
      checkOrigin(req);
      const form = await readForm(req);
      checkCsrf(principal, form);
      return post(path, form, principal, res);
    }
    if (method !== 'GET') throw new HttpError(405, 'method not allowed');
    if (path === '/') return redirect(res, '/runs');
    if (path === '/runs') {
      const runs = await store.listRuns(runFilterOf(url.searchParams));
      return page(res, principal, '/runs', 'Runs', renderRunsPage(runs, url.searchParams));
    }
    if (path.startsWith('/runs/')) {
      const run = await store.getRun(decodeURIComponent(path.slice('/runs/'.length)));
      const report = renderHtml(run.journal).replace('<body>', '<body><p><a href="/runs">← All runs</a></p>');
      return send(res, 200, report, undefined, reportCsp);
    }
    if (path === '/findings') {
      const findings = await store.listFindings();
      return page(res, principal, '/findings', 'Findings', renderFindingsPage(findings, principal));
    }
    if (path === '/trends') {
      const experiments = await store.listExperiments();
      const byExperiment = [];
      for (const experiment of experiments) {
        const trend = await store.trend({ experiment: experiment.id }, { limit: 200 });
        byExperiment.push({ trend, findings: await store.listFindings({ experiment: experiment.id }) });
      }
      const tags = [...new Set(experiments.flatMap((x) => x.tags))].sort();
      const byTag = [];
      for (const tag of tags)
        byTag.push({ trend: await store.trend({ tag }, { limit: 200 }), findings: await store.listFindings({ tag }) });
      return page(res, principal, '/trends', 'Trends', renderTrendsPage(byExperiment, byTag));
    }
    if (path === '/live') {
      const body = renderLivePage(await live.list(), principal, 'unavailable' in live, stops, stopping, live.scope);
      return page(res, principal, '/live', 'Live runs', body, ['/static/live.js']);
    }
    if (path === '/live/events') return liveEvents(req, res, principal);
    if (path === '/library') {
      const { library } = options;
      const body = renderLibraryPage(library?.dir, library ? await library.list() : [], principal, launches);
      return page(res, principal, '/library', 'Library', body);
    }
    throw new HttpError(404, 'not found');
  }

  async function post(path: string, form: URLSearchParams, principal: Principal, res: ServerResponse): Promise<void> {
    if (path === '/logout') {
      if (principal.session) auth.endSession(principal.session.id);
      return redirect(res, '/login', { 'Set-Cookie': clearedCookieHeader });
    }
    if (principal.role !== 'operator') throw new HttpError(403, 'only an operator can do that');
    const finding = /^\/findings\/(\d+)$/.exec(path);
    if (finding) {
      await store.updateFinding(Number(finding[1]), findingUpdateOf(form));
      return redirect(res, `/findings#finding-${finding[1]}`);
    }
    if (path === '/live/stop') {
      const target = form.get('run');
      if (!target) throw new HttpError(400, 'which run? (run=<id> or run=all)');
      // Stopping waits for the run to revert and end: the page follows it over SSE meanwhile.
      const asked = new Date().toISOString();
      stopping.add(target);
      live
        .stop(target, `faultline serve (${principal.role})`)
        .then((results) => stops.unshift({ asked, target, results }))
        .catch((error: Error) => stops.unshift({ asked, target, results: [], error: error.message }))
        .finally(() => {
          stopping.delete(target);
          stops.splice(20);
        });
      return redirect(res, '/live');
    }
    if (path === '/library/run') return launch(form, principal, res);
    throw new HttpError(404, 'not found');
  }

  /** Runs a listed, valid experiment; the run's own guards decide the rest (a refusal is shown). */
  async function launch(form: URLSearchParams, principal: Principal, res: ServerResponse): Promise<void> {
    const { library } = options;
    if (!library) throw new HttpError(404, 'no experiment library (faultline serve --experiments DIR)');
    const path = form.get('path') ?? '';
    const entry = (await library.list()).find((candidate) => candidate.path === path);
    if (!entry) throw new HttpError(404, `no experiment "${path}" in the library`);
    if (!entry.valid) throw new HttpError(400, `"${path}" is not valid: fix it first (see the Library page)`);
    const { dry, vars, varNames, varFile } = launchRequestOf(form, entry);
    const result = await library.launch(path, { dry, vars, varFile, by: `faultline serve (${principal.role})` });
    launches.unshift({ ...result, varFile, varNames });
    launches.splice(20);
    return redirect(res, result.outcome === 'started' ? '/live' : '/library');
  }

  function liveEvents(req: IncomingMessage, res: ServerResponse, principal: Principal): void {
    res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    let last = '';
    let busy = false;
    const tick = async () => {
      if (busy) return;
      busy = true;
      try {
        const html = renderLiveRuns(await live.list(), principal, stops, stopping);
        if (html !== last) {
          last = html;
          res.write(`event: runs\ndata: ${JSON.stringify(html)}\n\n`);
        }
      } catch (error) {
        res.write(`event: failure\ndata: ${JSON.stringify((error as Error).message)}\n\n`);
      } finally {
        busy = false;
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), options.livePollMs ?? 500);
    req.on('close', () => clearInterval(timer));
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      await handle(req, res);
    } catch (error) {
      const status = error instanceof HttpError ? error.status : statusOfStoreError(error);
      const message = status === 500 ? 'internal error' : (error as Error).message;
      if (status === 500) console.error(error);
      if (res.headersSent) return void res.end();
      send(res, status, htmlPage(`<p class="error">${escapeHtml(message)}</p>`, { title: `${status}` }));
    }
  };
}

function checkCsrf(principal: Principal, form: URLSearchParams): void {
  if (!principal.session) return; // bearer: not sent by browsers on their own
  const sent = form.get('csrf') ?? '';
  if (!sent || !sameSecret(sent, principal.session.csrf))
    throw new HttpError(403, 'missing or wrong CSRF token: reload the page');
}

/** A browser names the page a POST comes from: another site's is refused before the form is read. */
function checkOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin;
  // Absent (not a browser) or "null" (privacy modes, sandboxes): the CSRF token decides alone.
  if (!origin || origin === 'null') return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    host = '';
  }
  if (host !== req.headers.host) throw new HttpError(403, 'cross-site request refused');
}

/** Only same-site paths after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/runs';
}

function statusOfStoreError(error: unknown): number {
  const { code = '', name = '' } = error as { code?: string; name?: string };
  if (/^E_STORE_(NO_|AMBIGUOUS)/.test(code)) return 404;
  return name === 'UsageError' ? 400 : 500;
}

function findingUpdateOf(form: URLSearchParams): FindingUpdate {
  const update: FindingUpdate = {};
  const text = (name: string) => (form.has(name) ? form.get(name)!.trim() : undefined);
  const title = text('title');
  if (title) update.title = title;
  const state = text('state');
  if (state !== undefined) {
    if (!findingStates.includes(state as FindingState)) throw new HttpError(400, `unknown state "${state}"`);
    update.state = state as FindingState;
  }
  const severity = text('severity');
  if (severity !== undefined) {
    if (!severities.includes(severity as Severity)) throw new HttpError(400, `unknown severity "${severity}"`);
    update.severity = severity as Severity;
  }
  for (const key of ['owner', 'fixLink'] as const) {
    const value = text(key);
    if (value !== undefined) update[key] = value || null;
  }
  const note = text('note');
  if (note) update.note = note;
  return update;
}
