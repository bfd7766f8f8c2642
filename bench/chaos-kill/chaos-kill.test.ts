import { describe, expect, it } from 'vitest';
import { killLoop } from './kill-loop.mjs';
import { scenarios } from './scenarios.mjs';

// The bounded version of bench/chaos-kill: a few runs per driver, each killed at a random point
// with a random signal, then `faultline stop`; the target must be exactly as before.
describe('Faultline under its own chaos (kill loop)', () => {
  for (const [name, scenario] of Object.entries(scenarios)) {
    it(`${name}: killed at random points, nothing is left behind`, async () => {
      const results = await killLoop(scenario, { runs: 3, deadline: Date.now() + 90_000, seed: 11 });
      expect(results.length).toBeGreaterThan(0);
      expect(results.filter((r) => r.hung)).toEqual([]);
      expect(results.filter((r) => r.leftBehind)).toEqual([]);
    }, 240_000);
  }
});
