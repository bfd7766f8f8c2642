import type { MonkeyConfig, MonkeyConfigUpdate } from '../config/monkey-config.js';
import { isKnownErrorType } from '../assaults/create-chaos-error.js';
import { isCronOff, parseCron } from '../runtime/cron-expression.js';
import { FieldReader } from './read-fields.js';
import type { ValidationProblem } from './validation-problem.js';

const maxInt = 2_147_483_647;

/** Chaos Monkey for Spring Boot's assault JSON (`GET /assaults`), plus Node-only fields at the end. */
export function toAssaultDto(config: MonkeyConfig): Record<string, unknown> {
  const dto: Record<string, unknown> = {
    level: config.level,
    deterministic: config.deterministic,
    latencyRangeStart: config.latency.minMs,
    latencyRangeEnd: config.latency.maxMs,
    latencyActive: config.latency.enabled,
    exceptionsActive: config.exceptions.enabled,
    exception: {
      type: config.exceptions.type,
      method: '<init>',
      arguments: [{ type: 'java.lang.String', value: config.exceptions.message }],
      ...(config.exceptions.status === null ? {} : { status: config.exceptions.status }),
      ...(config.exceptions.body === null || config.exceptions.body === undefined
        ? {}
        : { body: config.exceptions.body }),
    },
    killApplicationActive: config.killProcess.enabled,
    killApplicationCronExpression: config.killProcess.cron,
    memoryActive: config.memory.enabled,
    memoryMillisecondsHoldFilledMemory: config.memory.holdMs,
    memoryMillisecondsWaitNextIncrease: config.memory.waitNextIncreaseMs,
    memoryFillIncrementFraction: config.memory.incrementFraction,
    memoryFillTargetFraction: config.memory.targetFraction,
    memoryCronExpression: config.memory.cron,
    cpuActive: config.cpu.enabled,
    cpuMillisecondsHoldLoad: config.cpu.holdMs,
    cpuLoadTargetFraction: config.cpu.targetFraction,
    cpuCronExpression: config.cpu.cron,
  };
  if (config.watchedCustomServices !== null) dto.watchedCustomServices = [...config.watchedCustomServices];
  // Node-only extensions (ignored by Spring clients).
  if (config.latency.probability !== null) dto.latencyProbability = config.latency.probability;
  if (config.exceptions.probability !== null) dto.exceptionsProbability = config.exceptions.probability;
  if (config.killProcess.probability !== null) dto.killApplicationProbability = config.killProcess.probability;
  dto.killApplicationExitCode = config.killProcess.exitCode;
  dto.killApplicationGraceMilliseconds = config.killProcess.graceMs;
  dto.eventLoopBlockActive = config.eventLoopBlock.enabled;
  dto.eventLoopBlockMilliseconds = config.eventLoopBlock.durationMs;
  if (config.eventLoopBlock.probability !== null) dto.eventLoopBlockProbability = config.eventLoopBlock.probability;
  return dto;
}

/** Fields Spring versions accept that have no meaning here; accepted and ignored rather than rejected. */
const ignoredSpringFields = new Set(['restartApplicationActive', 'beanClasses', 'excludeClasses']);

const knownFields = new Set([
  'level',
  'deterministic',
  'latencyRangeStart',
  'latencyRangeEnd',
  'latencyActive',
  'exceptionsActive',
  'exception',
  'killApplicationActive',
  'killApplicationCronExpression',
  'memoryActive',
  'memoryMillisecondsHoldFilledMemory',
  'memoryMillisecondsWaitNextIncrease',
  'memoryFillIncrementFraction',
  'memoryFillTargetFraction',
  'memoryCronExpression',
  'cpuActive',
  'cpuMillisecondsHoldLoad',
  'cpuLoadTargetFraction',
  'cpuCronExpression',
  'runtimeAssaultCronExpression',
  'watchedCustomServices',
  'latencyProbability',
  'exceptionsProbability',
  'killApplicationProbability',
  'killApplicationExitCode',
  'killApplicationGraceMilliseconds',
  'eventLoopBlockActive',
  'eventLoopBlockMilliseconds',
  'eventLoopBlockProbability',
]);

function cron(r: FieldReader, field: string): string | undefined {
  const v = r.str(field);
  if (v === undefined || isCronOff(v)) return v;
  try {
    parseCron(v);
    return v;
  } catch (e) {
    r.problem(field, v, (e as Error).message, 'Cron');
    return undefined;
  }
}

