export interface ControlAuthOptions {
  /**
   * Bearer token every request must carry (`Authorization: Bearer <token>`). Required:
   * pass `false` to turn auth off explicitly, e.g. for a local experiment.
   */
  token: string | false;
  /** Allow switching the monkey on while NODE_ENV=production (default false). */
  allowInProduction?: boolean;
}

export interface ActuatorOptions extends ControlAuthOptions {
  /** Full path the API is served under (default "/actuator/chaosmonkey"). */
  basePath?: string;
  /**
   * HTTP status of `GET /status` while the monkey is off. 503, as Chaos Monkey for Spring Boot 2.x
   * (the version the seed uses) and chaostoolkit-spring's `chaosmonkey_enabled` probe expect;
   * 200 as Spring Boot 3.x. The JSON body is the same either way.
   */
  disabledStatus?: 200 | 503;
  /** Largest accepted request body in bytes (default 64 KiB). */
  bodyLimit?: number;
}
