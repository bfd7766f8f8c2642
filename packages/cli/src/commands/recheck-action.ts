import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { exitCodes } from '@faultline/core';
import type { Finding } from '@faultline/store';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { renderError } from '../render-error.js';
import { withStore } from '../store/cli-store.js';
import type { RecheckFlags } from './recheck.js';
import { plainRunFlags } from './run.js';

interface Plan {
  experimentId: string;
  title: string;
  source: string;
  /** The source file is gone: the experiment is run from its latest journal's copy. */
  fromJournal: boolean;
  findings: Finding[];
}

const runnable = (source: string | null): source is string =>
  source !== null && (/^https?:\/\//.test(source) || existsSync(source));

export async function recheck(flags: RecheckFlags, globals: GlobalFlags, io: CliIo): Promise<void> {
  const journalDir = resolve(io.cwd, flags.journalDir);
  const plans: Plan[] = await withStore(flags.store, globals, io, async (store) => {
    const findings = await store.listFindings({ state: ['fixed', 'verified'], tag: flags.tag });
    const experiments = new Map((await store.listExperiments()).map((e) => [e.id, e]));
    const out: Plan[] = [];
    for (const id of [...new Set(findings.map((f) => f.experimentId))]) {
      const experiment = experiments.get(id)!;
      let source = experiment.source;
      const fromJournal = !runnable(source);
      if (fromJournal && !flags.dry) {
        const [latest] = (await store.listRuns({ experiment: id, limit: 1 })).runs;
        if (!latest) continue;
        await mkdir(journalDir, { recursive: true });
        source = join(journalDir, `${id}.experiment.json`);
        await writeFile(source, JSON.stringify((await store.getRun(latest.id)).journal.experiment, null, 2));
      }
      out.push({
        experimentId: id,
        title: experiment.title,
        source: source ?? '(latest journal)',
        fromJournal,
        findings: findings.filter((f) => f.experimentId === id),
      });
    }
    return out;
  });

  if (!plans.length) {
    io.stdout.write(`no fixed or verified findings${flags.tag ? ` with tag ${flags.tag}` : ''}: nothing to recheck\n`);
    return;
  }
  if (flags.dry) {
    for (const plan of plans)
      io.stdout.write(
        `would run ${plan.title} (${plan.experimentId}) from ${plan.fromJournal ? 'its latest journal' : plan.source}: findings ${plan.findings.map((f) => `#${f.id} ${f.state}`).join(', ')}\n`,
      );
    return;
  }

  const { runCommand } = await import('./run-action.js');
  await mkdir(journalDir, { recursive: true });
  const unrunnable: string[] = [];
  for (const plan of plans) {
    if (flags.output !== 'json')
      io.stdout.write(
        `\n== recheck ${plan.title} (${plan.experimentId})${plan.fromJournal ? ' from its latest journal' : ''}\n`,
      );
    let code = 0;
    const runIo: CliIo = { ...io, setExitCode: (c) => (code = c) };
    try {
      await runCommand(
        plan.source,
        plainRunFlags(join(journalDir, `${plan.experimentId}-${Date.now()}.json`), {
          store: flags.store,
          origin: 'recheck',
        }),
        globals,
        flags.output === 'json' ? { ...runIo, stdout: { write: () => true } } : runIo,
      );
    } catch (error) {
      code = renderError(error, io.stderr, Boolean(globals.verbose));
    }
    if (code !== exitCodes.ok && code !== exitCodes.deviated) unrunnable.push(plan.title);
  }

  const after = await withStore(flags.store, globals, io, (store) =>
    store.listFindings({ state: undefined, tag: flags.tag }),
  );
  const before = new Map(plans.flatMap((p) => p.findings).map((f) => [f.id, f]));
  const changes = after
    .filter((f) => before.has(f.id))
    .map((f) => ({ id: f.id, title: f.title, from: before.get(f.id)!.state, to: f.state }));
  const regressed = changes.filter((c) => c.to === 'regressed');
  if (flags.output === 'json') {
    io.stdout.write(`${JSON.stringify({ changes, regressed: regressed.length, unrunnable }, null, 2)}\n`);
  } else {
    io.stdout.write('\nRecheck:\n');
    for (const c of changes)
      io.stdout.write(
        `  #${c.id} ${c.title}: ${c.from === c.to ? `still ${c.to}` : `${c.from} → ${c.to}`}${c.to === 'regressed' ? '  <-- REGRESSION' : ''}\n`,
      );
    for (const title of unrunnable) io.stdout.write(`  ${title}: could not be run, so nothing was verified\n`);
  }
  io.setExitCode(regressed.length ? exitCodes.deviated : unrunnable.length ? exitCodes.failed : exitCodes.ok);
}
