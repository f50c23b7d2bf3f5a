// Generates the add-in's icons (a green sheet with a white tick) as PNGs with zlib only: `node assets/make-icons.mjs`.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const inTick = (x, y) => {
    // tick: two thick segments, in unit coordinates
    const u = x / size, v = y / size, w = 0.09;
    const d1 = Math.abs((v - 0.55) - (u - 0.28)) / Math.SQRT2; // down-right from (0.28,0.55) to (0.43,0.70)
    const d2 = Math.abs((v - 0.70) + (u - 0.43)) / Math.SQRT2; // up-right from (0.43,0.70) to (0.74,0.36)
    return (d1 < w / 1.4 && u >= 0.25 && u <= 0.45) || (d2 < w / 1.4 && u >= 0.41 && u <= 0.76);
  };
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const m = size / 16;
      const inside = x >= m && x < size - m && y >= m && y < size - m;
      const [r, g, b, a] = !inside ? [0, 0, 0, 0] : inTick(x + 0.5, y + 0.5) ? [255, 255, 255, 255] : [33, 115, 70, 255];
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
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const dir = new URL('.', import.meta.url);
for (const size of [16, 32, 64, 80, 128]) writeFileSync(new URL(`icon-${size}.png`, dir), png(size));
console.log('icons written');
