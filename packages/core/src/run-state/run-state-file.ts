import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { markChildProcesses } from './leftover-processes.js';
import { processStartTime } from './process-identity.js';
import { maxSamples, type ProbeSample, type RunPhase, type RunState } from './run-state.js';

/** A request to stop a run, left beside its state file by `faultline stop` (any process). */
export interface StopRequest {
  requested: string;
  /** Who asked: "faultline stop (pid 123)", "dashboard (user x)". */
  by: string;
}

export const stateFileOf = (dir: string, runId: string) => join(dir, `${runId}.json`);
export const stopFileOf = (dir: string, runId: string) => join(dir, `${runId}.stop`);

/**
 * The running side of a state file: written atomically on every change (a reader never sees half
 * a file), removed at the end, and polled for a stop request. Writes are synchronous and small:
 * a fault must be listed before it exists, like the journal's reverts.
 */
export class RunStateFile {
  private readonly state: RunState;
  private readonly path: string;
  private poller: NodeJS.Timeout | undefined;
  /** A write of new samples waiting for its turn (at most one every `sampleWriteMs`). */
  private sampleWrite: NodeJS.Timeout | undefined;
  private broken = false;
  /** Removed: nothing may write the file back (a late sample write), unless a fault is pending. */
  private removed = false;

  constructor(
    private readonly dir: string,
    init: Pick<RunState, 'run_id' | 'experiment' | 'journal_path'>,
    /** Sees every state written (e.g. to mirror it into a shared store); must return at once. */
    private readonly onChange?: (state: Readonly<RunState>) => void,
  ) {
    const started = new Date().toISOString();
    this.state = {
      ...init,
      pid: process.pid,
      pid_start: processStartTime(process.pid),
      host: hostname(),
      phase: 'starting',
      started,
      updated: started,
      faults: [],
    };
    this.path = stateFileOf(dir, init.run_id);
    // What the run starts carries this process's identity: a stop after a hard kill finds it.
    markChildProcesses();
  }

  update(patch: Partial<Pick<RunState, 'phase' | 'faults' | 'experiment' | 'rollbacks'>>): void {
    Object.assign(this.state, patch, { updated: new Date().toISOString() });
    this.write();
  }

  /**
   * Adds a hypothesis sample to the bounded ring the live page charts. Unlike faults, samples are
   * not urgent: they are written at most every `sampleWriteMs` (a fast continuous hypothesis
   * rewrites the file a few times a second, not once per probe), and any other write carries them.
   */
  sample(sample: ProbeSample, sampleWriteMs = 100): void {
    const samples = (this.state.samples ??= []);
    samples.push(sample);
    if (samples.length > maxSamples) samples.splice(0, samples.length - maxSamples);
    if (this.sampleWrite) return;
    this.sampleWrite = setTimeout(() => {
      this.sampleWrite = undefined;
      this.update({});
    }, sampleWriteMs);
    this.sampleWrite.unref();
  }

  phase(phase: RunPhase): void {
    if (this.state.phase !== phase) this.update({ phase });
  }

  /** Calls `onStop` once when a stop request appears (polled: works across processes and in-process alike). */
  watch(onStop: (request: StopRequest) => void, everyMs = 200): void {
    const stopFile = stopFileOf(this.dir, this.state.run_id);
    this.poller = setInterval(() => {
      if (!existsSync(stopFile)) return;
      this.unwatch();
      let request: StopRequest = { requested: new Date().toISOString(), by: 'a stop request' };
      try {
        request = { ...request, ...(JSON.parse(readFileSync(stopFile, 'utf8')) as Partial<StopRequest>) };
      } catch {
        // an empty or partial request file still asks to stop
      }
      onStop(request);
    }, everyMs);
    this.poller.unref();
  }

  unwatch(): void {
    if (this.poller) clearInterval(this.poller);
    this.poller = undefined;
  }

  /** The run is over and nothing it injected is still pending: forget it. */
  remove(): void {
    this.removed = true;
    this.unwatch();
    clearTimeout(this.sampleWrite);
    this.sampleWrite = undefined;
    try {
      rmSync(this.path, { force: true });
      rmSync(stopFileOf(this.dir, this.state.run_id), { force: true });
    } catch {
      // A runs "folder" that is not one (ENOTDIR) never held the file: nothing to remove, and the run must not fail.
    }
  }

  private write(): void {
    clearTimeout(this.sampleWrite);
    this.sampleWrite = undefined;
    // After the end only a fault registered late (by an activity call still running after it was
    // cut short) brings the file back, so `faultline stop` reverts it; once reverted it goes again.
    if (this.removed && !this.state.faults.length) {
      try {
        rmSync(this.path, { force: true });
      } catch {
        // a runs "folder" that is not one never held the file
      }
      return;
    }
    this.onChange?.(this.state);
    if (this.broken) return;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const temp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify(this.state, null, 2)}\n`, { mode: 0o600 });
      renameSync(temp, this.path);
    } catch {
      // An unwritable runs directory must not fail the run: it only loses `faultline status`.
      this.broken = true;
    }
  }
}
