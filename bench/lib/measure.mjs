// Shared helpers for benchmarks: every bench measures its baseline in the same run (these
// machines are shared and noisy) and reports medians and ratios.
import { spawnSync } from 'node:child_process';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Wall time (ms) of one run of a command; throws if it fails. */
export function timeCommand(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: 'ignore', ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
  return ms;
}

/** Runs the candidates interleaved (a, b, a, b …) so drift on the machine hits both alike. */
export function interleave(candidates, rounds) {
  const samples = Object.fromEntries(candidates.map((c) => [c.name, []]));
  for (let i = 0; i < rounds; i++) for (const c of candidates) samples[c.name].push(c.run());
  return samples;
}

export function printTable(rows) {
  const widths = Object.keys(rows[0]).map((key) => Math.max(key.length, ...rows.map((r) => String(r[key]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(line(Object.keys(rows[0])));
  for (const row of rows) console.log(line(Object.values(row)));
}

export function verdict(ok, text) {
  console.log(`${ok ? 'PASS' : 'MISS'} ${text}`);
  return ok;
}
