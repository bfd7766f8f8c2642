import { describe, expect, it } from 'vitest';
import { createTestContext } from '@faultline/core/testing';
import { shouldBeFoundInLogs } from './should-be-found-in-logs.js';

const run = (args: Record<string, unknown>) =>
  shouldBeFoundInLogs.run(shouldBeFoundInLogs.arguments.parse(args), createTestContext());
const value = { app: 'started in 3s\nGET /orders 200', sidecar: 'proxy ready' };

describe('should_be_found_in_logs (tolerance of read_pod_logs)', () => {
  it('needs a match in every container by default, in one with all_containers false (Python regex)', async () => {
    expect(await run({ pattern: 'ready|started', value })).toBe(true);
    expect(await run({ pattern: '(?P<code>200)', value })).toBe(false);
    expect(await run({ pattern: '(?P<code>200)', all_containers: false, value })).toBe(true);
    expect(await run({ pattern: 'panic', all_containers: false, value })).toBe(false);
    await expect(run({ pattern: 'x' })).rejects.toThrow(/no logs to search from/);
  });
});
