export { faultlineVersion } from '@faultline/core';
