/** POST JSON and return the JSON answer; any status but 2xx is an error (like most HTTP clients' raise_for_status). */
export async function postJson(url: string, body: unknown, signal?: AbortSignal): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
