import { describe, expect, it } from 'vitest';
import { ActivityFailedError, FaultlineError } from '@faultline/core';
import { SafetyRefusedError } from './safety-refused-error.js';

describe('SafetyRefusedError', () => {
  it('carries its own brand, so instanceof holds across copies of the package, and an exit code and hint', () => {
    expect(Object.prototype.hasOwnProperty.call(SafetyRefusedError, 'brand')).toBe(true);
    const error = new SafetyRefusedError('refused', [], 'lower the blast radius');
    // An error from another copy carries the same brands but another prototype chain.
    const foreign = Object.assign(Object.create(Error.prototype) as object, error);
    for (const key of Object.getOwnPropertySymbols(error))
      Object.defineProperty(foreign, key, { value: (error as unknown as Record<symbol, unknown>)[key] });
    expect(foreign).toBeInstanceOf(SafetyRefusedError);
    expect(foreign).toBeInstanceOf(ActivityFailedError);
    expect(error).toBeInstanceOf(FaultlineError);
    expect(error).toMatchObject({ code: 'E_K8S_SAFETY', exitCode: 2, hint: 'lower the blast radius' });
  });
});
