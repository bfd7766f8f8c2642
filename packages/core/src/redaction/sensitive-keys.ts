/** Placeholder written instead of a secret. */
export const redacted = '***';

/**
 * THE rule for secret-looking keys, used by every output of the product (journal, logs, terminal,
 * `--output json`, reports, metrics, settings): compared after lower-casing and removing `-`, `_`,
 * `.` and spaces, a key is sensitive when it contains one of these words. So `db_password`,
 * `user_credentials`, `X-Api-Key`, `apiKey`, `AWS_SECRET_ACCESS_KEY` and `session-token` all match.
 */
const sensitiveWords =
  /passw(or)?d|passphrase|secret|token|credential|apikey|accesskey|privatekey|authorization|cookie|sessionid|signature/;

/**
 * Keys that look sensitive but are structure, handled where they are declared: an experiment's
 * `secrets` block (redacted by redactExperiment) and a provider's `secrets` list of scope names.
 */
const structural = new Set(['secrets']);

export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_.\s]/g, '');
}

/** True for a key whose value is a credential wherever it appears (arguments, headers, outputs, configuration). */
export function isSensitiveKey(key: string): boolean {
  const normalized = normalizeKey(key);
  return !structural.has(normalized) && sensitiveWords.test(normalized);
}

/** Exact key names (normalized) to redact besides the sensitive ones: configuration keys known to hold secrets. */
export function sensitiveKeySet(extra: readonly string[] = []): Set<string> {
  return new Set(extra.map(normalizeKey));
}

// scheme://user:password@host — both parts: a lone user is often a token (https://TOKEN@github.com).
const urlCredentials = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:?#]+(?::[^\s/@]*)?@/gi;

/** Credentials inside URLs, anywhere in a text, become `***`: `postgres://app:hunter2@db` → `postgres://***@db`. */
export function redactUrlCredentials(text: string): string {
  return text.includes('@') ? text.replace(urlCredentials, `$1${redacted}@`) : text;
}

/** The passwords of the URLs in a text, so that they are also scrubbed when encoded (a form body, a query). */
export function urlPasswords(text: string): string[] {
  if (!text.includes('@')) return [];
  return [...text.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^\s/@:?#]+:([^\s/@]+)@/gi)].map((m) => m[1]!);
}
