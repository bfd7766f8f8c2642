/**
 * Journal timestamps as milliseconds. Chaos Toolkit writes `isoformat()` with microseconds and
 * `+00:00`; old versions wrote naive UTC times without an offset, which `Date.parse` would read as
 * local time, so a missing offset is taken as UTC.
 */
export function toMs(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const hasZone = /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(value);
  const ms = Date.parse(hasZone ? value : `${value}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** "2026-03-02 10:00:05 UTC": readable and the same on every machine (snapshots, CI logs). */
export function formatUtc(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** "850 ms", "12.4 s", "3 min 05 s", "1 h 02 min". */
export function formatSeconds(seconds: number | undefined | null): string {
  if (seconds === undefined || seconds === null || !Number.isFinite(seconds)) return '—';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${Number(seconds.toFixed(seconds < 10 ? 2 : 1))} s`;
  const total = Math.round(seconds);
  if (total < 3600) return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, '0')} s`;
  return `${Math.floor(total / 3600)} h ${String(Math.floor((total % 3600) / 60)).padStart(2, '0')} min`;
}
