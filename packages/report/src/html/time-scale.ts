/** Maps epoch ms onto an x range and picks readable ticks ("+30 s", "+2 min"). */
export interface TimeScale {
  readonly from: number;
  readonly to: number;
  x(ms: number): number;
  ticks(): Array<{ x: number; label: string }>;
}

const steps = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 43_200, 86_400];

export function offsetLabel(seconds: number): string {
  if (seconds === 0) return '0';
  if (seconds < 60) return `+${Number(seconds.toFixed(1))} s`;
  if (seconds < 3600) return `+${Number((seconds / 60).toFixed(1))} min`;
  return `+${Number((seconds / 3600).toFixed(1))} h`;
}

export function timeScale(from: number, to: number, left: number, right: number): TimeScale {
  const span = Math.max(to - from, 1);
  const x = (ms: number): number => left + ((ms - from) / span) * (right - left);
  return {
    from,
    to,
    x,
    ticks() {
      const seconds = span / 1000;
      const step = steps.find((s) => seconds / s <= 8) ?? steps[steps.length - 1]!;
      const out: Array<{ x: number; label: string }> = [];
      for (let s = 0; s <= seconds + 1e-9; s += step) out.push({ x: x(from + s * 1000), label: offsetLabel(s) });
      return out;
    },
  };
}

/** Coordinates rounded to 0.1 px: an hour of samples stays small. */
export const px = (value: number): string => String(Math.round(value * 10) / 10);
