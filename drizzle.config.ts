import { defineConfig } from 'drizzle-kit';

// drizzle-kit writes flat SQL files that `wrangler d1 migrations apply` and the
// libSQL migrator both read; `casing` must match db/client.ts.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
