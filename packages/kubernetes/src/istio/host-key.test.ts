import { describe, expect, it } from 'vitest';
import { hostKey } from './host-key.js';

describe('hostKey', () => {
  it('gives short names, namespaced names and FQDNs of one service the same key', () => {
    const keys = [
      'payments',
      'payments.shop',
      'payments.shop.svc',
      'payments.shop.svc.cluster.local',
      'Payments.shop.svc.cluster.local.',
      'payments.shop.svc.corp.example',
    ].map((host) => hostKey(host, 'shop'));
    expect(new Set(keys)).toEqual(new Set(['payments.shop']));
  });

  it('keeps services of other namespaces and external hosts apart', () => {
    expect(hostKey('payments', 'shop')).not.toBe(hostKey('payments.other.svc.cluster.local', 'shop'));
    expect(hostKey('api.example.com', 'shop')).toBe('api.example.com');
  });
});
