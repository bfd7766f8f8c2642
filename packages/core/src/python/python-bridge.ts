import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from '../activity/logger.js';
import { findPython, type PythonChoice } from './find-python.js';
import { PythonBridgeError, type PythonException } from './python-error.js';

export interface PythonBridgeOptions {
  /** settings `python.interpreter` */
  interpreter?: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Put first on sys.path, in this order: the experiment's folder, then the working directory. */
  paths: readonly string[];
  /** Receives what Python code prints (debug) and bridge restarts (warn). */
  logger?: Logger;
  /** How long the interpreter may take to start and import the bridge (default 15 s). */
  startTimeoutMs?: number;
  /**
   * How long importing a module (validation, first use) or one control hook may take (default
   * 60 s each): they have no `timeout` in the experiment format, and a hang must not stall the run.
   */
  importTimeoutMs?: number;
  controlTimeoutMs?: number;
}

export interface PythonReply {
  value: unknown;
  /** Set when the value was not JSON and its repr() was sent instead. */
  warning?: string;
}

/** A request the bridge answered with a Python exception. */
export class PythonReplyError extends Error {
  constructor(readonly exception: PythonException) {
    super(`${exception.type}: ${exception.message}`);
  }
}

interface Pending {
  resolve(reply: PythonReply): void;
  reject(error: unknown): void;
  what: string;
}

interface Running {
  child: ChildProcessByStdio<Writable, Readable, Readable>;
  ready: Promise<void>;
  exited: Promise<void>;
}

/** The bridge script ships in this package's python/ folder (found by resolving the package, so it works from src, dist and the CLI bundle). */
const bridgeScript = join(
  dirname(createRequire(import.meta.url).resolve('@faultline/core/package.json')),
  'python',
  'faultline_bridge.py',
);

/**
 * One long-lived Python process that runs the Python modules Faultline does not serve natively
 * (faultline_bridge.py, JSON lines over stdin/stdout). Started on first use; a bridge that dies
 * fails the calls in flight and is started afresh for the next one. Node's event loop is held only
 * while a request is pending, so a forgotten bridge never keeps the CLI alive (and it exits by
 * itself when our end of its stdin closes).
 */
export class PythonBridge {
  private running?: Running;
  private choice?: PythonChoice;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stderrTail: string[] = [];
  private starts = 0;
  private closed = false;
  private logger?: Logger;

  constructor(private readonly options: PythonBridgeOptions) {
    this.logger = options.logger;
  }

  /** Replaces the logger given at construction (a run's, which scrubs secrets). */
  useLogger(logger: Logger): void {
    this.logger = logger;
  }

  get importTimeoutMs(): number {
    return this.options.importTimeoutMs ?? 60_000;
  }

  get controlTimeoutMs(): number {
    return this.options.controlTimeoutMs ?? 60_000;
  }

  /** The interpreter used (after the first request), for messages. */
  get interpreter(): string | undefined {
    return this.choice?.path;
  }

  get pid(): number | undefined {
    return this.running?.child.pid;
  }

  /** Starts the interpreter if it is not running (throws PythonNotFoundError / PythonBridgeError). */
  async start(): Promise<void> {
    // A call still on its way when the run ended must not start a bridge nobody will stop.
    if (this.closed) throw new PythonBridgeError('the Python bridge was stopped: the run is over');
    if (!this.running) this.running = this.spawn();
    await this.running.ready;
  }

