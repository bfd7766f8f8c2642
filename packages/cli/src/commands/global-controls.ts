import { controlsFromSettings, type ControlDeclaration } from '@faultline/core';
import { loadControlFiles } from './load-control-files.js';

/**
 * The global controls of a run: the settings' `controls`, then the `--control-file`s. Every
 * command that runs experiments (run, gameday, demo, schedule job) takes them from here, so their
 * loading and run hooks are the same as under `faultline run` with the same settings.
 */
export async function globalControls(
  settings: Record<string, unknown>,
  controlFiles: readonly string[],
  cwd: string,
): Promise<ControlDeclaration[]> {
  return [...controlsFromSettings(settings), ...(await loadControlFiles([...controlFiles], cwd))];
}
