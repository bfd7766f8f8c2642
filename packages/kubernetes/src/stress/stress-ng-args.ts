import { UsageError } from '@faultline/core';

/**
 * stress-ng arguments from the seed's stressors (`"cpu:4"`, `"vm:2"`, `"vm-bytes:512M"`, `"io"`),
 * with a `--timeout` so the stress stops by itself even if Faultline dies before deleting the pod.
 */
export function stressNgArgs(stressors: readonly string[], durationSeconds: number): string[] {
  if (stressors.length === 0) throw new UsageError('stressors must name at least one stressor, e.g. ["cpu:4"]');
  const args: string[] = [];
  for (const raw of stressors) {
    const match = raw
      .trim()
      .replace(/^--/, '')
      .match(/^([a-z][a-z0-9-]*)(?:[:= ]\s*([A-Za-z0-9.%]+))?$/);
    if (!match)
      throw new UsageError(`stressor "${raw}" is not understood`, {
        hint: 'use name:value like "cpu:4", "vm:2", "vm-bytes:256M", "io:1"',
      });
    args.push(`--${match[1]}`, match[2] ?? '0');
  }
  args.push('--timeout', `${Math.max(1, Math.ceil(durationSeconds))}s`, '--metrics-brief');
  return args;
}
