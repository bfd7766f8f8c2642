import { describe, expect, it } from 'vitest';
import { parseExperimentText } from '../loader/experiment-source.js';
import { createWorld } from '../run/__fixtures__/test-driver.js';
import { formatProblem } from './problem.js';
import { experimentJsonSchema } from './experiment-schema.js';
import { validateExperiment } from './validate-experiment.js';

async function validate(text: string) {
  const parsed = parseExperimentText(text, 'exp.yaml');
  return validateExperiment(parsed.value, {
    source: parsed.source,
    resolver: createWorld().resolver,
    baseDir: process.cwd(),
  });
}

const valid = `
version: 1.0.0
title: "Pod Resilience Experiment"
steady-state-hypothesis:
  title: "Application is healthy"
  probes:
    - name: "api-responds-normally"
      type: "probe"
      tolerance: 200
      provider:
        type: "http"
        url: "https://api.example.com/health"
method:
  - type: "action"
    name: "inject"
    provider:
      type: "python"
      module: "chaosfixture.actions"
      func: "inject_fault"
      arguments:
        fault: "latency"
    pauses:
      after: 20
rollbacks:
  - type: action
    name: restore
    provider: { type: process, path: echo, arguments: [ok] }
`;

const guard = { type: 'python', module: 'chaosaddons.controls.safeguards' };

