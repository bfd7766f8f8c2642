import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findSystemBinary } from '@faultline/core/testing';
import { startPrometheus, type RunningPrometheus } from '@faultline/prometheus/testing';
import { startShop, type Shop } from '../../packages/cli/src/demo/shop/start-shop.js';

// The CI templates, executed as their CI would: the YAML parsed, the `run` steps (GitHub) or the
// script lines (GitLab) run in order by bash, with each CI's failure rules (GitHub: later steps run
// only with `if: always()`; GitLab: the script stops at the first failing line, after_script always
// runs). Their target is the demo shop (examples/local experiments, examples/local/slo.yaml) with a
// real Prometheus scraping its gateway. The one thing not run is the install of @faultline/cli (it
// is not published from here): the workspace's built CLI is on PATH instead. `uses:` steps
// (checkout, setup-node, upload-artifact) belong to GitHub's runner and are not run either.
const root = fileURLToPath(new URL('../../', import.meta.url));
const workspaceBin = join(root, 'node_modules', '.bin');
const prometheusBinary = findSystemBinary('prometheus');

interface StepResult {
  name: string;
  code: number;
  output: string;
}

// Asynchronous on purpose: the shop's fault proxy runs in this process and must keep forwarding.
function bash(script: string, cwd: string, env: Record<string, string>, flags = ['-eo', 'pipefail']): Promise<StepResult> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['--noprofile', '--norc', ...flags, '-c', script], { cwd, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ name: '', code: code ?? 1, output }));
  });
}

type Step = { name?: string; id?: string; run?: string; uses?: string; if?: string };

async function runGithub(
  file: string,
  cwd: string,
  env: Record<string, string>,
): Promise<{ ok: boolean; steps: StepResult[] }> {
  const workflow = parse(readFileSync(file, 'utf8')) as {
    env: Record<string, string>;
    jobs: Record<string, { steps: Step[] }>;
  };
  const githubPath = join(cwd, '.github-path');
  writeFileSync(githubPath, '');
  let path = `${workspaceBin}:${env.PATH}`;
  let failed = false;
  const steps: StepResult[] = [];
  for (const step of Object.values(workflow.jobs)[0].steps) {
    if (!step.run || step.id === 'install-faultline') continue;
    if (failed && step.if !== 'always()') continue;
    const result = await bash(step.run, cwd, { ...workflow.env, ...env, PATH: path, GITHUB_PATH: githubPath });
    steps.push({ ...result, name: step.name ?? step.run });
    failed ||= result.code !== 0;
    const added = readFileSync(githubPath, 'utf8').split('\n').filter(Boolean);
    if (added.length) path = `${added.reverse().join(':')}:${path}`;
  }
  return { ok: !failed, steps };
}

async function runGitlab(
  file: string,
  cwd: string,
  env: Record<string, string>,
): Promise<{ ok: boolean; steps: StepResult[] }> {
  const pipeline = parse(readFileSync(file, 'utf8')) as {
    variables: Record<string, string>;
    'chaos-testing': { before_script: string[]; script: string[]; after_script: string[] };
  };
  const job = pipeline['chaos-testing'];
  const vars = { ...pipeline.variables, ...env, PATH: `${workspaceBin}:${env.PATH}` };
  const before = job.before_script.filter((line) => !/^npm install .*@faultline\/cli/.test(line));
  const main = await bash([...before, ...job.script].join('\n'), cwd, vars);
  const after = await bash(job.after_script.join('\n'), cwd, vars, []);
  return {
    ok: main.code === 0,
    steps: [
      { ...main, name: 'script' },
      { ...after, name: 'after_script' },
    ],
  };
}

const templates = {
  'github-actions.yml': runGithub,
  'gitlab-ci.yml': runGitlab,
} as const;

describe.each(['naive', 'resilient'] as const)('CI templates against the %s demo shop', (mode) => {
  let shop: Shop;
  let prometheus: RunningPrometheus;
  let traffic: NodeJS.Timeout | undefined;
  const out = mkdtempSync(join(tmpdir(), `faultline-templates-${mode}-`));
  const order = () =>
    fetch(`${shop.gatewayUrl}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"productId":"12345","quantity":1}',
      signal: AbortSignal.timeout(10_000),
    }).then((response) => response.text());

  beforeAll(async () => {
    shop = await startShop(mode, out, () => {});
    // Warm the shop up before Prometheus looks: a cold start's first slow answers are not what
    // the SLOs are about (counters are only ever judged by their increase once scraped).
    for (let i = 0; i < 20; i++) await order();
    prometheus = await startPrometheus({ binary: prometheusBinary!, targets: [new URL(shop.gatewayUrl).host] });
    // Customers: an order every 250 ms (what the SLOs judge), bounded by the test's lifetime.
    traffic = setInterval(() => void order().catch(() => {}), 250);
    // Wait until Prometheus has scraped the traffic a few times.
    const query = `${prometheus.url}/api/v1/query?query=${encodeURIComponent('count_over_time(shop_http_requests_total[1m])')}`;
    for (let i = 0; i < 150; i++) {
      const body = (await (await fetch(query)).json()) as { data: { result: Array<{ value: [number, string] }> } };
      if (body.data.result.some((r) => Number(r.value[1]) >= 3)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 60_000);
  afterAll(async () => {
    clearInterval(traffic);
    await prometheus?.stop();
    await shop?.stop();
  });

  it.each(Object.keys(templates) as Array<keyof typeof templates>)(
    '%s runs the experiments, verifies the SLOs, keeps the reports and fails only on deviation',
    async (template) => {
      const cwd = mkdtempSync(join(tmpdir(), 'faultline-ci-'));
      const env = {
        ...(process.env as Record<string, string>),
        ...shop.env,
        NO_COLOR: '1',
        // The latency run first: the requests it slowed down finish (and are scraped) meanwhile,
        // and --margin-after in the templates takes them into its window.
        FAULTLINE_EXPERIMENTS: ['payment-latency', 'replica-killed'].map((n) => join(root, 'examples/local', `${n}.yaml`)).join(' '),
        FAULTLINE_SLO: join(root, 'examples/local/slo.yaml'),
        PROMETHEUS_URL: prometheus.url,
      };
      const { ok, steps } = await templates[template](join(root, 'templates', template), cwd, env);
      const log = steps.map((s) => `--- ${s.name} (${s.code})\n${s.output}`).join('\n');
      expect(ok, log).toBe(mode === 'resilient');
      // The report steps ran either way and left both artifacts.
      expect(readFileSync(join(cwd, 'chaos-reports', 'chaos-report.html'), 'utf8'), log).toMatch(/^<!doctype html>/i);
      expect(readFileSync(join(cwd, 'chaos-reports', 'junit.xml'), 'utf8'), log).toMatch(/<testsuites?[\s>]/);
      expect(existsSync(join(cwd, 'chaos-reports', 'payment-latency.json'))).toBe(true);
      // verify judged the runs from Prometheus' data: the naive shop's 2 s payments broke the
      // latency SLO, the resilient shop met both.
      if (mode === 'resilient') {
        expect(log).toMatch(/PASS +order-errors/);
        expect(log).toMatch(/PASS +order-latency-p99/);
        expect(log).not.toMatch(/FAIL|NO DATA/);
      } else {
        expect(log).toMatch(/FAIL +order-latency-p99/);
        expect(log).toMatch(/Result: (failed|deviated)/);
      }
    },
    120_000,
  );
});
