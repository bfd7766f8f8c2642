import type { Journal } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../__fixtures__/load-fixture.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderJunit } from './render-junit.js';
import { renderMarkdown } from './render-markdown.js';

const formats = { html: renderHtml, markdown: renderMarkdown, json: renderJson, junit: renderJunit };

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { inner: value };
  return value;
}

describe('journals far larger or deeper than usual render without a stack overflow', () => {
  it.each(Object.entries(formats))(
    '%s: 50,000 run entries',
    (_name, render) => {
      const journal = loadFixture('completed');
      const entry = journal.run[0]!;
      journal.run = Array.from({ length: 50_000 }, (_, i) => ({
        ...entry,
        activity: { ...entry.activity, name: `a-${i}` },
      }));
      expect(render(journal).length).toBeGreaterThan(1000);
    },
    120_000,
  );

  it.each(Object.entries(formats))(
    '%s: 130,000 hypothesis samples',
    (_name, render) => {
      const journal = loadFixture('continuous') as Journal;
      const sample = journal.steady_states.during[0]!;
      journal.steady_states.during = Array.from({ length: 130_000 }, () => sample);
      expect(render(journal).length).toBeGreaterThan(1000);
    },
    120_000,
  );

  it.each(Object.entries(formats))('%s: an activity output nested 5,000 deep', (_name, render) => {
    const journal = loadFixture('completed');
    journal.run[0]!.output = nested(5000);
    expect(render(journal).length).toBeGreaterThan(100);
  });
});
