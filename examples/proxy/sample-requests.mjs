// A probe for the proxy examples: sends `requests` requests one after the other and returns the
// status of each, so the journal shows what the faults did ([503, 200, 503, ...]).
export async function sampleRequests({ url, method = 'GET', requests = 10 }, { signal }) {
  const statuses = [];
  for (let i = 0; i < requests; i++) {
    const res = await fetch(url, { method, signal });
    await res.arrayBuffer();
    statuses.push(res.status);
  }
  return statuses;
}
