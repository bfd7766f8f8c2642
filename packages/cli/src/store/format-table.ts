/** A plain left-aligned text table (the terminal output of history and findings). */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

const blocks = '▁▂▃▄▅▆▇█';

/** Values as a one-line sparkline (null: a gap). */
export function sparkline(values: Array<number | null>): string {
  const known = values.filter((v): v is number => v !== null);
  if (!known.length) return '';
  const min = Math.min(...known);
  const span = Math.max(...known) - min || 1;
  return values.map((v) => (v === null ? ' ' : blocks[Math.round(((v - min) / span) * (blocks.length - 1))]!)).join('');
}

/** The local time of an ISO stamp, to the minute. */
export const shortTime = (iso: string | null): string => (iso ? iso.replace('T', ' ').slice(0, 16) : '-');

export const seconds = (value: number | null): string => (value === null ? '-' : `${Math.round(value * 10) / 10}s`);
