import type { ControlAuthOptions } from '../actuator/actuator-options.js';

export interface ControlRoutesOptions extends ControlAuthOptions {
  /** Full path the routes are served under (default "/chaos"). */
  basePath?: string;
}
