import { describe, expect, it } from 'vitest';
import { loadSloFile } from './load-slo-file.js';

describe('loadSloFile', () => {
  it('reads YAML and JSON', () => {
    expect(loadSloFile('slos:\n  - indicator: up\n    objective: ">= 1"\n').slos).toHaveLength(1);
    expect(
      loadSloFile('{"prometheus_url": "http://p:9090", "slos": [{"indicator": "up", "objective": {"<": 2}}]}')
        .prometheus_url,
    ).toBe('http://p:9090');
  });

  it('lists every problem, objectives included, before anything is queried', () => {
    const text =
      'slos:\n  - name: a\n    indicator: up\n    objective: "about 1"\n  - name: b\n    indicator: up\n    objective: "< 1%"\n    aggregate: median\n';
    expect(() => loadSloFile(text, 'slo.yaml')).toThrow(
      /slo\.yaml is invalid:\n {2}- slos\.0\.objective: .*about 1[^]*\n {2}- slos\.1\.aggregate/,
    );
    try {
      loadSloFile('slos:\n  - indicator: up\n    objective: "about 1"\n  - indicator: up\n    objective: "~ 2"\n');
    } catch (error) {
      expect((error as Error).message).toContain('slos.0.objective');
      expect((error as Error).message).toContain('slos.1.objective');
      expect(error).toMatchObject({ code: 'E_SLO_FILE', exitCode: 64 });
      return;
    }
    throw new Error('expected a failure');
  });

  it("validates the slo probe's objective with its arguments", async () => {
    const { slo } = await import('../activities/slo.js');
    const result = slo.arguments.safeParse({ indicator: 'up', objective: 'about 1' });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('objective');
    expect(slo.arguments.safeParse({ indicator: 'up', objective: '< 300ms' }).success).toBe(true);
  });

  it('rejects YAML that does not parse and files without SLOs', () => {
    expect(() => loadSloFile('slos: [')).toThrow(/not valid YAML/);
    expect(() => loadSloFile('slos: []')).toThrow(/slos/);
  });
});
