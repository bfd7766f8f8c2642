import type { ActiveToxic, Direction } from '../link/link.js';
import { apiErrors } from '../server/api-error.js';
import { waitProblem } from '../time/max-wait.js';
import type { ToxicAttributes, ToxicDefinition } from '../toxics/toxic.js';
import type { ToxicRegistry } from '../toxics/toxic-registry.js';
import type { Connection } from './connection.js';

/** A toxic as the API shows it (Toxiproxy's field order). */
export interface ToxicJson {
  attributes: ToxicAttributes;
  name: string;
  type: string;
  stream: string;
  toxicity: number;
}

interface Entry extends ActiveToxic {
  readonly type: string;
  readonly stream: string;
  readonly direction: Direction;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseDirection(stream: string): Direction | undefined {
  const lower = stream.toLowerCase();
  return lower === 'upstream' || lower === 'downstream' ? lower : undefined;
}

/** Merges JSON attributes over `base`, checked against the definition's defaults (Go's typed decode). */
function mergeAttributes(definition: ToxicDefinition, base: ToxicAttributes, input: unknown): ToxicAttributes {
  if (input === undefined || input === null) return { ...base };
  if (!isRecord(input)) throw apiErrors.badRequestBody.with('attributes must be an object');
  const merged: ToxicAttributes = { ...base };
  for (const [key, fallback] of Object.entries(definition.defaults)) {
    const value = input[key];
    if (value === undefined || value === null) continue;
    if (typeof fallback === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value)) {
        throw apiErrors.badRequestBody.with(
          `attribute ${key} of ${definition.type} must be an integer, got ${JSON.stringify(value)}`,
        );
      }
    } else if (typeof value !== typeof fallback) {
      throw apiErrors.badRequestBody.with(`attribute ${key} of ${definition.type} must be a ${typeof fallback}`);
    }
    merged[key] = value as number | string | boolean;
  }
  for (const [key, unit] of Object.entries(definition.waits ?? {})) {
    const value = merged[key] as number;
    const problem = waitProblem(`attribute ${key} of ${definition.type}`, unit === 'us' ? value / 1000 : value);
    if (problem) throw apiErrors.badRequestBody.with(unit === 'us' ? `${problem} (${value} µs)` : problem);
  }
  const problem = definition.validate?.(merged);
  if (problem) throw apiErrors.badRequestBody.with(problem);
  return merged;
}

function parseToxicity(value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw apiErrors.badRequestBody.with(`toxicity must be a number from 0 to 1, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * The toxics of one proxy, per direction in the order they were added, and their application
 * to the proxy's live connections.
 */
export class ToxicCollection {
  private readonly chains: Record<Direction, Entry[]> = { upstream: [], downstream: [] };

  constructor(
    private readonly registry: ToxicRegistry,
    private readonly connections: () => Iterable<Connection>,
  ) {}

  /** What a new connection starts with. */
  snapshot(): { upstream: readonly ActiveToxic[]; downstream: readonly ActiveToxic[] } {
    return { upstream: [...this.chains.upstream], downstream: [...this.chains.downstream] };
  }

  list(): ToxicJson[] {
    return [...this.chains.upstream, ...this.chains.downstream].map(toJson);
  }

  get(name: string): ToxicJson {
    const entry = this.find(name);
    if (!entry) throw apiErrors.toxicNotFound;
    return toJson(entry);
  }

  async add(input: unknown): Promise<ToxicJson> {
    if (!isRecord(input)) throw apiErrors.badRequestBody.with('expected a JSON object');
    const stream = input.stream ?? 'downstream';
    if (typeof stream !== 'string') throw apiErrors.invalidStream;
    const direction = parseDirection(stream);
    if (!direction) throw apiErrors.invalidStream;
    const type = typeof input.type === 'string' ? input.type : '';
    const name = typeof input.name === 'string' && input.name !== '' ? input.name : `${type}_${stream}`;
    const definition = this.registry.get(type);
    if (!definition) throw apiErrors.invalidToxicType;
    if (this.find(name)) throw apiErrors.toxicAlreadyExists;
    const entry: Entry = {
      name,
      type,
      stream,
      direction,
      definition,
      attributes: mergeAttributes(definition, definition.defaults, input.attributes),
      toxicity: parseToxicity(input.toxicity, 1),
    };
    this.chains[direction].push(entry);
    await Promise.all([...this.connections()].map((c) => c.link(direction).add(entry)));
    return toJson(entry);
  }

  async update(name: string, input: unknown): Promise<ToxicJson> {
    const current = this.find(name);
    if (!current) throw apiErrors.toxicNotFound;
    if (!isRecord(input)) throw apiErrors.badRequestBody.with('expected a JSON object');
    const entry: Entry = {
      ...current,
      attributes: mergeAttributes(current.definition, current.attributes, input.attributes),
      toxicity: parseToxicity(input.toxicity, current.toxicity),
    };
    const chain = this.chains[entry.direction];
    chain[chain.indexOf(current)] = entry;
    await Promise.all([...this.connections()].map((c) => c.link(entry.direction).update(entry)));
    return toJson(entry);
  }

  async remove(name: string): Promise<void> {
    const entry = this.find(name);
    if (!entry) throw apiErrors.toxicNotFound;
    const chain = this.chains[entry.direction];
    chain.splice(chain.indexOf(entry), 1);
    await Promise.all([...this.connections()].map((c) => c.link(entry.direction).remove(name)));
  }

  async reset(): Promise<void> {
    for (const entry of [...this.chains.upstream, ...this.chains.downstream]) await this.remove(entry.name);
  }

  private find(name: string): Entry | undefined {
    return this.chains.upstream.find((t) => t.name === name) ?? this.chains.downstream.find((t) => t.name === name);
  }
}

function toJson(entry: Entry): ToxicJson {
  return {
    attributes: { ...entry.attributes },
    name: entry.name,
    type: entry.type,
    stream: entry.stream,
    toxicity: entry.toxicity,
  };
}
