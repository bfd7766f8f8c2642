/** Flags accepted before any command, as Chaos Toolkit's (`faultline --verbose run …`). */
export interface GlobalFlags {
  verbose?: boolean;
  settings?: string;
  /** Path, or false with --no-log-file. */
  logFile?: string | false;
  color?: boolean;
}
