/** Placeholder written instead of a secret. */
export const redacted = '***';

// Compared after lower-casing and removing "-" and "_": `X-Api-Key`, `api_key` and `apiKey` all match.
const defaultSensitiveKeys = [
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'apikey',
  'xapikey',
  'authtoken',
  'xauthtoken',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'bearertoken',
  'clientsecret',
  'secret',
  'secretkey',
  'secretaccesskey',
  'awssecretaccesskey',
  'password',
  'passwd',
  'privatekey',
];

export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

/** Key names whose values are always redacted, plus `extra` names. */
export function sensitiveKeySet(extra: readonly string[] = []): Set<string> {
  return new Set([...defaultSensitiveKeys, ...extra.map(normalizeKey)]);
}
