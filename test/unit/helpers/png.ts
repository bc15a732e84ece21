/**
 * A small PNG reader for screenshots: 8-bit greyscale, RGB or RGBA, not interlaced (what Chromium writes),
 * decoded with node's zlib and the five PNG row filters. Gives the pixels' luminance, to tell a picture
 * from a blank page.
 */
import * as zlib from "zlib";

export interface Gray {
  readonly width: number;
  readonly height: number;
  /** Luminance 0..255 per pixel, row by row. */
  readonly pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readPng(buf: Buffer): Gray {
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG file");
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8]!;
      const color = data[9]!;
      const interlace = data[12]!;
      if (depth !== 8 || interlace !== 0) throw new Error(`PNG with bit depth ${depth}, interlace ${interlace}: not read here`);
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[color] ?? 0;
      if (!channels) throw new Error(`PNG colour type ${color}: not read here`);
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const cur = Buffer.alloc(stride);
  const prev = Buffer.alloc(stride);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = raw.subarray(y * (stride + 1), (y + 1) * (stride + 1));
    const filter = row[0]!;
    for (let i = 0; i < stride; i++) {
      const x = row[i + 1]!;
      const a = i >= channels ? cur[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      let v: number;
      if (filter === 0) v = x;
      else if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + ((a + b) >> 1);
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      } else throw new Error(`PNG row filter ${filter}`);
      cur[i] = v & 0xff;
    }
    for (let px = 0; px < width; px++) {
      const o = px * channels;
      pixels[y * width + px] = channels >= 3 ? Math.round(0.299 * cur[o]! + 0.587 * cur[o + 1]! + 0.114 * cur[o + 2]!) : cur[o]!;
    }
    cur.copy(prev);
  }
  return { width, height, pixels };
}

/** Variance of the luminance, and the share of pixels that are not (near) white. */
export function inkOf(g: Gray): { variance: number; ink: number } {
  let sum = 0;
  let sq = 0;
  let ink = 0;
  for (const p of g.pixels) {
    sum += p;
    sq += p * p;
    if (p < 240) ink++;
  }
  const n = g.pixels.length;
  const mean = sum / n;
  return { variance: sq / n - mean * mean, ink: ink / n };
}
