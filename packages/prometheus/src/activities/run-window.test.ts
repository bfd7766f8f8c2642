import { describe, expect, it } from 'vitest';
import { createTestContext } from '@faultline/core/testing';
import type { ActivityContext } from '@faultline/core';
import { runStart } from './run-window.js';

describe('runStart', () => {
  it('uses the start the engine provides', () => {
    const ctx = { ...createTestContext({ runId: 'given' }), runStartedAt: '2024-05-01T12:00:00Z' } as ActivityContext;
    expect(runStart(ctx).toISOString()).toBe('2024-05-01T12:00:00.000Z');
  });

  it('otherwise remembers when it first saw the run', async () => {
    const ctx = createTestContext({ runId: `seen-${Date.now()}` });
    const first = runStart(ctx);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runStart(ctx)).toEqual(first);
    expect(runStart(createTestContext({ runId: 'another' })).getTime()).toBeGreaterThan(first.getTime());
  });
});
