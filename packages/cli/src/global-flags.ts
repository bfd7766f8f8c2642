/** Flags accepted before any command, as Chaos Toolkit's (`faultline --verbose run …`). */
export interface GlobalFlags {
  verbose?: boolean;
  settings?: string;
  /** Path, or false with --no-log-file. */
  logFile?: string | false;
  /** Lowest level written to the log file (Chaos Toolkit's --log-file-level). */
  logFileLevel?: 'debug' | 'info' | 'warning' | 'error';
  /** Log lines on stderr as text or one JSON object each (Chaos Toolkit's --log-format). */
  logFormat?: 'string' | 'json';
  color?: boolean;
  changeDir?: string;
  /** Accepted for Chaos Toolkit's pipelines; Faultline never checks for new versions. */
  versionCheck?: boolean;
}
