import { ActivityFailedError, defineActivity } from '@faultline/core';
import { z } from 'zod';
import { evaluateSlo } from '../slo/evaluate-slo.js';
import { sloDefinitionSchema } from '../slo/slo-definition.js';
import { parseTime } from '../time/parse-time.js';
import { parseWindow } from '../time/parse-window.js';
import { connectionArguments, timeArgument } from './common-arguments.js';
import { connect } from './connect.js';
import { runStart } from './run-window.js';

/**
 * Evaluate a service level objective: `indicator` (PromQL) against `objective` ("< 1%",
 * "<= 300ms") over `window` ("5m", or "run": since the run started). Returns true when met, so
 * `tolerance: true` reads naturally; `detail: true` returns the whole evaluation instead.
 */
export const slo = defineActivity({
  name: 'slo',
  type: 'probe',
  description:
    'Whether a service level objective (PromQL indicator, objective, window) holds, e.g. error ratio < 1% over the run.',
  python: ['chaosprometheus.probes'],
  arguments: sloDefinitionSchema.extend({
    window: sloDefinitionSchema.shape.window.default('run'),
    /** End of the window; default now. */
    when: timeArgument.optional(),
    detail: z.boolean().default(false),
    ...connectionArguments,
  }),
  async run(args, ctx) {
    runStart(ctx);
    const { client } = connect(ctx, args);
    const end = parseTime(args.when, new Date(), 'when');
    const start =
      args.window === 'run' ? runStart(ctx) : new Date(end.getTime() - parseWindow(args.window, 'window') * 1000);
    // A probe at the very start of a run still needs a window Prometheus can answer for.
    const safeStart = end.getTime() - start.getTime() < 1000 ? new Date(end.getTime() - 1000) : start;
    const result = await evaluateSlo(client, args, safeStart, end);
    ctx.logger.info(`SLO ${result.name}: ${result.status}`, {
      measured: result.measured,
      objective: result.objective,
      window: result.window,
    });
    if (args.detail) return result;
    if (result.status === 'no-data') {
      throw new ActivityFailedError(`SLO "${result.name}": ${result.reason}`, {
        code: 'E_PROMETHEUS_NO_DATA',
        hint: 'check the indicator query and that the targets are scraped, or set on_no_data: pass',
      });
    }
    return result.met;
  },
});
