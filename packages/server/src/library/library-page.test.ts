import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { payload, seedStore } from '../__fixtures__/seed-store.js';
import { startServer, type RunningServer } from '../start-server.js';
import type { ExperimentLibrary, LaunchOptions, LaunchResult, LibraryEntry } from './experiment-library.js';

// The Library page's contract with any library: only listed, valid experiments are launched, by
// operators; everything a library says (titles, problems, a refusal's output) is escaped.
const operator = 'lib-op-0123456789';
const viewer = 'lib-view-0123456789';

class MemoryLibrary implements ExperimentLibrary {
  dir = `/srv/experiments/${payload}`;
  launched: Array<{ path: string } & LaunchOptions> = [];
  entries: LibraryEntry[] = [
    { path: 'ok.yaml', title: `Checkout ${payload}`, problems: [], valid: true, varFiles: [`staging${payload}.env`] },
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
  async launch(path: string, options: LaunchOptions): Promise<LaunchResult> {
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
    expect(html.match(/action="\/library\/run"/g)).toHaveLength(1); // ok.yaml: Dry run and Run
    expect(html).toContain('<button name="dry" value="1" class="secondary">Dry run</button>');
    expect(html).toContain('<textarea name="vars"');
    expect(html).toContain(`<option value="staging&lt;script&gt;`);
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
    expect(library.launched).toEqual([
      { path: 'ok.yaml', dry: true, vars: [], varFile: undefined, by: 'faultline serve (operator)' },
    ]);
    const html = await libraryPage();
    expect(html).toContain('Dry run of <code>ok.yaml</code>: <strong class="error">refused</strong>');
    expect(html).not.toContain(payload);
  });

  it("checks --var lines with core's parsing and var files against the list; secret values never come back", async () => {
    const varFile = `staging${payload}.env`;
    const refused = async (form: Record<string, string>, pattern: RegExp) => {
      const res = await run({ path: 'ok.yaml', ...form });
      const text = await res.text();
      expect(res.status, JSON.stringify(form)).toBe(400);
      expect(text).toMatch(pattern);
      return text;
    };
    await refused({ vars: 'port:int=80.5' }, /--var line 1: --var port: &quot;80.5&quot; is not an integer/);
    await refused({ vars: 'region=eu\nnovalue' }, /--var line 2: --var &quot;novalue&quot; has no value/);
    await refused({ vars: 'x:list=1' }, /unknown type &quot;list&quot;/);
    for (const vars of [
      'api_token:int=hunter2-value',
      'db.password:json={hunter2-value',
      'X-Api-Key:bool=hunter2-value',
    ])
      expect(await refused({ vars }, /--var line 1: --var .*\*\*\*/)).not.toContain('hunter2');
    expect(await refused({ vars: 'session_token hunter2-value' }, /secret-looking entry has no value/)).not.toContain(
      'hunter2',
    );
    await refused({ varFile: '../outside.env' }, /no var file/);
    await refused({ varFile: 'other.env' }, /no var file/);
    await refused({ vars: Array.from({ length: 101 }, (_, i) => `k${i}=v`).join('\n') }, /at most 100/);
    expect(library.launched).toEqual([]);

    const res = await run({
      path: 'ok.yaml',
      vars: 'region=eu\r\n\n port:int=8080 \napi_token=hunter2-value',
      varFile,
    });
    expect(res.status).toBe(303);
    expect(library.launched).toEqual([
      {
        path: 'ok.yaml',
        dry: false,
        vars: ['region=eu', 'port:int=8080', 'api_token=hunter2-value'],
        varFile,
        by: 'faultline serve (operator)',
      },
    ]);
    const html = await libraryPage();
    expect(html).toContain(
      'Run of <code>ok.yaml</code> (--var-file <code>staging&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;.env</code>; ' +
        '--var <code>region</code>, <code>port</code>, <code>api_token</code>)',
    );
    expect(html).not.toContain('hunter2');
    expect(html).not.toContain(payload);
  });

  it('says how to get a library when there is none', async () => {
    await server.close();
    server = await startServer({ store: seeded.store, port: 0, token: operator });
    expect(await libraryPage()).toContain('faultline serve --experiments DIR');
    expect((await run({ path: 'ok.yaml' })).status).toBe(404);
  });
});
