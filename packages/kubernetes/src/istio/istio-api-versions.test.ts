import { describe, expect, it } from 'vitest';
import { UsageError } from '@faultline/core';
import { istioApiVersions } from './istio-api-versions.js';

describe('istioApiVersions', () => {
  it('tries v1alpha3 then v1 by default', () => {
    expect(istioApiVersions(undefined, {})).toEqual(['v1alpha3', 'v1']);
  });

  it('uses an explicit version alone, full apiVersion or bare', () => {
    expect(istioApiVersions('networking.istio.io/v1beta1', {})).toEqual(['v1beta1']);
    expect(istioApiVersions('v1', {})).toEqual(['v1']);
  });

  it('takes istio_api_version from the configuration when the argument is absent', () => {
    expect(istioApiVersions(undefined, { istio_api_version: 'networking.istio.io/v1' })).toEqual(['v1']);
    expect(istioApiVersions('v1alpha3', { istio_api_version: 'v1' })).toEqual(['v1alpha3']);
  });

  it('refuses other API groups and malformed versions', () => {
    expect(() => istioApiVersions('networking.k8s.io/v1', {})).toThrow(UsageError);
    expect(() => istioApiVersions('latest', {})).toThrow(/unknown Istio API version/);
  });
});
