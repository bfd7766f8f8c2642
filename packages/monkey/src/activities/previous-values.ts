/**
 * The values `change` is about to overwrite, taken from `current`, so a revert restores exactly
 * what the action touched. The latency range travels as a pair (the API requires both or neither).
 */
export function previousValues(
  current: Record<string, unknown>,
  change: Record<string, unknown>,
): Record<string, unknown> {
  const keys = new Set(Object.keys(change));
  if (keys.has('latencyRangeStart') || keys.has('latencyRangeEnd')) {
    keys.add('latencyRangeStart');
    keys.add('latencyRangeEnd');
  }
  const previous: Record<string, unknown> = {};
  for (const key of keys) {
    if (current[key] !== undefined) previous[key] = current[key];
  }
  return previous;
}
