import type { ActivityDefinition } from './activity-definition.js';
import type { ControlDefinition } from '../control/control-module.js';

/** What a driver package exports from its `./activities` subpath as `driver`. */
export interface Driver {
  /** The package name, e.g. "@faultline/kubernetes". Reverts name their driver by it. */
  readonly name: string;
  readonly activities: readonly ActivityDefinition[];
  readonly controls?: readonly ControlDefinition[];
  /**
   * The activities a journal may replay as reverts (at the end of a run and by `faultline revert`).
   * Nothing else can be run from a journal: a forged one cannot name, say, a query runner with a
   * program path of its choosing.
   */
  readonly reverts?: readonly string[];
}

/**
 * A driver the CLI knows how to load lazily: the Kubernetes client alone costs ~0.9 s to import,
 * so a driver is imported only when an experiment refers to one of its names.
 */
export interface DriverEntry {
  readonly name: string;
  /** Chaos Toolkit module prefixes served by this driver, e.g. ["chaosk8s", "chaosistio"]. */
  readonly pythonPrefixes: readonly string[];
  /** Other names a `javascript` provider may use as `module` for it. */
  readonly aliases?: readonly string[];
  load(): Promise<Driver>;
}
