/**
 * The panel sees the worker only through `AppType` (its routes and the JSON
 * they answer), imported as a type. The compiler still reads the worker's
 * sources to work that type out, and they mention the Workers runtime's
 * bindings, which a browser program has no declarations for. These names only
 * keep that reading from failing; nothing of the worker reaches the bundle.
 */
// biome-ignore lint/suspicious/noExplicitAny: a binding the panel never touches
type D1Database = any;
// biome-ignore lint/suspicious/noExplicitAny: a binding the panel never touches
type R2Bucket = any;
// biome-ignore lint/suspicious/noExplicitAny: a binding the panel never touches
type Queue<_Body = unknown> = any;
