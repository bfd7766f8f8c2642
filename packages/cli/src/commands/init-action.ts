import type { CliIo } from '../cli-io.js';
import type { InitFlags } from './init.js';

const template = (url: string) => `version: 1.0.0
title: "Service stays healthy when a dependency slows down"
description: "Starter experiment written by faultline init: edit the probes and the method."
tags: ["starter"]

configuration:
  service_url: "${url}"

steady-state-hypothesis:
  title: "Service answers health checks"
  probes:
    - name: "service-responds"
      type: "probe"
      tolerance: 200
      provider:
        type: "http"
        url: "\${service_url}/health"
        timeout: 3

method:
  - type: "action"
    name: "describe-the-fault"
    provider:
      type: "process"
      path: "echo"
      arguments: ["replace this action with a fault: terminate_pods, add_delay_fault, a proxy toxic ..."]
    pauses:
      after: 2

rollbacks: []
`;

/** `faultline init`: a starter experiment (YAML, or JSON for a .json path). */
export async function initCommand(flags: InitFlags, io: CliIo): Promise<void> {
  if (flags.discoveryPath) {
    const { ignoredOption } = await import('../ignored-option.js');
    ignoredOption(
      io,
      '--discovery-path',
      'init writes a starter experiment; `faultline discover` lists every activity',
    );
  }
  const { writeFile } = await import('node:fs/promises');
  const { checkOutputPath, UsageError } = await import('@faultline/core');
  // Creates the folder if needed; a directory, FIFO or unwritable place is exit 64.
  const path = checkOutputPath(flags.experimentPath, 'experiment', { cwd: io.cwd });
  // As Chaos Toolkit: the format follows the file's extension.
  const text = path.toLowerCase().endsWith('.json')
    ? `${JSON.stringify((await import('yaml')).parse(template(flags.url)), null, 2)}\n`
    : template(flags.url);
  try {
    await writeFile(path, text, { flag: flags.force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UsageError(`${path} exists`, { hint: 'use --force to overwrite it' });
    throw error;
  }
  io.stdout.write(
    `wrote ${path}\nnext: faultline validate ${flags.experimentPath} && faultline run ${flags.experimentPath}\n`,
  );
}
