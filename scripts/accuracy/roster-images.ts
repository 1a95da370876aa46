/**
 * Writes the roster-image accuracy set: tests/fixtures/accuracy/rosters/*.png
 * with one *.json of truth each. Rosters are HTML tables rendered by the same
 * Chromium the end-to-end tests use; the photographed half is the same kind
 * of table turned, blurred, faded, shadowed, noised and JPEG-compressed in the
 * page (seeded noise), so the set is the same on every run and needs no
 * network. A held-out group of photos (heldout-*) is scored apart. Run:
 * `npx tsx scripts/accuracy/roster-images.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../chromium-path.mjs';
import { type Resident, residents, usDate } from './people';

export const ROSTER_IMAGE_DIR = 'tests/fixtures/accuracy/rosters';

type Layout = 'bordered' | 'zebra' | 'split-name' | 'dob-first' | 'plain' | 'two-up';
type Photo = {
  rotate?: number;
  blur?: number;
  contrast?: number;
  shadow?: boolean;
  noise?: number;
  jpeg?: number;
  tilt?: number;
};
type Variant = {
  name: string;
  layout: Layout;
  font: string;
  seed: number;
  photo?: Photo;
  handRooms?: boolean;
};

const FONTS = ['DejaVu Sans', 'DejaVu Serif', 'DejaVu Sans Mono', 'DejaVu Sans Condensed'];
const LAYOUTS: Layout[] = ['bordered', 'zebra', 'split-name', 'dob-first', 'plain', 'two-up'];
const PHOTOS: Photo[] = [
  { rotate: 2, blur: 0.6 },
  { rotate: -3.5, blur: 0.8, shadow: true },
  { rotate: 5, contrast: 0.55, jpeg: 0.5 },
  { rotate: -6, blur: 0.7, noise: 0.12 },
  { rotate: 8, blur: 0.5, jpeg: 0.6 },
  { rotate: 1.5, tilt: 10, shadow: true, blur: 0.6 },
  { rotate: -2, contrast: 0.45, noise: 0.08, blur: 0.9 },
  { rotate: 4, blur: 1.1, jpeg: 0.45, shadow: true },
];

export function variants(): Variant[] {
  const out: Variant[] = [];
  for (let i = 0; i < 15; i++) {
    const layout = LAYOUTS[i % LAYOUTS.length]!;
    const base = { layout, font: FONTS[i % FONTS.length]!, seed: 100 + i, handRooms: i % 5 === 3 };
    out.push({ ...base, name: `clean-${String(i + 1).padStart(2, '0')}-${layout}` });
    out.push({
      ...base,
      seed: 200 + i,
      photo: PHOTOS[i % PHOTOS.length]!,
      name: `photo-${String(i + 1).padStart(2, '0')}-${layout}`,
    });
  }
  return out;
}

/**
 * Photographs kept out of the tuning: new people, new pairings of layout, font
 * and damage, and damage of other strengths within the same ranges (turns up
 * to 8°, perspective, blur, shadow, faded print, grain, JPEG). Written after
 * the reader's second pass was built and scored only as a check, never
 * looked at image by image while changing the reader.
 */
const HELD_OUT_PHOTOS: Photo[] = [
  { rotate: -4.5, blur: 0.7, shadow: true, jpeg: 0.55 },
  { rotate: 6.5, blur: 0.6, noise: 0.1 },
  { rotate: -1, tilt: 12, blur: 0.5 },
  { rotate: 3, contrast: 0.5, blur: 0.8, jpeg: 0.5 },
  { rotate: -7.5, blur: 0.6, shadow: true },
  { rotate: 2.5, noise: 0.1, contrast: 0.55, blur: 0.8 },
  { rotate: -3, tilt: 8, jpeg: 0.5, blur: 0.7 },
  { rotate: 5.5, blur: 1, shadow: true, noise: 0.06 },
  { rotate: -5, blur: 0.9, jpeg: 0.45 },
  { rotate: 0.5, contrast: 0.5, noise: 0.1, shadow: true },
];

