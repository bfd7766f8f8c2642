// Writes the fixture journals used by the report tests: `node generate-fixtures.mjs`.
// Deterministic (fixed clock), so the snapshots built from them are stable. The continuous-run
// builder is also used by bench/report to make a 1-hour journal.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const iso = (s) => new Date(T0 + Math.round(s * 1000)).toISOString();

function entry(activity, startS, durationS, extra = {}) {
  return {
    activity,
    output: extra.output ?? null,
    start: iso(startS),
    status: extra.status ?? 'succeeded',
    ...(extra.exception ? { exception: extra.exception } : {}),
    end: iso(startS + durationS),
    duration: durationS,
    ...(extra.tolerance_met === undefined ? {} : { tolerance_met: extra.tolerance_met }),
    ...(extra.tolerance_reason ? { tolerance_reason: extra.tolerance_reason } : {}),
  };
}

function httpOutput(status, body = 'ok') {
  return { status, headers: { 'content-type': 'text/plain' }, body };
}

function base(experiment, { status, deviated, startS = 0, endS, reverts = [], runId }) {
  return {
    'chaoslib-version': '1.44.0',
    'faultline-version': '0.1.0',
    platform: 'Linux-6.1.0-28-amd64-x86_64-with-glibc2.36',
    node: 'ci-runner-3',
    experiment,
    start: iso(startS),
    status,
    deviated,
    steady_states: { before: null, after: null, during: [] },
    run: [],
    rollbacks: [],
    end: iso(endS),
    duration: endS - startS,
    faultline: { run_id: runId, reverts, settings: { rollbacks: 'default', hypothesis: 'default', dry: false } },
  };
}

const frontendProbe = {
  type: 'probe',
  name: 'frontend-responds',
  tolerance: 200,
  provider: { type: 'http', url: 'https://shop.example.com/', headers: { Authorization: 'Bearer ${api_token}' } },
};
const ordersProbe = {
  type: 'probe',
  name: 'orders-api-healthy',
  tolerance: 200,
  provider: { type: 'http', url: 'https://api.example.com/orders/health' },
};

/** Pod Failure Resilience from the seed: both pods terminated, the system held. */
function completed() {
  const terminateCatalog = {
    type: 'action',
    name: 'terminate-product-catalog-pod',
    provider: {
      type: 'python',
      module: 'chaosk8s.pod.actions',
      func: 'terminate_pods',
      arguments: { label_selector: 'app=product-catalog', ns: 'ecommerce', rand: true, qty: 1 },
    },
    pauses: { after: 20 },
  };
  const terminateInventory = {
    type: 'action',
    name: 'terminate-inventory-pod',
    provider: {
      type: 'python',
      module: 'chaosk8s.pod.actions',
      func: 'terminate_pods',
      arguments: { label_selector: 'app=inventory', ns: 'ecommerce', rand: true, qty: 1 },
    },
  };
  const experiment = {
    version: '1.0.0',
    title: 'Pod Failure Resilience',
    description: 'Test system resilience when pods unexpectedly terminate',
    tags: ['kubernetes', 'pods'],
    secrets: { shop: { api_token: 'tok-9f8e7d6c5b4a' } },
    configuration: { namespace: 'ecommerce', kube_token: { type: 'env', key: 'KUBE_TOKEN' } },
    'steady-state-hypothesis': { title: 'Services are available and responsive', probes: [frontendProbe, ordersProbe] },
    method: [terminateCatalog, terminateInventory],
  };
  const j = base(experiment, { status: 'completed', deviated: false, endS: 24.9, runId: 'run-completed-0001' });
  j.steady_states.before = {
    steady_state_met: true,
    start: iso(0.05),
    end: iso(0.4),
    probes: [
      entry(frontendProbe, 0.05, 0.21, { output: httpOutput(200), tolerance_met: true }),
      entry(ordersProbe, 0.26, 0.14, { output: httpOutput(200), tolerance_met: true }),
    ],
  };
  j.run = [
    entry(terminateCatalog, 0.5, 0.82, { output: ['product-catalog-7d9f8b6c5-x2x7q'] }),
    entry(terminateInventory, 21.4, 0.77, { output: ['inventory-5c6b7d8f9-q8w2e'] }),
  ];
  j.steady_states.after = {
    steady_state_met: true,
    start: iso(22.3),
    end: iso(24.8),
    probes: [
      entry(frontendProbe, 22.3, 0.35, { output: httpOutput(200), tolerance_met: true }),
      entry(ordersProbe, 22.7, 2.1, { output: httpOutput(200), tolerance_met: true }),
    ],
  };
  return j;
}

