import type { ActivityResolver, Driver } from '@faultline/core';
import { upstreamDrivers } from './upstream-functions.js';

/**
 * The upstream control modules the engine serves itself rather than through a driver's controls
 * (the resolver accepts them although no driver lists them).
 */
export async function engineControls(resolver: ActivityResolver, drivers: readonly Driver[]): Promise<Set<string>> {
  const served = new Set<string>();
  const inDrivers = new Set(
    drivers.flatMap((driver) => (driver.controls ?? []).flatMap((control) => control.python ?? [])),
  );
  for (const upstream of upstreamDrivers)
    for (const fn of upstream.functions) {
      if (fn.kind !== 'control' || inDrivers.has(fn.module)) continue;
      try {
        await resolver.resolveControl({ type: 'python', module: fn.module }, process.cwd());
        served.add(fn.module);
      } catch {
        // Not served: the table says why (unsupported-functions.ts).
      }
    }
  return served;
}
