import type { HttpFault, HttpFaultAbort, HttpFaultDelay } from './virtual-service-types.js';

/** One change to a route's `fault` block. Add/remove touch only their half of the fault. */
export type FaultEdit =
  | { kind: 'set'; fault: HttpFault }
  | { kind: 'unset' }
  | { kind: 'add-delay'; delay: HttpFaultDelay }
  | { kind: 'add-abort'; abort: HttpFaultAbort }
  | { kind: 'remove-delay' }
  | { kind: 'remove-abort' };

/**
 * The fault a route should carry after `edit`, or undefined for none. Unlike chaosistio, adding an
 * abort keeps an existing delay, and removing the delay keeps the abort (and vice versa).
 */
export function editFault(previous: HttpFault | undefined, edit: FaultEdit): HttpFault | undefined {
  switch (edit.kind) {
    case 'set':
      return structuredClone(edit.fault);
    case 'unset':
      return undefined;
    case 'add-delay':
      return { ...structuredClone(previous ?? {}), delay: structuredClone(edit.delay) };
    case 'add-abort':
      return { ...structuredClone(previous ?? {}), abort: structuredClone(edit.abort) };
    case 'remove-delay':
      return without(previous, 'delay');
    case 'remove-abort':
      return without(previous, 'abort');
  }
}

function without(previous: HttpFault | undefined, key: 'delay' | 'abort'): HttpFault | undefined {
  if (previous === undefined) return undefined;
  const { [key]: _removed, ...rest } = structuredClone(previous);
  // An empty `fault: {}` is rejected by Istio's validation: drop the block entirely.
  return Object.keys(rest).length === 0 ? undefined : rest;
}
