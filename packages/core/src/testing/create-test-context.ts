import type { ActivityContext } from '../activity/activity-context.js';
import type { Logger } from '../activity/logger.js';
import type { RevertHandle, RevertSpec } from '../revert/revert-spec.js';

export interface RecordedRevert extends RevertSpec {
  id: string;
  done: boolean;
}

export interface TestContext extends ActivityContext {
  /** Every revert registered through this context, in order. */
  readonly reverts: RecordedRevert[];
  /** Log lines, for assertions. */
  readonly logs: Array<{ level: string; message: string; fields?: Record<string, unknown> }>;
}

/** An ActivityContext for driver tests: records reverts and logs instead of journaling them. */
export function createTestContext(overrides: Partial<ActivityContext> = {}): TestContext {
  const reverts: RecordedRevert[] = [];
  const logs: TestContext['logs'] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    logs.push({ level, message, fields });
  };
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  return {
    configuration: {},
    secrets: {},
    signal: new AbortController().signal,
    logger,
    dryRun: false,
    runId: 'test-run',
    experimentDir: process.cwd(),
    settings: {},
    experimentTitle: 'test experiment',
    runStartedAt: new Date().toISOString(),
    registerRevert(spec: RevertSpec): RevertHandle {
      const entry: RecordedRevert = {
        ...spec,
        arguments: { ...spec.arguments },
        id: `revert-${reverts.length + 1}`,
        done: false,
      };
      reverts.push(entry);
      return {
        id: entry.id,
        update(patch) {
          Object.assign(entry.arguments, patch);
        },
        done() {
          entry.done = true;
        },
      };
    },
    ...overrides,
    reverts,
    logs,
  };
}
