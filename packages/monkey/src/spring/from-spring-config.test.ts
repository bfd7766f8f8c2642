import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createMonkey } from '../monkey/create-monkey.js';
import { caseStudy, gettingStarted } from '../__fixtures__/seed-application-yml.js';
import { fromSpringConfig } from './from-spring-config.js';

const quiet = { info() {}, warn() {} };

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
