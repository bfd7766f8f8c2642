import { escapeHtml as e } from '@faultline/report';
import type { Principal } from '../auth.js';
import { csrfField } from '../html-page.js';
import type { LiveRun, LiveSample, LiveStopResult } from '../live-runs.js';

const ago = (iso: string, now: number) => {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  return s < 60 ? `${s} s ago` : `${Math.round(s / 60)} min ago`;
};

function livenessBadge(run: LiveRun, now: number): string {
  if (run.liveness === 'stale') return ' <span class="badge outcome-failed">process gone, faults still in place</span>';
  if (run.liveness !== 'lost') return '';
  const since = run.heartbeatAt ? `, last heard ${ago(run.heartbeatAt, now)}` : '';
  return ` <span class="badge outcome-failed lost">lost${e(since)}: faults may still be in place (faultline stop on ${e(run.host ?? 'its host')})</span>`;
}

function stopButton(principal: Principal, target: string, label: string): string {
  if (principal.role !== 'operator') return '';
  return `<form method="post" action="/live/stop" class="inline stop">${csrfField(principal)}<input type="hidden" name="run" value="${e(target)}"><button class="danger">${e(label)}</button></form>`;
}

/** One run as a card; the same markup the client script swaps in on every SSE update. */
export function renderLiveRun(run: LiveRun, principal: Principal, now = Date.now()): string {
  const faults = run.faults.length
    ? `<ul class="faults">${run.faults.map((f) => `<li><strong>${e(f.name)}</strong> ${e(ago(f.since, now))}${f.undo ? ` <span class="muted">— undone by “${e(f.undo)}”</span>` : ''}</li>`).join('')}</ul>`
    : '<p class="muted">no fault injected now</p>';
  const held = run.samples.filter((s) => s.ok).length;
  const latest = new Map<string, LiveSample>();
  for (const sample of run.samples) latest.set(sample.probe ?? 'hypothesis', sample);
  const legend = [...latest]
    .map(
      ([probe, s], i) =>
        `<li><span class="key probe-${i % 4}"></span>${e(probe)}: ${s.value === undefined ? '' : `${e(String(s.value))} `}` +
        `${s.ms === undefined ? '' : `<span class="muted">(${e(String(s.ms))} ms)</span> `}<strong class="${s.ok ? 'held' : 'deviated'}">${s.ok ? 'held' : 'deviated'}</strong></li>`,
    )
    .join('');
  return (
    `<article class="live-run" data-run="${e(run.id)}"><h2>${e(run.title)} <span class="muted">${e(run.id.slice(0, 8))}</span></h2>` +
    `<p><span class="badge phase">${e(run.phase)}</span>${run.host ? ` <span class="badge host">on ${e(run.host)}</span>` : ''}${livenessBadge(run, now)}` +
    `${run.stopRequested ? ' <span class="badge outcome-interrupted">stopping…</span>' : ''} started ${e(ago(run.startedAt, now))}</p>` +
    `<h3>Faults injected now</h3>${faults}<h3>Hypothesis samples <span class="muted">${held}/${run.samples.length} held</span></h3>` +
    `<svg class="samples" viewBox="0 0 600 80" width="600" height="80" data-samples="${e(JSON.stringify(run.samples.slice(-120)))}"></svg>` +
    `${legend ? `<ul class="probes">${legend}</ul>` : ''}` +
    `${run.liveness === 'lost' ? '' : stopButton(principal, run.id, 'Stop')}</article>`
  );
}

/** A stop asked from the dashboard and what came of it. */
export interface StopRecord {
  asked: string;
  target: string;
  results: LiveStopResult[];
  error?: string;
}

function renderStops(stops: readonly StopRecord[], stopping: ReadonlySet<string>): string {
  const pending = [...stopping].map((t) => `<li>stopping ${e(t === 'all' ? 'every run' : t.slice(0, 8))}…</li>`);
  const done = stops
    .slice(0, 5)
    .flatMap((stop) =>
      stop.error
        ? [`<li class="error">stop ${e(stop.target)} failed: ${e(stop.error)}</li>`]
        : stop.results.length
          ? stop.results.map(
              (r) =>
                `<li>${e(r.title || r.id.slice(0, 8))}: <strong>${e(r.outcome)}</strong>${r.status ? ` (run ${e(r.status)})` : ''}` +
                `${r.reverted.length ? `, reverted ${r.reverted.map(e).join(', ')}` : ''}` +
                `${r.failed.length ? ` <span class="error">revert failed: ${r.failed.map(e).join(', ')} (undo by hand)</span>` : ''}</li>`,
            )
          : [`<li>stop ${e(stop.target)}: no such run in progress</li>`],
    );
  const items = [...pending, ...done];
  return items.length ? `<ul class="stops notice">${items.join('')}</ul>` : '';
}

export function renderLiveRuns(
  runs: LiveRun[],
  principal: Principal,
  stops: readonly StopRecord[] = [],
  stopping: ReadonlySet<string> = new Set(),
): string {
  const cards = runs.length
    ? runs.map((r) => renderLiveRun(r, principal)).join('')
    : '<p class="empty">No run in progress.</p>';
  return renderStops(stops, stopping) + cards;
}

export function renderLivePage(
  runs: LiveRun[],
  principal: Principal,
  unavailable: boolean,
  stops: readonly StopRecord[] = [],
  stopping: ReadonlySet<string> = new Set(),
  scope?: string,
): string {
  if (unavailable)
    return '<p class="empty">Live runs are not available: this server has no access to the run-state files.</p>';
  return (
    `<p>${scope ? `<span class="muted">Runs of ${e(scope)}.</span> ` : ''}${stopButton(principal, 'all', 'Stop all runs')}</p>` +
    `<div id="live" data-events="/live/events">${renderLiveRuns(runs, principal, stops, stopping)}</div>`
  );
}
