import { loadExperimentDocument } from '@faultline/core';
import { ProxyServer, parseProxyInput } from '@faultline/proxy';
import { renderHtml } from '@faultline/report';
import { assertSafeBind } from '@faultline/server';
import { openStore } from '@faultline/store';
import { describe, expect, it } from 'vitest';
import { renderError } from '../render-error.js';

// Errors a user can cause, raised by each package and rendered by the CLI: a clear message with
// the package's own exit code, never "internal error … a bug" (exit 70).
const causes: Record<string, () => unknown> = {
  'core: an experiment file that does not exist': () =>
    loadExperimentDocument('/nonexistent/experiment.yaml', { cwd: '/', env: {} }),
  'report: a file that is not a journal': () => renderHtml({ title: 'x' } as never),
  'store: a store URL of an unknown kind': () => openStore('mysql://db.example/faultline'),
  'proxy: an empty API token': () => new ProxyServer({ token: ' ' }),
  'proxy: a proxy definition without a name': () => parseProxyInput({ upstream: 'a:1' }),
  'server: listening beyond loopback without a token': () => assertSafeBind({ host: '0.0.0.0' }),
};

describe('errors of every package through the CLI', () => {
  for (const [what, cause] of Object.entries(causes)) {
    it(`${what}: a clear message, not an internal error`, async () => {
      const error: unknown = await Promise.resolve()
        .then(cause)
        .then(
          () => new Error('did not throw'),
          (e: unknown) => e,
        );
      expect((error as Error).message).not.toBe('did not throw');
      let out = '';
      const code = renderError(error, { write: (s: string) => (out += s) }, false);
      expect(code, out).not.toBe(70);
      expect(out).toMatch(/^error: \S/);
      expect(out).not.toMatch(/internal error|a bug/i);
    });
  }
});
