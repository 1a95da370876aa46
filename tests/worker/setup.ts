import { applyD1Migrations, env, reset } from 'cloudflare:test';
import { forgetSeed, settleBackgroundWork } from './helpers';

// Runs before each test file. One workerd runs every file (vitest.config.ts), so
// each file first lets the previous file's background work finish, then empties
// D1 and R2 and starts from a freshly migrated database, as if it had a runtime
// of its own.
await settleBackgroundWork();
await reset();
forgetSeed();
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
