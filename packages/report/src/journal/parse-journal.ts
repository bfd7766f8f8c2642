import { UsageError, type Journal } from '@faultline/core';
import { normalizeJournal } from './normalize-journal.js';

/** Parses a journal file's text; `source` names it in errors. */
export function parseJournal(text: string, source = 'journal'): Journal {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source} is not valid JSON: ${(error as Error).message}`, {
      code: 'E_REPORT_NOT_A_JOURNAL',
      hint: 'a journal is the JSON file written by `faultline run` or `chaos run` (--journal-path)',
      cause: error,
    });
  }
  return normalizeJournal(raw, source);
}
