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

/** Every item of a paginated list, gathered (for lists whose items are all kept anyway). */
export async function listAll<T>(
  fetchPage: (options: { limit: number; _continue?: string }) => Promise<ListPage<T>>,
  pageSize: number,
  signal?: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  for await (const item of paginate(fetchPage, pageSize, signal)) items.push(item);
  return items;
}
