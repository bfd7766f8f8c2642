import { defineDenyAll } from './define-deny-all.js';

/** Deny all ingress traffic of the namespace's pods (or those matching label_selectors); reverted by removing the policy. */
export const denyAllIngress = defineDenyAll('ingress');
