import { defineRemoveDenyAll } from './define-deny-all.js';

/** Remove the policy deny_all_ingress created. */
export const removeDenyAllIngress = defineRemoveDenyAll('ingress');
