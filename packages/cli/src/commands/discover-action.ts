import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { UsageError, type Driver } from '@faultline/core';
import type { CliIo } from '../cli-io.js';
import { knownDrivers } from '../known-drivers.js';

interface ArgumentInfo {
  name: string;
  type: string;
  required: boolean;
  default?: unknown;
  description?: string;
}

/** Arguments of an activity, read from the same schema that validates them. */
function describeArguments(schema: z.ZodType): ArgumentInfo[] {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as {
    properties?: Record<
      string,
      { type?: string | string[]; default?: unknown; description?: string; anyOf?: Array<{ type?: string }> }
    >;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    type: [property.type ?? property.anyOf?.map((a) => a.type ?? 'any')].flat().filter(Boolean).join('|') || 'any',
    required: json.required?.includes(name) ?? false,
    ...(property.default !== undefined ? { default: property.default } : {}),
    ...(property.description ? { description: property.description } : {}),
  }));
}

export async function discover(
  names: string[],
  flags: { json?: boolean; discoveryPath?: string },
  io: CliIo,
): Promise<void> {
  const entries = names.length
    ? names.map((given) => {
        // Chaos Toolkit discovers a Python package: chaostoolkit-kubernetes names our kubernetes driver.
        const name = given.replace(/^chaostoolkit-/, '');
        const entry = knownDrivers.find(
          (d) => d.name === name || d.aliases?.includes(name) || d.name === `@faultline/${name}`,
        );
        if (!entry)
          throw new UsageError(`unknown driver "${given}"`, {
            hint: `known: ${knownDrivers.map((d) => d.name).join(', ')}`,
          });
        return entry;
      })
    : knownDrivers;
  const drivers: Driver[] = await Promise.all(entries.map((entry) => entry.load()));
  const document = {
    faultline: true,
    drivers: drivers.map((driver) => ({
      name: driver.name,
      activities: driver.activities.map((activity) => ({
        name: activity.name,
        type: activity.type,
        description: activity.description,
        mutating: activity.mutating ?? false,
        javascript: { module: driver.name, func: activity.name },
        python: (activity.python ?? []).map((module) => ({ module, func: activity.name })),
        arguments: describeArguments(activity.arguments),
      })),
      controls: (driver.controls ?? []).map((control) => ({
        name: control.name,
        description: control.description,
        python: control.python ?? [],
      })),
    })),
  };
  if (flags.discoveryPath)
    await writeFile(resolve(io.cwd, flags.discoveryPath), `${JSON.stringify(document, null, 2)}\n`);
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return;
  }
  for (const driver of document.drivers) {
    io.stdout.write(`\n${driver.name}\n`);
    for (const activity of driver.activities) {
      const python = activity.python.length ? `  (python: ${activity.python.map((p) => p.module).join(', ')})` : '';
      io.stdout.write(`  ${activity.type.padEnd(6)} ${activity.name}${python}\n      ${activity.description}\n`);
      for (const arg of activity.arguments) {
        io.stdout.write(
          `      - ${arg.name}: ${arg.type}${arg.required ? ' (required)' : ''}${arg.default !== undefined ? ` = ${JSON.stringify(arg.default)}` : ''}\n`,
        );
      }
    }
    for (const control of driver.controls) {
      const python = control.python.length ? `  (python: ${control.python.join(', ')})` : '';
      io.stdout.write(
        `  control ${control.name}${python}\n      javascript: ${driver.name}/${control.name}\n      ${control.description}\n`,
      );
    }
  }
}
