import { z } from 'zod';
import { parseDurationMs } from '@faultline/core';
import { MAX_WAIT_MS } from '../time/max-wait.js';

/** Argument schemas shared by the proxy activities (names as chaostoolkit-toxiproxy spells them). */
export const proxyArguments = {
  proxy_name: z.string().min(1).describe('name of the proxy'),
  for_proxy: z.string().min(1).describe('name of the proxy the toxic belongs to'),
  toxic_name: z.string().min(1).describe('name of the toxic'),
  stream: z
    .enum(['upstream', 'downstream'])
    .default('downstream')
    .describe('direction: downstream (to the client) or upstream'),
  toxicity: z.number().min(0).max(1).default(1).describe('probability (0–1) that a connection is affected'),
  /** Milliseconds as Toxiproxy wants them; also "500ms", "2s". */
  milliseconds: z
    .union([z.number().int().nonnegative(), z.string().min(1)])
    .transform((value) => (typeof value === 'number' ? value : parseDurationMs(value)))
    // Refused at validation, not only by the API at run time.
    .refine((ms) => ms <= MAX_WAIT_MS, { message: `at most ${MAX_WAIT_MS} ms (100 years)` })
    .describe('milliseconds, or a duration with a unit ("500ms", "2s")'),
} as const;

/** chaostoolkit-toxiproxy's "env:NAME" values, read from the environment. */
export function fromEnvironment(value: string | number): string {
  if (typeof value === 'string' && value.startsWith('env:')) {
    const resolved = process.env[value.slice(4)];
    if (resolved === undefined) throw new Error(`environment variable ${value.slice(4)} is not set`);
    return resolved;
  }
  return String(value);
}
