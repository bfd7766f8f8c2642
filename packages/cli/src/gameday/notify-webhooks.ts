import type { Plan } from './plan-schema.js';

export interface StepResult {
  step: string;
  status: string;
  deviated: boolean;
  vars: Record<string, unknown>;
  journalPath?: string;
}

export type PlanStatus = 'completed' | 'stopped-at-gate' | 'outside-window' | 'deadline' | 'interrupted';

export interface PlanEvent {
  event: 'plan-started' | 'step-finished' | 'plan-finished';
  gameday: string;
  plan: string;
  at: string;
  step?: StepResult;
  status?: PlanStatus;
  /** plan-finished: every step's result, in the order they finished. */
  steps?: StepResult[];
}

function slackText(event: PlanEvent): string {
  if (event.event === 'plan-started') return `:rotating_light: Game day "${event.plan}" started (${event.gameday})`;
  if (event.event === 'step-finished') {
    const ok = event.step!.status === 'completed' && !event.step!.deviated;
    return `${ok ? ':white_check_mark:' : ':x:'} ${event.plan}: step "${event.step!.step}" ${event.step!.status}${event.step!.deviated ? ' (deviated)' : ''}`;
  }
  return `:checkered_flag: Game day "${event.plan}" ${event.status} after ${event.steps?.length ?? 0} step(s)`;
}

/**
 * Tell every webhook of the plan about an event, one after the other so receivers see events in
 * order: the event as JSON, or a Slack incoming-webhook payload (`text`). A webhook that fails is
 * reported, never a reason to stop (or not revert) the game day.
 */
export function webhookNotifier(
  notify: Plan['notify'],
  warn: (message: string) => void,
): (event: PlanEvent) => Promise<void> {
  return async (event) => {
    for (const target of notify) {
      const body = target.format === 'slack' ? { text: slackText(event) } : event;
      try {
        const response = await fetch(target.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        if (!response.ok) warn(`webhook ${new URL(target.url).host}: HTTP ${response.status} for ${event.event}`);
      } catch (error) {
        warn(`webhook ${new URL(target.url).host}: ${(error as Error).message} for ${event.event}`);
      }
    }
  };
}
