import { defineDenyAll } from './define-deny-all.js';

/** Deny all egress traffic of the namespace's pods (or those matching label_selectors); reverted by removing the policy. */
export const denyAllEgress = defineDenyAll('egress');
