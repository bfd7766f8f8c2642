import type { CallTarget } from '../monkey/call-target.js';
import type { Outcome, WrapOptions } from '../monkey/monkey-types.js';
import { delay } from '../util/delay.js';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Wraps a service or repository function. Async functions get latency before they run and
 * exceptions as rejections. Functions returning promises without being `async` get latency after
 * they settle. Purely synchronous functions get exceptions but no latency: delaying them would
 * mean blocking the event loop, which is the separate eventLoopBlock assault.
 */
export function wrapFunction<F extends (...args: never[]) => unknown>(
  fn: F,
  decide: (target: CallTarget) => Outcome | undefined,
  options: WrapOptions = {},
): F {
  const target: CallTarget = { kind: options.kind ?? 'component', name: options.name ?? (fn.name || 'anonymous') };
  const isAsync = fn.constructor.name === 'AsyncFunction';
  const wrapped = function (this: unknown, ...args: Parameters<F>): unknown {
    const outcome = decide(target);
    if (outcome === undefined) return fn.apply(this, args);
    if (outcome.type === 'exception') {
      if (isAsync) return Promise.reject(outcome.error);
      throw outcome.error;
    }
    if (isAsync) return delay(outcome.ms).then(() => fn.apply(this, args));
    const result = fn.apply(this, args);
    if (isThenable(result)) return Promise.resolve(result).then((value) => delay(outcome.ms).then(() => value));
    return result;
  };
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  return wrapped as unknown as F;
}
