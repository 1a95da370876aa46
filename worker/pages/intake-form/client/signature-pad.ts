/**
 * A signature drawn on a canvas with pointer events (finger, pen or mouse),
 * kept as a PNG data URL in a hidden input. The typed signature stays
 * available: it is the page's only way to sign without JavaScript, and the
 * choice of people who cannot or would rather not draw.
 */
import { DRAWN_SIGNATURE_PREFIX } from '../../../../shared/intake/answer-checks';

type Mode = 'drawn' | 'typed';

function sizeCanvas(canvas: HTMLCanvasElement) {
  // Two device pixels per CSS pixel at most: sharp enough, and the PNG stays well under the size limit.
  const scale = Math.min(2, window.devicePixelRatio || 1);
  canvas.width = Math.max(1, Math.round(canvas.clientWidth * scale));
  canvas.height = Math.max(1, Math.round(canvas.clientHeight * scale));
  const context = canvas.getContext('2d')!;
  context.lineWidth = 2.5 * scale;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  context.strokeStyle = '#111';
  return context;
}

export function setupSignaturePad(wrapper: HTMLElement, onChange: () => void) {
  const pad = wrapper.querySelector<HTMLElement>('[data-pad]');
  const canvas = wrapper.querySelector<HTMLCanvasElement>('canvas');
  const drawn = wrapper.querySelector<HTMLInputElement>('[data-drawn]');
  const typed = wrapper.querySelector<HTMLInputElement>('[data-typed]');
  const typedArea = wrapper.querySelector<HTMLElement>('[data-typed-area]');
  const drawArea = wrapper.querySelector<HTMLElement>('[data-draw-area]');
  const modes = wrapper.querySelectorAll<HTMLInputElement>('[data-mode]');
  if (!pad || !canvas || !drawn || !typed || !typedArea || !drawArea) return;
  pad.hidden = false;

  const setMode = (mode: Mode) => {
    // Disabled in the markup: without this script the signature is typed, whatever was saved.
    for (const radio of modes) {
      radio.disabled = false;
      radio.checked = radio.value === mode;
    }
    drawArea.hidden = mode !== 'drawn';
    typedArea.hidden = mode !== 'typed';
    // Both inputs are named `<id>.value`: only the enabled one is posted.
    drawn.disabled = mode !== 'drawn';
    typed.disabled = mode !== 'typed';
  };

  const startWith: Mode = typed.value && !drawn.value ? 'typed' : 'drawn';
  setMode(startWith);
  let context = sizeCanvas(canvas);
  if (drawn.value.startsWith(DRAWN_SIGNATURE_PREFIX)) {
    const image = new Image();
    image.onload = () => context.drawImage(image, 0, 0, canvas.width, canvas.height);
    image.src = drawn.value;
  }

  for (const radio of modes) {
    radio.addEventListener('change', () => {
      setMode(radio.value === 'typed' ? 'typed' : 'drawn');
      // A canvas that was hidden had no size: size it now that it shows (this clears it).
      if (radio.value === 'drawn' && !drawn.value) context = sizeCanvas(canvas);
      onChange();
    });
  }

  let drawing = false;
  const point = (event: PointerEvent) => {
    const box = canvas.getBoundingClientRect();
    return [
      ((event.clientX - box.left) * canvas.width) / box.width,
      ((event.clientY - box.top) * canvas.height) / box.height,
    ] as const;
  };
  canvas.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    drawing = true;
    const [x, y] = point(event);
    context.beginPath();
    context.moveTo(x, y);
    // A tap leaves a dot.
    context.lineTo(x + 0.1, y + 0.1);
    context.stroke();
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drawing) return;
    const [x, y] = point(event);
    context.lineTo(x, y);
    context.stroke();
  });
  const finish = () => {
    if (!drawing) return;
    drawing = false;
    drawn.value = canvas.toDataURL('image/png');
    onChange();
  };
  canvas.addEventListener('pointerup', finish);
  canvas.addEventListener('pointercancel', finish);

  wrapper.querySelector('[data-clear]')?.addEventListener('click', () => {
    context.clearRect(0, 0, canvas.width, canvas.height);
    drawn.value = '';
    onChange();
  });
}
