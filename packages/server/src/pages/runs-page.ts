import { escapeHtml as e } from '@faultline/report';
import type { Outcome, RunFilter, RunPage } from '@faultline/store';

export const outcomes: readonly Outcome[] = [
  'held',
  'deviated',
  'failed',
  'interrupted',
  'aborted',
  'untried',
  'unfinished',
];

/** The filter a runs page URL asks for (unknown statuses are ignored, dates are plain ISO days or times). */
export function runFilterOf(query: URLSearchParams): RunFilter {
  const status = query.getAll('status').filter((s): s is Outcome => outcomes.includes(s as Outcome));
  const day = (value: string | null) =>
    value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined;
  return {
    experiment: query.get('experiment') || undefined,
    tag: query.get('tag') || undefined,
    outcome: status.length ? status : undefined,
    since: day(query.get('since')),
    until: day(query.get('until')),
    cursor: query.get('cursor') || undefined,
    limit: 50,
  };
}

const seconds = (s: number | null) => (s === null ? '' : s < 60 ? `${s.toFixed(1)} s` : `${(s / 60).toFixed(1)} min`);

/** The history table with its filter form; each run links to its report. */
export function renderRunsPage(page: RunPage, query: URLSearchParams): string {
  const value = (name: string) => e(query.get(name) ?? '');
  const chosen = new Set(query.getAll('status'));
  const statusBoxes = outcomes
    .map(
      (o) => `<label><input type="checkbox" name="status" value="${o}"${chosen.has(o) ? ' checked' : ''}> ${o}</label>`,
    )
    .join(' ');
  const form =
    `<form method="get" action="/runs" class="filters">` +
    `<label>Experiment <input name="experiment" value="${value('experiment')}" placeholder="id, prefix or title"></label>` +
    `<label>Tag <input name="tag" value="${value('tag')}"></label>` +
    `<label>Since <input type="date" name="since" value="${value('since')}"></label>` +
    `<label>Until <input type="date" name="until" value="${value('until')}"></label>` +
    `<span class="statuses">${statusBoxes}</span> <button>Filter</button></form>`;
  if (!page.runs.length) return `${form}<p class="empty">No runs match.</p>`;
  const rows = page.runs
    .map(
      (r) =>
        `<tr><td><a href="/runs/${e(encodeURIComponent(r.id))}">${e(r.id.slice(0, 8))}</a></td>` +
        `<td>${e(r.startedAt.replace('T', ' ').slice(0, 19))}</td>` +
        `<td><span class="badge outcome-${e(r.outcome)}">${e(r.outcome)}</span></td>` +
        `<td class="num">${e(seconds(r.durationSeconds))}</td><td>${e(r.title)}</td>` +
        `<td>${r.tags.map((t) => `<span class="tag">${e(t)}</span>`).join(' ')}</td><td>${e(r.who ?? '')}</td></tr>`,
    )
    .join('');
  let more = '';
  if (page.nextCursor) {
    const next = new URLSearchParams(query);
    next.set('cursor', page.nextCursor);
    more = `<p><a href="/runs?${e(next.toString())}">Older runs →</a></p>`;
  }
  return (
    `${form}<table class="runs"><thead><tr><th>Run</th><th>Started (UTC)</th><th>Outcome</th><th class="num">Took</th><th>Experiment</th><th>Tags</th><th>By</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>${more}`
  );
}
