import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Journal } from '@faultline/core';
import { timelineSvg } from './timeline-svg.js';

const fixture = () =>
  JSON.parse(readFileSync(new URL('../__fixtures__/completed.json', import.meta.url), 'utf8')) as Journal;

/** The first method entry, given a declared 20 s pause after it. */
function withDeclaredPause(): Journal {
  const journal = fixture();
  journal.run[0]!.activity.pauses = { after: 20 };
  return journal;
}

const pauseTitles = (svg: string) => [...svg.matchAll(/<title>(pause [^<]*)<\/title>/g)].map((m) => m[1]);

describe('timeline pauses', () => {
  it('draws the declared pause for journals without recorded pauses (Chaos Toolkit)', () => {
    const journal = withDeclaredPause();
    delete journal.faultline?.pauses;
    expect(pauseTitles(timelineSvg(journal, []))).toContainEqual(expect.stringMatching(/^pause 20(\.0)? ?s after /));
  });

  it('draws the pause as recorded, and none when it was skipped', () => {
    const journal = withDeclaredPause();
    const entry = journal.run[0]!;
    const start = Date.parse(entry.end);
    journal.faultline.pauses = [
      {
        activity: entry.activity.name,
        when: 'after',
        seconds: 20,
        start: new Date(start).toISOString(),
        end: new Date(start + 4_000).toISOString(),
        interrupted: true,
      },
    ];
    expect(pauseTitles(timelineSvg(journal, []))).toContainEqual(expect.stringMatching(/^pause 4(\.0)? ?s after /));
    journal.faultline.pauses = [];
    expect(pauseTitles(timelineSvg(journal, []))).toEqual([]);
  });
});
