/** ESC sequences (CSI `ESC[…`, OSC `ESC]…BEL|ST`, and two-byte ones), then any other C0/C1 control. */
const escapeSequence = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[0-~])/g;
const controlCharacter = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text from an experiment or a journal, made safe for a terminal or a Markdown file: escape
 * sequences (colours, OSC hyperlinks, title changes, cursor moves) and other control characters
 * are removed; tabs and newlines stay.
 */
export function stripControlCharacters(text: string): string {
  return text.replace(escapeSequence, '').replace(controlCharacter, '');
}

/** The same for every string inside a value (objects and arrays copied, nothing else changed). */
export function stripControlCharactersDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControlCharacters(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => stripControlCharactersDeep(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = stripControlCharactersDeep(item);
    return copy as T;
  }
  return value;
}
