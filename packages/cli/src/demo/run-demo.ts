import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { runCommand } from '../commands/run-action.js';
import { startOrdersService } from './orders-service.js';
import { cliPackageRoot } from '../package-root.js';

const bundledExperiment = resolve(cliPackageRoot, 'demo/experiment.yaml');

/**
 * `faultline demo`: start the orders service, run the demo experiment against it with a
 * continuous steady-state hypothesis, then write an HTML report. Exits with the run's code.
 */
export async function runDemo(
  flags: { out: string; experiment: string },
  globals: GlobalFlags,
  io: CliIo,
): Promise<void> {
  const out = resolve(io.cwd, flags.out);
  await mkdir(out, { recursive: true });
  const service = await startOrdersService();
  io.stdout.write(
    `Demo orders service on ${service.url} (Chaos Monkey actuator at ${service.url}/actuator/chaosmonkey)\n\n`,
  );
  const journalPath = resolve(out, 'journal.json');
  try {
    await runCommand(
      flags.experiment ? resolve(io.cwd, flags.experiment) : bundledExperiment,
      {
        journalPath,
        var: [],
        varFile: [],
        controlFile: [],
        validation: true,
        verifyTls: true,
        output: 'text',
        hypothesisStrategy: 'continuously',
        hypothesisFrequency: '0.5',
      },
      { ...globals, logFile: globals.logFile === false ? false : resolve(out, 'faultline.log') },
      { ...io, env: { ...io.env, DEMO_ORDERS_URL: service.url, DEMO_MONKEY_TOKEN: service.token } },
    );
  } finally {
    const stats = service.stats();
    await service.close();
    io.stdout.write(
      `\nThe service answered ${stats.requests} requests; the monkey added ${Math.round(stats.delayedMs)} ms of latency in all and is ${stats.monkeyEnabled ? 'STILL ENABLED' : 'disabled again'}.\n`,
    );
  }
  const { parseJournal, renderHtml } = await import('@faultline/report');
  const journal = parseJournal(await readFile(journalPath, 'utf8'), journalPath);
  const reportPath = resolve(out, 'report.html');
  await writeFile(reportPath, renderHtml(journal, { generatedAt: new Date().toISOString() }));
  io.stdout.write(`Report: ${reportPath}\n`);
}
