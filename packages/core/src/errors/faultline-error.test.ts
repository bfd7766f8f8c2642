import { describe, expect, it } from 'vitest';
import { ActivityFailedError, FaultlineError, InterruptedError, UsageError } from './faultline-error.js';

describe('FaultlineError', () => {
  it('carries a stable code, an exit code and a hint', () => {
    const error = new UsageError('bad flag', { hint: 'try --help' });
    expect([error.code, error.exitCode, error.hint, error.name]).toEqual(['E_USAGE', 64, 'try --help', 'UsageError']);
  });

  it('is recognised by instanceof across copies of the package (brands, not prototypes)', async () => {
    // A second copy of the module (the built one; tests run the sources), as a user's control
    // module importing @faultline/core gets beside the bundled CLI.
    const copy = (await import('../../dist/errors/faultline-error.js')) as typeof import('./faultline-error.js');
    expect(copy.UsageError).not.toBe(UsageError);
    const foreign = new copy.UsageError('from another copy');
    expect(foreign instanceof UsageError).toBe(true);
    expect(foreign instanceof FaultlineError).toBe(true);
    expect(foreign instanceof ActivityFailedError).toBe(false);
    expect(new copy.InterruptedError() instanceof InterruptedError).toBe(true);
    expect(new Error('plain') instanceof FaultlineError).toBe(false);
  });

  it('does not let a subclass without its own brand match its parent', () => {
    class Narrow extends ActivityFailedError {}
    expect(new ActivityFailedError('x') instanceof Narrow).toBe(false);
    expect(new Narrow('x') instanceof ActivityFailedError).toBe(true);
  });
});
