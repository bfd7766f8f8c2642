import { UsageError } from '@faultline/core';
import type { Finding, FindingDetail, FindingState, Severity } from '@faultline/store';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { withStore } from '../store/cli-store.js';
import { experimentRef } from '../store/experiment-ref.js';
import { formatTable, seconds, shortTime } from '../store/format-table.js';
import type { FindingFlags } from './findings.js';

type Globals = GlobalFlags & { store?: string };

const findingId = (value: unknown): number => {
  const id = Number(String(value).replace(/^#/, ''));
  if (!Number.isInteger(id) || id < 1) throw new UsageError(`"${String(value)}" is not a finding number`);
  return id;
};

function printFinding(finding: FindingDetail, flags: FindingFlags, io: CliIo): void {
  if (flags.output === 'json') return void io.stdout.write(`${JSON.stringify(finding, null, 2)}\n`);
  const lines = [
    `Finding #${finding.id}: ${finding.title}${finding.proposed ? '  (proposed, not reviewed yet)' : ''}`,
    `State      ${finding.state}`,
    `Severity   ${finding.severity}`,
    `Experiment ${finding.experimentId}`,
    `Owner      ${finding.owner ?? '-'}`,
    `Fix        ${finding.fixLink ?? '-'}`,
  ];
  if (finding.fault) lines.push(`Fault      ${finding.fault}`);
  if (finding.impact)
    lines.push(
      `Impact     after ${seconds(finding.impact.timeToImpactSeconds)}, recovered after ${seconds(finding.impact.timeToRecoverSeconds)}`,
    );
  if (finding.runId) lines.push(`Run        ${finding.runId}`);
  if (finding.description) lines.push('', finding.description);
  lines.push('', 'History:');
  for (const e of finding.events)
    lines.push(
      `  ${shortTime(e.at)}  ${e.from && e.from !== e.to ? `${e.from} → ` : ''}${e.to}${e.runId ? `  run ${e.runId.slice(0, 8)}` : ''}${e.note ? `  ${e.note}` : ''}`,
    );
  io.stdout.write(`${lines.join('\n')}\n`);
}

export async function listFindingsAction(_: unknown[], flags: FindingFlags, globals: Globals, io: CliIo) {
  const experiment = flags.experiment ? await experimentRef(flags.experiment, io.cwd) : undefined;
  await withStore(flags.store ?? globals.store, globals, io, async (store) => {
    const findings = await store.listFindings({
      state: flags.state as FindingState | undefined,
      experiment,
      tag: flags.tag,
    });
    if (flags.output === 'json') return void io.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
    if (!findings.length) return void io.stdout.write('no findings match\n');
    io.stdout.write(
      formatTable(
        ['ID', 'STATE', 'SEVERITY', 'OWNER', 'UPDATED (UTC)', 'TITLE'],
        findings.map((f: Finding) => [
          `#${f.id}`,
          f.proposed ? `${f.state}*` : f.state,
          f.severity,
          f.owner ?? '-',
          shortTime(f.updatedAt),
          f.title,
        ]),
      ),
    );
    if (findings.some((f) => f.proposed)) io.stdout.write('* proposed from a deviated run, not reviewed yet\n');
  });
}

export async function showFindingAction([id]: unknown[], flags: FindingFlags, globals: Globals, io: CliIo) {
  await withStore(flags.store ?? globals.store, globals, io, async (store) =>
    printFinding(await store.getFinding(findingId(id)), flags, io),
  );
}

export async function addFindingAction(_: unknown[], flags: FindingFlags, globals: Globals, io: CliIo) {
  const experimentId = await experimentRef(flags.experiment!, io.cwd);
  await withStore(flags.store ?? globals.store, globals, io, async (store) => {
    const added = await store.addFinding({
      experimentId,
      title: flags.title!,
      severity: flags.severity as Severity,
      owner: flags.owner,
      fixLink: flags.fixLink,
      description: flags.description,
      runId: flags.run,
    });
    printFinding(await store.getFinding(added.id), flags, io);
  });
}

export async function updateFindingAction([id]: unknown[], flags: FindingFlags, globals: Globals, io: CliIo) {
  await withStore(flags.store ?? globals.store, globals, io, async (store) => {
    const updated = await store.updateFinding(findingId(id), {
      title: flags.title,
      severity: flags.severity as Severity | undefined,
      state: flags.state as FindingState | undefined,
      owner: flags.owner,
      fixLink: flags.fixLink,
      description: flags.description,
      note: flags.note,
    });
    printFinding(updated, flags, io);
  });
}
