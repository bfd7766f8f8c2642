import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOrdersService } from '../demo/orders-service.js';
import { monkeyExperiment, runCli, tempDir, writeFile } from './cli-harness.js';

const experiment = monkeyExperiment(
  'a crash after a fault was injected',
  `  - type: action
    name: leaves-a-time-bomb
    provider: { type: javascript, module: ./bomb.mjs, func: arm }
    pauses: { after: 30 }
`,
);

describe('a crash in the middle of a run', () => {
  it('still reverts every injected fault, then exits 70', async () => {
    const service = await startOrdersService();
    try {
      const dir = tempDir();
      writeFile(dir, 'exp.yaml', experiment);
      // The activity returns at once but leaves a timer that throws outside any activity.
      writeFile(
        dir,
        'bomb.mjs',
        "export function arm() { setTimeout(() => { throw new Error('time bomb went off'); }, 200); return 'armed'; }\n",
      );
      const started = Date.now();
      const result = await runCli(['run', 'exp.yaml'], {
        cwd: dir,
        env: { DEMO_ORDERS_URL: service.url, DEMO_MONKEY_TOKEN: service.token },
      });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(result.stderr).toMatch(/internal error: time bomb went off/);
      expect(result.code).toBe(70);
      expect(service.stats().monkeyEnabled).toBe(false);
      const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
      expect(journal.status).toBe('interrupted');
      expect(journal.faultline.reverts.map((r: { status: string }) => r.status)).toEqual(['reverted']);
    } finally {
      await service.close();
    }
  });
});
