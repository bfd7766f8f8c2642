import type { ActivityContext } from '@faultline/core';

/** chaosk8s's deprecation warning for its microservice functions, kept so users learn the new name. */
export function deprecated(ctx: Pick<ActivityContext, 'logger'>, name: string, replacement: string): void {
  ctx.logger.warn(`${name} is deprecated (as in chaosk8s): use ${replacement}`);
}
