/**
 * Pixel work before OCR, on plain RGBA buffers so the panel (canvas
 * ImageData) and the accuracy bench (decoded PNG) run the same code.
 */
import { cropped, flattened, grain, median3, paperBounds, withoutRules } from './ocr-paper';

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

/** Luminance 0–255, one byte a pixel. */
export type Grey = { width: number; height: number; data: Uint8ClampedArray };

export function greyOf(image: Pixels): Grey {
  const data = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0; i < data.length; i++)
    data[i] = 0.299 * image.data[i * 4]! + 0.587 * image.data[i * 4 + 1]! + 0.114 * image.data[i * 4 + 2]!;
  return { width: image.width, height: image.height, data };
}

export function greyScaled(image: Grey, factor: number): Grey {
  const width = Math.round(image.width * factor);
  const height = Math.round(image.height * factor);
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(image.height - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(image.height - 1, y0 + 1);
    const wy = fy - y0;
    const top = y0 * image.width;
    const bottom = y1 * image.width;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(image.width - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(image.width - 1, x0 + 1);
      const wx = fx - x0;
      const src = image.data;
      data[y * width + x] =
        (src[top + x0]! * (1 - wx) + src[top + x1]! * wx) * (1 - wy) +
        (src[bottom + x0]! * (1 - wx) + src[bottom + x1]! * wx) * wy;
    }
  }
  return { width, height, data };
}

/**
 * Black and white by comparing each pixel with the mean of its neighbourhood
 * (Bradley's method on an integral image), so a shadow across the sheet or a
 * faded print still separates ink from paper. 0 is ink, 255 paper.
 */
export function binarised(image: Grey, windowFraction = 1 / 24, darker = 0.18): Grey {
  const { width, height } = image;
  const means = neighbourhoodMeans(image, windowFraction);
  const data = new Uint8ClampedArray(width * height);
  for (let i = 0; i < data.length; i++) data[i] = image.data[i]! < means[i]! * (1 - darker) ? 0 : 255;
  return { width, height, data };
}

/**
 * The mean brightness of the square around each pixel (a side of
 * `windowFraction` of the width, at least 17 px), from an integral image so
 * each costs four reads whatever the window; one array, read by index, since
 * this runs over every pixel of the page twice.
 */
export function neighbourhoodMeans(image: Grey, windowFraction: number): Float64Array {
  const { width, height } = image;
  const stride = width + 1;
  const sums = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += image.data[y * width + x]!;
      sums[(y + 1) * stride + x + 1] = sums[y * stride + x + 1]! + row;
    }
  }
  const half = Math.max(8, Math.round((width * windowFraction) / 2));
  const means = new Float64Array(width * height);
  for (let y = 0; y < height; y++) {
    const ya = Math.max(0, y - half);
    const yb = Math.min(height, y + half + 1);
    const above = ya * stride;
    const below = yb * stride;
    for (let x = 0; x < width; x++) {
      const xa = Math.max(0, x - half);
      const xb = Math.min(width, x + half + 1);
      const total = sums[below + xb]! - sums[above + xb]! - sums[below + xa]! + sums[above + xa]!;
      means[y * width + x] = total / ((yb - ya) * (xb - xa));
    }
  }
  return means;
}

/**
 * The page's tilt in degrees: the angle at which ink falls into the sharpest
 * horizontal bands (text lines and table rules), tried from −10° to 10°.
 */
