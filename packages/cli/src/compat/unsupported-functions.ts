/**
 * Upstream functions Faultline deliberately does not serve, with why. Anything upstream that is
 * neither served by a driver nor listed here fails the compatibility test.
 */
export const unsupportedFunctions: Readonly<Record<string, string>> = {
  'chaosk8s.create_k8s_api_client':
    'extension plumbing that returns a Python API client, not an activity; connections are configured as for every activity (docs/kubernetes.md)',
  'chaosk8s.discover': 'extension plumbing for `chaos discover`; `faultline discover` lists every activity',
  'chaosistio.create_k8s_api_client':
    'extension plumbing that returns a Python API client, not an activity; Istio activities connect like the Kubernetes ones',
  'chaosistio.discover': 'extension plumbing for `chaos discover`; `faultline discover` lists every activity',
  'chaosprometheus.discover': 'extension plumbing for `chaos discover`; `faultline discover` lists every activity',
  'chaosprometheus.load_exported_activities': 'extension plumbing for `chaos discover`, not an activity',
  'chaosspring.api.call_api':
    'internal helper of the driver (not exported, returns a python-requests Response object); its callers are served',
  'chaostoxi.toxiproxyapi.create_proxy': 'internal HTTP helper of the driver; use chaostoxi.proxy.actions.create_proxy',
  'chaostoxi.toxiproxyapi.modify_proxy': 'internal HTTP helper of the driver; use chaostoxi.proxy.actions.modify_proxy',
  'chaostoxi.toxiproxyapi.delete_proxy': 'internal HTTP helper of the driver; use chaostoxi.proxy.actions.delete_proxy',
  'chaostoxi.toxiproxyapi.read_proxy':
    'internal HTTP helper of the driver; use chaostoxi.proxy.probes.get_proxy_attribute',
  'chaostoxi.toxiproxyapi.create_toxic': 'internal HTTP helper of the driver; use chaostoxi.toxic.actions.create_toxic',
  'chaostoxi.toxiproxyapi.delete_toxic': 'internal HTTP helper of the driver; use chaostoxi.toxic.actions.delete_toxic',
  'chaostoxi.toxiproxyapi.reset': 'internal HTTP helper of the driver; use chaostoxi.proxy.actions.reset',
  'chaostoxi.toxiproxyapi.build_baseUrl': 'internal helper that formats a URL, not an activity',
  'chaostoxi.toxiproxyapi.build_proxies_baseUrl': 'internal helper that formats a URL, not an activity',
  'chaosaddons.controls.bypass':
    'it works by setting `dry` on the activity dict a control receives; Faultline controls do not rewrite activities: use `--dry actions` or a separate experiment file',
  'chaosaddons.controls.repeat':
    'it works by inserting copies of the activity into the experiment while it runs; Faultline controls do not rewrite the experiment: list the activity several times',
  'chaosaddons.controls.safeguards': 'not served yet: its probes are not watched natively',
};
