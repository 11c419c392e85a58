/**
 * The smallest files each evidence type is recognised by: real headers
 * (JPEG, PNG, MP4, QuickTime, MP3, WAV, PDF, DOCX, ZIP) followed by filler.
 */
import { crc32 } from 'node:zlib';

const filler = (n: number) => Buffer.alloc(n, 0x20);

function u32be(n: number) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function pngChunk(type: string, data: Buffer) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), body, u32be(crc32(body))]);
}

/** A stored (uncompressed) zip archive. */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(data.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    const local = Buffer.concat([u32le(0x04034b50), common, nameBytes, data]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    common.copy(central, 6, 0, 26);
    central.writeUInt32LE(offset, 42);
    centrals.push(Buffer.concat([central, nameBytes]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function u32le(n: number) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

const wordContentTypes =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

/** Each sample with the media type detection must find. */
export const mediaSamples: Record<string, { mediaType: string; bytes: Buffer }> = {
  jpeg: {
    mediaType: 'image/jpeg',
    bytes: Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
      Buffer.from('JFIF\0'),
      filler(2000),
    ]),
  },
  png: {
    mediaType: 'image/png',
    bytes: Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
      pngChunk('IEND', Buffer.alloc(0)),
    ]),
  },
  mp4: {
    mediaType: 'video/mp4',
    bytes: Buffer.concat([
      u32be(24),
      Buffer.from('ftypisom'),
      u32be(0x200),
      Buffer.from('isomiso2'),
      filler(4000),
    ]),
  },
  mov: {
    mediaType: 'video/quicktime',
    bytes: Buffer.concat([
      u32be(20),
      Buffer.from('ftypqt  '),
      u32be(0x200),
      Buffer.from('qt  '),
      filler(4000),
    ]),
  },
  mp3: {
    mediaType: 'audio/mpeg',
    bytes: Buffer.concat([
      Buffer.from('ID3'),
      Buffer.from([3, 0, 0, 0, 0, 0, 0]),
      Buffer.from([0xff, 0xfb, 0x90, 0x64]),
      Buffer.alloc(4000),
    ]),
  },
  wav: {
    mediaType: 'audio/wav',
    bytes: Buffer.concat([Buffer.from('RIFF'), u32le(4036), Buffer.from('WAVEfmt '), Buffer.alloc(4028)]),
  },
  pdf: {
    mediaType: 'application/pdf',
    bytes: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
  },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes: zip({ '[Content_Types].xml': wordContentTypes, 'word/document.xml': '<w:document/>' }),
  },
  zip: { mediaType: 'application/zip', bytes: zip({ 'photos/readme.txt': '现场照片' }) },
  text: { mediaType: 'text/plain', bytes: Buffer.from('2026年11月24日 现场笔录摘要\n当事人称……\n') },
  binary: {
    mediaType: 'application/octet-stream',
    bytes: Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0x00, 0x7f]),
  },
};
