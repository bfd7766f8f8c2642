import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);
import "./chunk-CKIXTYGO.js";
import "./chunk-IGKN5HIV.js";
import {
  UsageError,
  external_exports
} from "./chunk-IQ32Z4TL.js";
import {
  knownDrivers
} from "./chunk-JDH6GR3O.js";
import "./chunk-LKYZCP33.js";

// packages/cli/dist/commands/discover-action.js
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
function describeArguments(schema) {
  const json = external_exports.toJSONSchema(schema, { unrepresentable: "any", io: "input" });
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    type: [property.type ?? property.anyOf?.map((a) => a.type ?? "any")].flat().filter(Boolean).join("|") || "any",
    required: json.required?.includes(name) ?? false,
    ...property.default !== void 0 ? { default: property.default } : {},
    ...property.description ? { description: property.description } : {}
  }));
}
async function discover(names, flags, io) {
  const entries = names.length ? names.map((name) => {
    const entry = knownDrivers.find((d) => d.name === name || d.aliases?.includes(name) || d.name === `@faultline/${name}`);
    if (!entry)
      throw new UsageError(`unknown driver "${name}"`, { hint: `known: ${knownDrivers.map((d) => d.name).join(", ")}` });
    return entry;
  }) : knownDrivers;
  const drivers = await Promise.all(entries.map((entry) => entry.load()));
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
        arguments: describeArguments(activity.arguments)
      })),
      controls: (driver.controls ?? []).map((control) => ({ name: control.name, description: control.description, python: control.python ?? [] }))
    }))
  };
  if (flags.discoveryPath)
    await writeFile(resolve(io.cwd, flags.discoveryPath), `${JSON.stringify(document, null, 2)}
`);
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(document, null, 2)}
`);
    return;
  }
  for (const driver of document.drivers) {
    io.stdout.write(`
${driver.name}
`);
    for (const activity of driver.activities) {
      const python = activity.python.length ? `  (python: ${activity.python.map((p) => p.module).join(", ")})` : "";
      io.stdout.write(`  ${activity.type.padEnd(6)} ${activity.name}${python}
      ${activity.description}
`);
      for (const arg of activity.arguments) {
        io.stdout.write(`      - ${arg.name}: ${arg.type}${arg.required ? " (required)" : ""}${arg.default !== void 0 ? ` = ${JSON.stringify(arg.default)}` : ""}
`);
      }
    }
    for (const control of driver.controls)
      io.stdout.write(`  control ${control.name}  (python: ${control.python.join(", ")})
      ${control.description}
`);
  }
}
export {
  discover
};
