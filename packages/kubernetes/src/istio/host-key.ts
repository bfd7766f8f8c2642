/**
 * Canonical form of a Kubernetes service host for comparison, relative to the VirtualService's
 * namespace: "payments", "payments.shop", "payments.shop.svc" and "payments.shop.svc.cluster.local"
 * (or any cluster domain) all become "payments.shop". Other hosts ("api.example.com") stay as they are.
 * Istio interprets short names the same way, relative to the namespace of the rule.
 */
export function hostKey(host: string, namespace: string): string {
  let name = host.trim().toLowerCase().replace(/\.$/, '');
  const service = /^(.+?)\.svc(?:\..+)?$/.exec(name);
  if (service) name = service[1]!;
  return name.includes('.') ? name : `${name}.${namespace}`;
}
