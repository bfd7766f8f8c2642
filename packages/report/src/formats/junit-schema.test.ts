import { readFileSync } from 'node:fs';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureNames, loadFixture } from '../__fixtures__/load-fixture.js';
import { renderJunit } from './render-junit.js';

// The Jenkins xUnit plugin's junit-10.xsd, checked by libxml2 (compiled to WebAssembly).
const schemaDoc = XmlDocument.fromString(
  readFileSync(new URL('../__fixtures__/junit-10.xsd', import.meta.url), 'utf8'),
);
const validator = XsdValidator.fromDoc(schemaDoc);

function problems(xml: string): string[] {
  const doc = XmlDocument.fromString(xml);
  try {
    validator.validate(doc);
    return [];
  } catch (error) {
    const details = (error as { details?: Array<{ message: string; line: number }> }).details;
    return details?.map((d) => `line ${d.line}: ${d.message.trim()}`) ?? [String(error)];
  } finally {
    doc.dispose();
  }
}

afterAll(() => {
  validator.dispose();
  schemaDoc.dispose();
});

describe('JUnit XML against the JUnit schema CI tools use', () => {
  it('rejects a document that breaks the schema (the checker can fail)', () => {
    expect(
      problems(
        '<testsuites><testsuite name="x" tests="1" failures="0" errors="0"><testcase time="1"/></testsuite></testsuites>',
      ),
    ).not.toEqual([]);
    expect(
      problems('<testsuites><testsuite name="x" tests="1" failures="0" errors="0" time="soon"/></testsuites>'),
    ).not.toEqual([]);
  });

  it.each(fixtureNames)('validates for the %s journal', (fixture) => {
    expect(problems(renderJunit(loadFixture(fixture)))).toEqual([]);
  });

  it('validates for several journals at once, with one testsuite each', () => {
    const xml = renderJunit([...fixtureNames.map(loadFixture), loadFixture('continuous-later')]);
    expect(problems(xml)).toEqual([]);
    expect(xml.match(/<testsuite /g)).toHaveLength(8);
  });

  it('stays valid with control characters and markup in outputs and errors', () => {
    const journal = loadFixture('aborted');
    journal.run[0]!.exception = ['boom \u0001\u001b[31m<red>&"\'', ']]> end'];
    journal.experiment.title = 'a <b> & "c"';
    expect(problems(renderJunit(journal))).toEqual([]);
  });

  it('reports deviation and failures as failures, not-run steps as skipped', () => {
    const deviated = renderJunit(loadFixture('deviated'));
    expect(deviated).toMatch(
      /<testcase classname="Network Failure Resilience.steady-state-after" name="can-place-order"[^>]*>\s*<failure type="ToleranceNotMet" message="steady state deviated: expected true, got false">/,
    );
    const failed = renderJunit(loadFixture('failed'));
    expect(failed).toMatch(
      /name="terminate-app-pod" time="0.000">\s*<skipped message="not run: the run ended \(failed\) before it"\/>/,
    );
    expect(failed).toMatch(/tests="4" failures="2" errors="0" skipped="2"/);
    const continuous = renderJunit(loadFixture('continuous'));
    expect(continuous).toContain('message="31 of 60 samples outside the tolerance (between 0 and 0.8 (body))"');
  });
});
