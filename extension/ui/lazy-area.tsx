import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * An area loaded the first time it is opened, so the panel starts with only
 * the code of what the person sees first (the intake builder and its form
 * engine, say, are not needed to sign in).
 */
export function lazyArea<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  return function LazyArea(props: P) {
    const [Component, setComponent] = useState<FunctionComponent<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Component) return;
      load().then(
        (c) => {
          loaded = c;
          setComponent(() => c);
        },
        () => setFailed(true),
      );
    }, []);
    if (failed)
      return (
        <p class="alert error" role="alert">
          This part of Sidecar could not load. Reload the extension and try again.
        </p>
      );
    return Component ? <Component {...props} /> : <p class="muted">Loading…</p>;
  };
}
