import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '@faultline/core';

interface LoggerOptions {
  /** Log file (Chaos Toolkit writes chaostoolkit.log; Faultline writes faultline.log), or none. */
  file?: string;
  /** Also echo warnings/errors (and debug with --verbose) to stderr. */
  stderr?: { write(chunk: string): unknown };
  verbose?: boolean;
  /** Info lines to show on stderr even without --verbose (e.g. what a dry run would have done). */
  echoInfo?: (message: string) => boolean;
}

/** A logger writing timestamped lines to a file and the important ones to stderr. */
export function createLogger(options: LoggerOptions): Logger {
  if (options.file) mkdirSync(dirname(options.file), { recursive: true });
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    const suffix = fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
    if (options.file)
      appendFileSync(options.file, `[${new Date().toISOString()} ${level.toUpperCase()}] ${message}${suffix}\n`);
    const echo =
      level === 'error' ||
      level === 'warn' ||
      (options.verbose && level !== 'info') ||
      (options.verbose && level === 'info') ||
      (level === 'info' && options.echoInfo?.(message) === true);
    if (echo && options.stderr)
      options.stderr.write(
        `${level === 'error' ? 'error' : level === 'warn' ? 'warning' : level}: ${message}${suffix}\n`,
      );
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
