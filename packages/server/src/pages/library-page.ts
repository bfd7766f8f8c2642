import { escapeHtml as e } from '@faultline/report';
import type { Principal } from '../auth.js';
import { csrfField } from '../html-page.js';
import type { LaunchResult, LibraryEntry } from '../library/experiment-library.js';

/**
 * One form per valid experiment, for operators: optional configuration (`--var` lines, a var file
 * beside it) folded away, then Dry run and Run. Values typed here are never shown back.
 */
function runForm(entry: LibraryEntry, principal: Principal): string {
  if (principal.role !== 'operator' || !entry.valid) return '';
  const files = entry.varFiles ?? [];
  const varFile = files.length
    ? `<label>Var file <select name="varFile"><option value="">(none)</option>${files
        .map((file) => `<option value="${e(file)}">${e(file)}</option>`)
        .join('')}</select></label>`
    : '';
  return (
    `<form method="post" action="/library/run" class="library-run">${csrfField(principal)}` +
    `<input type="hidden" name="path" value="${e(entry.path)}">` +
    `<details><summary>Configuration</summary>${varFile}` +
    `<label>--var, one per line (<code>key=value</code>, <code>key:int=8080</code>)` +
    `<textarea name="vars" rows="3" spellcheck="false" autocomplete="off" placeholder="region=eu-west-1"></textarea></label></details>` +
    `<button name="dry" value="1" class="secondary">Dry run</button> <button class="danger">Run</button></form>`
  );
}

function row(entry: LibraryEntry, principal: Principal): string {
  const errors = entry.problems.filter((p) => p.severity === 'error').length;
  const warnings = entry.problems.length - errors;
  const status = errors
    ? `<span class="badge outcome-failed">${errors} error${errors > 1 ? 's' : ''}</span>`
    : `<span class="badge outcome-held">valid</span>${warnings ? ` <span class="badge outcome-deviated">${warnings} warning${warnings > 1 ? 's' : ''}</span>` : ''}`;
  const problems = entry.problems.length
    ? `<ul class="problems">${entry.problems
        .map(
          (p) =>
            `<li class="${p.severity}"><code>${e(p.where)}</code> ${e(p.severity)}: ${e(p.message)}` +
            `${p.hint ? `<br><span class="muted">hint: ${e(p.hint)}</span>` : ''}</li>`,
        )
        .join('')}</ul>`
    : '';
  return (
    `<tr data-path="${e(entry.path)}"><td><code>${e(entry.path)}</code></td>` +
    `<td>${e(entry.title ?? '')}${entry.description ? `<br><span class="muted">${e(entry.description)}</span>` : ''}${problems}</td>` +
    `<td>${status}</td><td class="actions">${runForm(entry, principal)}</td></tr>`
  );
}

function launchNotice(launch: LaunchResult): string {
  const configured = [
    launch.varFile ? `--var-file <code>${e(launch.varFile)}</code>` : '',
    launch.varNames?.length ? `--var ${launch.varNames.map((name) => `<code>${e(name)}</code>`).join(', ')}` : '',
  ].filter(Boolean);
  const what = `${launch.dry ? 'Dry run' : 'Run'} of <code>${e(launch.path)}</code>${configured.length ? ` (${configured.join('; ')})` : ''}`;
  const output = launch.message ? `<pre class="output">${e(launch.message)}</pre>` : '';
  if (launch.outcome === 'refused')
    return `<li class="refused">${what}: <strong class="error">refused</strong>, nothing ran.${output}</li>`;
  if (launch.outcome === 'started')
    return `<li>${what}: <strong>started</strong>${launch.runId ? ` (run ${e(launch.runId.slice(0, 8))})` : ''} — follow it on <a href="/live">Live</a>.</li>`;
  return `<li>${what}: <strong>ended</strong> (exit code ${e(String(launch.exitCode))}) — see <a href="/runs">Runs</a>.${output}</li>`;
}

/** The experiments under the library folder, each validated; operators can run them. */
export function renderLibraryPage(
  dir: string | undefined,
  entries: LibraryEntry[],
  principal: Principal,
  launches: readonly LaunchResult[] = [],
): string {
  if (dir === undefined)
    return '<p class="empty">No experiment library: start the server with <code>faultline serve --experiments DIR</code>.</p>';
  const notices = launches.length
    ? `<ul class="launches notice">${launches.slice(0, 5).map(launchNotice).join('')}</ul>`
    : '';
  const intro =
    `<p class="muted">Experiments under <code>${e(dir)}</code>, validated as <code>faultline validate</code> does. ` +
    `Runs start as <code>faultline run</code> would, with the server's settings and guards, and are recorded in the store.</p>`;
  if (!entries.length)
    return `${notices}${intro}<p class="empty">No experiment file (.json, .yaml, .yml) in this folder.</p>`;
  return (
    `${notices}${intro}<table class="library"><thead><tr><th>File</th><th>Experiment</th><th>Validation</th><th></th></tr></thead>` +
    `<tbody>${entries.map((entry) => row(entry, principal)).join('')}</tbody></table>`
  );
}
