import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';
import { checkDepth, defaultInputLimits, type InputLimits } from './input-limits.js';

// yaml is loaded on demand: a JSON experiment that parses cleanly never needs it, which keeps
// `faultline run` start-up short. require() keeps positionOf() synchronous.
type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;
const yaml = (): YamlModule => (yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule);

export type DocumentPath = ReadonlyArray<string | number>;

export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * An experiment document as text plus the parsed YAML/JSON tree, so any problem found later
 * (validation, substitution, resolution) can point at a line and column of the user's file.
 */
export interface ExperimentSource {
  /** Path or URL the document came from. */
  readonly location: string;
  readonly text: string;
  positionOf(path: DocumentPath): SourcePosition | undefined;
}

export interface ParsedDocument {
  readonly value: unknown;
  readonly source: ExperimentSource;
  /** Syntax errors: each with its line and column. */
  readonly errors: Array<{ message: string; line?: number; column?: number }>;
}

/**
 * Parses JSON or YAML. JSON is parsed natively; positions (and any syntax error) come from the YAML
 * parser, which reads JSON too, so both formats report lines and columns the same way.
 */
export function parseExperimentText(
  text: string,
  location: string,
  limits: Pick<InputLimits, 'maxDepth' | 'maxAliases'> = defaultInputLimits,
): ParsedDocument {
  if (/\.json$/i.test(location) || /^\s*[{[]/.test(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (value !== undefined) {
      checkDepth(value, limits.maxDepth, location);
      let positions: ExperimentSource | undefined;
      const source: ExperimentSource = {
        location,
        text,
        positionOf: (path) => (positions ??= parseWithYaml(text, location).source).positionOf(path),
      };
      return { value, source, errors: [] };
    }
    // not JSON: the YAML parser reads it, or locates the syntax error
  }
  const parsed = parseWithYaml(text, location, limits.maxAliases);
  if (parsed.value !== undefined) checkDepth(parsed.value, limits.maxDepth, location);
  return parsed;
}

function parseWithYaml(text: string, location: string, maxAliases = defaultInputLimits.maxAliases): ParsedDocument {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
  const errors = doc.errors.map((error) => {
    const pos = error.linePos?.[0];
    const message = error.message.split('\n')[0] ?? error.message;
    // The parser recurses per level: absurd nesting overflows its stack, which it reports as an error.
    return {
      message: /Maximum call stack size exceeded/.test(message) ? 'the document is nested too deeply' : message,
      line: pos?.line,
      column: pos?.col,
    };
  });
  const source: ExperimentSource = {
    location,
    text,
    positionOf(path) {
      const node = nodeAt(doc, path);
      if (!node?.range) return undefined;
      const pos = lineCounter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    },
  };
  if (errors.length) return { value: undefined, source, errors };
  try {
    return { value: doc.toJS({ maxAliasCount: maxAliases }), source, errors };
  } catch (error) {
    // An alias bomb ("billion laughs"), or aliases forming a cycle.
    const message = /alias/i.test((error as Error).message)
      ? `too many YAML alias expansions (more than ${maxAliases}): an alias bomb?`
      : `cannot read the document: ${(error as Error).message}`;
    return { value: undefined, source, errors: [{ message }] };
  }
}

/** Deepest node that exists along `path` (a missing key points at its parent). */
function nodeAt(doc: Document, path: DocumentPath): Node | undefined {
  const { isMap, isScalar, isSeq } = yaml();
  let node: unknown = doc.contents;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      next = pair ? (pair.value ?? pair.key) : undefined;
      if (pair && next === undefined) next = pair.key;
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key];
    }
    if (!next) break;
    node = next;
  }
  return node as Node | undefined;
}
