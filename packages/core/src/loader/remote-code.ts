import { UsageError } from '../errors/faultline-error.js';
import type { ActivityResolver } from '../resolve/activity-resolver.js';

/**
 * An experiment loaded from a URL may only use code shipped with Faultline. A `javascript` module
 * file, a Python module run by the bridge or a `process` provider there would run whatever the
 * server (or whoever controls it) chose on this machine, so it is refused unless allowed
 * (`--allow-remote-code`, settings `loader.allow_remote_code`).
 */
export function refuseRemoteCode(document: unknown, resolver: ActivityResolver, location: string): void {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[document, '']];
  const seen = new Set<unknown>();
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const provider = (node as { provider?: unknown }).provider as { type?: unknown; module?: unknown; path?: unknown };
    if (provider && typeof provider === 'object') {
      const type = provider.type;
      if (type === 'process') found.push(`${path}.provider: process "${String(provider.path)}"`);
      else if ((type === 'javascript' || type === 'python') && !resolver.isBuiltIn(provider))
        found.push(`${path}.provider: ${String(type)} module "${String(provider.module)}"`);
    }
    for (const [key, child] of Object.entries(node))
      stack.push([child, `${path}${Array.isArray(node) ? `[${key}]` : `.${key}`}`]);
  }
  if (!found.length) return;
  throw new UsageError(
    `${location} is a remote experiment that runs code of its own, refused:\n${found
      .sort()
      .map((line) => `  ${line.replace(/^\./, '')}`)
      .join('\n')}`,
    {
      code: 'E_REMOTE_CODE',
      hint: 'download and review it, or pass --allow-remote-code (settings: loader.allow_remote_code: true) if you trust its source',
    },
  );
}