/** Network Failure Resilience from the seed: the payment latency fault made orders fail. */
function deviated() {
  const canPlaceOrder = {
    type: 'probe',
    name: 'can-place-order',
    tolerance: true,
    provider: {
      type: 'python',
      module: 'chaosprobe.http',
      func: 'can_place_order',
      arguments: {
        url: 'https://api.example.com/orders',
        method: 'POST',
        json: { productId: '12345', quantity: 1 },
        status_code: 200,
      },
    },
  };
  const delay = {
    type: 'action',
    name: 'inject-payment-service-latency',
    provider: {
      type: 'python',
      module: 'chaosistio.fault.actions',
      func: 'add_delay_fault',
      arguments: { virtual_service_name: 'payment-service-vs', fixed_delay: '2s', percentage: 100, ns: 'ecommerce' },
    },
    pauses: { after: 60 },
  };
  const abort = {
    type: 'action',
    name: 'inject-payment-service-errors',
    provider: {
      type: 'python',
      module: 'chaosistio.fault.actions',
      func: 'add_abort_fault',
      arguments: { virtual_service_name: 'payment-service-vs', http_status: 503, percentage: 50, ns: 'ecommerce' },
    },
  };
  const experiment = {
    version: '1.0.0',
    title: 'Network Failure Resilience',
    description: 'Test system resilience to network failures and latency',
    secrets: { istio: { kube_token: { type: 'env', key: 'KUBE_TOKEN' }, password: 'hunter2-hunter2' } },
    'steady-state-hypothesis': { title: 'Order processing works correctly', probes: [canPlaceOrder] },
    method: [delay, abort],
  };
  const reverts = [
    {
      id: 'rv-1',
      activity: 'inject-payment-service-latency',
      title: 'remove delay fault from payment-service-vs',
      driver: '@faultline/kubernetes',
      func: 'remove_delay_fault',
      arguments: { virtual_service_name: 'payment-service-vs', ns: 'ecommerce', routes: [] },
      registered: iso(1.0),
      status: 'reverted',
      reverted: iso(63.6),
    },
    {
      id: 'rv-2',
      activity: 'inject-payment-service-errors',
      title: 'remove abort fault from payment-service-vs',
      driver: '@faultline/kubernetes',
      func: 'remove_abort_fault',
      arguments: { virtual_service_name: 'payment-service-vs', ns: 'ecommerce', routes: [] },
      registered: iso(61.6),
      status: 'reverted',
      reverted: iso(63.9),
    },
  ];
  const j = base(experiment, { status: 'completed', deviated: true, endS: 66.8, reverts, runId: 'run-deviated-0002' });
  j.steady_states.before = {
    steady_state_met: true,
    start: iso(0.1),
    end: iso(0.9),
    probes: [entry(canPlaceOrder, 0.1, 0.8, { output: true, tolerance_met: true })],
  };
  j.run = [
    entry(delay, 1.0, 0.55, { output: { name: 'payment-service-vs', applied: 'delay 2s 100%' } }),
    entry(abort, 61.6, 0.48, { output: { name: 'payment-service-vs', applied: 'abort 503 50%' } }),
  ];
  j.steady_states.after = {
    steady_state_met: false,
    start: iso(62.1),
    end: iso(63.5),
    probes: [
      entry(canPlaceOrder, 62.1, 1.4, {
        output: false,
        tolerance_met: false,
        tolerance_reason: 'expected true, got false',
      }),
    ],
  };
  j.rollbacks = [];
  return j;
}

