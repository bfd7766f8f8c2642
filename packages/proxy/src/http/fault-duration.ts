const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Milliseconds of an Istio-style duration ("2s", "0.5s", "250ms", "1m30s") or a number of
 * seconds (Chaos Toolkit's convention). The server loads only core's errors and regex subpaths
 * (all of core takes ~0.2 s to load), so it reads the subset Istio's `fixedDelay` uses instead of
 * core's parseDuration. Undefined if unreadable.
 */
export function faultDurationMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, , unit] of text.matchAll(/(\d+(\.\d+)?)(ms|s|m|h)/g)) total += Number(amount) * unitMs[unit];
  return Math.round(total);
}