  async request(op: string, payload: Record<string, unknown>, signal?: AbortSignal): Promise<PythonReply> {
    signal?.throwIfAborted();
    await this.start();
    signal?.throwIfAborted();
    const running = this.running!;
    const id = this.nextId++;
    const what = `${op} ${String(payload.module ?? '')}${payload.func ? `.${String(payload.func)}` : ''}${payload.hook ? ` ${String(payload.hook)}` : ''}`;
    return new Promise<PythonReply>((resolve, reject) => {
      const onAbort = () => {
        // The call may go on in its Python thread; its late reply is dropped.
        this.settle(id);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        what,
        resolve: (reply) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(reply);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      this.hold(true);
      running.child.stdin.write(`${JSON.stringify({ ...payload, id, op })}\n`);
    });
  }

  /** Closes stdin so the bridge exits (hung calls with it); kills it if it has not after `graceMs`. */
  async close(graceMs = 2000): Promise<void> {
    this.closed = true;
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    running.child.stdin.end();
    const timer = setTimeout(() => running.child.kill('SIGKILL'), graceMs);
    await running.exited;
    clearTimeout(timer);
  }

  private spawn(): Running {
    this.choice ??= findPython({
      interpreter: this.options.interpreter,
      env: this.options.env,
      cwd: this.options.cwd,
    });
    const interpreter = this.choice;
    if (this.starts++ > 0) this.logger?.warn('restarting the Python bridge: state kept by Python modules was lost');
    const child = spawn(interpreter.path, ['-u', bridgeScript, ...this.options.paths], {
      cwd: this.options.cwd,
      env: this.options.env as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.stderrTail = [];
    createInterface({ input: child.stderr }).on('line', (line) => {
      this.stderrTail.push(line);
      if (this.stderrTail.length > 20) this.stderrTail.shift();
      this.logger?.debug(`python: ${line}`);
    });
    let markReady!: () => void;
    let failStart!: (error: unknown) => void;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failStart = reject;
    });
    ready.catch(() => {}); // observed by start(); a bridge failing later must not be an unhandled rejection
    const timeout = this.options.startTimeoutMs ?? 15_000;
    const startTimer = setTimeout(() => {
      failStart(new PythonBridgeError(`${interpreter.path} did not start the Python bridge within ${timeout} ms`));
      child.kill('SIGKILL');
    }, timeout);
    createInterface({ input: child.stdout }).on('line', (line) => {
      let message: { ready?: boolean; id?: number; value?: unknown; warning?: string; error?: PythonException };
      try {
        message = JSON.parse(line);
      } catch {
        this.logger?.warn(`the Python bridge wrote a line that is not JSON: ${line.slice(0, 200)}`);
        return;
      }
      if (message.ready) {
        clearTimeout(startTimer);
        markReady();
        return;
      }
      const pending = message.id === undefined ? undefined : this.settle(message.id);
      if (!pending) return;
      if (message.error) pending.reject(new PythonReplyError(message.error));
      else pending.resolve({ value: message.value ?? null, warning: message.warning });
    });
    const exited = new Promise<void>((resolve) => {
      const onGone = (reason: string) => {
        clearTimeout(startTimer);
        if (this.running?.child === child) this.running = undefined;
        const tail = this.stderrTail.length ? `\n${this.stderrTail.join('\n')}` : '';
        const error = new PythonBridgeError(
          `the Python bridge (${interpreter.path}) ${reason}${tail}`,
          'a Python module may have exited the interpreter or crashed it; the next Python call starts a new bridge',
        );
        failStart(error);
        for (const id of [...this.pending.keys()]) this.settle(id)!.reject(error);
        resolve();
      };
      child.on('error', (error) => onGone(`could not be started: ${error.message}`));
      // 'close', not 'exit': replies written just before dying are read first.
      child.on('close', (code, signal) => onGone(`exited (${signal ?? `code ${code}`})`));
    });
    this.hold(false, child);
    return { child, ready, exited };
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    if (!this.pending.size) this.hold(false);
    return pending;
  }

  /** Keeps Node's event loop alive only while a reply is awaited. */
  private hold(on: boolean, child = this.running?.child): void {
    if (!child) return;
    const handles = [child, child.stdin, child.stdout, child.stderr] as unknown as Array<{
      ref?(): void;
      unref?(): void;
    }>;
    for (const handle of handles) (on ? handle.ref : handle.unref)?.call(handle);
  }
}
