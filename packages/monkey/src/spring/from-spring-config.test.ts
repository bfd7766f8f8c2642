import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createMonkey } from '../monkey/create-monkey.js';
import { fromSpringConfig } from './from-spring-config.js';

const quiet = { info() {}, warn() {} };

// The seed's application.yml blocks, verbatim.
const gettingStarted = `
spring:
  profiles:
    active: chaos-monkey

chaos:
  monkey:
    enabled: true
    assaults:
      level: 3  # Probability of an assault occurring (1-10)
      latencyActive: true
      latencyRangeStart: 2000  # Min latency in ms
      latencyRangeEnd: 5000    # Max latency in ms
      exceptionsActive: true
      killApplicationActive: false
    watcher:
      controller: true
      service: true
      repository: true
      restController: true
`;

const caseStudy = `
# application.yml for Spring Boot services
chaos:
  monkey:
    enabled: true
    assaults:
      level: 3
      latencyActive: true
      latencyRangeStart: 500
      latencyRangeEnd: 1500
      exceptionsActive: true
    watcher:
      service: true
      repository: true
`;

describe('Spring Boot chaos.monkey configuration', () => {
  it('configures a Node monkey from the seed application.yml blocks', () => {
    const a = createMonkey({ logger: quiet, spring: parse(gettingStarted) });
    expect(a.getConfig()).toMatchObject({
      enabled: true,
      level: 3,
      latency: { enabled: true, minMs: 2000, maxMs: 5000 },
      exceptions: { enabled: true },
      killProcess: { enabled: false },
      watchers: { controller: true, service: true, repository: true, restController: true },
    });
    const b = createMonkey({ logger: quiet, spring: parse(caseStudy).chaos.monkey, enabled: false });
    expect(b.getConfig()).toMatchObject({ enabled: false, level: 3, latency: { minMs: 500, maxMs: 1500 } });
  });

  it('rejects what Spring would reject', () => {
    const bad = { chaos: { monkey: { assaults: { level: 0, latencyRangeStart: 10 } } } };
    expect(() => fromSpringConfig(bad)).toThrow(/assaults.level: must be greater than or equal to 1/);
    expect(() => fromSpringConfig(bad)).toThrow(/Invalid range parameters/);
    expect(() => fromSpringConfig({ chaos: { monkey: { watcher: { servise: true } } } })).toThrow(
      /watcher.servise: unknown field/,
    );
  });
});
