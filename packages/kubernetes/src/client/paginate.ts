export interface ListPage<T> {
  items: T[];
  metadata?: { _continue?: string; resourceVersion?: string };
}

/**
 * Iterate a list call page by page (`limit` + `continue`), so memory stays flat however many
 * objects match: callers keep only what they select.
 */
export async function* paginate<T>(
  fetchPage: (options: { limit: number; _continue?: string }) => Promise<ListPage<T>>,
  pageSize: number,
  signal?: AbortSignal,
): AsyncGenerator<T> {
  let token: string | undefined;
  do {
    signal?.throwIfAborted();
    const page = await fetchPage({ limit: pageSize, ...(token ? { _continue: token } : {}) });
    for (const item of page.items) yield item;
    token = page.metadata?._continue || undefined;
  } while (token);
}
