/**
 * What the background is waiting on right now: messages from the panel, the
 * storage reads and writes and the network calls they make, each with when it
 * started. When a screen stays on "Loading…", this tells which step never
 * finished (the message, extension storage, or the request), which neither
 * the server's logs nor the panel can see. Kept in memory only and never
 * holds a query string or a body (they can carry names).
 */
type Running = { kind: 'message' | 'storage' | 'fetch'; what: string; since: number };

const running = new Map<number, Running>();
let next = 0;

/** Runs `work`, listed as running under `kind` and `what` until it settles. */
export function tracked<T>(kind: Running['kind'], what: string, work: () => Promise<T>): Promise<T> {
  const id = next++;
  running.set(id, { kind, what, since: Date.now() });
  let settled: Promise<T>;
  try {
    settled = work();
  } catch (e) {
    running.delete(id);
    throw e;
  }
  return settled.finally(() => running.delete(id));
}

/** A request's method and path, without the query string. */
export function describeRequest(input: RequestInfo | URL, init?: RequestInit): string {
  const request = input instanceof Request ? input : null;
  const url = new URL(request ? request.url : String(input));
  return `${init?.method ?? request?.method ?? 'GET'} ${url.pathname}`;
}

/** Everything still running, oldest first, with its age in milliseconds. */
export function inFlight(now = Date.now()) {
  return [...running.values()]
    .sort((a, b) => a.since - b.since)
    .map((r) => ({ kind: r.kind, what: r.what, ageMs: now - r.since }));
}
