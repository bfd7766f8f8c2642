import type { DocumentPath } from '../loader/experiment-source.js';
import { FaultlineError } from '../errors/faultline-error.js';
import type { ControlDeclaration } from '../model/experiment.js';
import { collectSafeguards, isSafeguardsControl } from '../safeguard/collect-safeguards.js';

/** A safeguards control whose probes the runner would refuse, reported by `faultline validate` too. */
export function safeguardProblems(controls: unknown): Array<{ path: DocumentPath; message: string; hint?: string }> {
  if (!Array.isArray(controls)) return [];
  const problems: Array<{ path: DocumentPath; message: string; hint?: string }> = [];
  controls.forEach((control: unknown, index) => {
    if (!control || typeof control !== 'object' || !isSafeguardsControl(control as ControlDeclaration)) return;
    try {
      collectSafeguards([{ control: control as ControlDeclaration, from: 'experiment' }], {});
    } catch (error) {
      if (!(error instanceof FaultlineError)) throw error;
      problems.push({
        path: ['controls', index, 'provider', 'arguments', 'probes'],
        message: error.message,
        hint: error.hint,
      });
    }
  });
  return problems;
}
