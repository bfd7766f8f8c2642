import { FaultlineError, UsageError } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { createAuthCheck } from '../actuator/check-auth.js';
import { chaosMonkey } from '../chaos-monkey.js';
import { MonkeyConfigError } from '../config/monkey-config-error.js';
import { createMonkey } from '../monkey/create-monkey.js';
import { fromSpringConfig } from '../spring/from-spring-config.js';

/** Every monkey error a user can cause, by what causes it. */
const causes: Record<string, () => unknown> = {
  'an option out of range': () => createMonkey({ level: 0 }),
  'an unknown exception type': () => createMonkey({ exceptions: { type: '__proto__' } }),
  'a bad Spring block': () => fromSpringConfig({ chaos: { monkey: { assaults: { level: 'x' } } } }),
  'a control API without a token': () => createAuthCheck(undefined, 'monkey.actuator()'),
  'a bad update': () => createMonkey().updateConfig({ latency: { minMs: -1 } }),
  'a bad cron': () => createMonkey({ cpu: { cron: 'every day' } }),
  // This file never calls the factory, so no monkey exists for its methods to act on.
  "the factory's methods before any monkey exists": () => chaosMonkey.enable(),
};

function thrown(cause: () => unknown): unknown {
  try {
    cause();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

describe('monkey errors', () => {
  it('is a MonkeyConfigError, and core recognises it as a UsageError with exit code 64 and a hint', () => {
    for (const [what, cause] of Object.entries(causes)) {
      const error = thrown(cause) as MonkeyConfigError;
      expect([what, error instanceof MonkeyConfigError]).toEqual([what, true]);
      expect([what, error instanceof UsageError, error instanceof FaultlineError]).toEqual([what, true, true]);
      expect(error).toMatchObject({ name: 'MonkeyConfigError', code: 'E_MONKEY_CONFIG', exitCode: 64 });
      expect(error.hint).toMatch(/\w/);
    }
  });

  it('is not any other core error class', async () => {
    const { ActivityFailedError, InterruptedError } = await import('@faultline/core');
    const error = thrown(causes['an option out of range']!);
    expect(error instanceof ActivityFailedError).toBe(false);
    expect(error instanceof InterruptedError).toBe(false);
  });
});
