import type { ActivityOrRef, Journal, RunEntry } from '@faultline/core';
import type { RunSummary } from '../analysis/summarize-journal.js';
import { firstErrorLine } from '../analysis/verdict.js';
import { toMs } from '../util/time.js';
import { prepareRuns } from './prepare-runs.js';

/** XML-escapes and drops characters XML 1.0 forbids (control bytes from process output). */
function xml(value: unknown): string {
  return String(value ?? '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (value: number | undefined | null): string =>
  value === undefined || value === null || !Number.isFinite(value) ? '0' : Math.max(value, 0).toFixed(3);

interface Case {
  classname: string;
  name: string;
  time: number;
  failure?: { type: string; message: string; detail: string };
  skipped?: string;
  out?: string;
}

const nameOf = (item: ActivityOrRef): string => ('ref' in item ? item.ref : item.name);

function failureOf(entry: RunEntry, context: string): Case['failure'] | undefined {
  if (entry.status === 'failed') {
    const message = firstErrorLine(entry) ?? 'failed without a message';
    const type = /^([A-Za-z_][\w.]*(?:Error|Exception|Failed|Interrupt\w*))\b/.exec(message)?.[1] ?? 'ActivityFailed';
    return {
      type,
      message: `${context}${message}`,
      detail:
        (entry.exception ?? [])
          .map((l) => (l.endsWith('\n') ? l : `${l}\n`))
          .join('')
          .trim() || message,
    };
  }
  if (entry.tolerance_met === false) {
    const message = entry.tolerance_reason ?? 'output outside the tolerance';
    return {
      type: 'ToleranceNotMet',
      message: `${context}${message}`,
      detail: `${message}\noutput: ${JSON.stringify(entry.output)}`,
    };
  }
  return undefined;
}

/** The test cases of one run: each hypothesis probe per phase, each activity, each revert, the run. */
function casesOf(journal: Journal, summary: RunSummary): Case[] {
  const suite = summary.title;
  const cases: Case[] = [];
  const probes = summary.hypothesis.probes.map((p) => p.name);
  const phase = (label: 'before' | 'after', state: Journal['steady_states']['before'], notRun: string): void => {
    for (const name of probes) {
      const entry = state?.probes.find((p) => p.activity.name === name);
      const classname = `${suite}.steady-state-${label}`;
      if (!entry) {
        cases.push({
          classname,
          name,
          time: 0,
          skipped: state ? 'not run: an earlier probe of this check failed' : notRun,
        });
        continue;
      }
      const failure = failureOf(
        entry,
        label === 'after' ? 'steady state deviated: ' : 'steady state not met before the method: ',
      );
      cases.push({ classname, name, time: entry.duration, ...(failure ? { failure } : {}) });
    }
  };
  phase('before', journal.steady_states.before, 'not run: the hypothesis was not checked before the method');
  for (const probe of summary.hypothesis.probes) {
    if (probe.during.total === 0) continue;
    const misses = probe.during.total - probe.during.held;
    const time = journal.steady_states.during.reduce(
      (sum, s) => sum + (s.probes.find((p) => p.activity.name === probe.name)?.duration ?? 0),
      0,
    );
    const c: Case = {
      classname: `${suite}.steady-state-during`,
      name: probe.name,
      time,
      out: `${probe.during.held} of ${probe.during.total} samples within tolerance (${probe.tolerance})`,
    };
    if (misses > 0)
      c.failure = {
        type: 'ToleranceNotMet',
        message: `${misses} of ${probe.during.total} samples outside the tolerance (${probe.tolerance})`,
        detail: summary.errors
          .filter((e) => e.phase === 'hypothesis-during' && e.activity === probe.name)
          .map((e) => e.message)
          .join('\n'),
      };
    cases.push(c);
  }
  const ran = new Set(journal.run.map((e) => e.activity.name));
  for (const entry of journal.run) {
    const failure = failureOf(entry, '');
    cases.push({
      classname: `${suite}.method`,
      name: entry.activity.name,
      time: entry.duration,
      ...(failure ? { failure } : {}),
      ...(entry.status === 'skipped' ? { skipped: 'skipped' } : {}),
    });
  }
  for (const declared of journal.experiment.method ?? []) {
    const name = nameOf(declared);
    if (!ran.has(name))
      cases.push({
        classname: `${suite}.method`,
        name,
        time: 0,
        skipped: `not run: the run ended ${journal.status === 'completed' ? 'before it' : `(${journal.status}) before it`}`,
      });
  }
  const ended = {
    completed: 'skipped the check after the method',
    failed: 'failed before it',
    aborted: 'was aborted before it',
    interrupted: 'was interrupted before it',
    running: 'did not get that far',
  }[journal.status];
  phase('after', journal.steady_states.after, `not run: the run ${ended}`);
  for (const entry of journal.rollbacks) {
    const failure = failureOf(entry, 'rollback failed: ');
    cases.push({
      classname: `${suite}.rollbacks`,
      name: entry.activity.name,
      time: entry.duration,
      ...(failure ? { failure } : {}),
    });
  }
  for (const revert of journal.faultline.reverts) {
    const start = toMs(revert.registered);
    const end = toMs(revert.reverted);
    const c: Case = {
      classname: `${suite}.reverts`,
      name: revert.title,
      time: 0,
      out: `${revert.driver} ${revert.func} for ${revert.activity}`,
    };
    if (start !== undefined && end !== undefined) c.out += `; fault in place ${((end - start) / 1000).toFixed(1)} s`;
    if (revert.status === 'failed' || revert.status === 'pending') {
      const message =
        revert.status === 'failed'
          ? `revert failed: ${revert.error ?? 'unknown error'}`
          : 'never reverted: the fault may still be in place';
      c.failure = { type: 'FaultLeftBehind', message, detail: `${message}\nrun \`faultline revert\` on the journal` };
    }
    cases.push(c);
  }
  const run: Case = { classname: suite, name: 'run completed', time: journal.duration ?? 0, out: summary.verdict };
  if (journal.status !== 'completed') {
    run.failure = {
      type: `Run${journal.status[0]!.toUpperCase()}${journal.status.slice(1)}`,
      message: summary.verdict,
      detail: summary.verdict,
    };
    delete run.out;
  }
  cases.push(run);
  return cases;
}

function caseXml(c: Case): string {
  const open = `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}" time="${seconds(c.time)}"`;
  const body: string[] = [];
  if (c.skipped) body.push(`      <skipped message="${xml(c.skipped)}"/>`);
  if (c.failure)
    body.push(
      `      <failure type="${xml(c.failure.type)}" message="${xml(c.failure.message)}">${xml(c.failure.detail)}</failure>`,
    );
  if (c.out) body.push(`      <system-out>${xml(c.out)}</system-out>`);
  return body.length ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`;
}

/**
 * JUnit XML as CI test viewers read it (Jenkins xUnit's junit-10.xsd): one testsuite per run of an
 * experiment, one testcase per hypothesis probe and phase, per activity, per revert and one for
 * the run itself; a deviation, a failed activity or a fault left behind is a <failure>.
 */
export function renderJunit(input: Journal | readonly Journal[]): string {
  const { runs } = prepareRuns(input);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let time = 0;
  runs.forEach(({ journal, summary }, i) => {
    const cases = casesOf(journal, summary);
    const suiteFailures = cases.filter((c) => c.failure).length;
    const suiteSkipped = cases.filter((c) => c.skipped && !c.failure).length;
    tests += cases.length;
    failures += suiteFailures;
    time += journal.duration ?? 0;
    // the JUnit convention is a local timestamp without zone; ours is UTC
    const timestamp = journal.start ? journal.start.slice(0, 19) : '';
    const props = [
      ['faultline.run_id', summary.runId],
      ['status', journal.status],
      ['deviated', String(journal.deviated)],
      ['outcome', summary.outcome],
      ['written_by', summary.writtenBy],
      ['chaoslib_version', journal['chaoslib-version']],
      ['faultline_version', journal['faultline-version']],
    ].filter(([, v]) => v !== '');
    suites.push(
      [
        `  <testsuite name="${xml(summary.title)}" id="${i}" package="faultline" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}" time="${seconds(journal.duration)}"${timestamp ? ` timestamp="${xml(timestamp)}"` : ''}${journal.node ? ` hostname="${xml(journal.node)}"` : ''}>`,
        '    <properties>',
        ...props.map(([n, v]) => `      <property name="${xml(n)}" value="${xml(v)}"/>`),
        '    </properties>',
        ...cases.map(caseXml),
        `    <system-out>${xml(summary.verdict)}</system-out>`,
        '  </testsuite>',
      ].join('\n'),
    );
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="faultline" tests="${tests}" failures="${failures}" errors="0" time="${seconds(time)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
