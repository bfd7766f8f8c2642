import { ActivityFailedError } from '../errors/faultline-error.js';

/** What the bridge reports for an exception raised in Python. */
export interface PythonException {
  /** Qualified class name: "ValueError", "requests.exceptions.ConnectionError". */
  type: string;
  message: string;
  /** Lines as Chaos Toolkit journals them (traceback.format_exception). */
  traceback: string[];
  /** Set when the module could not be imported. */
  import?: boolean;
  executable?: string;
  sys_path?: string[];
  /** Functions the module exposes, when the wanted one is missing. */
  functions?: string[];
}

/**
 * A Python activity or control raised. `journalLines` are written to the journal's `exception`
 * as they are, so tools reading Chaos Toolkit journals see the same traceback.
 */
export class PythonError extends ActivityFailedError {
  static override readonly brand: string = 'PythonError';
  readonly pythonType: string;
  readonly journalLines: string[];
  constructor(where: string, exception: PythonException) {
    super(`${where} raised ${exception.type}: ${exception.message}`, { code: 'E_PYTHON' });
    this.pythonType = exception.type;
    this.journalLines = exception.traceback.length
      ? exception.traceback
      : [`${exception.type}: ${exception.message}\n`];
  }
}

/** The bridge process died, or could not start: every call in flight fails with this. */
export class PythonBridgeError extends ActivityFailedError {
  static override readonly brand: string = 'PythonBridgeError';
  constructor(message: string, hint?: string) {
    super(message, { code: 'E_PYTHON_BRIDGE', hint });
  }
}
