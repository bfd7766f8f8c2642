import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ControlHookParams, Logger } from '@faultline/core';
import { grafanaAnnotationsControl } from './grafana-annotations.js';
import { pushgatewayMetricsControl } from './pushgateway-metrics.js';

interface Recorded {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A local server that records requests and answers with `reply(request)`. */
async function recordServer(reply: (req: Recorded) => { status: number; body?: unknown }) {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      const recorded = { method: req.method!, path: req.url!, headers: req.headers, body };
      requests.push(recorded);
      const { status, body: out } = reply(recorded);
      res.writeHead(status, { 'content-type': 'application/json' }).end(out === undefined ? '' : JSON.stringify(out));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function params(overrides: Partial<ControlHookParams> & { warnings?: string[] }): ControlHookParams {
  const warnings = overrides.warnings ?? [];
  const logger: Logger = {
    debug() {},
    info() {},
    warn: (m) => {
      warnings.push(m);
    },
    error: (m) => {
      warnings.push(m);
    },
  };
  return {
    context: {},
    experiment: { title: 'Pod Resilience Experiment' },
    configuration: {},
    secrets: {},
    settings: {},
    arguments: {},
    logger,
    runId: 'run-1',
    interrupt() {},
    ...overrides,
  };
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

describe('grafana_annotations control', () => {
  it('posts a region annotation at start and closes it with the status at the end', async () => {
    const grafana = await recordServer((req) => {
      if (req.headers.authorization !== 'Bearer glsa_token') return { status: 401, body: { message: 'Unauthorized' } };
      if (req.method === 'POST' && req.path === '/api/annotations')
        return { status: 200, body: { id: 42, message: 'Annotation added' } };
      if (req.method === 'PATCH' && req.path === '/api/annotations/42')
        return { status: 200, body: { message: 'Annotation patched' } };
      return { status: 404, body: { message: 'Not found' } };
    });
    closers.push(grafana.close);
    const warnings: string[] = [];
    const common = {
      runId: 'run-grafana',
      warnings,
      configuration: { grafana_url: `${grafana.url}/` },
      // by scope, as the engine hands an experiment's secrets to controls
      secrets: { grafana: { grafana_token: 'glsa_token' } },
      arguments: { dashboard_uid: 'faultline', panel_id: 3, tags: ['chaos', 'checkout'] },
    };
    const before = Date.now();
    await grafanaAnnotationsControl.module.before_experiment_control!(params(common));
    await grafanaAnnotationsControl.module.after_experiment_control!(
      params({ ...common, state: { status: 'completed', deviated: true, duration: 1.5 } }),
    );

    expect(warnings).toEqual([]);
    expect(grafana.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/annotations',
      'PATCH /api/annotations/42',
    ]);
    const [post, patch] = grafana.requests.map((r) => ({ ...r, json: JSON.parse(r.body) as Record<string, unknown> }));
    expect(post!.headers['content-type']).toBe('application/json');
    expect(post!.json).toMatchObject({
      dashboardUID: 'faultline',
      panelId: 3,
      tags: ['chaos', 'checkout', 'run:run-grafana'],
    });
    expect(post!.json.time).toBeGreaterThanOrEqual(before);
    expect(post!.json.text).toContain('Pod Resilience Experiment');
    expect(patch!.headers.authorization).toBe('Bearer glsa_token');
    expect(patch!.json.time).toBe(post!.json.time);
    expect(patch!.json.timeEnd).toBeGreaterThanOrEqual(post!.json.time as number);
    expect(patch!.json.tags).toEqual(['chaos', 'checkout', 'run:run-grafana', 'status:completed', 'deviated']);
    expect(patch!.json.text).toContain('completed, deviated');
  });

  it('warns instead of failing the run when Grafana refuses or is unreachable', async () => {
    const grafana = await recordServer(() => ({ status: 401, body: { message: 'Unauthorized' } }));
    closers.push(grafana.close);
    const warnings: string[] = [];
    await grafanaAnnotationsControl.module.before_experiment_control!(
      params({
        runId: 'run-refused',
        warnings,
        arguments: { grafana_url: grafana.url },
        secrets: { grafana_token: 'bad' },
      }),
    );
    await grafanaAnnotationsControl.module.after_experiment_control!(
      params({ runId: 'run-refused', warnings, state: { status: 'completed' } }),
    );
    expect(warnings.join('\n')).toContain('HTTP 401');
    expect(grafana.requests).toHaveLength(1);

    await grafanaAnnotationsControl.module.before_experiment_control!(
      params({ runId: 'run-down', warnings, arguments: { grafana_url: 'http://127.0.0.1:1' } }),
    );
    expect(warnings.at(-1)).toContain('could not post');
    await grafanaAnnotationsControl.module.before_experiment_control!(params({ runId: 'run-nourl', warnings }));
    expect(warnings.at(-1)).toContain('no grafana_url');
  });

  it('uses basic auth and the org header when configured', async () => {
    const grafana = await recordServer(() => ({ status: 200, body: { id: 7 } }));
    closers.push(grafana.close);
    await grafanaAnnotationsControl.module.before_experiment_control!(
      params({
        runId: 'run-basic',
        arguments: { grafana_url: grafana.url },
        secrets: { grafana_username: 'admin', grafana_password: 'admin', grafana_org_id: 2 },
      }),
    );
    expect(grafana.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('admin:admin').toString('base64')}`);
    expect(grafana.requests[0]!.headers['x-grafana-org-id']).toBe('2');
  });
});

describe('metrics control (chaosprometheus.metrics)', () => {
  it('pushes in-progress at start and status, deviation and duration at the end', async () => {
    const gateway = await recordServer(() => ({ status: 200 }));
    closers.push(gateway.close);
    const common = {
      runId: 'run-push',
      arguments: { pushgateway_url: gateway.url, job: 'chaos', trace_id: 'trace-1', experiment_ref: 'exp-1' },
    };
    await pushgatewayMetricsControl.module.configure_control!(params(common));
    await pushgatewayMetricsControl.module.before_experiment_control!(params(common));
    await pushgatewayMetricsControl.module.after_experiment_control!(
      params({ ...common, state: { status: 'completed', deviated: true, duration: 12.5 } }),
    );
    await pushgatewayMetricsControl.module.cleanup_control!(params(common));

    expect(gateway.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /metrics/job/chaos/chaostoolkit_experiment_ref/exp-1',
      'PUT /metrics/job/chaos/chaostoolkit_experiment_ref/exp-1',
    ]);
    const labels =
      'source="faultline",chaostoolkit_lib_version="0.1.0",chaostoolkit_run_trace_id="trace-1",chaostoolkit_experiment_ref="exp-1",experiment="Pod Resilience Experiment"';
    expect(gateway.requests[0]!.headers['content-type']).toContain('text/plain');
    expect(gateway.requests[0]!.body).toContain(`chaostoolkit_inprogress_experiment{${labels}} 1`);
    const end = gateway.requests[1]!.body;
    expect(end).toContain(`chaostoolkit_inprogress_experiment{${labels}} 0`);
    expect(end).toContain(`chaostoolkit_deviated_experiment_total{${labels}} 1`);
    expect(end).toContain(`chaostoolkit_experiment_status{${labels},chaostoolkit_experiment_status="completed"} 1`);
    expect(end).toContain(`chaostoolkit_experiment_status{${labels},chaostoolkit_experiment_status="failed"} 0`);
    expect(end).toContain(`chaostoolkit_experiment_duration{${labels}} 12.5`);
    expect(end).toContain(`chaostoolkit_experiment_duration_dist_count{${labels}} 1`);
  });

  it('derives the duration from the journal start when the journal has none yet', async () => {
    const gateway = await recordServer(() => ({ status: 200 }));
    closers.push(gateway.close);
    const common = { runId: 'run-noduration', arguments: { pushgateway_url: gateway.url } };
    await pushgatewayMetricsControl.module.after_experiment_control!(
      params({
        ...common,
        state: { status: 'failed', deviated: false, start: new Date(Date.now() - 5000).toISOString() },
      }),
    );
    const value = Number(gateway.requests[0]!.body.match(/^chaostoolkit_experiment_duration\{[^}]*\} ([\d.]+)$/m)?.[1]);
    expect(value).toBeGreaterThanOrEqual(5);
    expect(value).toBeLessThan(60);
    expect(gateway.requests[0]!.body).toMatch(
      /chaostoolkit_experiment_status\{[^}]*chaostoolkit_experiment_status="failed"\} 1/,
    );
    expect(gateway.requests[0]!.body).not.toMatch(/chaostoolkit_deviated_experiment_total\{[^}]*\} [1-9]/);
  });

  it('encodes grouping keys with slashes the Pushgateway way and survives a gateway that is down', async () => {
    const gateway = await recordServer(() => ({ status: 200 }));
    closers.push(gateway.close);
    const args = { pushgateway_url: gateway.url, grouping_key: { instance: 'ci/runner 1' } };
    await pushgatewayMetricsControl.module.before_experiment_control!(params({ runId: 'run-slash', arguments: args }));
    expect(gateway.requests[0]!.path).toBe(
      `/metrics/job/chaostoolkit/instance@base64/${Buffer.from('ci/runner 1').toString('base64url')}`,
    );

    const warnings: string[] = [];
    const fields: unknown[] = [];
    const p = params({ runId: 'run-down', warnings, arguments: { pushgateway_url: 'http://user:s3cret@127.0.0.1:1' } });
    await pushgatewayMetricsControl.module.before_experiment_control!({
      ...p,
      logger: {
        ...p.logger,
        warn: (m, f) => {
          warnings.push(m);
          fields.push(f);
        },
      },
    });
    expect(warnings.join('\n')).toContain('could not push');
    expect(JSON.stringify([warnings, fields])).not.toContain('s3cret');
  });
});