/** The hypothesis did not hold before the method: nothing was injected. */
function failed() {
  const experiment = {
    version: '1.0.0',
    title: 'Pod Resilience Experiment',
    description: 'Verify service resilience when pods are terminated',
    'steady-state-hypothesis': {
      title: 'Application is healthy',
      probes: [
        {
          name: 'api-responds-normally',
          type: 'probe',
          tolerance: 200,
          provider: { type: 'http', url: 'https://api.example.com/health' },
        },
      ],
    },
    method: [
      {
        type: 'action',
        name: 'terminate-app-pod',
        provider: {
          type: 'python',
          module: 'chaosk8s.pod.actions',
          func: 'terminate_pods',
          arguments: { label_selector: 'app=my-service', ns: 'production', rand: true, mode: 'fixed', qty: 1 },
        },
      },
    ],
    rollbacks: [
      {
        type: 'action',
        name: 'deploy-original-replicas',
        provider: {
          type: 'python',
          module: 'chaosk8s.deployment.actions',
          func: 'scale_deployment',
          arguments: { name: 'my-service', replicas: 3, ns: 'production' },
        },
      },
    ],
  };
  const probe = experiment['steady-state-hypothesis'].probes[0];
  const j = base(experiment, { status: 'failed', deviated: false, endS: 5.2, runId: 'run-failed-0003' });
  j.steady_states.before = {
    steady_state_met: false,
    start: iso(0.1),
    end: iso(5.1),
    probes: [
      entry(probe, 0.1, 5.0, {
        status: 'failed',
        tolerance_met: false,
        exception: [
          'ActivityFailedError: GET https://api.example.com/health failed: connect ECONNREFUSED 10.0.3.17:443',
          '  caused by: connect ECONNREFUSED 10.0.3.17:443',
        ],
      }),
    ],
  };
  return j;
}

/** Ctrl-C during a CPU stress: the stress was reverted by the interrupt handler. */
function interrupted() {
  const stress = {
    type: 'action',
    name: 'stress-cpu',
    provider: {
      type: 'python',
      module: 'chaosk8s.node.actions',
      func: 'stress_node',
      arguments: { node_name: 'worker-1', stressors: ['cpu:4'], duration: 60 },
    },
  };
  const probe = {
    type: 'probe',
    name: 'checkout-p95-below-500ms',
    tolerance: { type: 'range', range: [0, 0.5] },
    provider: {
      type: 'python',
      module: 'chaosprometheus.probes',
      func: 'query',
      arguments: { query: 'histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[1m]))' },
    },
  };
  const experiment = {
    version: '1.0.0',
    title: 'CPU Resource Stress Test',
    description: 'Simulates CPU pressure to test resource limits and auto-scaling',
    'steady-state-hypothesis': { title: 'Checkout stays fast', probes: [probe] },
    method: [stress],
  };
  const reverts = [
    {
      id: 'rv-1',
      activity: 'stress-cpu',
      title: 'delete stress pod faultline-stress-worker-1',
      driver: '@faultline/kubernetes',
      func: 'delete_stress_pod',
      arguments: { node_name: 'worker-1', ns: 'default', pod: 'faultline-stress-worker-1' },
      registered: iso(1.2),
      status: 'reverted',
      reverted: iso(18.9),
    },
  ];
  const j = base(experiment, {
    status: 'interrupted',
    deviated: false,
    endS: 19.4,
    reverts,
    runId: 'run-interrupted-0004',
  });
  j.steady_states.before = {
    steady_state_met: true,
    start: iso(0.1),
    end: iso(1.1),
    probes: [entry(probe, 0.1, 1.0, { output: 0.182, tolerance_met: true })],
  };
  j.run = [entry(stress, 1.2, 17.4, { status: 'failed', exception: ['InterruptedError: run interrupted by SIGINT'] })];
  return j;
}

