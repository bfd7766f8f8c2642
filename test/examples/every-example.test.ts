import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fencedBlocks, repoRoot } from '../docs/fenced-blocks.js';

const seed = 'packages/kubernetes/src/examples/seed-examples.test.ts';
const demo = 'packages/cli/src/__tests__/demo.e2e.test.ts';
const monkey = 'packages/monkey/src/activities/cli-experiment.test.ts';
const proxy = 'packages/cli/src/commands/proxy-example.test.ts';
const istio = 'packages/kubernetes/src/istio/seed-experiment.test.ts';

/**
 * The test that runs each file of examples/ (`in`: where the file is named, when the test reaches it
 * through another file), or, for the one that needs systems a test machine has not (a cluster with
 * Prometheus, a Pushgateway and Grafana), the test that validates it.
 */
const coverage: Record<string, { test: string; in?: string }> = {
  'catalogue.mjs': { test: 'test/examples/library.test.ts' },
  'data/data-corruption-experiment.yaml': { test: 'test/examples/data-corruption.e2e.test.ts' },
  'istio/network-failure-experiment.yaml': { test: istio },
  'istio/network-latency-experiment.yaml': { test: istio },
  'kubernetes/cpu-stress-experiment.yaml': { test: seed },
  'kubernetes/multi-failure-experiment.yaml': { test: 'test/examples/library.test.ts' },
  'kubernetes/pod-failure-experiment.yaml': { test: seed },
  'kubernetes/pod-resilience-experiment.yaml': { test: seed },
  'kubernetes/pod-termination-experiment.yaml': { test: seed },
  'kubernetes/region-failover-experiment.yaml': { test: seed },
  'kubernetes/zone-outage-experiment.yaml': { test: seed },
  // the demo runs every experiment of examples/local against its shops
  'local/inventory-exceptions.yaml': { test: demo, in: 'packages/cli/src/demo/demo-experiments.ts' },
  'local/multi-failure.yaml': { test: demo, in: 'packages/cli/src/demo/demo-experiments.ts' },
  'local/payment-errors.yaml': { test: demo },
  'local/payment-latency.yaml': { test: demo, in: 'packages/cli/src/demo/demo-experiments.ts' },
  'local/replica-killed.yaml': { test: demo, in: 'packages/cli/src/demo/demo-experiments.ts' },
  'local/slo.yaml': { test: 'test/examples/ci-templates.e2e.test.ts' },
  'monkey/latency-experiment.yaml': { test: monkey },
  'monkey/orders-service.mjs': { test: monkey },
  'monkey/seed-express.cjs': { test: 'packages/monkey/src/seed-snippet.test.ts' },
  'prometheus/experiment.yaml': { test: 'packages/prometheus/src/deploy-files.test.ts' },
  'prometheus/slo.yaml': { test: 'packages/prometheus/src/deploy-files.test.ts' },
  'proxy/http-fault-experiment.yaml': { test: proxy },
  'proxy/payment-service.mjs': { test: proxy },
  'proxy/proxies.json': { test: proxy },
  'proxy/sample-requests.mjs': { test: proxy, in: 'examples/proxy/http-fault-experiment.yaml' },
  'proxy/toxiproxy-latency-experiment.yaml': { test: 'test/examples/toxiproxy-latency.e2e.test.ts' },
};

describe('every file of examples/ is run (or validated) by a test', () => {
  it('the table names exactly the files of examples/', () => {
    const files = readdirSync(`${repoRoot}examples`, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `${entry.parentPath.slice(`${repoRoot}examples`.length + 1)}/${entry.name}`.replace(/^\//, ''))
      .sort();
    expect(Object.keys(coverage).sort()).toEqual(files.filter((file) => !file.endsWith('.md')));
    // the READMEs among them are prose: no example of their own
    for (const readme of files.filter((file) => file.endsWith('.md')))
      expect(fencedBlocks(`examples/${readme}`), readme).toEqual([]);
  });

  it.each(Object.entries(coverage))('%s', (file, { test, in: where }) => {
    expect(existsSync(repoRoot + test), test).toBe(true);
    expect(readFileSync(repoRoot + (where ?? test), 'utf8')).toContain(basename(file));
  });
});
