import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the real worker the global setup started. */
    apiOrigin: string;
  }
}
