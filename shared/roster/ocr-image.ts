/**
 * Pixel work before OCR, on plain RGBA buffers so the panel (canvas
 * ImageData) and the accuracy bench (decoded PNG) run the same code.
 */
export type Pixels = { width: number; height: number; data: Uint8ClampedArray };

/** Bilinear resize. */
export function scaled(image: Pixels, factor: number): Pixels {
  const width = Math.round(image.width * factor);
  const height = Math.round(image.height * factor);
  const data = new Uint8ClampedArray(width * height * 4);
  const { data: src, width: sw, height: sh } = image;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(sh - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(sh - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(sw - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(sw - 1, x0 + 1);
      const wx = fx - x0;
      for (let c = 0; c < 4; c++) {
        const top = src[(y0 * sw + x0) * 4 + c]! * (1 - wx) + src[(y0 * sw + x1) * 4 + c]! * wx;
        const bottom = src[(y1 * sw + x0) * 4 + c]! * (1 - wx) + src[(y1 * sw + x1) * 4 + c]! * wx;
        data[(y * width + x) * 4 + c] = top * (1 - wy) + bottom * wy;
      }
    }
  }
  return { width, height, data };
}
