import { z } from 'zod';
import type { ActivityDefinition, Driver } from '@faultline/core';
import { defaultDifferences } from './default-differences.js';
import { unsupportedFunctions } from './unsupported-functions.js';
import { upstreamDrivers, type UpstreamFunction } from './upstream-functions.js';

export interface CompatRow {
  package: string;
  /** "chaosk8s.pod.actions.terminate_pods", or the module of a control. */
  name: string;
  kind: UpstreamFunction['kind'];
  status: 'native' | 'unsupported';
  /** The Faultline driver serving it, or why it is not served. */
  detail: string;
}

const upstreamName = (fn: UpstreamFunction) => (fn.name ? `${fn.module}.${fn.name}` : fn.module);

function findActivity(drivers: readonly Driver[], fn: UpstreamFunction) {
  for (const driver of drivers) {
    const activity = driver.activities.find((a) => a.name === fn.name && a.python?.includes(fn.module));
    if (activity) return { driver, activity };
  }
  return undefined;
}

const findControl = (drivers: readonly Driver[], module: string) =>
  drivers.find((driver) => driver.controls?.some((control) => control.python?.includes(module)));

/** The argument names an activity's schema accepts (its input JSON Schema's properties). */
function argumentNames(activity: ActivityDefinition): string[] {
  const schema = z.toJSONSchema(activity.arguments, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
  };
  return Object.keys(schema.properties ?? {});
}

/** Every upstream function with how Faultline serves it, in the order of the upstream list. */
export function compatRows(drivers: readonly Driver[], engineControls: ReadonlySet<string> = new Set()): CompatRow[] {
  return upstreamDrivers.flatMap((upstream) =>
    upstream.functions.map((fn): CompatRow => {
      const name = upstreamName(fn);
      const served = fn.kind === 'control' ? findControl(drivers, fn.module) : findActivity(drivers, fn)?.driver;
      if (served) return { package: upstream.package, name, kind: fn.kind, status: 'native', detail: served.name };
      if (fn.kind === 'control' && engineControls.has(fn.module))
        return {
          package: upstream.package,
          name,
          kind: fn.kind,
          status: 'native',
          detail: '@faultline/core (the runner)',
        };
      return {
        package: upstream.package,
        name,
        kind: fn.kind,
        status: 'unsupported',
        detail: unsupportedFunctions[name] ?? '',
      };
    }),
  );
}

/**
 * What keeps the table honest: an upstream function neither served nor listed as unsupported with
 * a reason, an upstream argument a native activity does not accept, or an unsupported entry that
 * names nothing upstream.
 */
export function compatProblems(drivers: readonly Driver[], engineControls?: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const row of compatRows(drivers, engineControls))
    if (row.status === 'unsupported' && !row.detail)
      problems.push(`${row.name} (${row.package}) is neither served nor listed in unsupported-functions.ts`);
  for (const upstream of upstreamDrivers)
    for (const fn of upstream.functions) {
      if (fn.kind === 'control') continue;
      const found = findActivity(drivers, fn);
      if (!found) continue;
      const accepted = argumentNames(found.activity);
      for (const argument of fn.arguments) {
        if (!accepted.includes(argument.name)) {
          problems.push(`${upstreamName(fn)}: the upstream argument "${argument.name}" is not accepted`);
          continue;
        }
        if (argument.default === undefined || argument.default === null) continue;
        const ours = argumentDefault(found.activity, argument.name);
        const same = ours.has && JSON.stringify(ours.value) === JSON.stringify(argument.default);
        if (!same && !defaultDifferences[`${upstreamName(fn)}.${argument.name}`])
          problems.push(
            `${upstreamName(fn)}: "${argument.name}" defaults to ${ours.has ? JSON.stringify(ours.value) : 'nothing'}, upstream to ${JSON.stringify(argument.default)}`,
          );
      }
    }
  const known = new Set(upstreamDrivers.flatMap((upstream) => upstream.functions.map(upstreamName)));
  for (const name of Object.keys(unsupportedFunctions))
    if (!known.has(name)) problems.push(`unsupported-functions.ts lists ${name}, which is not an upstream function`);
  return problems;
}

interface SchemaNode {
  def?: { type?: string; defaultValue?: unknown; in?: SchemaNode };
  shape?: Record<string, SchemaNode>;
}

/** The default an activity's schema gives an argument (undefined when it has none). */
function argumentDefault(activity: ActivityDefinition, name: string): { has: boolean; value?: unknown } {
  const root = activity.arguments as unknown as SchemaNode;
  const node = (root.shape ?? root.def?.in?.shape)?.[name];
  if (node?.def?.type !== 'default') return { has: false };
  const value = node.def.defaultValue;
  return { has: true, value: typeof value === 'function' ? (value as () => unknown)() : value };
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

/** The markdown of docs/compatibility.md's generated section. */
export function compatTable(drivers: readonly Driver[], engineControls?: ReadonlySet<string>): string {
  const rows = compatRows(drivers, engineControls);
  const lines: string[] = [];
  const native = rows.filter((row) => row.status === 'native').length;
  lines.push(
    `${native} of the ${rows.length} public functions and controls of the official drivers are served natively. The others are not (why is given); with the driver installed in the Python interpreter, the [Python bridge](#the-python-bridge) still calls them.`,
    '',
  );
  for (const upstream of upstreamDrivers) {
    lines.push(
      `### ${upstream.package} ${upstream.version}`,
      '',
      `Read from [${upstream.repository}](https://github.com/${upstream.repository}) at \`${upstream.commit.slice(0, 12)}\`.`,
      '',
      '| function | kind | status | served by / why not |',
      '|---|---|---|---|',
    );
    for (const row of rows.filter((candidate) => candidate.package === upstream.package))
      lines.push(
        `| \`${row.name}\` | ${row.kind} | ${row.status === 'native' ? 'native' : '**unsupported**'} | ${escapeCell(row.status === 'native' ? `\`${row.detail}\`` : row.detail)} |`,
      );
    lines.push('');
  }
  lines.push('### Argument defaults that differ', '', '| argument | why |', '|---|---|');
  for (const [argument, why] of Object.entries(defaultDifferences))
    lines.push(`| \`${argument}\` | ${escapeCell(why)} |`);
  return lines.join('\n').trimEnd() + '\n';
}

export const compatMarkers = {
  start: '<!-- compat-table:start (generated by npm run docs:compat; do not edit) -->',
  end: '<!-- compat-table:end -->',
} as const;

/** The document with its generated section replaced by `table`. */
export function withCompatTable(document: string, table: string): string {
  const start = document.indexOf(compatMarkers.start);
  const end = document.indexOf(compatMarkers.end);
  if (start < 0 || end < start) throw new Error('docs/compatibility.md has no compat-table markers');
  return `${document.slice(0, start + compatMarkers.start.length)}\n\n${table}\n${document.slice(end)}`;
}