function readException(raw: unknown, problems: ValidationProblem[]): MonkeyConfigUpdate['exceptions'] {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({
      field: 'exception',
      rejectedValue: raw,
      defaultMessage: 'must be an object',
      code: 'typeMismatch',
    });
    return undefined;
  }
  const r = new FieldReader(raw as Record<string, unknown>);
  const type = r.str('type');
  const out: NonNullable<MonkeyConfigUpdate['exceptions']> = {};
  if (type !== undefined) {
    if (isKnownErrorType(type)) out.type = type;
    else
      r.problem(
        'type',
        type,
        'Invalid combination of type, method and arguments provided',
        'AssaultExceptionConstraint',
      );
  }
  const args = (raw as { arguments?: unknown }).arguments;
  if (Array.isArray(args)) {
    const first = args[0] as { value?: unknown } | undefined;
    if (first && typeof first.value === 'string') out.message = first.value;
  } else if (args !== undefined && args !== null) {
    r.problem('arguments', args, 'must be a list of {type, value}', 'typeMismatch');
  }
  const status = r.num('status', 100, 599, true);
  if (status !== undefined) out.status = status;
  if ('body' in (raw as object)) out.body = (raw as { body?: unknown }).body;
  for (const p of r.problems) problems.push({ ...p, field: `exception.${p.field}` });
  return out;
}

/**
 * Reads a `POST /assaults` body: a partial update, validated like Spring's AssaultPropertiesUpdate
 * (level 1..10000, latency range both-or-none with start <= end, memory/CPU bounds, exception type).
 * Unknown fields are rejected rather than silently ignored: a typo must not look like success.
 */
export function fromAssaultDto(body: Record<string, unknown>): {
  update: MonkeyConfigUpdate;
  problems: ValidationProblem[];
} {
  const r = new FieldReader(body);
  for (const key of Object.keys(body)) {
    if (!knownFields.has(key) && !ignoredSpringFields.has(key)) r.problem(key, body[key], 'unknown field', 'Unknown');
  }
  const start = r.num('latencyRangeStart', 1, maxInt, true);
  const end = r.num('latencyRangeEnd', 1, maxInt, true);
  if (
    r.has('latencyRangeStart') !== r.has('latencyRangeEnd') ||
    (start !== undefined && end !== undefined && start > end)
  ) {
    r.problem(
      'latencyRangeStart',
      body.latencyRangeStart ?? null,
      'Invalid range parameters. Value of latencyRangeStart must not be greater than value of latencyRangeEnd!',
      'AssaultPropertiesUpdateLatencyRangeConstraint',
    );
  }
  const all = cron(r, 'runtimeAssaultCronExpression');
  const update: MonkeyConfigUpdate = {
    level: r.num('level', 1, 10_000, true),
    deterministic: r.bool('deterministic'),
    latency: {
      minMs: start,
      maxMs: end,
      enabled: r.bool('latencyActive'),
      probability: r.num('latencyProbability', 0, 1, false),
    },
    exceptions: { enabled: r.bool('exceptionsActive'), probability: r.num('exceptionsProbability', 0, 1, false) },
    killProcess: {
      enabled: r.bool('killApplicationActive'),
      cron: cron(r, 'killApplicationCronExpression') ?? all,
      probability: r.num('killApplicationProbability', 0, 1, false),
      exitCode: r.num('killApplicationExitCode', 0, 255, true),
      graceMs: r.num('killApplicationGraceMilliseconds', 0, maxInt, true),
    },
    memory: {
      enabled: r.bool('memoryActive'),
      holdMs: r.num('memoryMillisecondsHoldFilledMemory', 1500, maxInt, true),
      waitNextIncreaseMs: r.num('memoryMillisecondsWaitNextIncrease', 100, 30_000, true),
      incrementFraction: r.num('memoryFillIncrementFraction', 0, 1, false),
      targetFraction: r.num('memoryFillTargetFraction', 0.05, 0.95, false),
      cron: cron(r, 'memoryCronExpression') ?? all,
    },
    cpu: {
      enabled: r.bool('cpuActive'),
      holdMs: r.num('cpuMillisecondsHoldLoad', 1500, maxInt, true),
      targetFraction: r.num('cpuLoadTargetFraction', 0.1, 1, false),
      cron: cron(r, 'cpuCronExpression') ?? all,
    },
    eventLoopBlock: {
      enabled: r.bool('eventLoopBlockActive'),
      durationMs: r.num('eventLoopBlockMilliseconds', 1, 60_000, true),
      probability: r.num('eventLoopBlockProbability', 0, 1, false),
    },
  };
  const problems = r.problems;
  const exceptions = readException(body.exception, problems);
  update.exceptions = { ...update.exceptions, ...exceptions };
  const custom = r.strings('watchedCustomServices');
  if (custom !== undefined) update.watchedCustomServices = custom;
  return { update: prune(update) as MonkeyConfigUpdate, problems };
}

/** Drops undefined leaves and empty sections, so only the fields present are updated. */
function prune(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const p = k === 'body' ? v : prune(v);
    if (typeof p === 'object' && p !== null && !Array.isArray(p) && k !== 'body' && Object.keys(p).length === 0)
      continue;
    out[k] = p;
  }
  return out;
}
