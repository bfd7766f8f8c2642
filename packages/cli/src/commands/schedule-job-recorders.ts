import type { RunRecorder } from '@faultline/kubernetes/schedule';

/**
 * Where a scheduled run's result goes. Today: the summary annotation on the schedule's ConfigMap
 * (what `faultline schedule list` shows). The runs store plugs in here as one more recorder.
 */
export async function scheduleJobRecorders(env: Readonly<Record<string, string | undefined>>): Promise<RunRecorder[]> {
  const configMap = env['FAULTLINE_SCHEDULE_CONFIGMAP'];
  const namespace = env['FAULTLINE_NAMESPACE'];
  if (!configMap || !namespace) return [];
  const { configMapRecorder, scheduleConnection } = await import('@faultline/kubernetes/schedule');
  const { k8s, objects } = await scheduleConnection(env);
  return [configMapRecorder(objects, k8s, { name: configMap, namespace })];
}
