import { describe, expect, it } from 'vitest';
import { loadFixture } from '../__fixtures__/load-fixture.js';
import { normalizeJournal } from '../journal/normalize-journal.js';
import { redactJournal } from './redact-journal.js';

describe('redactJournal', () => {
  it('masks every declared secret, literal or env-typed', () => {
    const journal = redactJournal(normalizeJournal(loadFixture('deviated')));
    expect(journal.experiment.secrets).toEqual({ istio: { kube_token: '***', password: '***' } });
  });

  it('masks a literal secret wherever it leaked, and credential-looking keys', () => {
    const raw = normalizeJournal(loadFixture('completed'));
    raw.run[0]!.output = {
      echoed: 'Authorization: Bearer tok-9f8e7d6c5b4a',
      password: 'p4ss',
      nested: [{ api_key: 12345678 }],
    };
    raw.run[1]!.exception = ['HTTPError: 401 for token tok-9f8e7d6c5b4a'];
    const journal = redactJournal(raw);
    expect(journal.run[0]!.output).toEqual({
      echoed: 'Authorization: Bearer ***',
      password: '***',
      nested: [{ api_key: '***' }],
    });
    expect(journal.run[1]!.exception).toEqual(['HTTPError: 401 for token ***']);
    // a ${placeholder} says where a secret goes, not what it is: it stays readable
    const probe = journal.experiment['steady-state-hypothesis']!.probes![0] as {
      provider: { headers: Record<string, string> };
    };
    expect(probe.provider.headers.Authorization).toBe('Bearer ${api_token}');
    expect(JSON.stringify(journal)).not.toContain('tok-9f8e7d6c5b4a');
    // the input is left alone
    expect(JSON.stringify(raw)).toContain('tok-9f8e7d6c5b4a');
  });

  it('uses the engine rule set: db_password, user_credentials and URL credentials are masked', () => {
    const raw = normalizeJournal(loadFixture('deviated'));
    raw.experiment.configuration = {
      db_password: 'hunter2-db',
      user_credentials: { name: 'svc', key: 'cr3d-v4lue' },
      db_url: 'postgres://app:url-s3cret@db/orders',
    };
    raw.run[0]!.output = { log: 'retrying postgres://app:url-s3cret@db/orders with hunter2-db' };
    const text = JSON.stringify(redactJournal(raw));
    for (const secret of ['hunter2-db', 'cr3d-v4lue', 'url-s3cret']) expect(text).not.toContain(secret);
    expect(text).toContain('postgres://***@db/orders');
  });
});
