import { bandwidth } from './bandwidth.js';
import { latency } from './latency.js';
import { limitData } from './limit-data.js';
import { resetPeer } from './reset-peer.js';
import { slicer } from './slicer.js';
import { slowClose } from './slow-close.js';
import { timeout } from './timeout.js';
import type { ToxicDefinition } from './toxic.js';
import { ToxicRegistry } from './toxic-registry.js';

/** Toxiproxy's toxics, in its order. */
export const defaultToxics: readonly ToxicDefinition[] = [
  latency,
  bandwidth,
  slowClose,
  timeout,
  resetPeer,
  slicer,
  limitData,
];

/** A fresh registry holding the default toxics; add your own with `register()`. */
export function createDefaultToxicRegistry(): ToxicRegistry {
  return new ToxicRegistry(defaultToxics);
}
