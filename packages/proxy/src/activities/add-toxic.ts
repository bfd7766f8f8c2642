import type { ActivityContext } from '@faultline/core';
import type { ToxicJson } from '../proxy/toxic-collection.js';
import type { ToxicAttributes } from '../toxics/toxic.js';
import { apiCall, isConflict } from './api-call.js';
import { clientFor } from './client-for.js';
import { dryRun } from './dry-run.js';
import { proxyDriverName } from './proxy-driver-name.js';

export interface AddToxicRequest {
  for_proxy: string;
  toxic_name: string;
  toxic_type: string;
  stream: 'upstream' | 'downstream';
  toxicity: number;
  attributes: ToxicAttributes;
}

/** Shared by create_toxic and its typed variants: registers delete_toxic as the revert, then adds. */
export async function addToxic(
  ctx: ActivityContext,
  request: AddToxicRequest,
): Promise<ToxicJson | { dry_run: true; would: string }> {
  const what = `add ${request.toxic_type} toxic ${request.toxic_name} (${request.stream}, toxicity ${request.toxicity}, ${JSON.stringify(request.attributes)}) to proxy ${request.for_proxy}`;
  const dry = dryRun(ctx, what);
  if (dry) return dry;
  const revert = ctx.registerRevert({
    title: `remove toxic ${request.toxic_name} from proxy ${request.for_proxy}`,
    driver: proxyDriverName,
    func: 'delete_toxic',
    arguments: { for_proxy: request.for_proxy, toxic_name: request.toxic_name },
  });
  try {
    const toxic = await apiCall(what, () =>
      clientFor(ctx).addToxic(request.for_proxy, {
        name: request.toxic_name,
        type: request.toxic_type,
        stream: request.stream,
        toxicity: request.toxicity,
        attributes: request.attributes,
      }),
    );
    ctx.logger.info(`added toxic ${toxic.name} to ${request.for_proxy}`, { toxic });
    return toxic;
  } catch (error) {
    // A toxic of that name was there before us: removing it on rollback would not be ours to do.
    if (isConflict(error)) revert.done();
    throw error;
  }
}
