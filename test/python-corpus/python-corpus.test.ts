import { cpSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findSystemBinary } from '@faultline/core/testing';
import { runCli, tempDir } from '../../packages/cli/src/__tests__/cli-harness.js';

const python = findSystemBinary('python3', ['/usr/bin/python3']);
const corpus = fileURLToPath(new URL('.', import.meta.url));
const token = 'corpus-token-7d1f';

/** The orders service the experiments probe: /health, and /orders (GET needs the bearer token). */
let server: Server;
let url: string;
const orders: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/health') return res.end(JSON.stringify({ ok: true }));
      if (req.url === '/orders' && req.method === 'GET') {
        if (req.headers.authorization !== `Bearer ${token}`) {
          res.statusCode = 401;
          return res.end('{}');
        }
        return res.end(JSON.stringify(orders));
      }
      if (req.url === '/orders' && req.method === 'POST') {
        orders.push(body);
        res.statusCode = 201;
        return res.end('{}');
      }
      if (req.url === '/orders' && req.method === 'DELETE') {
        orders.length = 0;
        return res.end('{}');
      }
      res.statusCode = 404;
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
// Each experiment starts with no order, whichever ran before it.
beforeEach(() => {
  orders.length = 0;
});

type Journal = {
  status: string;
  run: Array<{ activity: { name: string }; status?: string; output: unknown; exception?: string[] }>;
  rollbacks: Array<{ status?: string; output: unknown }>;
  steady_states: { before?: { steady_state_met: boolean }; after?: { steady_state_met: boolean } };
};

/** Each experiment, and what its real run must show. */
const experiments: Array<[string, (journal: Journal, dir: string) => void]> = [
  [
    'health-and-load.yaml',
    (journal) => {
      expect(journal.steady_states.after?.steady_state_met).toBe(true);
      expect(journal.run[0]?.output).toMatchObject({ requests: 40, ok: 40 });
      expect(journal.run[1]?.output).toBe(0); // the token from the environment reached the module (401 otherwise)
      expect(journal.rollbacks[0]?.output).toBe(200);
    },
  ],
  [
    'logging-control.json',
    (journal, dir) => {
      expect(journal.run[0]?.output).toBe(201);
      const trail = JSON.parse(readFileSync(join(dir, 'trail.json'), 'utf8')) as string[];
      expect(trail[0]).toBe("configure:Every step is logged by the team's control");
      expect(trail).toContain('after_activity:place-order:succeeded');
      expect(trail).toContain('after_rollback:1');
      expect(trail.at(-1)).toBe('after_experiment:completed');
    },
  ],
  [
    'raising-action.yaml',
    (journal) => {
      expect(journal.run[0]?.status).toBe('failed');
      expect(journal.run[0]?.exception?.at(-1)).toBe('chaoslib.exceptions.ActivityFailed: RuntimeError: disk full\n');
      expect(journal.run[1]?.output).toBe(201);
    },
  ],
  [
    'background-load.yaml',
    (journal) => {
      const byName = Object.fromEntries(journal.run.map((r) => [r.activity.name, r]));
      expect(byName['background-load']?.output).toMatchObject({ ok: 60 });
      expect(byName['place-order']?.output).toBe(201);
    },
  ],
];

describe.skipIf(!python)('a corpus of Chaos Toolkit experiments with the team’s own Python package', () => {
  const counts = { validated: 0, dry: 0, ran: 0 };
  afterAll(() => {
    process.stdout.write(
      `python corpus: ${experiments.length} experiments, ${counts.validated} validate, ${counts.dry} run with --dry activities, ${counts.ran} run for real\n`,
    );
  });

  for (const [file, check] of experiments) {
    it(`${file}: validates, runs dry, runs`, async () => {
      const dir = tempDir('faultline-corpus-');
      cpSync(corpus, dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
      const env = { HOME: dir, ORDERS_URL: url, ORDERS_TOKEN: token, FAULTLINE_PYTHON: python! };
      const chaos = (...args: string[]) => runCli(['--no-log-file', ...args], { cwd: dir, env, timeoutMs: 60_000 });

      const validate = await chaos('validate', file);
      expect(validate.stdout).toMatch(/the experiment is valid/);
      counts.validated++;

      const dry = await chaos('run', '--dry', 'activities', '--journal-path', 'dry.json', file);
      expect(dry.code, dry.stderr).toBe(0);
      counts.dry++;

      const run = await chaos('run', '--journal-path', 'journal.json', file);
      expect(run.code, run.stderr).toBe(0);
      check(JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8')) as Journal, dir);
      counts.ran++;
    });
  }
});
