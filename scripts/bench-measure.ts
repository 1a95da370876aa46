/** Latency and throughput of one GET, `concurrency` requests in flight, after a warm-up. */
export type Result = {
  name: string;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
};

export async function measure(
  name: string,
  url: string,
  headers: Record<string, string>,
  options: { requests: number; concurrency: number; warmup: number },
): Promise<Result> {
  const run = async (count: number, latencies: number[] | null) => {
    let next = 0;
    let errors = 0;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < count) {
          next++;
          const t0 = performance.now();
          const res = await fetch(url, { headers });
          await res.arrayBuffer();
          if (!res.ok) errors++;
          latencies?.push(performance.now() - t0);
        }
      }),
    );
    return errors;
  };
  await run(options.warmup, null);
  const latencies: number[] = [];
  const start = performance.now();
  const errors = await run(options.requests, latencies);
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return {
    name,
    requests: options.requests,
    seconds,
    rps: options.requests / seconds,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    errors,
  };
}

export async function signIn(origin: string, email: string): Promise<string> {
  const login = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'sidecar-demo' }),
  });
  if (!login.ok) throw new Error(`Signing in as ${email} failed: ${login.status}`);
  return ((await login.json()) as { token: string }).token;
}
