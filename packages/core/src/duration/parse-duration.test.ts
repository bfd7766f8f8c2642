import { describe, expect, it } from 'vitest';
describe('limits', () => {
  it('refuses values that are not numbers or strings with a clear error', async () => {
    const { parseDuration } = await import('./parse-duration.js');
    for (const bad of [{}, [], null, true, -10, '-10', 'abc', 'NaN', '1e400'])
      expect(() => parseDuration(bad, 'pause')).toThrow(/pause/);
  });

  it('parseWait refuses more than 30 days', async () => {
    const { parseWait } = await import('./parse-duration.js');
    expect(parseWait('30d')).toBe(30 * 86400);
    expect(() => parseWait('31d', 'pause')).toThrow(/maximum of 30 days/);
    expect(() => parseWait(1e12, 'pause')).toThrow(/maximum/);
  });
});
