/** Labels on every object `faultline schedule apply` creates, so `delete` and `stop` find exactly them. */
export const managedByLabel = 'app.kubernetes.io/managed-by';
export const scheduleLabel = 'faultline.io/schedule';
/** Schedules are named per namespace; RBAC objects may live elsewhere, so they say whose they are. */
export const scheduleNamespaceLabel = 'faultline.io/schedule-namespace';
/** The ConfigMap annotation the Job writes its last result to (JSON, see ScheduleRunSummary). */
export const lastResultAnnotation = 'faultline.io/last-result';

export function scheduleLabels(name: string, namespace: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'faultline',
    [managedByLabel]: 'faultline',
    [scheduleLabel]: name,
    [scheduleNamespaceLabel]: namespace,
  };
}

export const faultlineSelector = `${managedByLabel}=faultline`;
export const scheduleSelector = (name: string, namespace: string) =>
  `${faultlineSelector},${scheduleLabel}=${name},${scheduleNamespaceLabel}=${namespace}`;
