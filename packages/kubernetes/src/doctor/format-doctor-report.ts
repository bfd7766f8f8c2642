import type { DoctorReport } from './run-doctor.js';

const describe = (check: { verb: string; group: string; resource: string; subresource?: string; namespace?: string }) =>
  `${check.verb} ${check.resource}${check.subresource ? `/${check.subresource}` : ''}${check.group ? `.${check.group}` : ''} ${check.namespace ? `in namespace ${check.namespace}` : 'cluster-wide'}`;

/** The doctor's findings as terminal lines: connection, then each missing permission and who needs it. */
export function formatDoctorReport(report: DoctorReport): string {
  const lines: string[] = [];
  const source = report.connection.source;
  const where = source
    ? `${source.server} (${source.mode}${source.context ? `, context ${source.context}` : ''}${source.path ? `, ${source.path}` : ''})`
    : 'no cluster';
  if (!report.connection.ok) {
    lines.push(`✗ cannot reach the Kubernetes API at ${where}: ${report.connection.error}`);
    if (report.connection.hint) lines.push(`  hint: ${report.connection.hint}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`✓ connected to ${where}, Kubernetes ${report.connection.version ?? 'unknown version'}`);
  const missing = report.permissions.filter((check) => !check.allowed);
  lines.push(
    `${missing.length === 0 ? '✓' : '✗'} ${report.permissions.length - missing.length} of ${report.permissions.length} permission(s) granted`,
  );
  for (const check of missing)
    lines.push(
      `  ✗ missing: ${describe(check)} — needed by ${check.neededBy.join(', ')}${check.reason ? ` (${check.reason})` : ''}`,
    );
  if (missing.length > 0) lines.push('  hint: grant them (see deploy/rbac.yaml) before running the experiment');
  for (const name of report.unknownActivities)
    lines.push(`  ? ${name}: not a known Kubernetes activity, permissions not checked`);
  return `${lines.join('\n')}\n`;
}
