// Draws HowSocial's toolbar icon set (16/32/48/128 px) as PNGs, so no binary art tool is needed:
// two overlapping speech bubbles (dialogue, not broadcast) on a rounded teal square.
// Run `node --import tsx scripts/make-icons.ts` after changing the drawing; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { crc32 } from './lib/zip.ts';

type Rgba = [number, number, number, number];
type Point = [number, number];

const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
function png(size: number, pixel: (x: number, y: number, size: number) => Rgba | number[]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y, size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in a 0..1 unit square, supersampled 4×4 per pixel for smooth edges.
const roundedSquare = (u: number, v: number) => {
  const r = 0.22;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  return dx * dx + dy * dy <= r * r;
};
const ellipse = (u: number, v: number, cx: number, cy: number, rx: number, ry: number) =>
  ((u - cx) / rx) ** 2 + ((v - cy) / ry) ** 2 <= 1;
const tri = (u: number, v: number, [ax, ay]: Point, [bx, by]: Point, [cx, cy]: Point) => {
  const s = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) =>
    (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = s(u, v, ax, ay, bx, by);
  const d2 = s(u, v, bx, by, cx, cy);
  const d3 = s(u, v, cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const bubbleA = (u: number, v: number) => ellipse(u, v, 0.4, 0.4, 0.26, 0.2) || tri(u, v, [0.25, 0.5], [0.2, 0.72], [0.4, 0.56]);
const bubbleB = (u: number, v: number) =>
  ellipse(u, v, 0.62, 0.6, 0.24, 0.18) || tri(u, v, [0.74, 0.68], [0.82, 0.86], [0.6, 0.74]);
const ring = (f: (u: number, v: number) => boolean, u: number, v: number, w: number) =>
  f(u, v) && !(f(u - w, v) && f(u + w, v) && f(u, v - w) && f(u, v + w));

function sample(u: number, v: number): Rgba {
  if (!roundedSquare(u, v)) return [0, 0, 0, 0];
  if (bubbleB(u, v)) return ring(bubbleB, u, v, 0.045) ? [13, 78, 84, 255] : [255, 196, 61, 255];
  if (bubbleA(u, v)) return [255, 255, 255, 255];
  const t = (u + v) / 2; // teal gradient
  return [Math.round(15 + 20 * t), Math.round(130 - 40 * t), Math.round(140 - 30 * t), 255];
}

for (const size of [16, 32, 48, 128]) {
  const n = 4;
  const buf = png(size, (x: number, y: number) => {
    const acc = [0, 0, 0, 0];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const c = sample((x + (i + 0.5) / n) / size, (y + (j + 0.5) / n) / size);
        for (let k = 0; k < 3; k++) acc[k] += c[k] * c[3];
        acc[3] += c[3];
      }
    const a = acc[3] / (n * n);
    return a === 0 ? [0, 0, 0, 0] : [acc[0] / acc[3], acc[1] / acc[3], acc[2] / acc[3], a].map(Math.round);
  });
  writeFileSync(new URL(`../public/icons/icon-${size}.png`, import.meta.url), buf);
}
console.log('icons written to public/icons/');
