/** A call the monkey may attack: an HTTP request or a wrapped function. */
export interface CallTarget {
  /** HTTP requests are "controller" calls; wrapped functions say what layer they belong to. */
  readonly kind: TargetKind;
  /** "/api/orders" for HTTP, "OrderRepository.findAll" for functions. */
  readonly name: string;
  /** HTTP method, upper case. */
  readonly method?: string;
}

export type TargetKind = 'controller' | 'restController' | 'service' | 'repository' | 'component';

export const targetKinds: readonly TargetKind[] = [
  'controller',
  'restController',
  'service',
  'repository',
  'component',
];
