/**
 * The Chaos Toolkit experiment format, as Faultline reads it. Field names are Chaos Toolkit's.
 * The validating schema (model/experiment-schema.ts) checks documents against these shapes.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface HttpProvider {
  type: 'http';
  url: string;
  method?: string;
  headers?: Record<string, string>;
  arguments?: Record<string, unknown> | string;
  /** Seconds, a string with a unit, or [connect, read]. */
  timeout?: number | string | [number | string, number | string];
  verify_tls?: boolean;
  max_retries?: number;
  expected_status?: number | number[] | string;
  secrets?: string[];
}

export interface ProcessProvider {
  type: 'process';
  path: string;
  arguments?: string | Array<string | number | null>;
  timeout?: number | string;
  secrets?: string[];
}

export interface PythonProvider {
  type: 'python';
  module: string;
  func: string;
  arguments?: Record<string, unknown>;
  secrets?: string[];
}

export interface JavascriptProvider {
  type: 'javascript';
  /** A package name or a path relative to the experiment file. */
  module: string;
  func: string;
  arguments?: Record<string, unknown>;
  secrets?: string[];
}

export type Provider = HttpProvider | ProcessProvider | PythonProvider | JavascriptProvider;

export type Tolerance =
  | boolean
  | number
  | string
  | unknown[]
  | { type: 'range'; range: [number, number]; target?: string }
  | { type: 'regex'; pattern: string; target?: string }
  | { type: 'jsonpath'; path: string; target?: string; expect?: unknown; count?: number }
  | Activity;

export interface Pauses {
  before?: number | string;
  after?: number | string;
}

export interface ControlDeclaration {
  name: string;
  provider: { type: 'python' | 'javascript'; module: string; arguments?: Record<string, unknown>; secrets?: string[] };
  scope?: 'before' | 'after';
  automatic?: boolean;
}

export interface Activity {
  type: 'probe' | 'action';
  name: string;
  provider: Provider;
  tolerance?: Tolerance;
  background?: boolean;
  pauses?: Pauses;
  controls?: ControlDeclaration[];
  /** Chaos Toolkit also lets an activity set its own timeout (seconds). */
  timeout?: number | string;
  configuration?: Record<string, unknown>;
  secrets?: string[];
}

/** An entry of `method`/`rollbacks` may be a reference to another activity by name. */
export interface ActivityRef {
  ref: string;
}

export type ActivityOrRef = Activity | ActivityRef;

export interface SteadyStateHypothesis {
  title: string;
  probes?: ActivityOrRef[];
  controls?: ControlDeclaration[];
}

export type ConfigurationValue =
  | JsonValue
  | { type: 'env'; key: string; default?: JsonValue; env_var_type?: 'str' | 'int' | 'float' | 'bool' | 'json' }
  | { type: 'probe'; name: string; provider: Provider };

export type SecretValue = JsonValue | { type: 'env'; key: string; default?: JsonValue };

export const rollbackStrategies = ['default', 'always', 'never', 'deviated'] as const;
export type RollbackStrategy = (typeof rollbackStrategies)[number];

export const hypothesisStrategies = [
  'default',
  'before-method-only',
  'after-method-only',
  'during-method-only',
  'continuously',
  'continously',
  'skip',
] as const;
export type HypothesisStrategy = (typeof hypothesisStrategies)[number];

export interface Experiment {
  version?: string;
  title: string;
  description?: string;
  tags?: string[];
  contributions?: Record<string, 'high' | 'medium' | 'low' | 'none'>;
  configuration?: Record<string, ConfigurationValue>;
  secrets?: Record<string, Record<string, SecretValue>>;
  extensions?: Array<Record<string, unknown>>;
  controls?: ControlDeclaration[];
  'steady-state-hypothesis'?: SteadyStateHypothesis;
  method?: ActivityOrRef[];
  rollbacks?: ActivityOrRef[];
  runtime?: {
    rollbacks?: { strategy?: RollbackStrategy };
    hypothesis?: { strategy?: HypothesisStrategy; frequency?: number; fail_fast?: boolean };
  };
  [key: string]: unknown;
}
