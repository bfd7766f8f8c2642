import { defineRemoveDenyAll } from './define-deny-all.js';

/** Remove the policy deny_all_egress created. */
export const removeDenyAllEgress = defineRemoveDenyAll('egress');