describe('validateExperiment', () => {
  it('accepts a Chaos Toolkit experiment', async () => {
    const result = await validate(valid);
    expect(result.problems).toEqual([]);
    expect(result.experiment?.title).toBe('Pod Resilience Experiment');
  });

  it('reports every problem at once, each with its path and line', async () => {
    const text = `
title: ""
steady-state-hypothesis:
  title: h
  probes:
    - name: no-tolerance
      type: probe
      provider: { type: http }
method:
  - type: action
    name: typo
    provider:
      type: python
      module: chaosfixture.actions
      func: inject_faults
  - type: action
    name: bad-args
    provider:
      type: python
      module: chaosfixture.actions
      func: inject_fault
      arguments: { fault: 3, colour: red }
    pauses: { after: "soon" }
  - ref: nowhere
  - type: explode
    name: weird
    provider: { type: ftp }
`;
    const result = await validate(text);
    const errors = result.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, 'exp.yaml'));
    expect(result.experiment).toBeUndefined();
    const all = errors.join('\n');
    expect(all).toMatch(/exp\.yaml:2:\d+: error title/);
    expect(all).toMatch(/steady-state-hypothesis\.probes\[0\]\.provider\.url: is required/);
    expect(all).toMatch(/probes\[0\]: probe "no-tolerance" has no tolerance/);
    expect(all).toMatch(
      /exp\.yaml:15:\d+: error method\[0\]\.provider\.func: .*inject_faults.*\n\s+hint: did you mean chaosfixture\.actions\.inject_fault/,
    );
    expect(all).toMatch(/method\[1\]\.provider\.arguments\.fault: must be a string, got number/);
    expect(all).toMatch(/method\[1\]\.provider\.arguments\.colour: inject_fault takes no argument "colour"/);
    expect(all).toMatch(/method\[1\]\.pauses\.after: .*soon/);
    expect(all).toMatch(/method\[2\]\.ref: refers to "nowhere"/);
    expect(all).toMatch(/method\[3\]\.type: must be one of/);
    expect(all).toMatch(/method\[3\]\.provider\.type: unknown provider type/);
    expect(errors.length).toBeGreaterThanOrEqual(10);
  });

  it('checks tolerance regexes, JSONPaths and ranges at validation, with their line', async () => {
    const probe = (name: string, tolerance: string) =>
      `    - {name: ${name}, type: probe, tolerance: ${tolerance}, provider: {type: http, url: "http://127.0.0.1:9/"}}`;
    const text = valid.replace(
      '  probes:\n',
      `  probes:\n${probe('bad-regex', '{type: regex, pattern: "("}')}\n${probe('bad-path', '{type: jsonpath, path: "$[?("}')}\n${probe('bad-range', '{type: range, range: [5, 1]}')}\n`,
    );
    const { problems } = await validate(text);
    const messages = problems.filter((p) => p.severity === 'error').map((p) => `${p.path.join('.')}: ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/probes\.0\.tolerance: .*/),
      expect.stringMatching(/probes\.1\.tolerance: invalid JSONPath/),
      expect.stringMatching(/probes\.2\.tolerance: range \[5, 1\] is empty/),
    ]);
    expect(problems[0]!.line).toBeGreaterThan(0);
  });

  it('suggests the nearest known python names for an unknown module', async () => {
    const result = await validate(valid.replace('chaosfixture.actions', 'chaosfixtur.actions'));
    const problem = result.problems.find((p) => p.severity === 'error');
    expect(problem?.message).toMatch(/python module "chaosfixtur.actions" is not known/);
    expect(problem?.hint).toMatch(/chaosfixture\.actions\.inject_fault/);
  });

  it('warns about unknown keys without failing', async () => {
    const result = await validate(`${valid}\nfoo: bar\n`);
    expect(result.experiment).toBeDefined();
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', path: ['foo'], line: 29 })]);
  });

  it('requires a method, which may be empty (only the hypothesis is checked)', async () => {
    const result = await validate('title: t\n');
    expect(result.problems.map((p) => p.message)).toContain(
      'an experiment requires a method, which can be empty for only checking the steady-state hypothesis',
    );
    const empty = await validate(
      'title: t\nsteady-state-hypothesis:\n  title: h\n  probes:\n    - {type: probe, name: p, tolerance: 0, provider: {type: process, path: echo}}\nmethod: []\n',
    );
    expect(empty.problems).toEqual([]);
    expect(empty.experiment).toBeDefined();
  });

  it('accepts expected_status as a number or a list on http providers; unknown provider keys only warn', async () => {
    const http = (extra: string) =>
      validate(
        `title: t\nmethod:\n  - type: probe\n    name: p\n    provider:\n      type: http\n      url: http://127.0.0.1:9/\n      ${extra}\n`,
      );
    expect((await http('expected_status: 200')).problems).toEqual([]);
    expect((await http('expected_status: [200, 204]')).problems).toEqual([]);
    const unknown = await http('retries_please: 3');
    expect(unknown.experiment).toBeDefined();
    expect(unknown.problems).toEqual([
      expect.objectContaining({ severity: 'warning', message: 'unknown key "retries_please" is ignored' }),
    ]);
  });

  it('resolves every activity it will run: tolerance probes, rollbacks and controls at every level', async () => {
    const text = `
title: t
controls:
  - {name: top, provider: {type: python, module: chaosfixture.nope}}
steady-state-hypothesis:
  title: h
  controls:
    - {name: hyp, provider: {type: javascript, module: ./no-such-control.mjs}}
  probes:
    - type: probe
      name: p
      tolerance: {type: probe, name: t, provider: {type: python, module: chaosfixture.probes, func: read_valu}}
      provider: {type: python, module: chaosfixture.probes, func: read_value}
    - type: probe
      name: p2
      tolerance: {type: probe, name: t2, provider: {type: python, module: chaosfixture.probes, func: read_value}}
      provider: {type: python, module: chaosfixture.probes, func: read_value}
method:
  - type: action
    name: a
    provider: {type: python, module: chaosfixture.actions, func: inject_fault, arguments: {fault: x}}
    controls:
      - {name: act, provider: {type: python, module: chaosfixture.nope2}}
rollbacks:
  - {type: action, name: r, provider: {type: python, module: chaosfixture.actions, func: set_valu}}
`;
    const result = await validate(text);
    const paths = result.problems.filter((p) => p.severity === 'error').map((p) => p.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'controls.0.provider.module',
        'steady-state-hypothesis.controls.0.provider.module',
        'steady-state-hypothesis.probes.0.tolerance.provider.func',
        'method.0.controls.0.provider.module',
        'rollbacks.0.provider.func',
      ]),
    );
    // probes[1]'s tolerance resolves: the `value` it gets at run time is not a problem.
    expect(paths.filter((p) => p.startsWith('steady-state-hypothesis.probes.1'))).toEqual([]);
  });

  it('resolves the functions safeguard probes name, in the experiment and in the settings, as method probes', async () => {
    const text = `
title: t
controls:
  - name: guard
    provider:
      type: python
      module: chaosaddons.controls.safeguards
      arguments:
        probes:
          - {type: probe, name: ok, tolerance: 1, provider: {type: python, module: chaosfixture.probes, func: read_value}}
          - {type: probe, name: bad, tolerance: 1, provider: {type: python, module: chaosfixture.probes, func: read_valu}}
method:
  - {type: probe, name: m, provider: {type: python, module: chaosfixture.probes, func: read_valu}}
`;
    const parsed = parseExperimentText(text, 'exp.yaml');
    const badProbe = { type: 'probe', name: 's', tolerance: 1 };
    const provider = { type: 'python', module: 'chaosfixture.probes', func: 'read_valu' };
    const result = await validateExperiment(parsed.value, {
      source: parsed.source,
      resolver: createWorld().resolver,
      settings: {
        safeguards: [{ ...badProbe, provider }],
        controls: { mine: { provider: { ...guard, arguments: { probes: [{ ...badProbe, provider }] } } } },
      },
    });
    const errors = result.problems.filter((p) => p.severity === 'error');
    const method = errors.find((p) => p.path.join('.') === 'method.0.provider.func');
    expect(method?.hint).toMatch(/did you mean/);
    const byPath = (path: string) => errors.find((p) => p.path.join('.') === path);
    for (const path of [
      'controls.0.provider.arguments.probes.1.provider.func',
      'settings.safeguards.0.provider.func',
      'settings.controls.mine.provider.arguments.probes.0.provider.func',
    ])
      expect(byPath(path)).toMatchObject({ message: method?.message, hint: method?.hint });
    expect(byPath('controls.0.provider.arguments.probes.1.provider.func')?.line).toBe(11);
    expect(byPath('settings.safeguards.0.provider.func')?.line).toBeUndefined();
    expect(
      errors.filter((p) => p.path.join('.').includes('probes.0.provider.func') && p.path[0] === 'controls'),
    ).toEqual([]);
  });

  it('reports configuration and secrets read from environment variables that are not set', async () => {
    const text = `
title: t
configuration:
  api_url: {type: env, key: FL_TEST_API_URL}
  port: {type: env, key: FL_TEST_PORT, default: 8080}
  region: {type: env, key: FL_TEST_REGION}
  set: {type: env, key: FL_TEST_SET}
secrets:
  api: {token: {type: env, key: FL_TEST_TOKEN}}
method: []
`;
    const parsed = parseExperimentText(text, 'exp.yaml');
    const result = await validateExperiment(parsed.value, {
      source: parsed.source,
      environment: { env: { FL_TEST_SET: 'yes' }, vars: { configuration: { region: 'eu' } } },
    });
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.path.join('.'), p.line])).toEqual([
      ['configuration.api_url.key', 4],
      ['secrets.api.token.key', 9],
    ]);
    expect(errors[0]?.message).toBe(
      'configuration "api_url" reads the environment variable FL_TEST_API_URL, which is not set',
    );
    // Without an environment to check against (schema-only validation), nothing is reported.
    expect((await validateExperiment(parsed.value, {})).problems).toEqual([]);
  });

  it('publishes a JSON Schema of the format', () => {
    const schema = experimentJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['title', 'method', 'steady-state-hypothesis', 'rollbacks', 'runtime']),
    );
    expect(schema.required).toContain('title');
  });
});
