import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { istioActivities } from './istio-activities.js';

describe('argument schemas', () => {
  it('convert to JSON Schema for editors and `faultline discover`', () => {
    for (const [activity, io] of istioActivities.flatMap(
      (activity) =>
        [
          [activity, 'input'],
          [activity, 'output'],
        ] as const,
    )) {
      const schema = z.toJSONSchema(activity.arguments, { io }) as {
        properties?: Record<string, unknown>;
        additionalProperties?: unknown;
      };
      expect(schema.properties, activity.name).toHaveProperty('virtual_service_name');
      expect(schema.additionalProperties, activity.name).toBe(false);
    }
  });
});
