/**
 * Small generated media for the demo's recordings: structurally valid files
 * that the evidence store's type detection recognises from their bytes, like
 * any upload. No camera footage ships with the demo.
 */
import { crc32, deflateSync } from 'node:zlib';

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([u32(8 + body.length), Buffer.from(type, 'latin1'), body]);
}

/**
 * An ISO base media (MP4) file: `ftyp` (isom), a `moov` whose `mvhd` gives the
 * timescale and duration, and an empty `mdat` — a presentation without tracks.
 */
export function demoVideo(durationSeconds: number): Buffer {
  const timescale = 1000;
  const mvhd = Buffer.alloc(100);
  // version 0, flags 0; creation and modification times 0 (unspecified).
  mvhd.writeUInt32BE(timescale, 12);
  mvhd.writeUInt32BE(Math.round(durationSeconds * timescale), 16);
  mvhd.writeUInt32BE(0x0001_0000, 20); // rate 1.0
  mvhd.writeUInt16BE(0x0100, 24); // volume 1.0
  // Unity matrix.
  mvhd.writeUInt32BE(0x0001_0000, 36);
  mvhd.writeUInt32BE(0x0001_0000, 52);
  mvhd.writeUInt32BE(0x4000_0000, 68);
  mvhd.writeUInt32BE(1, 96); // next track ID
  return Buffer.concat([
    box('ftyp', Buffer.from('isom'), u32(0x200), Buffer.from('isomiso2mp41')),
    box('moov', box('mvhd', mvhd)),
    box('mdat'),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32(data.length), body, u32(crc32(body))]);
}

/** A small RGB PNG (a colour gradient), decodable by any viewer. */
export function demoPhoto(width = 64, height = 48): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([40 + y * 3, 110 + x, 190 - x * 2], 1 + x * 3);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
