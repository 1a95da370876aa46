import { Hono } from 'hono';
import type { AppEnv } from '../env';

/** Liveness only: no database, no auth, so load balancers and uptime checks stay cheap. */
export const healthRoutes = new Hono<AppEnv>().get('/', (c) => c.json({ ok: true }, 200));
