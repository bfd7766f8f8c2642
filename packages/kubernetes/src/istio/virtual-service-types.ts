/**
 * The parts of an Istio VirtualService this driver reads and writes. Everything else in the object
 * is carried through untouched (index signatures), because a PUT replaces the whole object.
 */
export interface IstioPercentage {
  value: number;
}

export interface HttpFaultDelay {
  fixedDelay?: string;
  percentage?: IstioPercentage;
  [key: string]: unknown;
}

export interface HttpFaultAbort {
  httpStatus?: number;
  grpcStatus?: string;
  percentage?: IstioPercentage;
  [key: string]: unknown;
}

export interface HttpFault {
  delay?: HttpFaultDelay;
  abort?: HttpFaultAbort;
  [key: string]: unknown;
}

export interface Destination {
  host?: string;
  subset?: string;
  [key: string]: unknown;
}

export interface HttpRouteDestination {
  destination?: Destination;
  [key: string]: unknown;
}

export interface HttpRoute {
  name?: string;
  match?: unknown[];
  route?: HttpRouteDestination[];
  fault?: HttpFault;
  [key: string]: unknown;
}

export interface VirtualService {
  apiVersion?: string;
  kind?: string;
  metadata: { name?: string; namespace?: string; resourceVersion?: string; [key: string]: unknown };
  spec?: { hosts?: string[]; http?: HttpRoute[]; [key: string]: unknown };
  [key: string]: unknown;
}
