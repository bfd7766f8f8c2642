import type { ActivityContext } from '@faultline/core';
import type { HttpFaultJson } from '../http/http-fault.js';
import { apiCall, isConflict } from './api-call.js';
import { clientFor } from './client-for.js';
import { dryRun } from './dry-run.js';
import { proxyDriverName } from './proxy-driver-name.js';

/** Shared by the add_http_* activities: registers remove_http_fault as the revert, then adds the fault. */
export async function installHttpFault(
  ctx: ActivityContext,
  proxyName: string,
  fault: Partial<HttpFaultJson> & { name: string },
): Promise<HttpFaultJson | { dry_run: true; would: string }> {
  const what = `add HTTP fault ${fault.name} ${JSON.stringify(fault)} to proxy ${proxyName}`;
  const dry = dryRun(ctx, what);
  if (dry) return dry;
  const revert = ctx.registerRevert({
    title: `remove HTTP fault ${fault.name} from proxy ${proxyName}`,
    driver: proxyDriverName,
    func: 'remove_http_fault',
    arguments: { proxy_name: proxyName, fault_name: fault.name },
  });
  try {
    return await apiCall(what, () => clientFor(ctx).addFault(proxyName, fault));
  } catch (error) {
    if (isConflict(error)) revert.done();
    throw error;
  }
}
