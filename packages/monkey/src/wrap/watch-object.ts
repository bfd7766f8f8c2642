import type { TargetKind } from '../monkey/call-target.js';
import type { WatchOptions, WrapOptions } from '../monkey/monkey-types.js';

type Wrap = (fn: (...args: never[]) => unknown, options: WrapOptions) => (...args: never[]) => unknown;

function kindFromName(name: string): TargetKind {
  if (/repository$|repo$|dao$/i.test(name)) return 'repository';
  if (/restcontroller$/i.test(name)) return 'restController';
  if (/controller$/i.test(name)) return 'controller';
  if (/service$/i.test(name)) return 'service';
  return 'component';
}

/** Every method name of an object, own and inherited (up to Object.prototype), but not the constructor. */
function methodNames(target: object): string[] {
  const names = new Set<string>();
  for (let proto: object | null = target; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === 'constructor') continue;
      const d = Object.getOwnPropertyDescriptor(proto, key);
      if (d && typeof d.value === 'function') names.add(key);
    }
  }
  return [...names];
}

/**
 * Wraps every method of `target` in place as "<name>.<method>", so the Spring-style watchers
 * (`service`, `repository`, `beans`) and `watchedCustomServices` can aim at a whole layer.
 */
export function watchObject<T extends object>(target: T, wrap: Wrap, name?: string, options: WatchOptions = {}): T {
  const base = name ?? (target.constructor !== Object ? target.constructor.name : 'object');
  const kind = options.kind ?? kindFromName(base);
  const record = target as Record<string, unknown>;
  for (const method of methodNames(target)) {
    const fn = record[method] as (...args: never[]) => unknown;
    record[method] = wrap(fn, { name: `${base}.${method}`, kind });
  }
  return target;
}
