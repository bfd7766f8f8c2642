import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../activity/logger.js';
import { UsageError } from '../errors/faultline-error.js';
import { ActivityResolver } from '../resolve/activity-resolver.js';
import { runExperiment } from '../run/experiment-run.js';
import { loadExperiment } from './load-experiment.js';

// A program using core's API, no CLI: loadExperiment then runExperiment, with one global control
// that appends every hook it sees to a file.
const recorder = `import { appendFileSync } from 'node:fs';
const hook = (name) => ({ context, experiment, arguments: args }) =>
  appendFileSync(args.log, [args.tag, name, typeof context === 'string' ? context : context?.title ?? '', experiment ? 'experiment' : '-'].join(' ') + '\\n');
export const before_loading_experiment_control = hook('before_loading');
export const after_loading_experiment_control = hook('after_loading');
export const configure_control = hook('configure');
export const before_experiment_control = hook('before_experiment');
export const after_experiment_control = hook('after_experiment');
`;

function setup(experiment: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-load-hooks-'));
  writeFileSync(join(dir, 'recorder.mjs'), recorder);
  writeFileSync(
    join(dir, 'throws.mjs'),
    'export function before_loading_experiment_control() { throw new Error("boom"); }\n',
  );
  writeFileSync(join(dir, 'exp.json'), JSON.stringify(experiment));
  const log = join(dir, 'hooks.log');
  writeFileSync(log, '');
  const hooks = () => readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
  const control = (tag: string, extra: Record<string, unknown> = {}) => ({
    name: tag,
    provider: { type: 'javascript' as const, module: './recorder.mjs', arguments: { tag, log } },
    ...extra,
  });
  return { dir, hooks, control, resolver: new ActivityResolver([]) };
}

const valid = {
  title: 'one probe',
  method: [{ type: 'probe', name: 'noop', provider: { type: 'process', path: 'true' } }],
};

describe('loadExperiment: the global controls see the experiment being loaded', () => {
  it('runs before_loading (with the location) then after_loading (with the experiment), then the run hooks', async () => {
    const { dir, hooks, control, resolver } = setup(valid);
    const controls = [control('a'), control('b')];
    const loaded = await loadExperiment('exp.json', { cwd: dir, resolver, controls });
    expect(loaded).toMatchObject({ experiment: { title: 'one probe' }, baseDir: dir, warnings: [] });
    // after_* hooks run in reverse order: controls nest like middleware.
    expect(hooks()).toEqual([
      'a before_loading exp.json -',
      'b before_loading exp.json -',
      'b after_loading one probe experiment',
      'a after_loading one probe experiment',
    ]);
    const journal = await runExperiment({ ...loaded, resolver, controls, env: {} });
    expect(journal.status).toBe('completed');
    expect(hooks().slice(4, 8)).toEqual([
      'a configure one probe experiment',
      'b configure one probe experiment',
      'a before_experiment one probe experiment',
      'b before_experiment one probe experiment',
    ]);
  });

  it('keeps a control to its scope, and a control that throws changes nothing but a warning', async () => {
    const { dir, hooks, control, resolver } = setup(valid);
    const warnings: string[] = [];
    const logger: Logger = { debug() {}, info() {}, warn: (message) => warnings.push(message), error() {} };
    const loaded = await loadExperiment(join(dir, 'exp.json'), {
      cwd: dir,
      resolver,
      logger,
      controls: [
        { name: 'broken', provider: { type: 'javascript', module: './throws.mjs' } },
        control('late', { scope: 'after' }),
      ],
    });
    expect(loaded.experiment.title).toBe('one probe');
    expect(hooks()).toEqual(['late after_loading one probe experiment']);
    expect(warnings).toEqual(['control broken failed in before_loading_experiment_control: boom']);
  });

  it('an invalid experiment: before_loading ran, after_loading never does, the error lists the problem', async () => {
    const { dir, hooks, control, resolver } = setup({ title: 'no method' });
    const error = await loadExperiment('exp.json', { cwd: dir, resolver, controls: [control('a')] }).catch((e) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ code: 'E_INVALID_EXPERIMENT', exitCode: 64 });
    expect(hooks()).toEqual(['a before_loading exp.json -']);
  });
});
