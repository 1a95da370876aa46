import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The base URL of a real HTTP server on this machine that receives the worker's webhooks. */
    webhookReceiver: string;
  }
}

type Received = { path: string; headers: Record<string, string>; body: string };

/**
 * A webhook receiver in Node, outside the worker, for the worker tests:
 * `/ok/...` answers 200, `/fail/...` 503, `/flaky/...` 503 the first time
 * and 200 after; `GET /received?path=` answers what arrived at a path.
 */
export default async function webhookReceiver(project: TestProject) {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://receiver');
    if (req.method === 'GET' && url.pathname === '/received') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(received.filter((r) => r.path === url.searchParams.get('path'))));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const before = received.filter((r) => r.path === url.pathname).length;
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      received.push({ path: url.pathname, headers, body: Buffer.concat(chunks).toString('utf8') });
      const ok = url.pathname.startsWith('/ok') || (url.pathname.startsWith('/flaky') && before > 0);
      res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain' });
      res.end(ok ? 'received' : 'try again later');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  project.provide('webhookReceiver', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
