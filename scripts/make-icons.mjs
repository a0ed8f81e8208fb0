#!/usr/bin/env node
// Draws the app icon and the .bpnn document icon (a tiny 2-3-1 network) and writes them as PNG,
// ICO and ICNS into build/, the electron-builder resources folder. No image library needed:
// the pixels are computed here and encoded with node:zlib. Run: node scripts/make-icons.mjs
import { Buffer } from 'node:buffer';
import { deflateSync, crc32 } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'build');

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** ICO with one embedded 256×256 PNG (supported since Windows Vista). */
function ico(png256) {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(1, 4);
  header[6] = 0; // 256
  header[7] = 0;
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(png256.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, png256]);
}

/** ICNS with 512×512 ('ic09') and 256×256 ('ic08') PNG entries. */
function icns(entries) {
  const parts = entries.map(([type, data]) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([h, data]);
  });
  const body = Buffer.concat(parts);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([h, body]);
}

const clamp = (v) => Math.max(0, Math.min(1, v));
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = clamp(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The network drawn in unit coordinates: 2 inputs, 3 hidden, 1 output. */
const layers = [
  [[0.22, 0.36], [0.22, 0.64]],
  [[0.5, 0.26], [0.5, 0.5], [0.5, 0.74]],
  [[0.78, 0.5]],
];
const edges = [];
for (let l = 0; l < layers.length - 1; l++) for (const a of layers[l]) for (const b of layers[l + 1]) edges.push([a, b]);
const nodes = layers.flat();

function drawNetwork(u, v, px, base, edgeColor = [255, 255, 255, 255], edgeAlpha = 0.75) {
  let color = base;
  // Edges, then nodes with a white rim, anti-aliased over about one pixel.
  for (const [a, b] of edges) {
    const d = distToSegment(u, v, a[0], a[1], b[0], b[1]);
    color = mix(color, edgeColor, clamp((0.012 - d) / px + 0.5) * edgeAlpha);
  }
  for (const [i, n] of nodes.entries()) {
    const d = Math.hypot(u - n[0], v - n[1]);
    color = mix(color, [255, 255, 255, 255], clamp((0.075 - d) / px + 0.5));
    const fill = i < 2 ? [255, 183, 3, 255] : i < 5 ? [33, 158, 188, 255] : [251, 133, 0, 255];
    color = mix(color, fill, clamp((0.055 - d) / px + 0.5));
  }
  return color;
}

function appIcon(size) {
  const px = 1 / size;
  return png(size, (x, y) => {
    const u = x / size;
    const v = y / size;
    // Rounded square background, deep blue with a slight vertical gradient.
    const r = 0.18;
    const qx = Math.max(Math.abs(u - 0.5) - (0.5 - 0.06 - r), 0);
    const qy = Math.max(Math.abs(v - 0.5) - (0.5 - 0.06 - r), 0);
    const inside = clamp((r - Math.hypot(qx, qy)) / px + 0.5);
    if (inside <= 0) return [0, 0, 0, 0];
    const bg = mix([2, 48, 71, 255], [18, 80, 120, 255], v);
    const c = drawNetwork(u, v, px, bg);
    return [c[0], c[1], c[2], Math.round(255 * inside)];
  });
}

function fileIcon(size) {
  const px = 1 / size;
  const [l, r, t, b, corner] = [0.16, 0.84, 0.06, 0.94, 0.2];
  return png(size, (x, y) => {
    const u = x / size;
    const v = y / size;
    // A sheet of paper with its top-right corner folded over, the network drawn on it.
    const belowCut = u - (r - corner) < v - t;
    if (u < l || u > r || v < t || v > b || !belowCut) return [0, 0, 0, 0];
    const edge = Math.min(u - l, r - u, v - t, b - v, (v - t - (u - (r - corner))) / Math.SQRT2);
    const flap = u > r - corner && v < t + corner;
    let c = flap ? [196, 212, 224, 255] : [244, 248, 251, 255];
    c = mix(c, [2, 48, 71, 255], clamp((0.014 - edge) / px + 0.5));
    if (flap) return c.map(Math.round);
    c = drawNetwork(0.5 + (u - 0.5) * 1.25, 0.55 + (v - 0.55) * 1.25, px * 1.25, c, [2, 48, 71, 255], 0.45);
    return c.map(Math.round);
  });
}

mkdirSync(out, { recursive: true });
const app512 = appIcon(512);
const app256 = appIcon(256);
const doc512 = fileIcon(512);
const doc256 = fileIcon(256);
writeFileSync(path.join(out, 'icon.png'), app512);
writeFileSync(path.join(out, 'icon.ico'), ico(app256));
writeFileSync(path.join(out, 'icon.icns'), icns([['ic09', app512], ['ic08', app256]]));
writeFileSync(path.join(out, 'bpnn-file.png'), doc512);
writeFileSync(path.join(out, 'bpnn-file.ico'), ico(doc256));
writeFileSync(path.join(out, 'bpnn-file.icns'), icns([['ic09', doc512], ['ic08', doc256]]));
console.log('icons written to build/');
