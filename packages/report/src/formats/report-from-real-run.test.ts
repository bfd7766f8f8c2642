import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityResolver, runExperiment, type Experiment, type Journal } from '@faultline/core';
import { computeImpact } from '../analysis/compute-impact.js';
import { renderHtml } from './render-html.js';
import { renderJunit } from './render-junit.js';

/**
 * The journal of a real run by Faultline's runner (continuous hypothesis against a real HTTP
 * service on 127.0.0.1): what the report reads in production, not a hand-written fixture.
 */
describe('a report of a real continuous run', () => {
  let server: Server;
  let url: string;
  let healthy = true;
  let journal: Journal;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/break') healthy = false;
      if (req.url === '/heal') healthy = true;
      res.writeHead(req.url === '/health' && !healthy ? 503 : 200, { 'content-type': 'text/plain' }).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const experiment: Experiment = {
      title: 'Service survives an outage',
      'steady-state-hypothesis': {
        title: 'Service is up',
        probes: [{ type: 'probe', name: 'health', tolerance: 200, provider: { type: 'http', url: `${url}/health` } }],
      },
      method: [
        {
          type: 'action',
          name: 'break-service',
          provider: { type: 'http', url: `${url}/break` },
          pauses: { before: 0.4, after: 0.6 },
        },
        {
          type: 'action',
          name: 'heal-service',
          provider: { type: 'http', url: `${url}/heal` },
          pauses: { after: 0.6 },
        },
      ],
    };
    journal = await runExperiment({
      experiment,
      baseDir: process.cwd(),
      resolver: new ActivityResolver([]),
      env: {},
      hypothesisStrategy: 'continuously',
      hypothesisFrequency: 0.1,
      version: '0.0.0-test',
    });
  }, 30_000);

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('measures the outage from the journal', () => {
    expect(journal.status).toBe('completed');
    const impact = computeImpact(journal);
    expect(impact.continuous).toBe(true);
    expect(impact.samples.failed).toBeGreaterThan(0);
    expect(impact.samples.held).toBeGreaterThan(0);
    const [broken] = impact.faults;
    expect(broken?.activity).toBe('break-service');
    // the service breaks as soon as the action ran; generous bounds for a loaded machine
    expect(broken?.timeToImpactSeconds).toBeGreaterThanOrEqual(0);
    expect(broken?.timeToImpactSeconds).toBeLessThan(2);
    expect(broken?.degradedSeconds).toBeGreaterThan(0.3);
  });

  it('renders every section and a valid-looking JUnit document', () => {
    const html = renderHtml(journal);
    expect(html).toContain('<svg class="chart timeline"');
    expect(html).toContain('<svg class="chart probe-chart"');
    expect(html).toContain('class="bar pause"');
    expect(html).toMatch(
      /The system recovered, but did not hold throughout: while Faultline ran break-service and heal-service/,
    );
    expect(renderJunit(journal)).toMatch(
      /<testcase classname="Service survives an outage.steady-state-during" name="health"[^>]*>\s*<failure type="ToleranceNotMet"/,
    );
  });
});
