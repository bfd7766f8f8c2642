#!/usr/bin/env node
import { basename } from 'node:path';
import { main } from '../main.js';
import type { CliIo, StopSignal } from '../cli-io.js';

// The only place that touches the real process: everything else gets `io` injected.
const handlers = new Set<(signal: StopSignal) => void>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (handlers.size === 0) process.exit(130);
    for (const handler of handlers) handler(signal);
  });
}

// A crash (say, an activity's stray timer throwing) must not leave faults injected: report it,
// interrupt the run like a signal so reverts run, and exit 70 (internal error) at the end.
let crashed = false;
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    const err = error as Error;
    process.stderr.write(
      `internal error: ${err?.message ?? String(error)}\n${process.argv.includes('--verbose') && err?.stack ? `${err.stack}\n` : ''}`,
    );
    crashed = true;
    process.exitCode = 70;
    if (handlers.size === 0) process.exit(70);
    for (const handler of handlers) handler('crash');
  });
}

// `faultline discover | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const io: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  setExitCode: (code) => {
    process.exitCode = code;
  },
  onSignal(handler) {
    handlers.add(handler);
    return () => handlers.delete(handler);
  },
};

const name = basename(process.argv[1] ?? 'faultline').replace(/\.js$/, '') === 'chaos' ? 'chaos' : 'faultline';
// No top-level await: the bundle (scripts/bundle.mjs) is a CommonJS script, which cannot have one.
void main(process.argv.slice(2), io, name).then((code) => {
  process.exitCode = crashed ? 70 : code;
  // The command is done. Something abandoned on purpose (an activity cut short by its timeout whose
  // socket never answers) must not keep the process alive: exit anyway after a grace period.
  setTimeout(() => process.exit(), 2_000).unref();
});
