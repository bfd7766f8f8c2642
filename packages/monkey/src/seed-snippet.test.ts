import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './__fixtures__/http-fixtures.js';
import { execFileSync } from 'node:child_process';
import { buildMonkey, buildMonkeyCjs, forkServer, repoRoot, type Child } from './__fixtures__/built-package.js';

// The seed's Express snippet, verbatim (package name and port aside), loaded with require() from
// the built CommonJS entry: factory call, app.use, and chaosMonkey.enable()/disable()/updateConfig().
describe('the seed snippet against the built package', () => {
  let child: Child;

  beforeAll(async () => {
    buildMonkeyCjs();
    child = await forkServer(`${repoRoot}examples/monkey/seed-express.cjs`, { ENABLE_CHAOS: 'false' });
  }, 120_000);

  afterAll(() => {
    child?.proc.kill();
  });

  it('runs, leaves requests alone until enabled, then injects latency and 20% exceptions', async () => {
    const calm = await call(`${child.base}/api/orders`);
    expect(calm.status).toBe(200);
    expect(calm.json).toEqual({ orders: [] });
    // Loose bounds against the 2 s latency injected below (the machine may be loaded).
    expect(calm.ms).toBeLessThan(1500);

    const latency = await call(`${child.base}/chaos/latency`, {
      method: 'POST',
      json: { enabled: true, minMs: 2000, maxMs: 2100 },
    });
    expect(latency.json).toEqual({ status: 'Latency configuration updated' });
    expect((await call(`${child.base}/chaos/enable`, { method: 'POST' })).json).toEqual({ status: 'Chaos enabled' });

    const answers = await Promise.all(Array.from({ length: 80 }, () => call(`${child.base}/api/orders`)));
    const failed = answers.filter((a) => a.status === 500);
    const slowed = answers.filter((a) => a.status === 200);
    expect(failed.length + slowed.length).toBe(80);
    // 20% of 80 = 16, sigma ~3.6.
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed.length).toBeLessThanOrEqual(34);
    for (const a of slowed) {
      expect(a.ms).toBeGreaterThanOrEqual(1998);
      expect(a.ms).toBeLessThan(2100 + 10_000);
    }

    expect((await call(`${child.base}/chaos/disable`, { method: 'POST' })).json).toEqual({ status: 'Chaos disabled' });
    const after = await call(`${child.base}/api/orders`);
    expect(after.status).toBe(200);
    expect(after.ms).toBeLessThan(1500);
  });
});

describe('the built package entries', () => {
  it('gives the factory to require() and import, with named exports and the activities subpath', () => {
    buildMonkey();
    const cjs = execFileSync(
      process.execPath,
      [
        '-e',
        `
      const chaosMonkey = require('@faultline/monkey');
      const { createMonkey, fromSpringConfig } = require('@faultline/monkey');
      const m = chaosMonkey({ enabled: true });
      console.log(JSON.stringify([typeof chaosMonkey, typeof createMonkey, typeof fromSpringConfig, chaosMonkey.instance === m, chaosMonkey.status().enabled]));
    `,
      ],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(JSON.parse(cjs)).toEqual(['function', 'function', 'function', true, true]);
    const esm = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
      import chaosMonkey, { createMonkey } from '@faultline/monkey';
      import { driver } from '@faultline/monkey/activities';
      chaosMonkey({ latency: { enabled: true } });
      console.log(JSON.stringify([typeof createMonkey, chaosMonkey.getConfig().latency.enabled, driver.name, driver.activities.length]));
    `,
      ],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(JSON.parse(esm)).toEqual(['function', true, '@faultline/monkey', 8]);
  }, 120_000);
});
