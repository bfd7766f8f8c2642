import type { IncomingMessage } from 'node:http';

/** The path of a URL without its query string. */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/** The request's path, as the app sees it: Express's `originalUrl` when mounted under a prefix. */
export function requestPath(req: IncomingMessage): string {
  return pathOf((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/');
}

/** Whether `path` is `prefix` itself or below it ("/chaos" covers "/chaos/x", not "/chaosx"). */
export function isUnder(path: string, prefix: string): boolean {
  return (
    path.startsWith(prefix) &&
    (path.length === prefix.length || path.charCodeAt(prefix.length) === 47 /* / */ || prefix.endsWith('/'))
  );
}

/** "/a/b//" → "/a/b", in linear time (a `/\/+$/` regex is quadratic on a long run of slashes). */
export function trimSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(0, end);
}
