import { apiErrors } from '../server/api-error.js';
import { faultDurationMs } from './fault-duration.js';
import {
  compileMatch,
  parseHttpFault,
  type FaultDecision,
  type FaultRequest,
  type HttpFaultJson,
} from './http-fault.js';

interface Entry {
  fault: HttpFaultJson;
  matches: (request: FaultRequest) => boolean;
  matched: number;
  aborted: number;
  delayed: number;
}

/** The HTTP faults of one proxy, in the order added; the first one that matches a request applies. */
export class HttpFaultCollection {
  private entries: Entry[] = [];

  list(): HttpFaultJson[] {
    return this.entries.map((e) => e.fault);
  }

  get(name: string): HttpFaultJson {
    return this.find(name).fault;
  }

  add(input: unknown): HttpFaultJson {
    const fault = parseHttpFault(input);
    if (this.entries.some((e) => e.fault.name === fault.name)) throw apiErrors.faultAlreadyExists;
    this.entries.push({ fault, matches: compileMatch(fault.match), matched: 0, aborted: 0, delayed: 0 });
    return fault;
  }

  /** Replaces the fault's definition (a full fault body); its request counters restart. */
  update(name: string, input: unknown): HttpFaultJson {
    const entry = this.find(name);
    const body = typeof input === 'object' && input !== null ? { ...entry.fault, ...(input as object), name } : input;
    entry.fault = parseHttpFault(body, name);
    entry.matches = compileMatch(entry.fault.match);
    entry.matched = 0;
    return entry.fault;
  }

  remove(name: string): void {
    const entry = this.find(name);
    this.entries = this.entries.filter((e) => e !== entry);
  }

  reset(): void {
    this.entries = [];
  }

  counters(): Record<string, { aborted: number; delayed: number }> {
    return Object.fromEntries(this.entries.map((e) => [e.fault.name, { aborted: e.aborted, delayed: e.delayed }]));
  }

  /** What to do with one request; undefined = forward it untouched. */
  decide(request: FaultRequest): FaultDecision | undefined {
    for (const entry of this.entries) {
      const { fault } = entry;
      if (!entry.matches(request)) continue;
      if (fault.firstN !== undefined && entry.matched >= fault.firstN) continue;
      entry.matched++;
      const decision: FaultDecision = { fault: fault.name };
      if (fault.delay && Math.random() * 100 < fault.delay.percentage.value) {
        decision.delayMs = faultDurationMs(fault.delay.fixedDelay) ?? 0;
        entry.delayed++;
      }
      if (fault.abort && Math.random() * 100 < fault.abort.percentage.value) {
        decision.abort = { status: fault.abort.httpStatus, body: fault.abort.body ?? 'fault filter abort' };
        entry.aborted++;
      }
      return decision.abort || decision.delayMs !== undefined ? decision : undefined;
    }
    return undefined;
  }

  private find(name: string): Entry {
    const entry = this.entries.find((e) => e.fault.name === name);
    if (!entry) throw apiErrors.faultNotFound;
    return entry;
  }
}
