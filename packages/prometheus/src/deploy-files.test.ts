import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findSystemBinary } from '@faultline/core/testing';
import { driver } from './activities/driver.js';
import { runMetricNames } from './run-metrics/create-run-metrics.js';
import { loadSloFile } from './slo/load-slo-file.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFile(join(root, path), 'utf8');

const keywords = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
]);

/** Metric names a PromQL expression reads: identifiers that are not functions, keywords or labels. */
function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/^label_values\((.*),\s*\w+\)$/, '$1') // Grafana variable query: metric, then a label
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const names = new Set<string>();
  for (const match of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const name = match[0];
    const before = stripped[match.index - 1] ?? ' ';
    const after = stripped.slice(match.index + name.length).trimStart();
    if (/[\w.$]/.test(before)) continue; // 1e3, $variable
    if (after.startsWith('(')) continue; // a function
    if (keywords.has(name.toLowerCase())) continue;
    names.add(name);
  }
  return [...names];
}

function expressions(dashboard: Record<string, unknown>): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'expr' && typeof value === 'string') found.push(value);
        else if (key === 'query' && typeof value === 'object' && value && 'query' in value)
          found.push(String((value as { query: unknown }).query));
        else walk(value);
      }
    }
  };
  walk(dashboard);
  return found;
}

describe('metricNames', () => {
  it('finds metric names, not functions, labels or grouping', () => {
    expect(
      metricNames(
        'histogram_quantile(0.99, sum by (le, app) (rate(http_request_duration_seconds_bucket{job="x", code=~"5.."}[$__rate_interval])))',
      ),
    ).toEqual(['http_request_duration_seconds_bucket']);
    expect(metricNames('sum(a_total) / sum(b_total) > 0').sort()).toEqual(['a_total', 'b_total']);
  });
});

describe('dashboards/faultline-grafana.json', () => {
  it('parses, has the four views and reads only documented metrics', async () => {
    const dashboard = JSON.parse(await read('dashboards/faultline-grafana.json')) as {
      panels: Array<{ type: string; title: string }>;
      annotations: { list: unknown[] };
    };
    const docs = await read('docs/prometheus.md');
    const rows = dashboard.panels.filter((p) => p.type === 'row').map((p) => p.title);
    expect(rows).toEqual(['Experiment timeline', 'Service health', 'Resource utilisation', 'Error rates']);
    expect(JSON.stringify(dashboard.annotations.list)).toContain('"tags":["chaos"]');

    const used = new Set(expressions(dashboard).flatMap(metricNames));
    expect(used.size).toBeGreaterThan(8);
    const undocumented = [...used].filter(
      (name) => !docs.includes(`\`${name}\``) && !docs.includes(`\`${name.replace(/_(bucket|sum|count)$/, '')}\``),
    );
    expect(undocumented).toEqual([]);
    // Every run metric is documented, and the dashboard shows the ones that matter.
    for (const name of Object.values(runMetricNames)) expect(docs).toContain(`\`${name}\``);
    for (const name of [
      'faultline_run_in_progress',
      'faultline_faults_injected',
      'faultline_runs_total',
      'faultline_deviations_total',
    ])
      expect(used).toContain(name);
  });
});

describe('deploy/prometheus/scrape-config.yaml', () => {
  it("keeps the source document's chaos_experiment relabelling verbatim", async () => {
    const config = parse(await read('deploy/prometheus/scrape-config.yaml')) as {
      scrape_configs: Array<Record<string, unknown>>;
    };
    const job = config.scrape_configs.find((j) => j.job_name === 'chaos-metrics')!;
    expect(job.kubernetes_sd_configs).toEqual([{ role: 'pod' }]);
    expect((job.relabel_configs as unknown[])[0]).toEqual({
      source_labels: ['__meta_kubernetes_pod_label_chaos_experiment'],
      action: 'keep',
      regex: true,
    });
  });

  it('is a valid Prometheus configuration (promtool)', async () => {
    const promtool = findSystemBinary('promtool');
    if (!promtool) return;
    // Debian builds Prometheus without Kubernetes discovery, so promtool checks everything else:
    // discovery is swapped for static targets and the service-account files for temp files.
    const dir = await mkdtemp(join(tmpdir(), 'faultline-promtool-'));
    try {
      await writeFile(join(dir, 'token'), 'x');
      await writeFile(join(dir, 'ca.crt'), '');
      const text = (await read('deploy/prometheus/scrape-config.yaml'))
        .replace(/kubernetes_sd_configs:\n(\s+)- role: \w+/g, "static_configs:\n$1- targets: ['127.0.0.1:1']")
        .replaceAll('/var/run/secrets/kubernetes.io/serviceaccount', dir);
      await writeFile(join(dir, 'prometheus.yml'), text);
      const { stdout } = await promisify(execFile)(promtool, ['check', 'config', join(dir, 'prometheus.yml')]);
      expect(stdout).toContain('SUCCESS');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('examples/prometheus', () => {
  it('has an SLO file verify accepts', async () => {
    const slos = loadSloFile(await read('examples/prometheus/slo.yaml'));
    expect(slos.slos.map((s) => s.name)).toEqual(['error-ratio', 'p99-latency', 'availability']);
  });

  it('calls only existing probes and controls, with valid arguments', async () => {
    const experiment = parse(await read('examples/prometheus/experiment.yaml')) as Record<string, unknown>;
    const activities = [
      ...(experiment['steady-state-hypothesis'] as { probes: unknown[] }).probes,
      ...(experiment.method as unknown[]),
    ] as Array<{ provider: { type: string; module: string; func: string; arguments: unknown } }>;
    const ours = activities.filter(
      (a) => a.provider.module.startsWith('chaosprometheus') || a.provider.module === '@faultline/prometheus',
    );
    expect(ours.length).toBe(4);
    for (const { provider } of ours) {
      const definition = driver.activities.find(
        (d) => d.name === provider.func && (provider.type === 'javascript' || d.python?.includes(provider.module)),
      );
      expect(definition, provider.func).toBeDefined();
      expect(() => definition!.arguments.parse(provider.arguments)).not.toThrow();
    }
    const controls = experiment.controls as Array<{ provider: { type: string; module: string } }>;
    expect(driver.controls!.some((c) => c.python?.includes(controls[0]!.provider.module))).toBe(true);
    expect(controls[1]!.provider.module).toBe('@faultline/prometheus/grafana-annotations');
    const grafana = (await import('@faultline/prometheus/grafana-annotations')) as Record<string, unknown>;
    expect(Object.keys(grafana).sort()).toEqual(['after_experiment_control', 'before_experiment_control']);
  });
});
