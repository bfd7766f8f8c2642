/**
 * How to undo a fault, described as data so it can be written to the journal before the fault is
 * injected and replayed by `faultline revert <journal>` after a hard kill.
 * It names an activity of a driver (resolved like a `javascript` provider) and its arguments.
 */
export interface RevertSpec {
  /** Human sentence: "uncordon node worker-1". */
  title: string;
  /** Driver package that owns `func`, e.g. "@faultline/kubernetes". */
  driver: string;
  /** Activity name in that driver, e.g. "uncordon_node". */
  func: string;
  arguments: Record<string, unknown>;
}

export interface PendingRevert extends RevertSpec {
  id: string;
  /** Name of the activity that injected the fault. */
  activity: string;
  registered: string;
  status: 'pending' | 'reverted' | 'failed' | 'done-by-activity';
  reverted?: string;
  /** Tries made by the last revert (retried with backoff). */
  attempts?: number;
  error?: string;
}

/** Returned by registerRevert: lets the activity refine its revert or say it undid the fault itself. */
export interface RevertHandle {
  readonly id: string;
  /** Replace the arguments (e.g. once the previous state is known). */
  update(argumentsPatch: Record<string, unknown>): void;
  /** The activity removed the fault itself (e.g. a stress pod deleted after its duration). */
  done(): void;
}
