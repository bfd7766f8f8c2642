import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '@faultline/core';

interface LoggerOptions {
  /** Log file (Chaos Toolkit writes chaostoolkit.log; Faultline writes faultline.log), or none. */
  file?: string;
  /** Lowest level written to the file (--log-file-level; default debug). */
  fileLevel?: 'debug' | 'info' | 'warning' | 'error';
  /** Also echo warnings/errors (and debug with --verbose) to stderr. */
  stderr?: { write(chunk: string): unknown };
  /** stderr lines as text or as one JSON object each (--log-format). */
  format?: 'string' | 'json';
  verbose?: boolean;
  /** Info lines to show on stderr even without --verbose (e.g. what a dry run would have done). */
  echoInfo?: (message: string) => boolean;
}

const rank = { debug: 0, info: 1, warn: 2, warning: 2, error: 3 } as const;

/** A logger writing timestamped lines to a file and the important ones to stderr. */
export function createLogger(options: LoggerOptions): Logger {
  if (options.file) {
    mkdirSync(dirname(options.file), { recursive: true });
    appendFileSync(options.file, ''); // the file exists after a run even when no line reached its level
  }
  const fileRank = rank[options.fileLevel ?? 'debug'];
  const write = (level: 'debug' | 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => {
    const time = new Date().toISOString();
    const suffix = fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
    if (options.file && rank[level] >= fileRank)
      appendFileSync(options.file, `[${time} ${level.toUpperCase()}] ${message}${suffix}\n`);
    const echo =
      level === 'error' ||
      level === 'warn' ||
      options.verbose ||
      (level === 'info' && options.echoInfo?.(message) === true);
    if (!echo || !options.stderr) return;
    options.stderr.write(
      options.format === 'json'
        ? `${JSON.stringify({ time, level: level === 'warn' ? 'warning' : level, message, ...fields })}\n`
        : `${level === 'warn' ? 'warning' : level}: ${message}${suffix}\n`,
    );
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
