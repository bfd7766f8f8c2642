import { afterAll, describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../__fixtures__/kube-test-context.js';
import { fakeObjects, setPodExecHandler } from '../testing/index.js';
import { execInPods } from './exec-in-pods.js';
import { splitCommand } from './split-command.js';

const sidecar = (name: string) => {
  const pod = fakeObjects.pod(name, { namespace: 'shop', labels: { app: 'orders' } });
  const spec = pod['spec'] as { containers: Array<{ name: string; image: string }> };
  return { ...pod, spec: { ...spec, containers: [...spec.containers, { name: 'proxy', image: 'envoy:1' }] } };
};
const { server, context } = await kubeTestCluster({
  reconcile: false,
  objects: [
    fakeObjects.namespace('shop'),
    sidecar('orders-a'),
    sidecar('orders-b'),
    fakeObjects.pod('other', { namespace: 'shop', labels: { app: 'other' } }),
  ],
});
afterAll(() => server.close());
const calls: Array<{ pod: string; container: string; command: string[] }> = [];
setPodExecHandler(server.store, ({ pod, container, command }) => {
  calls.push({ pod: pod.metadata!.name!, container, command });
  if (command[0] === 'false') return { stderr: 'nope\n', exitCode: 3 };
  return { stdout: `${command.slice(1).join(' ')}\n` };
});
const run = (args: Record<string, unknown>, ctx = context()) =>
  execInPods.run(execInPods.arguments.parse({ ns: 'shop', ...args }), ctx);

describe('exec_in_pods (chaosk8s.pod.actions)', () => {
  it('runs the command over the exec channel in the selected pods and reports exit codes and output', async () => {
    calls.length = 0;
    const results = await run({ cmd: "echo 'hello world'", label_selector: 'app=orders', all: true });
    expect(results).toEqual([
      { pod_name: 'orders-a', exit_code: 0, cmd: "echo 'hello world'", stdout: 'hello world\n', stderr: '' },
      { pod_name: 'orders-b', exit_code: 0, cmd: "echo 'hello world'", stdout: 'hello world\n', stderr: '' },
    ]);
    expect(calls[0]).toEqual({ pod: 'orders-a', container: 'app', command: ['echo', 'hello world'] });
    const failed = (await run({ cmd: ['false'], label_selector: 'app=orders', container_name: 'proxy' })) as Array<{
      exit_code: number;
      stderr: string;
    }>;
    expect(failed).toEqual([expect.objectContaining({ pod_name: 'orders-a', exit_code: 3, stderr: 'nope\n' })]);
    expect(calls.at(-1)).toMatchObject({ container: 'proxy' });
  });

  it('skips pods without the named container, runs nothing under --dry, and obeys the guards', async () => {
    calls.length = 0;
    expect(await run({ cmd: 'ls', name_pattern: 'other', container_name: 'proxy' })).toEqual([]);
    expect(await run({ cmd: 'ls', label_selector: 'app=orders', all: true }, context({ dryRun: true }))).toMatchObject({
      dryRun: true,
      pods: ['orders-a', 'orders-b'],
      command: ['ls'],
    });
    await expect(
      run({ cmd: 'ls', label_selector: 'app=orders', all: true }, context({ kubernetes: { max_pods: 1 } })),
    ).rejects.toThrow(/max_pods is 1/);
    await expect(run({ cmd: '' })).rejects.toThrow(/A command must be set/);
    expect(calls).toEqual([]);
  });

  it('splits command lines like shlex', () => {
    expect(splitCommand(`sh -c 'kill -9 1' "a \\"b\\"" c\\ d`)).toEqual(['sh', '-c', 'kill -9 1', 'a "b"', 'c d']);
    expect(() => splitCommand("echo 'open")).toThrow(/no closing quotation/);
  });
});
