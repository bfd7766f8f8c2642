import type { Journal } from '@faultline/core';
import { XmlDocument } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { fixtureNames, loadFixture } from '../__fixtures__/load-fixture.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderJunit } from './render-junit.js';
import { renderMarkdown } from './render-markdown.js';

// What a forged or careless journal may carry in any string: markup that would run or redirect,
// a Markdown link, terminal escapes (colour, OSC hyperlink, window title), XML-breaking controls.
const payload =
  '"><meta http-equiv="refresh" content="0;url=https://evil.example"><script>alert(1)</script><img src=x onerror=alert(2)>' +
  '[click](javascript:alert(3)) \u001b[31mred\u001b[0m \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 \u001b]0;title\u0007 \u0000\u0008';

/**
 * Every path to a string leaf of a value; with `sample`, only the first two items of each list
 * (a continuous journal has thousands of samples of the same shape).
 */
function stringPaths(value: unknown, sample = false, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value))
    return (sample ? value.slice(0, 2) : value).flatMap((item, i) => stringPaths(item, sample, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, sample, [...path, key]));
  return [];
}

function withPayloadAt(journal: Journal, path: (string | number)[]): Journal {
  const copy = structuredClone(journal) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = payload;
  return copy as unknown as Journal;
}

function expectSafe(journal: Journal, where: string): void {
  const html = renderHtml(journal);
  for (const raw of ['<meta http-equiv="refresh"', '<script>alert', '<img src=x'])
    expect(html.includes(raw), `${where}: HTML contains ${raw}`).toBe(false);

  const markdown = renderMarkdown(journal);
  expect(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(markdown), `${where}: Markdown has controls`).toBe(false);
  for (const raw of [/<script/, /<meta/, /(?<!\\)\]\(javascript:/])
    // Code spans show their text literally (no links, no HTML): look outside them.
    expect(raw.test(markdown.replace(/`[^`\n]*`/g, '')), `${where}: Markdown contains ${raw}`).toBe(false);

  const junit = renderJunit(journal);
  const doc = XmlDocument.fromString(junit); // throws on a document that is not well-formed
  doc.dispose();
  expect(junit.includes('<script'), `${where}: JUnit contains <script`).toBe(false);

  expect(() => JSON.parse(renderJson(journal)), `${where}: JSON`).not.toThrow();
}

describe('every string of a journal is escaped for each output format', () => {
  it.each(fixtureNames)('%s journal: the payload in each field, one at a time', (name) => {
    const journal = loadFixture(name);
    const paths = stringPaths(journal, true);
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) expectSafe(withPayloadAt(journal, path), `${name} at ${path.join('.')}`);
  });

  it('the payload in every field at once', () => {
    for (const name of fixtureNames) {
      let journal = loadFixture(name);
      for (const path of stringPaths(journal)) journal = withPayloadAt(journal, path);
      expectSafe(journal, `${name}, all fields`);
    }
  });
});

/** Paths to every object or list inside a value (the first two items of each list). */
function containerPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (!value || typeof value !== 'object') return [];
  const children = Array.isArray(value)
    ? value.slice(0, 2).flatMap((item, i) => containerPaths(item, [...path, i]))
    : Object.entries(value).flatMap(([key, item]) => containerPaths(item, [...path, key]));
  return path.length ? [path, ...children] : children;
}

function withValueAt(journal: Journal, path: (string | number)[], value: unknown): Journal {
  const copy = structuredClone(journal) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy as unknown as Journal;
}

describe('null, a number or a string where a journal has an object or a list', () => {
  it.each(fixtureNames)(
    '%s journal: every format renders or refuses clearly, never crashes',
    (name) => {
      const journal = loadFixture(name);
      for (const path of containerPaths(journal)) {
        for (const value of [null, 7, 'text']) {
          for (const [format, render] of Object.entries({ renderHtml, renderMarkdown, renderJunit, renderJson })) {
            try {
              render(withValueAt(journal, path, value));
            } catch (error) {
              // A journal too broken to read is a usage error with a message, not a TypeError.
              expect((error as Error).name, `${format} at ${path.join('.')} = ${String(value)}: ${error}`).toBe(
                'UsageError',
              );
            }
          }
        }
      }
    },
    120_000,
  );
});
