import { describe, expect, it } from 'vitest';
import { experimentPermissions } from './experiment-permissions.js';

describe('experimentPermissions', () => {
  it('collects what the Kubernetes and Istio activities need, with configuration substituted, and names unknown ones', () => {
    const { needed, unknown } = experimentPermissions({
      configuration: { namespace: 'shop' },
      method: [
        {
          name: 'kill',
          type: 'action',
          provider: {
            type: 'python',
            module: 'chaosk8s.pod.actions',
            func: 'terminate_pods',
            arguments: { label_selector: 'app=web', ns: '${namespace}' },
          },
        },
        {
          name: 'delay',
          type: 'action',
          provider: {
            type: 'python',
            module: 'chaosistio.fault.actions',
            func: 'add_delay_fault',
            arguments: { virtual_service_name: 'vs', fixed_delay: '1s', ns: 'shop' },
          },
        },
        {
          name: 'mystery',
          type: 'action',
          provider: { type: 'python', module: 'chaosk8s.pod.actions', func: 'not_a_chaosk8s_function' },
        },
        { name: 'http', type: 'probe', provider: { type: 'http', url: 'http://x' } },
      ],
    });
    expect(
      needed.map(
        (permission) =>
          `${permission.verb} ${permission.resource} ${permission.namespace ?? '*'} <- ${permission.neededBy.join(',')}`,
      ),
    ).toEqual([
      'list pods shop <- kill',
      'delete pods shop <- kill',
      'create events shop <- kill,delay',
      'get virtualservices shop <- delay',
      'update virtualservices shop <- delay',
      'get namespaces * <- delay',
    ]);
    expect(unknown).toEqual(['not_a_chaosk8s_function']);
  });
});
