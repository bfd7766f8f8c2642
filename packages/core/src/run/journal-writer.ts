import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Journal } from '../journal/journal.js';

/**
 * Writes the journal atomically (temp file + rename) so a reader or a killed run never sees a
 * half-written file; a character device such as /dev/null is written in place (renaming over it
 * would replace the device with a file). `writeNow` is synchronous on purpose: a revert must be on
 * disk before the fault it undoes is injected.
 */
export class JournalWriter {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly path: string | undefined,
    private readonly snapshot: () => Journal,
    private readonly throttleMs = 200,
  ) {
    if (path) mkdirSync(dirname(path), { recursive: true });
  }

  writeNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.path) return;
    const text = `${JSON.stringify(this.snapshot(), null, 2)}\n`;
    if (isCharacterDevice(this.path)) {
      writeFileSync(this.path, text);
      return;
    }
    const temp = `${this.path}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, text);
      renameSync(temp, this.path);
    } catch (error) {
      rmSync(temp, { force: true }); // never leave a *.tmp beside the journal
      throw error;
    }
  }

  /** Coalesces frequent updates (continuous hypothesis samples) into one write. */
  schedule(): void {
    if (!this.path || this.timer) return;
    this.timer = setTimeout(() => this.writeNow(), this.throttleMs);
    this.timer.unref();
  }
}

function isCharacterDevice(path: string): boolean {
  try {
    return statSync(path).isCharacterDevice();
  } catch {
    return false;
  }
}
