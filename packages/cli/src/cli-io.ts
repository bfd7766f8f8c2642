/**
 * The CLI's window on the world. Only bin/faultline.ts binds it to the real process; commands get
 * it injected so they can be run in-process by tests (the k6 way).
 */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  readonly stderr: { write(chunk: string): unknown; isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Set the code the process exits with once the command settles. */
  setExitCode(code: number): void;
  /**
   * Register a handler run on SIGINT/SIGTERM — and on a crash (an uncaught exception or unhandled
   * rejection, e.g. from a user's activity), so injected faults are still reverted. Returns a
   * function that unregisters it. Commands that hold resources (a run, a proxy server) use it.
   */
  onSignal(handler: (signal: StopSignal) => void): () => void;
}

export type StopSignal = 'SIGINT' | 'SIGTERM' | 'crash';
