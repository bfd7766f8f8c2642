import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/**
 * A settings file in `dir` declaring one global control, a JavaScript module that appends each
 * hook it sees (with the experiment's title or the run's status) to a file: what a command that
 * takes the settings' controls must run, whatever process it runs in.
 */
export function recordingControlSettings(dir: string): { settingsPath: string; hooks(): string[] } {
  const log = join(dir, 'hooks.log');
  const module = join(dir, 'recording-control.mjs');
  writeFileSync(
    module,
    [
      "import { appendFileSync } from 'node:fs';",
      'const record = (args, line) => appendFileSync(args.arguments.log, `${line}\\n`);',
      'export const before_loading_experiment_control = (a) => record(a, `before_loading ${a.context}`);',
      'export const after_loading_experiment_control = (a) => record(a, `after_loading ${a.context.title}`);',
      'export const before_experiment_control = (a) => record(a, `before_experiment ${a.context.title}`);',
      'export const after_experiment_control = (a) => record(a, `after_experiment ${a.state.status}`);',
      '',
    ].join('\n'),
  );
  const settingsPath = join(dir, 'settings.yaml');
  writeFileSync(
    settingsPath,
    stringify({ controls: { recorder: { provider: { type: 'javascript', module, arguments: { log } } } } }),
  );
  return {
    settingsPath,
    hooks: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []),
  };
}

/** An experiment that only starts a process: what runs it is under test, not what it does. */
export const noopExperiment = (title: string) => ({
  version: '1.0.0',
  title,
  description: 'starts a process, touches nothing',
  method: [
    { type: 'action', name: 'noop', provider: { type: 'process', path: process.execPath, arguments: ['-e', ''] } },
  ],
});

/** The hooks the recording control sees for one run of a `noopExperiment` loaded from `location`. */
export const recordedRun = (location: string, title: string) => [
  `before_loading ${location}`,
  `after_loading ${title}`,
  `before_experiment ${title}`,
  'after_experiment completed',
];