export function heldOutVariants(): Variant[] {
  return HELD_OUT_PHOTOS.map((photo, i) => {
    const layout = LAYOUTS[(i + 2) % LAYOUTS.length]!;
    return {
      layout,
      font: FONTS[(i + 1) % FONTS.length]!,
      seed: 300 + i,
      handRooms: i % 4 === 1,
      photo,
      name: `heldout-${String(i + 1).padStart(2, '0')}-${layout}`,
    };
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function table(v: Variant, people: Resident[]): string {
  const room = (p: Resident) =>
    v.handRooms
      ? `<span style="font-family:'DejaVu Serif';font-style:italic;font-size:19px">${p.roomNumber}</span>`
      : p.roomNumber;
  let head: string[];
  let cells: (p: Resident) => string[];
  switch (v.layout) {
    case 'split-name':
      head = ['Last Name', 'First Name', 'DOB', 'Room', 'MRN'];
      cells = (p) => [p.lastName, p.firstName, usDate(p.dateOfBirth), room(p), p.mrn];
      break;
    case 'dob-first':
      head = ['DOB', 'Resident Name', 'Room'];
      cells = (p) => [usDate(p.dateOfBirth), `${p.lastName}, ${p.firstName}`, room(p)];
      break;
    case 'plain':
      head = ['Name', 'Date of Birth', 'Rm'];
      cells = (p) => [`${p.firstName} ${p.lastName}`, usDate(p.dateOfBirth), room(p)];
      break;
    default:
      head = ['Resident', 'DOB', 'Room'];
      cells = (p) => [
        `${p.lastName.toUpperCase()}, ${p.firstName.toUpperCase()}`,
        usDate(p.dateOfBirth),
        room(p),
      ];
  }
  const border = v.layout === 'bordered' || v.layout === 'two-up' ? '1.5px solid #222' : 'none';
  const rows = people
    .map(
      (p, i) =>
        `<tr style="background:${v.layout === 'zebra' && i % 2 ? '#e4e8ee' : 'transparent'}">${cells(p)
          .map((c) => `<td style="border:${border};padding:7px 12px">${c}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  return `<table style="border-collapse:collapse;font-size:18px">
    <tr>${head.map((h) => `<th style="border:${border};padding:7px 12px;text-align:left;${v.layout === 'plain' ? 'border-bottom:2px solid #000' : ''}">${esc(h)}</th>`).join('')}</tr>${rows}</table>`;
}

function page(v: Variant, people: Resident[]): string {
  const body =
    v.layout === 'two-up'
      ? `<div style="display:flex;gap:40px">${table(v, people.slice(0, 4))}${table(v, people.slice(4))}</div>`
      : table(v, people);
  const p = v.photo ?? {};
  const filter = [p.blur ? `blur(${p.blur}px)` : '', p.contrast ? `contrast(${p.contrast})` : ''].join(' ');
  return `<!doctype html><html><body style="margin:0;background:${v.photo ? '#8a8378' : '#fff'}">
  <div id="sheet" style="display:inline-block;margin:${v.photo ? 60 : 0}px;padding:40px;background:#fff;color:#111;font-family:'${v.font}';
    transform:${p.tilt ? `perspective(1400px) rotateX(${p.tilt}deg) ` : ''}rotate(${p.rotate ?? 0}deg);filter:${filter || 'none'}">
    <div style="font-size:24px;font-weight:bold">Maple Grove Care Center — Resident Census</div>
    <div style="font-size:14px;margin:4px 0 18px">Printed 03/02/2026 10:41 AM · Unit 2 East</div>
    ${body}
    <div style="font-size:13px;margin-top:16px">Page 1 of 1</div>
  </div></body></html>`;
}

/** Seeded grain, shadow and JPEG round trip over the rendered photo, done in the page. */
async function photograph(pageHandle: import('playwright-core').Page, p: Photo, seed: number) {
  // A string, not a function: the scripts are type-checked without the DOM's types.
  await pageHandle.evaluate(`(async (p, seed) => {
    const shot = document.getElementById('shot');
    const img = new Image();
    img.src = shot.src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    if (p.shadow) {
      const g = ctx.createLinearGradient(0, 0, canvas.width, canvas.height);
      g.addColorStop(0, 'rgba(0,0,0,0)');
      g.addColorStop(1, 'rgba(0,0,0,0.35)');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
    }
    if (p.noise) {
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let s = seed;
      for (let i = 0; i < data.data.length; i += 4) {
        s = (Math.imul(s, 1103515245) + 12345) >>> 0;
        const n = ((s >>> 8) / 16777216 - 0.5) * 255 * p.noise * 2;
        for (let c = 0; c < 3; c++) data.data[i + c] = Math.max(0, Math.min(255, data.data[i + c] + n));
      }
      ctx.putImageData(data, 0, 0);
    }
    shot.src = canvas.toDataURL('image/jpeg', p.jpeg ?? 0.8);
    await shot.decode();
  })(${JSON.stringify(p)}, ${seed})`);
}

/** The sheet as turned on the page, with a margin of the table it lies on. */
async function sheetArea(tab: import('playwright-core').Page, margin: number) {
  const r = (await tab.evaluate(
    `(() => { const b = document.getElementById('sheet').getBoundingClientRect(); return { x: b.x, y: b.y, width: b.width, height: b.height }; })()`,
  )) as { x: number; y: number; width: number; height: number };
  return {
    x: Math.max(0, Math.floor(r.x - margin)),
    y: Math.max(0, Math.floor(r.y - margin)),
    width: Math.ceil(r.width + 2 * margin),
    height: Math.ceil(r.height + 2 * margin),
  };
}

export async function writeRosterImages(
  dir = ROSTER_IMAGE_DIR,
  list = [...variants(), ...heldOutVariants()],
) {
  mkdirSync(dir, { recursive: true });
  const path = findChromium();
  if (!path)
    throw new Error('Chromium is needed to render the roster images (see scripts/ensure-chromium.mjs)');
  const browser = await chromium.launch({ executablePath: path, args: ['--font-render-hinting=none'] });
  try {
    const context = await browser.newContext({
      deviceScaleFactor: 1,
      viewport: { width: 1400, height: 1000 },
    });
    const tab = await context.newPage();
    for (const v of list) {
      const people = residents(v.seed, 8);
      await tab.setContent(page(v, people));
      await tab.evaluate('document.fonts.ready');
      let png = await tab.screenshot({ type: 'png', clip: await sheetArea(tab, v.photo ? 30 : 0) });
      if (v.photo) {
        await tab.setContent(
          `<body style="margin:0"><img id="shot" src="data:image/png;base64,${png.toString('base64')}"></body>`,
        );
        await photograph(tab, v.photo, v.seed);
        png = await tab.locator('#shot').screenshot({ type: 'png' });
      }
      writeFileSync(join(dir, `${v.name}.png`), png);
      const truth = people.map((p) => ({
        firstName: p.firstName,
        lastName: p.lastName,
        dateOfBirth: p.dateOfBirth,
        roomNumber: p.roomNumber,
        ...(v.layout === 'split-name' ? { mrn: p.mrn } : {}),
      }));
      writeFileSync(
        join(dir, `${v.name}.json`),
        `${JSON.stringify({ layout: v.layout, font: v.font, photo: v.photo ?? null, rows: truth }, null, 2)}\n`,
      );
    }
  } finally {
    await browser.close();
  }
}

// `--held-out` writes the held-out photos alone, leaving the rest of the set as it is.
if (import.meta.url === `file://${process.argv[1]}`)
  await writeRosterImages(
    ROSTER_IMAGE_DIR,
    process.argv.includes('--held-out') ? heldOutVariants() : undefined,
  );
