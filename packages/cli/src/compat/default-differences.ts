/**
 * Upstream argument defaults a native activity does not copy, each with why (the compatibility
 * test fails on any other difference). Key: "module.function.argument".
 */
export const defaultDifferences: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    ['set_fault', 'add_delay_fault', 'add_abort_fault', 'unset_fault', 'remove_delay_fault', 'remove_abort_fault'].map(
      (name) => [
        `chaosistio.fault.actions.${name}.version`,
        'absent: the VirtualService API version the cluster serves is used (v1, v1beta1 or v1alpha3), so experiments keep working where v1alpha3 is gone',
      ],
    ),
  ),
  'chaosistio.fault.probes.get_virtual_service.version':
    'absent: the VirtualService API version the cluster serves is used (v1, v1beta1 or v1alpha3)',
  'chaosprometheus.probes.query.verify_tls':
    "absent: the configuration's prometheus_verify_tls applies, else true as upstream",
  'chaosprometheus.probes.query_interval.verify_tls':
    "absent: the configuration's prometheus_verify_tls applies, else true as upstream",
  'chaosprometheus.probes.query_interval.step':
    'absent: 1 second as upstream, coarser only when the window would exceed the 11,000 points Prometheus accepts',
  ...Object.fromEntries(
    [
      'actions.enable_chaosmonkey',
      'actions.disable_chaosmonkey',
      'actions.change_assaults_configuration',
      'probes.chaosmonkey_enabled',
      'probes.watcher_configuration',
      'probes.assaults_configuration',
    ].map((name) => [`chaosspring.${name}.verify_ssl`, 'absent means true, as upstream']),
  ),
  'chaostoxi.proxy.actions.create_proxy.listen_host':
    'listens on 127.0.0.1 unless told otherwise: the Python driver exposes the proxy on every interface',
};
