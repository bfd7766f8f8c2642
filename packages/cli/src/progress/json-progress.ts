import type { RunEvent, RunObserver } from '@faultline/core';

/** `--output json`: one JSON object per event (NDJSON), journal included in the last one. */
export class JsonProgress implements RunObserver {
  constructor(private readonly out: { write(chunk: string): unknown }) {}

  onEvent(event: RunEvent): void {
    this.out.write(`${JSON.stringify(event)}\n`);
  }
}
