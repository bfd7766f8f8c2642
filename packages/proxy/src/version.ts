/** Reported by GET /version. */
export const version = '0.1.0';
