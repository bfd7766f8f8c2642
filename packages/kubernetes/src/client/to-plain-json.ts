/**
 * client-node model objects as the API's JSON: Dates become RFC 3339 strings and the few
 * properties it renames to dodge JavaScript keywords (`_continue`, `_default`, `_enum`, `_ref`…)
 * get their wire names back.
 */
export function toPlainJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, function replacer(this: unknown, _key, item: unknown) {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const out: Record<string, unknown> = {};
        for (const [key, inner] of Object.entries(item as Record<string, unknown>)) {
          if (inner === undefined) continue;
          out[key.startsWith('_') && key.length > 1 ? key.slice(1) : key] = inner;
        }
        return out;
      }
      return item;
    }),
  );
}
