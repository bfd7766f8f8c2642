import { MonkeyConfigError } from './config/monkey-config-error.js';
import { createMonkey } from './monkey/create-monkey.js';
import type { ChaosMonkeyInstance, MonkeyMethods, MonkeyOptions } from './monkey/monkey-types.js';

let last: ChaosMonkeyInstance | undefined;

function current(): ChaosMonkeyInstance {
  if (last === undefined) {
    throw new MonkeyConfigError(
      ['no chaos monkey has been created yet'],
      'call chaosMonkey({...}) (e.g. app.use(chaosMonkey({...}))) before chaosMonkey.enable()',
    );
  }
  return last;
}

export type ChaosMonkeyFactory = ((options?: MonkeyOptions) => ChaosMonkeyInstance) &
  MonkeyMethods & {
    /** The instance the factory's methods act on: the one created last. */
    readonly instance: ChaosMonkeyInstance | undefined;
  };

const factory = (options?: MonkeyOptions): ChaosMonkeyInstance => {
  last = createMonkey(options);
  return last;
};

const forwarded: ReadonlyArray<keyof MonkeyMethods> = [
  'enable',
  'disable',
  'updateConfig',
  'getConfig',
  'status',
  'stats',
  'decide',
  'wrap',
  'watch',
  'actuator',
  'routes',
  'http',
  'attack',
  'close',
  'attachServer',
  'protectPath',
];

for (const name of forwarded) {
  Object.defineProperty(factory, name, {
    value: (...args: unknown[]) => (current()[name] as (...a: unknown[]) => unknown)(...args),
    enumerable: true,
  });
}
Object.defineProperty(factory, 'fastify', { get: () => current().fastify, enumerable: true });
Object.defineProperty(factory, 'instance', { get: () => last, enumerable: true });

/**
 * `app.use(chaosMonkey({...}))`, as in the seed. The factory also carries `enable()`, `disable()`,
 * `updateConfig()` … which act on the monkey created last, so the seed's
 * `chaosMonkey.enable()` inside a route works unchanged.
 */
export const chaosMonkey = factory as ChaosMonkeyFactory;
