export interface KillResult {
  signal: 'SIGINT' | 'SIGTERM' | 'SIGKILL';
  killAtMs: number;
  endedBeforeKill: boolean;
  /** A fault was in place (the target differed from before) when the signal was sent. */
  injectedAtKill: boolean;
  runExit: number | string | null;
  stopExit: number | null;
  hung: boolean;
  cleanAfterMs: number;
  runMs: number;
  leftBehind: 0 | 1;
}
export function prng(seed: number): () => number;
export function killLoop(
  scenario: () => Promise<unknown>,
  options: { runs: number; deadline: number; seed?: number },
): Promise<KillResult[]>;
