import { useEffect } from 'preact/hooks';

/** The photo reader's code, fetched on first use (one import site, so it stays its own chunk). */
export const photoReader = () => import('../../utils/ocr');

/**
 * Starts the photo reader while the import screen is open, so a photo chosen
 * here is read by a warm engine, and stops it when the screen closes. The
 * engine's code is fetched only then, never with the panel itself.
 */
export function useWarmOcr() {
  useEffect(() => {
    let release: (() => void) | undefined;
    let closed = false;
    const warm = async () => {
      const reader = await photoReader();
      if (!closed) release = reader.holdOcr();
    };
    warm().catch(() => undefined);
    return () => {
      closed = true;
      release?.();
    };
  }, []);
}
