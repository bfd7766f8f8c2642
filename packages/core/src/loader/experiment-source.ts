import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';

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
export function parseExperimentText(text: string, location: string): ParsedDocument {
  if (/\.json$/i.test(location) || /^\s*[{[]/.test(text)) {
    try {
      const value: unknown = JSON.parse(text);
      let positions: ExperimentSource | undefined;
      const source: ExperimentSource = {
        location,
        text,
        positionOf: (path) => (positions ??= parseWithYaml(text, location).source).positionOf(path),
      };
      return { value, source, errors: [] };
    } catch {
      // fall through: the YAML parser locates the syntax error
    }
  }
  return parseWithYaml(text, location);
}

function parseWithYaml(text: string, location: string): ParsedDocument {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
  const errors = doc.errors.map((error) => {
    const pos = error.linePos?.[0];
    return { message: error.message.split('\n')[0] ?? error.message, line: pos?.line, column: pos?.col };
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
  return { value: errors.length ? undefined : doc.toJS({ maxAliasCount: 1000 }), source, errors };
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
