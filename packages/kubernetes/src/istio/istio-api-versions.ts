import { UsageError, type Configuration } from '@faultline/core';

export const istioGroup = 'networking.istio.io';

/** Configuration key that pins the Istio API version for every Istio activity of an experiment. */
export const istioApiVersionKey = 'istio_api_version';

/**
 * The versions of networking.istio.io to try, in order. chaosistio's `version` argument is a full
 * apiVersion ("networking.istio.io/v1alpha3"); a bare "v1" is accepted too. An explicit choice is
 * used alone; by default v1alpha3 is tried first (chaosistio's default, still served by Istio) and
 * v1 when the first answers 404, so the seed's experiments work on old and new meshes alike.
 */
export function istioApiVersions(version: string | undefined, configuration: Configuration): string[] {
  const configured = configuration[istioApiVersionKey];
  const chosen = version ?? (typeof configured === 'string' ? configured : undefined);
  if (chosen === undefined) return ['v1alpha3', 'v1'];
  const match = /^(?:([a-z0-9.-]+)\/)?(v[0-9]+(?:(?:alpha|beta)[0-9]+)?)$/.exec(chosen.trim());
  if (!match || (match[1] !== undefined && match[1] !== istioGroup)) {
    throw new UsageError(`unknown Istio API version "${chosen}"`, {
      hint: `use ${istioGroup}/v1alpha3, ${istioGroup}/v1beta1 or ${istioGroup}/v1`,
    });
  }
  return [match[2]!];
}
