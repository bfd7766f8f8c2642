import { createMonkey, fromSpringConfig } from '@faultline/monkey';
import { describe, expect, it } from 'vitest';
import { renderError } from '../render-error.js';

// The monkey has no runtime dependency on the core, so its errors are not core classes: they carry
// core's brands instead. The CLI must still print them as bad input (64, with a hint), not as a bug (70).
describe('monkey errors through the CLI', () => {
  const causes: Record<string, () => unknown> = {
    'an option out of range': () => createMonkey({ level: 0 }),
    'a Spring block with an unknown exception type': () =>
      fromSpringConfig({ chaos: { monkey: { assaults: { exception: { type: 'toString' } } } } }),
  };
  for (const [what, cause] of Object.entries(causes)) {
    it(`${what}: exit 64 with the message and a hint`, async () => {
      const error: unknown = await Promise.resolve()
        .then(cause)
        .then(
          () => new Error('did not throw'),
          (e: unknown) => e,
        );
      let out = '';
      const code = renderError(error, { write: (s: string) => (out += s) }, false);
      expect(code).toBe(64);
      expect(out).toMatch(/^error: invalid chaos monkey configuration: /);
      expect(out).toMatch(/\nhint: \S/);
      expect(out).not.toMatch(/internal error|bug/i);
    });
  }
});
