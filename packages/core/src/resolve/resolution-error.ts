import { FaultlineError } from '../errors/faultline-error.js';
import { exitCodes } from '../errors/exit-codes.js';

/** Could not find what a provider names. Raised at validation, or at run time (→ aborted). */
export class ResolutionError extends FaultlineError {
  static override readonly brand: string = 'ResolutionError';
  constructor(message: string, hint?: string) {
    super(message, { code: 'E_UNRESOLVED_ACTIVITY', exitCode: exitCodes.aborted, hint });
  }
}

/** The Python bridge could not import a module (not installed in that interpreter, or not on its path). */
export class PythonImportError extends ResolutionError {
  static override readonly brand: string = 'PythonImportError';
}
