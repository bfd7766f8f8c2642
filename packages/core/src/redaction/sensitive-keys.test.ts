import { describe, expect, it } from 'vitest';
import { createRedactor } from './create-redactor.js';
import { isSensitiveKey, redactUrlCredentials } from './sensitive-keys.js';

describe('the one masking rule set', () => {
  it('matches secret-looking keys by pattern, in every spelling', () => {
    for (const key of [
      'db_password',
      'user_credentials',
      'X-Api-Key',
      'apiKey',
      'AWS_SECRET_ACCESS_KEY',
      'session-token',
      'Authorization',
      'set-cookie',
      'client.secret',
      'PASSWD',
      'ssh_private_key',
      'gpg_passphrase',
    ])
      expect(isSensitiveKey(key), key).toBe(true);
    for (const key of ['secrets', 'title', 'namespace', 'label_selector', 'url', 'author', 'keyboard'])
      expect(isSensitiveKey(key), key).toBe(false);
  });

  it('masks credentials in URLs anywhere in a text', () => {
    expect(redactUrlCredentials('dial postgres://app:hunter22@db:5432/x failed')).toBe(
      'dial postgres://***@db:5432/x failed',
    );
    expect(redactUrlCredentials('https://ghp_abcdef@github.com/o/r.git')).toBe('https://***@github.com/o/r.git');
    expect(redactUrlCredentials('mail me@example.com, see http://example.com/a@b')).toBe(
      'mail me@example.com, see http://example.com/a@b',
    );
  });

  it('scrubs configuration under secret-looking keys wherever the value shows up, and values named by sensitive arguments', () => {
    const redact = createRedactor(
      {},
      {
        configuration: { db_password: 'pa55word-xyz', user_credentials: 'u:cr3ds', base: 'http://x' },
        sensitiveValuesIn: { method: [{ provider: { arguments: { token: 'arg-t0ken-1', other: '${x}' } } }] },
      },
    );
    expect(redact({ out: 'connected with pa55word-xyz', e: 'bad token arg-t0ken-1', creds: 'u:cr3ds' })).toEqual({
      out: 'connected with ***',
      e: 'bad token ***',
      creds: '***',
    });
    // A ${placeholder} under a sensitive key names a secret, it is not one: it stays readable.
    expect(redact({ password: '${db_password}', token: 'x' })).toEqual({ password: '${db_password}', token: '***' });
  });
});
