import { formatSeconds } from '../util/time.js';
import type { FaultImpact } from './compute-impact.js';

/** A fault's time to recover as every format shows it, or why there is none. */
export function timeToRecoverText(fault: FaultImpact): string {
  if (fault.impactedAt === null) return '—';
  if (fault.removedAt === null) return 'fault not removed';
  if (fault.recoveredAt === null) return 'not recovered';
  return formatSeconds(fault.timeToRecoverSeconds);
}
