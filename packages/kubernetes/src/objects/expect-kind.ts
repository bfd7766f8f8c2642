import { UsageError } from '@faultline/core';
import type { KubeManifest } from './kube-manifest.js';

/**
 * The manifest as the typed endpoint chaosk8s calls would take it: apiVersion and kind filled in
 * when missing, another kind refused (the API would refuse it with a less helpful message).
 */
export function expectKind(
  manifest: KubeManifest,
  apiVersion: string,
  kind: string,
  activity: string,
): KubeManifest & { apiVersion: string; kind: string } {
  if (manifest.kind && manifest.kind !== kind)
    throw new UsageError(`${activity}: the spec describes a ${manifest.kind}, not a ${kind}`);
  return { ...manifest, apiVersion: manifest.apiVersion ?? apiVersion, kind };
}