/** The cordon could not be applied (RBAC), and its revert failed too: a fault may be left behind. */
function aborted() {
  const cordon = {
    type: 'action',
    name: 'cordon-zone',
    provider: {
      type: 'python',
      module: 'chaosk8s.node.actions',
      func: 'cordon_node',
      arguments: { label_selector: 'topology.kubernetes.io/zone=us-west-2a' },
    },
  };
  const experiment = {
    version: '1.0.0',
    title: 'Zone Outage Simulation',
    description: 'Tests resilience against a complete zone failure',
    'steady-state-hypothesis': { title: 'Application is healthy', probes: [frontendProbe] },
    method: [cordon],
    rollbacks: [
      {
        type: 'action',
        name: 'uncordon-zone',
        provider: {
          type: 'python',
          module: 'chaosk8s.node.actions',
          func: 'uncordon_node',
          arguments: { label_selector: 'topology.kubernetes.io/zone=us-west-2a' },
        },
      },
    ],
  };
  const reverts = [
    {
      id: 'rv-1',
      activity: 'cordon-zone',
      title: 'uncordon nodes worker-1, worker-2',
      driver: '@faultline/kubernetes',
      func: 'uncordon_node',
      arguments: { name: 'worker-1,worker-2' },
      registered: iso(0.6),
      status: 'failed',
      error:
        'nodes "worker-2" is forbidden: User "system:serviceaccount:chaos:faultline" cannot patch resource "nodes"',
    },
  ];
  const j = base(experiment, { status: 'aborted', deviated: false, endS: 3.4, reverts, runId: 'run-aborted-0005' });
  j.steady_states.before = {
    steady_state_met: true,
    start: iso(0.1),
    end: iso(0.5),
    probes: [entry(frontendProbe, 0.1, 0.4, { output: httpOutput(200), tolerance_met: true })],
  };
  j.run = [
    entry(cordon, 0.6, 1.1, {
      status: 'failed',
      exception: [
        'ActivityFailedError: cordon_node: nodes "worker-2" is forbidden: User "system:serviceaccount:chaos:faultline" cannot patch resource "nodes"',
        '  hint: grant the faultline service account patch on nodes',
      ],
    }),
  ];
  j.rollbacks = [
    entry(experiment.rollbacks[0], 1.8, 1.5, {
      status: 'failed',
      exception: ['ActivityFailedError: uncordon_node: nodes "worker-2" is forbidden'],
    }),
  ];
  return j;
}

/**
 * A continuous hypothesis run: checkout latency sampled every `every` seconds while a 2 s delay
 * fault is injected from `faultAt` for `faultFor` seconds. Latency rises a few seconds after the
 * fault starts and settles a few seconds after it is removed.
 */
