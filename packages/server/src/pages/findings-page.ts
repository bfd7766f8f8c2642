import { escapeHtml as e } from '@faultline/report';
import { findingStates, severities, type Finding } from '@faultline/store';
import type { Principal } from '../auth.js';
import { csrfField } from '../html-page.js';

const options = (values: readonly string[], current: string) =>
  values.map((v) => `<option${v === current ? ' selected' : ''}>${e(v)}</option>`).join('');

function card(f: Finding, principal: Principal): string {
  const meta = [
    `<span class="badge severity-${e(f.severity)}">${e(f.severity)}</span>`,
    f.proposed ? '<span class="badge proposed">proposed</span>' : '',
    f.owner ? `owner ${e(f.owner)}` : '',
    f.fault ? `fault ${e(f.fault)}` : '',
    f.runId ? `<a href="/runs/${e(encodeURIComponent(f.runId))}">run ${e(f.runId.slice(0, 8))}</a>` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const fix = f.fixLink ? `<p>Fix: ${e(f.fixLink)}</p>` : '';
  const edit =
    principal.role === 'operator'
      ? `<details><summary>Edit</summary><form method="post" action="/findings/${f.id}" class="edit">${csrfField(principal)}` +
        `<label>Title <input name="title" value="${e(f.title)}" required></label>` +
        `<label>State <select name="state">${options(findingStates, f.state)}</select></label>` +
        `<label>Severity <select name="severity">${options(severities, f.severity)}</select></label>` +
        `<label>Owner <input name="owner" value="${e(f.owner ?? '')}"></label>` +
        `<label>Fix link <input name="fixLink" value="${e(f.fixLink ?? '')}"></label>` +
        `<label>Note <input name="note" placeholder="why (kept in the finding's history)"></label>` +
        `<button>Save</button></form></details>`
      : '';
  return (
    `<article class="finding state-${e(f.state)}" id="finding-${f.id}"><h3>#${f.id} ${e(f.title)}</h3>` +
    `<p class="meta">${meta}</p>${f.description ? `<p>${e(f.description)}</p>` : ''}${fix}${edit}</article>`
  );
}

/** The board: one column per state; regressed first and drawn in red, since it needs someone now. */
export function renderFindingsPage(findings: Finding[], principal: Principal): string {
  const order = ['regressed', 'open', 'fixed', 'verified'] as const;
  const columns = order.map((state) => {
    const cards = findings.filter((f) => f.state === state);
    return (
      `<section class="column column-${state}"><h2>${state} <span class="count">${cards.length}</span></h2>` +
      `${cards.map((f) => card(f, principal)).join('') || '<p class="empty">none</p>'}</section>`
    );
  });
  return `<div class="board">${columns.join('')}</div>`;
}
