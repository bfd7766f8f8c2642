/** What a shop process is told by the supervisor (through its environment). */
export interface ShopConfig {
  role: 'gateway' | 'orders' | 'payment' | 'inventory';
  /** naive: plain calls without timeouts or retries; resilient: cockatiel policies (see resilient-calls.ts). */
  mode: 'naive' | 'resilient';
  /** Replica name, e.g. "orders-2" (shown by /health). */
  name: string;
  /** 0 on the first start; the port it had on a restart, so the gateway's address list stays valid. */
  port: number;
  /** Bearer token of the monkey's actuator API. */
  monkeyToken: string;
  /** orders: inventory and payment base URLs (through the fault proxy). gateway: the orders replicas. */
  upstreams: string[];
}

const roles = ['gateway', 'orders', 'payment', 'inventory'] as const;

/** Reads SHOP_* variables; a typo is a start-up error, not a silently different shop. */
export function shopConfig(env: NodeJS.ProcessEnv): ShopConfig {
  const role = env.SHOP_ROLE as ShopConfig['role'];
  if (!roles.includes(role)) throw new Error(`SHOP_ROLE must be one of ${roles.join(', ')}, got ${role}`);
  const mode = env.SHOP_MODE === 'resilient' ? 'resilient' : 'naive';
  return {
    role,
    mode,
    name: env.SHOP_NAME || role,
    port: Number(env.SHOP_PORT || 0),
    monkeyToken: env.SHOP_MONKEY_TOKEN || '',
    upstreams: (env.SHOP_UPSTREAMS || '').split(',').filter(Boolean),
  };
}
