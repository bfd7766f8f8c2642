import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { cliPath } from './cli-harness.js';

export interface CliProcess {
  child: ChildProcess;
  output: { out: string; err: string };
  exited: Promise<number | null>;
  /** Resolves with the first match of `pattern` in stdout (fails if the process ends first). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * A long-lived command of the built CLI (`serve`, `proxy`, a long `run`) in a sandbox of `dir`:
 * its settings, state files and store stay inside the test's folder.
 */
export function startCli(args: string[], dir: string, env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: dir,
    env: { ...process.env, ...sandboxEnv(dir), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { out: '', err: '' };
  child.stdout!.on('data', (chunk: Buffer) => (output.out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output.err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  return {
    child,
    output,
    exited,
    async waitFor(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(output.out);
        if (match) return match;
        if (done || Date.now() > deadline)
          throw new Error(`no ${pattern} in the output of faultline ${args[0]}:\n${output.out}\n${output.err}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop() {
      if (!done) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** The environment that keeps a CLI process's files inside `dir`. */
export function sandboxEnv(dir: string): Record<string, string> {
  return {
    NO_COLOR: '1',
    HOME: dir,
    XDG_DATA_HOME: join(dir, '.data'),
    XDG_STATE_HOME: join(dir, '.state'),
    FAULTLINE_RUNS_DIR: join(dir, 'runs'),
    FAULTLINE_STORE: join(dir, 'store.sqlite'),
  };
}
