import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { payload, seedStore } from '../__fixtures__/seed-store.js';
import { startServer, type RunningServer } from '../start-server.js';
import type { ExperimentLibrary, LaunchResult, LibraryEntry } from './experiment-library.js';

// The Library page's contract with any library: only listed, valid experiments are launched, by
// operators; everything a library says (titles, problems, a refusal's output) is escaped.
const operator = 'lib-op-0123456789';
const viewer = 'lib-view-0123456789';

class MemoryLibrary implements ExperimentLibrary {
  dir = `/srv/experiments/${payload}`;
  launched: Array<{ path: string; dry: boolean; by: string }> = [];
  entries: LibraryEntry[] = [
    { path: 'ok.yaml', title: `Checkout ${payload}`, problems: [], valid: true },
    {
      path: 'bad.yaml',
      title: 'Bad',
      problems: [{ severity: 'error', where: 'bad.yaml:3:5 method[0]', message: `unknown ${payload}`, hint: payload }],
      valid: false,
    },
  ];
  async list() {
    return this.entries;
  }
  async launch(path: string, options: { dry: boolean; by: string }): Promise<LaunchResult> {
    this.launched.push({ path, ...options });
    return { path, dry: options.dry, at: '', outcome: 'refused', exitCode: 64, message: `error: ${payload}` };
  }
}

let seeded: Awaited<ReturnType<typeof seedStore>>;
let server: RunningServer;
let library: MemoryLibrary;

beforeEach(async () => {
  seeded = await seedStore();
  library = new MemoryLibrary();
  server = await startServer({ store: seeded.store, port: 0, token: operator, viewerToken: viewer, library });
});
afterEach(async () => {
  await server.close();
  await seeded.cleanup();
});

const as = (token: string) => ({ authorization: `Bearer ${token}` });
const run = (form: Record<string, string>, token = operator) =>
  fetch(`${server.url}/library/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...as(token) },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
const libraryPage = async (token = operator) => (await fetch(`${server.url}/library`, { headers: as(token) })).text();

describe('the Library page', () => {
  it('escapes what the library says and offers buttons on valid experiments to operators only', async () => {
    const html = await libraryPage();
    expect(html).not.toContain(payload);
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(html.match(/action="\/library\/run"/g)).toHaveLength(2); // Dry run and Run of ok.yaml
    expect(await libraryPage(viewer)).not.toContain('action="/library/run"');
  });

  it('launches listed valid experiments for operators, and shows the outcome escaped', async () => {
    expect((await run({ path: 'ok.yaml' }, viewer)).status).toBe(403);
    expect((await run({ path: 'missing.yaml' })).status).toBe(404);
    expect((await run({ path: '../ok.yaml' })).status).toBe(404);
    expect((await run({ path: 'bad.yaml' })).status).toBe(400);
    expect(library.launched).toEqual([]);
    const res = await run({ path: 'ok.yaml', dry: '1' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/library');
    expect(library.launched).toEqual([{ path: 'ok.yaml', dry: true, by: 'faultline serve (operator)' }]);
    const html = await libraryPage();
    expect(html).toContain('Dry run of <code>ok.yaml</code>: <strong class="error">refused</strong>');
    expect(html).not.toContain(payload);
  });

  it('says how to get a library when there is none', async () => {
    await server.close();
    server = await startServer({ store: seeded.store, port: 0, token: operator });
    expect(await libraryPage()).toContain('faultline serve --experiments DIR');
    expect((await run({ path: 'ok.yaml' })).status).toBe(404);
  });
});
