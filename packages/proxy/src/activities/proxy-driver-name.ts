/** The driver name reverts point back to. */
export const proxyDriverName = '@faultline/proxy';
