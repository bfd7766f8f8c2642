import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

export function registerInfoCommand(program: Command, io: CliIo): void {
  program
    .command('info')
    .description('Show versions and the drivers available (core | extensions)')
    .argument('[target]', 'core or extensions', 'core')
    .action(async (target: string) => {
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
    });
}
