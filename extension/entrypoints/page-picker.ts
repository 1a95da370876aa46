import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { textOf } from '../capture/dom-text';
import { selectorFor } from '../page-reading/element-selector';

type Picked = { selector: string; text: string } | null;
type PickerGlobal = { __sidecarPick?: (what: string) => Promise<Picked> };

const OUTLINE = '3px solid #d9480f';

/**
 * "Teach this site": injected by the background when the person asks to point
 * at a value. It only extracts: it outlines what the pointer is over, and the
 * click answers that element's selector and text (the page does not see the
 * click). Esc stops. Nothing is sent from here; the background gets the answer.
 */
export default defineUnlistedScript(() => {
  (globalThis as PickerGlobal).__sidecarPick = (what) =>
    new Promise<Picked>((resolve) => {
      const banner = document.createElement('div');
      banner.setAttribute('role', 'status');
      banner.setAttribute('data-sidecar-picker', '');
      banner.textContent = `Sidecar: click ${what}. Esc to stop.`;
      Object.assign(banner.style, {
        position: 'fixed',
        top: '0',
        left: '0',
        right: '0',
        zIndex: '2147483647',
        padding: '8px 12px',
        font: '14px system-ui, sans-serif',
        background: '#fff4e6',
        color: '#5c2400',
        borderBottom: OUTLINE,
        pointerEvents: 'none',
      });
      document.documentElement.append(banner);
      let outlined: HTMLElement | null = null;
      let previous = '';
      const unmark = () => {
        if (outlined) outlined.style.outline = previous;
        outlined = null;
      };
      const over = (e: MouseEvent) => {
        const target = e.target instanceof HTMLElement ? e.target : null;
        if (target === outlined) return;
        unmark();
        if (!target || target === banner) return;
        outlined = target;
        previous = target.style.outline;
        target.style.outline = OUTLINE;
      };
      const finish = (answer: Picked) => {
        unmark();
        banner.remove();
        document.removeEventListener('mouseover', over, true);
        document.removeEventListener('click', click, true);
        document.removeEventListener('keydown', key, true);
        resolve(answer);
      };
      const click = (e: MouseEvent) => {
        e.preventDefault();
        e.stopPropagation();
        const target = e.target instanceof Element ? e.target : null;
        const selector = target ? selectorFor(document, target) : null;
        finish(target && selector ? { selector, text: textOf(target, 200) } : null);
      };
      const key = (e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        finish(null);
      };
      document.addEventListener('mouseover', over, true);
      document.addEventListener('click', click, true);
      document.addEventListener('keydown', key, true);
    });
});
