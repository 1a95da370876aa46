/**
 * The sheet of paper in a photo made clean for OCR: cut from what it lies on,
 * evenly lit, grain and table rules taken out. Plain greyscale buffers, as in
 * ocr-image.ts, so the panel and the bench run the same code.
 */
import { type Grey, neighbourhoodMeans } from './ocr-image';

/**
 * The paper made evenly white and the ink evenly dark, keeping the grey edges
 * of letters that OCR reads better than hard black and white: each pixel is
 * divided by the brightness of the paper around it (a shadow or a faded
 * corner no longer matters), then the ink's range is stretched to full.
 */
export function flattened(image: Grey, windowFraction = 1 / 16): Grey {
  const { width, height } = image;
  const means = neighbourhoodMeans(image, windowFraction);
  const ratio = new Float32Array(width * height);
  for (let i = 0; i < ratio.length; i++) {
    // Text lowers the local mean a little below the paper's own brightness.
    const paper = means[i]! * 1.08 + 1;
    ratio[i] = Math.min(1, image.data[i]! / paper);
  }
  const histogram = new Uint32Array(101);
  for (const r of ratio) histogram[Math.round(r * 100)]!++;
  // The darkest 0.5% is solid ink; everything at or above 90% of the paper is paper.
  let dark = 0;
  for (let seen = 0; dark < 100 && seen + histogram[dark]! < ratio.length * 0.005; dark++)
    seen += histogram[dark]!;
  const low = dark / 100;
  const high = Math.max(low + 0.2, 0.9);
  const data = new Uint8ClampedArray(width * height);
  for (let i = 0; i < ratio.length; i++) data[i] = ((ratio[i]! - low) / (high - low)) * 255;
  return { width, height, data };
}

/**
 * Paper-white over long thin ink runs: table rules, which OCR would read as
 * letters or column breaks, or fuse with the words they touch. A run may have
 * breaks (a dotted rule, a grainy photo), but must be thin: paper on both
 * sides of it at `clearance`, which a line of text taller than that never has.
 */
export function withoutRules(
  ink: Grey,
  minRun: number,
  clearance = Math.max(4, Math.round(ink.width / 200)),
  maxBreak = clearance * 2,
): Grey {
  const { width, height } = ink;
  const data = new Uint8ClampedArray(ink.data);
  const isInk = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < width && y < height && ink.data[y * width + x] === 0;
  // along = index along the run, across = the line it lies on; `horizontal` picks which is x.
  const scan = (horizontal: boolean) => {
    const lines = horizontal ? height : width;
    const length = horizontal ? width : height;
    const inkAt = (across: number, along: number) =>
      horizontal ? isInk(along, across) : isInk(across, along);
    // The scan below reads every pixel: by index, without the bounds checks `inkAt` needs off the edges.
    const at = horizontal
      ? (across: number, along: number) => across * width + along
      : (across: number, along: number) => along * width + across;
    const clear = (across: number, from: number, to: number) => {
      let above = 0;
      let below = 0;
      for (let k = from; k <= to; k++) {
        above += +inkAt(across - clearance, k);
        below += +inkAt(across + clearance, k);
      }
      if (Math.max(above, below) > (to - from + 1) * 0.2) return;
      for (let k = from; k <= to; k++) data[horizontal ? across * width + k : k * width + across] = 255;
    };
    for (let across = 0; across < lines; across++) {
      let start = -1;
      let last = -1;
      let inked = 0;
      for (let along = 0; along <= length; along++) {
        const here = along < length && ink.data[at(across, along)] === 0;
        if (here && start >= 0 && along - last - 1 <= maxBreak) {
          last = along;
          inked++;
          continue;
        }
        if (start >= 0 && (along === length || along - last - 1 > maxBreak || here)) {
          if (last - start + 1 >= minRun && inked >= (last - start + 1) * 0.4) clear(across, start, last);
          start = -1;
        }
        if (here) [start, last, inked] = [along, along, 1];
      }
    }
  };
  scan(true);
  scan(false);
  return { width, height, data };
}

/**
 * The sheet's extent in a straightened photo: the rows and columns mostly
 * brighter than the image's mean, so the table or clipboard around the paper
 * (grain, shadow, edges OCR would read as letters) is cut away.
 */
export function paperBounds(image: Grey): { x0: number; y0: number; x1: number; y1: number } {
  const { width, height, data } = image;
  let sum = 0;
  for (const v of data) sum += v;
  const threshold = sum / data.length;
  const rows = new Uint32Array(height);
  const cols = new Uint32Array(width);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (data[y * width + x]! > threshold) {
        rows[y]!++;
        cols[x]!++;
      }
  const span = (counts: Uint32Array, of: number) => {
    let a = 0;
    let b = counts.length - 1;
    while (a < b && counts[a]! < of * 0.6) a++;
    while (b > a && counts[b]! < of * 0.6) b--;
    return [a, b] as const;
  };
  const [y0, y1] = span(rows, width);
  const [x0, x1] = span(cols, height);
  // A sheet that fills the picture, or no clear sheet at all: keep everything.
  if (x1 - x0 < width * 0.3 || y1 - y0 < height * 0.3) return { x0: 0, y0: 0, x1: width - 1, y1: height - 1 };
  return { x0, y0, x1, y1 };
}

export function cropped(image: Grey, box: { x0: number; y0: number; x1: number; y1: number }): Grey {
  const width = box.x1 - box.x0 + 1;
  const height = box.y1 - box.y0 + 1;
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++)
    data.set(
      image.data.subarray((box.y0 + y) * image.width + box.x0, (box.y0 + y) * image.width + box.x1 + 1),
      y * width,
    );
  return { width, height, data };
}

/** How grainy the photo is: the median difference between neighbouring pixels (0 on clean paper). */
export function grain(image: Grey): number {
  const histogram = new Uint32Array(256);
  let n = 0;
  for (let y = 0; y < image.height; y += 2)
    for (let x = 0; x + 1 < image.width; x += 2) {
      const i = y * image.width + x;
      histogram[Math.abs(image.data[i]! - image.data[i + 1]!)]!++;
      n++;
    }
  let seen = 0;
  for (let d = 0; d < 256; d++) {
    seen += histogram[d]!;
    if (seen * 2 >= n) return d;
  }
  return 0;
}

/** The median of each pixel's 3×3 neighbourhood: grain goes, letter edges stay. */
export function median3(image: Grey): Grey {
  const { width, height } = image;
  const data = new Uint8ClampedArray(image.data);
  const window = new Uint8Array(9);
  for (let y = 1; y + 1 < height; y++)
    for (let x = 1; x + 1 < width; x++) {
      let k = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) window[k++] = image.data[(y + dy) * width + x + dx]!;
      window.sort();
      data[y * width + x] = window[4]!;
    }
  return { width, height, data };
}
