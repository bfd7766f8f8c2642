/** Package name reverts point at, so `faultline revert` finds `restore_virtual_service_faults`. */
export const kubernetesDriverName = '@faultline/kubernetes';