export function skewAngle(ink: Grey): number {
  const step = Math.max(1, Math.round(ink.width / 700));
  const points: number[] = [];
  for (let y = 0; y < ink.height; y += step)
    for (let x = 0; x < ink.width; x += step) if (ink.data[y * ink.width + x] === 0) points.push(x, y);
  // Bands run from above the top (a steep tilt at the right edge) to below the bottom.
  const offset = Math.ceil((ink.width * Math.tan(Math.PI / 15)) / step) + 2;
  const bins = new Int32Array(offset * 2 + Math.ceil(ink.height / step) + 2);
  const sharpness = (degrees: number) => {
    const t = Math.tan((degrees * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < points.length; i += 2)
      bins[Math.round((points[i + 1]! - points[i]! * t) / step) + offset]!++;
    let score = 0;
    for (const n of bins) score += n * n;
    return score;
  };
  let best = 0;
  let bestScore = -1;
  for (let a = -10; a <= 10; a += 0.5) {
    const s = sharpness(a);
    if (s > bestScore) [best, bestScore] = [a, s];
  }
  for (let a = best - 0.4; a <= best + 0.4; a += 0.1) {
    const s = sharpness(a);
    if (s > bestScore) [best, bestScore] = [a, s];
  }
  return Math.round(best * 10) / 10;
}

/**
 * Turned by `degrees` about the centre (positive undoes a clockwise tilt) and
 * resized by `factor` in one bilinear pass, paper-white outside.
 */
export function rotatedScaled(image: Grey, degrees: number, factor = 1): Grey {
  const width = Math.round(image.width * factor);
  const height = Math.round(image.height * factor);
  const r = (degrees * Math.PI) / 180;
  const cos = Math.cos(r) / factor;
  const sin = Math.sin(r) / factor;
  const cx = width / 2;
  const cy = height / 2;
  const scx = image.width / 2;
  const scy = image.height / 2;
  const src = image.data;
  const sw = image.width;
  const data = new Uint8ClampedArray(width * height).fill(255);
  for (let y = 0; y < height; y++) {
    const dy = y + 0.5 - cy;
    for (let x = 0; x < width; x++) {
      const dx = x + 0.5 - cx;
      const sx = cos * dx - sin * dy + scx - 0.5;
      const sy = sin * dx + cos * dy + scy - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= sw || y0 + 1 >= image.height) continue;
      const wx = sx - x0;
      const wy = sy - y0;
      const i = y0 * sw + x0;
      data[y * width + x] =
        (src[i]! * (1 - wx) + src[i + 1]! * wx) * (1 - wy) +
        (src[i + sw]! * (1 - wx) + src[i + sw + 1]! * wx) * wy;
    }
  }
  return { width, height, data };
}

export const rotated = (image: Grey, degrees: number): Grey =>
  Math.abs(degrees) < 0.05 ? image : rotatedScaled(image, degrees);

export type Prepared = { image: Pixels; skew: number; scale: number };

/** Letters read best at about this many pixels across the sheet (capital height near 40 px). */
export const TARGET_WIDTH = 2000;
/** The tilt is measured on a copy this wide: as sharp an estimate, a tenth of the work. */
const SKEW_WIDTH = 800;

/**
 * A photo made ready for OCR: straightened and scaled to a size tesseract
 * reads well in one pass, paper flattened and ink stretched, table rules
 * painted out. The letters stay grey-edged: hard thresholding thickened
 * soft print until "rn" read as "m".
 */
export function preparedForOcr(photo: Pixels, targetWidth = TARGET_WIDTH): Prepared {
  const photoGrey = greyOf(photo);
  // Grain (a dim room, a cheap camera) would be magnified into specks by the upscale.
  const grey = grain(photoGrey) > 2 ? median3(photoGrey) : photoGrey;
  const scale = Math.min(3, Math.max(1, targetWidth / Math.max(photo.width, 1)));
  const small = grey.width > SKEW_WIDTH ? greyScaled(grey, SKEW_WIDTH / grey.width) : grey;
  const skew = skewAngle(binarised(small));
  const straight = rotatedScaled(grey, skew, scale);
  const flat = flattened(cropped(straight, paperBounds(straight)));
  const ink = binarised(flat);
  const rules = withoutRules(ink, Math.round(Math.max(flat.width, flat.height) / 9));
  const data = new Uint8ClampedArray(flat.width * flat.height * 4);
  for (let i = 0; i < flat.data.length; i++) {
    // A pixel the rule pass cleared was part of a rule: paper.
    const v = rules.data[i] !== ink.data[i] ? 255 : flat.data[i]!;
    data[i * 4] = v;
    data[i * 4 + 1] = v;
    data[i * 4 + 2] = v;
    data[i * 4 + 3] = 255;
  }
  return { image: { width: flat.width, height: flat.height, data }, skew, scale };
}

/**
 * The prepared page as a binary PGM file (grey, one byte a pixel), the
 * cheapest image tesseract reads: no PNG to encode in the panel or decode in
 * its worker, a quarter of the bytes to hand over.
 */
export function pgmOf(image: Pixels): Uint8Array<ArrayBuffer> {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.width * image.height);
  out.set(header);
  for (let i = 0, at = header.length; i < image.width * image.height; i++, at++) out[at] = image.data[i * 4]!;
  return out;
}
