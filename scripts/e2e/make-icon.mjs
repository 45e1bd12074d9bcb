#!/usr/bin/env node
// Writes images/icon.png (128x128 RGBA): a red rounded square with a white page on it, a red title
// bar and grey text lines -- a 公文 (official document). No dependencies: PNG encoded by hand.
//   node scripts/e2e/make-icon.mjs [OUT]
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const W = 128, H = 128;
const px = Buffer.alloc(W * H * 4);
const RED = [183, 28, 28, 255], WHITE = [255, 255, 255, 255], GREY = [150, 150, 150, 255], RED2 = [200, 30, 30, 255];

function set(x, y, c, a = 1) {
  const i = (y * W + x) * 4;
  for (let k = 0; k < 3; k++) px[i + k] = Math.round(c[k] * a + px[i + k] * (1 - a));
  px[i + 3] = Math.max(px[i + 3], Math.round(255 * a));
}
function roundRect(x0, y0, x1, y1, r, c) {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    const dx = Math.max(x0 + r - x - 0.5, 0, x + 0.5 - (x1 - r));
    const dy = Math.max(y0 + r - y - 0.5, 0, y + 0.5 - (y1 - r));
    const d = Math.hypot(dx, dy) - r;
    if (d < 0.5) set(x, y, c, Math.min(1, 0.5 - d));
  }
}
roundRect(4, 4, 124, 124, 22, RED);
roundRect(30, 18, 98, 110, 4, WHITE);
roundRect(40, 30, 88, 40, 2, RED2); // the red title (红头)
roundRect(40, 46, 88, 48, 1, RED2); // the red rule under it
for (let y = 56; y <= 96; y += 8) roundRect(40, y, y === 96 ? 70 : 88, y + 3, 1, GREY);

function crc32(buf) {
  let c = ~0;
  for (const b of buf) { c ^= b; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(W, 0); ihdr.writeUInt32BE(H, 4); ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
const raw = Buffer.alloc(H * (W * 4 + 1));
for (let y = 0; y < H; y++) px.copy(raw, y * (W * 4 + 1) + 1, y * W * 4, (y + 1) * W * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
]);
const out = process.argv[2] ?? path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'images', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`${out} (${png.length} bytes)`);
