import { UsageError } from '../errors/faultline-error.js';

/**
 * Bounds on an experiment document, so hostile or broken input (a YAML alias bomb, 3,000 levels of
 * nesting, a gigabyte download) ends in a clear invalid-input error in bounded time and memory
 * instead of a crash or a hang. Real experiments are a few kilobytes and a dozen levels deep.
 */
export interface InputLimits {
  /** Largest document read, from a file or a URL (default 4 MiB). */
  maxBytes: number;
  /** Deepest nesting of mappings and lists (default 100). */
  maxDepth: number;
  /** Most YAML alias expansions (default 1,000): an alias bomb stops here. */
  maxAliases: number;
  /** Longest time to fetch an experiment URL, body included (default 30 s). */
  fetchTimeoutMs: number;
}

export const defaultInputLimits: InputLimits = {
  maxBytes: 4 * 1024 * 1024,
  maxDepth: 100,
  maxAliases: 1000,
  fetchTimeoutMs: 30_000,
};

/** Limits in effect: the defaults, `FAULTLINE_MAX_EXPERIMENT_BYTES` raising or lowering the size. */
export function inputLimits(env: Readonly<Record<string, string | undefined>> = {}): InputLimits {
  const bytes = Number(env.FAULTLINE_MAX_EXPERIMENT_BYTES);
  return { ...defaultInputLimits, ...(Number.isInteger(bytes) && bytes > 0 ? { maxBytes: bytes } : {}) };
}

export const tooLarge = (location: string, limit: number) =>
  new UsageError(`${location}: the experiment is larger than ${limit} bytes`, {
    code: 'E_EXPERIMENT_TOO_LARGE',
    hint: 'experiments are small documents; raise FAULTLINE_MAX_EXPERIMENT_BYTES if this one really is that large',
  });

/**
 * Bytes → text. UTF-8 (a BOM is dropped) and UTF-16 with a BOM are read; binary data and invalid
 * UTF-8 are refused with a clear error instead of being parsed as garbage.
 */
export function decodeExperimentBytes(bytes: Uint8Array, location: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const notText = () =>
    new UsageError(`${location}: not a text document (binary data or an unknown encoding)`, {
      code: 'E_EXPERIMENT_ENCODING',
      hint: 'experiments are JSON or YAML text in UTF-8 (or UTF-16 with a byte order mark)',
    });
  if (bytes.includes(0)) throw notText();
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw notText();
  }
}

/** Refuses documents nested deeper than the limit (checked without recursion: it cannot overflow). */
export function checkDepth(value: unknown, maxDepth: number, location: string): void {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > maxDepth)
      throw new UsageError(`${location}: the document is nested more than ${maxDepth} levels deep`, {
        code: 'E_EXPERIMENT_TOO_DEEP',
      });
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
}
