import { z } from 'zod';
import { hypothesisStrategies, rollbackStrategies } from '../model/experiment.js';

/**
 * The experiment format's single schema: validation (`faultline validate`), the JSON Schema
 * editors use (`faultline schema`), and the reference in docs all come from here.
 * Objects are loose because old Chaos Toolkit experiments carry extra keys: unknown keys are
 * reported as warnings by validate-experiment.ts, never as errors.
 */

const duration = z
  .union([z.number().nonnegative(), z.string().min(1)])
  .describe('seconds, or a string with a unit: "500ms", "30s", "2m"');
const secretsScopes = z.array(z.string()).describe('names of secret scopes passed to this provider');

const httpProvider = z.looseObject({
  type: z.literal('http'),
  url: z.string().min(1),
  method: z.string().optional(),
  headers: z.record(z.string(), z.unknown()).optional(),
  arguments: z.union([z.record(z.string(), z.unknown()), z.string()]).optional(),
  timeout: z.union([duration, z.tuple([duration, duration])]).optional(),
  verify_tls: z.boolean().optional(),
  max_retries: z.number().int().nonnegative().optional(),
  // Chaos Toolkit experiments carry it (a number or a list); like Chaos Toolkit, the run ignores it:
  // the probe's tolerance decides.
  expected_status: z
    .union([z.number().int(), z.array(z.number().int()), z.string().regex(/\$\{/)])
    .optional()
    .describe('accepted for compatibility, not used: the tolerance checks the status'),
  secrets: secretsScopes.optional(),
});

const processProvider = z.looseObject({
  type: z.literal('process'),
  path: z.string().min(1),
  arguments: z.union([z.string(), z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))]).optional(),
  timeout: duration.optional(),
  secrets: secretsScopes.optional(),
});

const pythonProvider = z.looseObject({
  type: z.literal('python'),
  module: z.string().min(1),
  func: z.string().min(1),
  arguments: z.record(z.string(), z.unknown()).optional(),
  secrets: secretsScopes.optional(),
});

const javascriptProvider = z.looseObject({
  type: z.literal('javascript'),
  module: z.string().min(1).describe('a package name or a path relative to the experiment file'),
  func: z.string().min(1).describe('an exported function'),
  arguments: z.record(z.string(), z.unknown()).optional(),
  secrets: secretsScopes.optional(),
});

export const providerSchema = z.discriminatedUnion('type', [
  httpProvider,
  processProvider,
  pythonProvider,
  javascriptProvider,
]);

export const controlSchema = z.looseObject({
  name: z.string().min(1),
  provider: z.looseObject({
    type: z.enum(['python', 'javascript']),
    module: z.string().min(1),
    arguments: z.record(z.string(), z.unknown()).optional(),
    secrets: secretsScopes.optional(),
  }),
  scope: z.enum(['before', 'after']).optional(),
  automatic: z.boolean().optional(),
});

const pauses = z.looseObject({ before: duration.optional(), after: duration.optional() });

const toleranceObject = z.union([
  z.looseObject({ type: z.literal('range'), range: z.tuple([z.number(), z.number()]), target: z.string().optional() }),
  z.looseObject({ type: z.literal('regex'), pattern: z.string(), target: z.string().optional() }),
  z.looseObject({
    type: z.literal('jsonpath'),
    path: z.string(),
    target: z.string().optional(),
    expect: z.unknown().optional(),
    count: z.number().int().optional(),
  }),
  z.looseObject({ type: z.literal('probe'), name: z.string(), provider: providerSchema }),
]);

export const toleranceSchema = z.union([z.boolean(), z.number(), z.string(), z.array(z.unknown()), toleranceObject]);

export const activitySchema = z.looseObject({
  type: z.enum(['probe', 'action']),
  name: z.string().min(1),
  provider: providerSchema,
  tolerance: toleranceSchema.optional(),
  background: z.boolean().optional(),
  pauses: pauses.optional(),
  controls: z.array(controlSchema).optional(),
  timeout: duration.optional(),
  secrets: secretsScopes.optional(),
});

export const activityRefSchema = z.looseObject({ ref: z.string().min(1) });

const activityOrRef = z.union([activityRefSchema, activitySchema]);

const envValue = z.looseObject({
  type: z.literal('env'),
  key: z.string().min(1),
  default: z.unknown().optional(),
  env_var_type: z.enum(['str', 'int', 'float', 'bool', 'json']).optional(),
});

export const experimentSchema = z.looseObject({
  version: z.union([z.string(), z.number()]).optional(),
  title: z.string().min(1),
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
  contributions: z.record(z.string(), z.enum(['high', 'medium', 'low', 'none'])).optional(),
  configuration: z.record(z.string(), z.unknown()).optional(),
  secrets: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  extensions: z.array(z.record(z.string(), z.unknown())).optional(),
  controls: z.array(controlSchema).optional(),
  'steady-state-hypothesis': z
    .looseObject({
      title: z.string().min(1),
      probes: z.array(activityOrRef).optional(),
      controls: z.array(controlSchema).optional(),
    })
    .optional(),
  method: z.array(activityOrRef).optional(),
  rollbacks: z.array(activityOrRef).optional(),
  runtime: z
    .looseObject({
      rollbacks: z.looseObject({ strategy: z.enum(rollbackStrategies).optional() }).optional(),
      hypothesis: z
        .looseObject({
          strategy: z.enum(hypothesisStrategies).optional(),
          frequency: z.number().positive().optional(),
          fail_fast: z.boolean().optional(),
        })
        .optional(),
    })
    .optional(),
});

export const envValueSchema = envValue;

/** Keys each object of the format knows; anything else is worth a warning (likely a typo). */
export const knownKeys = {
  experiment: Object.keys(experimentSchema.shape),
  hypothesis: ['title', 'probes', 'controls'],
  activity: [...Object.keys(activitySchema.shape), 'configuration', 'dry'],
  provider: {
    http: Object.keys(httpProvider.shape),
    process: Object.keys(processProvider.shape),
    python: Object.keys(pythonProvider.shape),
    javascript: Object.keys(javascriptProvider.shape),
  },
} as const;

/** JSON Schema of the experiment format, for editors (`faultline schema`). */
export function experimentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(experimentSchema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return {
    $id: 'https://faultline.dev/schema/experiment.json',
    title: 'Faultline / Chaos Toolkit experiment',
    ...schema,
  };
}
