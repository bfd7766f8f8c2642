import type { ActivityDefinition } from '@faultline/core';
import { addHttpAbortFault } from './add-http-abort-fault.js';
import { addHttpDelayFault } from './add-http-delay-fault.js';
import { addHttpFault } from './add-http-fault.js';
import { createBandwithDegradationToxic } from './create-bandwith-degradation-toxic.js';
import { createLatencyToxic } from './create-latency-toxic.js';
import { createLimiterToxic } from './create-limiter-toxic.js';
import { createProxy } from './create-proxy.js';
import { createResetPeerToxic } from './create-reset-peer-toxic.js';
import { createSlicerToxic } from './create-slicer-toxic.js';
import { createSlowConnectionCloseToxic } from './create-slow-connection-close-toxic.js';
import { createTimeoutToxic } from './create-timeout-toxic.js';
import { createToxic } from './create-toxic.js';
import { deleteProxy } from './delete-proxy.js';
import { deleteToxic } from './delete-toxic.js';
import { disableProxy } from './disable-proxy.js';
import { enableProxy } from './enable-proxy.js';
import { getProxyAttribute } from './get-proxy-attribute.js';
import { modifyProxy } from './modify-proxy.js';
import { proxyExist } from './proxy-exist.js';
import { removeHttpFault } from './remove-http-fault.js';
import { reset } from './reset.js';
import { restoreProxies } from './restore-proxies.js';
import { updateToxic } from './update-toxic.js';

/** Every activity of the proxy driver, in discover order. */
export const proxyActivities: readonly ActivityDefinition[] = [
  createProxy,
  deleteProxy,
  modifyProxy,
  disableProxy,
  enableProxy,
  reset,
  restoreProxies,
  createToxic,
  createLatencyToxic,
  createBandwithDegradationToxic,
  createSlowConnectionCloseToxic,
  createTimeoutToxic,
  createSlicerToxic,
  createLimiterToxic,
  createResetPeerToxic,
  updateToxic,
  deleteToxic,
  addHttpFault,
  addHttpDelayFault,
  addHttpAbortFault,
  removeHttpFault,
  proxyExist,
  getProxyAttribute,
];