export function continuousJournal({
  seconds = 120,
  every = 2,
  faultAt = 20,
  faultFor = 60,
  runId = 'run-continuous-0006',
  startOffset = 0,
} = {}) {
  const latency = {
    type: 'probe',
    name: 'checkout-latency-seconds',
    tolerance: { type: 'range', range: [0, 0.8], target: 'body' },
    provider: { type: 'http', url: 'http://checkout.ecommerce.svc:8080/metrics/latency' },
  };
  const up = {
    type: 'probe',
    name: 'checkout-responds',
    tolerance: 200,
    provider: { type: 'http', url: 'http://checkout.ecommerce.svc:8080/health' },
  };
  const delay = {
    type: 'action',
    name: 'inject-payment-service-latency',
    background: true,
    provider: {
      type: 'python',
      module: 'chaosistio.fault.actions',
      func: 'add_delay_fault',
      arguments: { virtual_service_name: 'payment-service-vs', fixed_delay: '2s', percentage: 100, ns: 'ecommerce' },
    },
    pauses: { after: faultFor },
  };
  const removeDelay = {
    type: 'action',
    name: 'remove-payment-service-latency',
    provider: {
      type: 'python',
      module: 'chaosistio.fault.actions',
      func: 'remove_delay_fault',
      arguments: { virtual_service_name: 'payment-service-vs', routes: [], ns: 'ecommerce' },
    },
  };
  const experiment = {
    version: '1.0.0',
    title: 'Checkout latency under payment delay',
    description: 'Checkout must stay under 800 ms while payment is slow',
    'steady-state-hypothesis': { title: 'Checkout is fast', probes: [latency, up] },
    method: [
      {
        type: 'probe',
        name: 'baseline-latency',
        provider: { type: 'http', url: 'http://checkout.ecommerce.svc:8080/metrics/latency' },
        pauses: { after: faultAt - 1 },
      },
      delay,
    ],
    rollbacks: [removeDelay],
    runtime: { hypothesis: { strategy: 'continuously', frequency: every, fail_fast: false } },
  };
  const o = startOffset;
  const faultEnd = faultAt + faultFor;
  const value = (t) => {
    // deterministic wobble around 0.2 s; 2.3 s while the fault bites (from +4 s until 6 s after removal)
    const wobble = 0.05 * Math.sin(t / 3) + 0.02 * Math.cos(t * 1.7);
    return Number((t >= faultAt + 4 && t < faultEnd + 6 ? 2.3 + wobble : 0.2 + wobble).toFixed(3));
  };
  const reverts = [
    {
      id: 'rv-1',
      activity: 'inject-payment-service-latency',
      title: 'remove delay fault from payment-service-vs',
      driver: '@faultline/kubernetes',
      func: 'remove_delay_fault',
      arguments: { virtual_service_name: 'payment-service-vs', ns: 'ecommerce', routes: [] },
      registered: iso(o + faultAt),
      status: 'reverted',
      reverted: iso(o + faultEnd + 0.7),
    },
  ];
  const j = base(experiment, {
    status: 'completed',
    deviated: false,
    startS: o,
    endS: o + seconds + 3,
    reverts,
    runId,
  });
  j.faultline.settings = { rollbacks: 'default', hypothesis: 'continuously', frequency: every, dry: false };
  const sample = (t) => {
    const v = value(t);
    const held = v <= 0.8;
    const probes = [
      entry(latency, o + t, 0.04, {
        output: { status: 200, headers: {}, body: v },
        tolerance_met: held,
        ...(held ? {} : { tolerance_reason: `body ${v} is outside [0, 0.8]` }),
      }),
    ];
    if (held) probes.push(entry(up, o + t + 0.05, 0.01, { output: httpOutput(200), tolerance_met: true }));
    return { steady_state_met: held, start: iso(o + t), end: iso(o + t + (held ? 0.06 : 0.04)), probes };
  };
  j.steady_states.before = sample(0);
  for (let t = 1; t < seconds; t += every) j.steady_states.during.push(sample(t));
  j.run = [
    entry(experiment.method[0], o + 0.5, 0.03, { output: { status: 200, headers: {}, body: 0.21 } }),
    entry(delay, o + faultAt, 0.6, { output: { name: 'payment-service-vs', applied: 'delay 2s 100%' } }),
  ];
  j.steady_states.after = sample(seconds);
  j.rollbacks = [entry(removeDelay, o + faultEnd + 0.6, 0.1, { output: { name: 'payment-service-vs' } })];
  return j;
}

/**
 * Written by Chaos Toolkit itself (chaostoolkit-lib 1.44): no faultline key, microsecond
 * timestamps with +00:00, Python tracebacks, a probe entry without output.
 */
