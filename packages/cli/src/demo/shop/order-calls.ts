/** How the orders service reaches its dependencies; one implementation per shop mode. */
export interface OrderCalls {
  reserve(item: { productId: string; quantity: number }): Promise<void>;
  /** PAID, or PENDING when the payment was queued for later (the resilient fallback). */
  pay(order: { orderId: string; amount: number }): Promise<{ status: 'PAID' | 'PENDING'; id?: string }>;
  stats(): Record<string, unknown>;
  close(): void;
}

export interface Upstreams {
  inventory: string;
  payment: string;
}
