import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Supervised {
  name: string;
  url: string;
  port: number;
  /** Current pid (changes when the supervisor restarts the process). */
  pid: number;
  /** Holds the current pid, for experiments that kill by pid file. */
  pidFile: string;
  restarts: number;
}

interface Entry extends Supervised {
  env: Record<string, string>;
  child?: ChildProcess;
}

/**
 * Starts the shop's processes and keeps them running: a process that dies (a replica killed by an
 * experiment) is started again on the same port, the laptop analogue of a ReplicaSet recreating a
 * pod. Every process gets an IPC channel, so it exits by itself when the supervisor goes away.
 */
export class Supervisor {
  private readonly entries = new Map<string, Entry>();
  private stopping = false;
  /** Every pid ever started, so callers (and tests) can check that none is left. */
  readonly startedPids: number[] = [];

  constructor(
    private readonly script: string,
    private readonly runDir: string,
    private readonly log: (line: string) => void,
  ) {}

  get processes(): Supervised[] {
    return [...this.entries.values()].map(({ env: _env, child: _child, ...rest }) => rest);
  }

  async start(name: string, env: Record<string, string>): Promise<Supervised> {
    const entry: Entry = {
      name,
      env,
      url: '',
      port: 0,
      pid: 0,
      pidFile: join(this.runDir, `${name}.pid`),
      restarts: 0,
    };
    this.entries.set(name, entry);
    await this.launch(entry);
    return this.processes.find((p) => p.name === name)!;
  }

  private launch(entry: Entry): Promise<void> {
    return new Promise((resolve, reject) => {
      const out = openSync(join(this.runDir, `${entry.name}.log`), 'a');
      const child = spawn(process.execPath, [this.script], {
        env: { ...process.env, ...entry.env, SHOP_NAME: entry.name, SHOP_PORT: String(entry.port) },
        stdio: ['ignore', out, out, 'ipc'],
      });
      closeSync(out);
      entry.child = child;
      if (child.pid) {
        this.startedPids.push(child.pid);
        // Kept after the stop (unlike the pid files), so anyone can check that none is left running.
        appendFileSync(join(this.runDir, 'started.pids'), `${child.pid}\n`);
      }
      let ready = false;
      child.on('message', (message: { type: string; port?: number; pid?: number; message?: string }) => {
        if (message.type !== 'ready') return;
        ready = true;
        entry.port = message.port!;
        entry.pid = message.pid!;
        entry.url = `http://127.0.0.1:${entry.port}`;
        writeFileSync(entry.pidFile, `${entry.pid}\n`);
        resolve();
      });
      child.on('exit', (code, signal) => {
        if (entry.child !== child || this.stopping) return;
        if (!ready)
          return reject(
            new Error(`${entry.name} did not start (exit ${code ?? signal}); see ${entry.name}.log in ${this.runDir}`),
          );
        entry.restarts++;
        this.log(
          `${entry.name} (pid ${entry.pid}) exited (${signal ?? `code ${code}`}): restarting it on port ${entry.port}`,
        );
        void this.restart(entry);
      });
    });
  }

  /** A restart can find the port still held for a moment: try again shortly, a bounded number of times. */
  private async restart(entry: Entry): Promise<void> {
    for (let attempt = 0; attempt < 50 && !this.stopping; attempt++) {
      try {
        await this.launch(entry);
        return this.log(`${entry.name} is back (pid ${entry.pid})`);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    if (!this.stopping) this.log(`${entry.name} could not be restarted; see ${entry.name}.log in ${this.runDir}`);
  }

  /** Stops every process (SIGTERM, then SIGKILL after 3 s) and removes the pid files. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.entries.values()].map(async (entry) => {
        const child = entry.child;
        rmSync(entry.pidFile, { force: true });
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}
