import { runShell, type ShellOptions } from './start-shell.js';
import { normalizeOutput } from './normalize-output.js';

/**
 * Runs a documented terminal session (`$ command` lines, each followed by its output) command by
 * command in `cwd` and returns what each printed (stdout and stderr, in order) beside what the doc
 * shows, both normalized (ids, times, durations, directories), with the exit codes.
 */
export async function replayTranscript(
  block: string,
  options: ShellOptions,
): Promise<Array<{ command: string; code: number | null; documented: string[]; actual: string[] }>> {
  const steps: Array<{ command: string; documented: string[] }> = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('$ ')) steps.push({ command: line.slice(2), documented: [] });
    else steps.at(-1)?.documented.push(line);
  }
  const results = [];
  for (const step of steps) {
    const result = await runShell(`${step.command} 2>&1`, { ...options, flags: [] });
    results.push({
      command: step.command,
      code: result.code,
      documented: normalizeOutput(step.documented.join('\n')),
      actual: normalizeOutput(result.stdout),
    });
  }
  return results;
}
