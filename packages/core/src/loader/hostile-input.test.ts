import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FaultlineError } from '../errors/faultline-error.js';
import { substitute } from '../substitution/substitute.js';
import { validateExperiment } from '../validation/validate-experiment.js';
import { checkRunnableShape } from '../validation/check-runnable-shape.js';
import { parseExperimentText } from './experiment-source.js';
import { loadExperimentDocument } from './load-experiment-document.js';

const corpus = fileURLToPath(new URL('./__fixtures__/hostile/', import.meta.url));

/** Load and validate; the only acceptable failure is invalid input (exit 64), within a time bound. */
async function loadAndValidate(run: () => Promise<{ value: unknown }>): Promise<{ code?: string; valid?: boolean }> {
  try {
    const { value } = await run();
    const result = await validateExperiment(value);
    if (result.experiment) substitute(result.experiment, {}, {});
    return { valid: Boolean(result.experiment) };
  } catch (error) {
    expect(error).toBeInstanceOf(FaultlineError);
    expect((error as FaultlineError).exitCode).toBe(64);
    return { code: (error as FaultlineError).code };
  }
}

describe('hostile experiment documents', () => {
  const expected: Record<string, string | boolean> = {
    'alias-bomb.yaml': 'E_EXPERIMENT_SYNTAX',
    'cyclic-alias.yaml': 'E_EXPERIMENT_TOO_DEEP',
    'deep-flow.yaml': 'E_EXPERIMENT_SYNTAX',
    'deep-mapping.yaml': 'E_EXPERIMENT_TOO_DEEP',
    'deep.json': 'E_EXPERIMENT_TOO_DEEP',
    'binary-junk.yaml': 'E_EXPERIMENT_ENCODING',
    'invalid-utf8.yaml': 'E_EXPERIMENT_ENCODING',
    'nul-bytes.json': 'E_EXPERIMENT_ENCODING',
    'utf16le-bom.yaml': true,
    'wrong-types.yaml': false,
    'self-reference.yaml': false,
    'empty.yaml': false,
    'huge-numbers.yaml': false,
    'tags.yaml': false,
  };

  for (const name of readdirSync(corpus)) {
    it(`${name}: a clear invalid-input error or a verdict, in bounded time`, async () => {
      const started = performance.now();
      const outcome = await loadAndValidate(() => loadExperimentDocument(name, { cwd: corpus }));
      expect(performance.now() - started).toBeLessThan(5_000);
      const want = expected[name];
      if (typeof want === 'string') expect(outcome.code).toBe(want);
      if (typeof want === 'boolean') expect(outcome.valid).toBe(want);
    });
  }

  it('says what is wrong: alias bombs, nesting, encodings, self-references', async () => {
    const message = async (name: string) =>
      loadExperimentDocument(name, { cwd: corpus }).then(
        () => '',
        (e: Error) => e.message,
      );
    expect(await message('alias-bomb.yaml')).toMatch(/too many YAML alias expansions/);
    expect(await message('deep-flow.yaml')).toMatch(/nested too deeply/);
    expect(await message('deep.json')).toMatch(/nested more than 100 levels deep/);
    expect(await message('binary-junk.yaml')).toMatch(/not a text document/);
    const selfRef = await validateExperiment(
      (await loadExperimentDocument('self-reference.yaml', { cwd: corpus })).value,
    );
    expect(selfRef.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      'refers to itself through substitution (${a} → ${b} → ${a})',
      'refers to itself through substitution (${b} → ${a} → ${b})',
      'refers to itself through substitution (${c} → ${c})',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Even --no-validation (no validator) never hands the runner something it cannot walk.
    const wrong = (await loadExperimentDocument('wrong-types.yaml', { cwd: corpus })).value;
    expect(() => checkRunnableShape(wrong, 'wrong-types.yaml')).toThrow(/method\[0\] must be a mapping/);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-hostile-'));
    writeFileSync(join(dir, 'big.yaml'), `title: big\ndescription: "${'x'.repeat(5 * 1024 * 1024)}"\n`);
    const started = performance.now();
    await expect(loadExperimentDocument('big.yaml', { cwd: dir })).rejects.toMatchObject({
      code: 'E_EXPERIMENT_TOO_LARGE',
      exitCode: 64,
    });
    expect(performance.now() - started).toBeLessThan(1_000);
    await expect(
      loadExperimentDocument('big.yaml', { cwd: dir, env: { FAULTLINE_MAX_EXPERIMENT_BYTES: String(8 << 20) } }),
    ).resolves.toMatchObject({ value: { title: 'big' } });
  });
});

/** A small deterministic PRNG (mulberry32): the same seed fuzzes the same cases on every machine. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('fuzzing the loader and the validator', () => {
  const base = readFileSync(fileURLToPath(new URL('../run/__fixtures__/', import.meta.url)) + 'fuzz-base.yaml', 'utf8');
  const significant = [
    '[',
    ']',
    '{',
    '}',
    ':',
    '&a',
    '*a',
    '!',
    '|',
    '>',
    "'",
    '"',
    '-',
    '#',
    '%',
    '@',
    '`',
    '\n',
    '\t',
    ' ',
    '${',
    '$$',
    '\\',
    '\u0000',
    '\uFEFF',
    '\uD800',
    '1e999',
    'null',
    '~',
    '<<: *a',
    '? ',
  ];
  const values = [
    null,
    true,
    0,
    -1,
    1e308,
    'x',
    '',
    '${x}',
    [],
    {},
    [[[[]]]],
    { type: 'probe' },
    'http://',
    '__proto__',
  ];

  it('every mutation is invalid input or a verdict: never a crash or a hang (bounded run)', async () => {
    const random = prng(1234);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const deadline = performance.now() + 10_000;
    let cases = 0;
    let slowest = 0;
    while (cases < 400 && performance.now() < deadline) {
      cases++;
      let text = base;
      for (let edits = 1 + Math.floor(random() * 4); edits > 0; edits--) {
        const at = Math.floor(random() * text.length);
        const kind = random();
        if (kind < 0.4) text = text.slice(0, at) + pick(significant) + text.slice(at);
        else if (kind < 0.6) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20));
        else if (kind < 0.8)
          text = text.slice(0, at) + text.slice(at, at + 40).repeat(2 + Math.floor(random() * 5)) + text.slice(at);
        else {
          // a structural mutation: some node replaced by a value of another type
          const parsed = parseExperimentText(text, 'fuzz.yaml');
          if (parsed.value && typeof parsed.value === 'object') {
            const json = JSON.stringify(parsed.value, (key, value: unknown) =>
              key && random() < 0.08 ? structuredClone(pick(values)) : value,
            );
            if (json) text = json;
          }
        }
      }
      const started = performance.now();
      await loadAndValidate(async () => {
        const parsed = parseExperimentText(text, `fuzz-${cases}.yaml`);
        if (parsed.errors.length) throw Object.assign(new FaultlineError('syntax', { exitCode: 64, code: 'E_SYNTAX' }));
        return parsed;
      });
      slowest = Math.max(slowest, performance.now() - started);
    }
    expect(cases).toBeGreaterThan(50);
    expect(slowest).toBeLessThan(3_000);
  });
});
