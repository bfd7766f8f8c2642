import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';

/** `faultline info`: versions, drivers, or the settings file as written. */
export async function infoCommand(target: string, command: Command, io: CliIo): Promise<void> {
  if (target === 'settings') {
    // As Chaos Toolkit: the settings file as it is written.
    const { loadSettings, defaultSettingsPaths } = await import('@faultline/core');
    const { readFile } = await import('node:fs/promises');
    const { path } = await loadSettings(command.optsWithGlobals<GlobalFlags>().settings, io.env);
    io.stdout.write(
      path ? await readFile(path, 'utf8') : `No settings file found at ${defaultSettingsPaths(io.env).join(' or ')}\n`,
    );
    return;
  }
  const { faultlineVersion } = await import('../version.js');
  const { chaoslibVersion } = await import('@faultline/core');
  const { knownDrivers } = await import('../known-drivers.js');
  if (target === 'extensions') {
    for (const driver of knownDrivers)
      io.stdout.write(`${driver.name.padEnd(24)} python: ${driver.pythonPrefixes.join(', ')}\n`);
    return;
  }
  io.stdout.write(
    `faultline ${faultlineVersion}\nchaos toolkit journal format ${chaoslibVersion}\nnode ${process.version} (${process.platform}-${process.arch})\n`,
  );
  // The interpreter the Python bridge would use for modules no driver serves.
  const { findPython, loadSettings } = await import('@faultline/core');
  const { settings } = await loadSettings(command.optsWithGlobals<GlobalFlags>().settings, io.env);
  const interpreter = (settings.python as { interpreter?: string } | undefined)?.interpreter;
  try {
    const python = findPython({ interpreter, env: io.env, cwd: io.cwd });
    io.stdout.write(`python bridge ${python.path} (${python.source})\n`);
  } catch (error) {
    io.stdout.write(`python bridge: ${(error as Error).message}\n`);
  }
}
