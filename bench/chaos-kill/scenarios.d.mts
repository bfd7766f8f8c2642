export const scenarios: Record<string, () => Promise<unknown>>;
