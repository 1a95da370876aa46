import { useEffect } from 'preact/hooks';

/**
 * Starts the photo reader while the import screen is open, so a photo chosen
 * here is read by a warm engine, and stops it when the screen closes. The
 * engine's code is fetched only then, never with the panel itself.
 */
export function useWarmOcr() {
  useEffect(() => {
    let release: (() => void) | undefined;
    let closed = false;
    import('../../utils/ocr-engine').then(
      ({ holdOcr }) => {
        if (!closed) release = holdOcr();
      },
      () => undefined,
    );
    return () => {
      closed = true;
      release?.();
    };
  }, []);
}