function chaostoolkit() {
  const probe = {
    type: 'probe',
    name: 'api-responds-normally',
    tolerance: 200,
    provider: { type: 'http', url: 'https://api.example.com/health', timeout: 3 },
  };
  const terminate = {
    type: 'action',
    name: 'terminate-app-pod',
    provider: {
      type: 'python',
      module: 'chaosk8s.pod.actions',
      func: 'terminate_pods',
      arguments: { label_selector: 'app=my-service', ns: 'production', rand: true, mode: 'fixed', qty: 1 },
    },
    pauses: { after: 10 },
  };
  const scale = {
    type: 'action',
    name: 'deploy-original-replicas',
    provider: {
      type: 'python',
      module: 'chaosk8s.deployment.actions',
      func: 'scale_deployment',
      arguments: { name: 'my-service', replicas: 3, ns: 'production' },
    },
  };
  const experiment = {
    version: '1.0.0',
    title: 'Pod Resilience Experiment',
    description: 'Verify service resilience when pods are terminated',
    'steady-state-hypothesis': { title: 'Application is healthy', probes: [probe] },
    method: [terminate],
    rollbacks: [scale],
    dry: null,
  };
  const t = (s) => iso(s).replace('Z', '000+00:00');
  return {
    'chaoslib-version': '1.44.0',
    platform: 'Linux-5.15.0-1057-azure-x86_64-with-glibc2.35',
    node: 'fv-az1234-567',
    experiment,
    start: t(100),
    status: 'completed',
    deviated: true,
    steady_states: {
      before: {
        steady_state_met: true,
        probes: [
          {
            activity: probe,
            output: { status: 200, headers: { 'Content-Type': 'application/json' }, body: { status: 'UP' } },
            start: t(100.2),
            status: 'succeeded',
            end: t(100.5),
            duration: 0.312456,
            tolerance_met: true,
          },
        ],
      },
      after: {
        steady_state_met: false,
        probes: [
          {
            activity: probe,
            output: null,
            start: t(111.6),
            status: 'failed',
            exception: [
              'Traceback (most recent call last):\n',
              '  File "/usr/local/lib/python3.12/site-packages/chaoslib/provider/http.py", line 96, in run_http_activity\n    r = requests.get(url, headers=headers, timeout=timeout, verify=verify_tls)\n',
              "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='api.example.com', port=443): Read timed out. (read timeout=3)\n",
              '\nDuring handling of the above exception, another exception occurred:\n\n',
              "chaoslib.exceptions.ActivityFailed: failed to connect to https://api.example.com/health: HTTPSConnectionPool(host='api.example.com', port=443): Read timed out. (read timeout=3)\n",
            ],
            end: t(114.6),
            duration: 3.004211,
            tolerance_met: false,
          },
        ],
      },
      during: [],
    },
    run: [
      { activity: terminate, output: null, start: t(100.6), status: 'succeeded', end: t(101.4), duration: 0.801233 },
    ],
    rollbacks: [{ activity: scale, start: t(114.7), status: 'succeeded', end: t(115.3), duration: 0.6 }],
    end: t(115.4),
    duration: 15.4123,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = new URL('.', import.meta.url);
  const fixtures = {
    completed: completed(),
    deviated: deviated(),
    failed: failed(),
    interrupted: interrupted(),
    aborted: aborted(),
    continuous: continuousJournal(),
    chaostoolkit: chaostoolkit(),
  };
  for (const [name, journal] of Object.entries(fixtures))
    writeFileSync(new URL(`${name}.json`, dir), JSON.stringify(journal, null, 2) + '\n');
  // a second run of the continuous experiment a day later, healthier, for the trend
  const later = continuousJournal({ runId: 'run-continuous-0007', startOffset: 86_400, faultFor: 30 });
  writeFileSync(new URL('continuous-later.json', dir), JSON.stringify(later, null, 2) + '\n');
}
