/**
 * SEC-12 (issue 15): the import guard summed the sizes a zip declares, then let exceljs
 * inflate whatever was really there (701 KB became 713 MB). Imports now inflate
 * themselves, counting the bytes actually produced, and stop at the limit.
 */
import { describe, expect, it } from 'vitest';
import { lyingZip } from '../test/zip.js';
import { maxUnzippedBytes, readSheet, unzipStats } from './sheet.js';

const columns = [{ key: 'name', header: '名称', required: true }] as const;

describe('SEC-12: .xlsx imports are capped by the bytes actually inflated', () => {
  it('SEC-12: a zip whose directory declares 1 KB but inflates to 64 MB is refused (400) without inflating past the cap', async () => {
    const bomb = lyingZip('xl/worksheets/sheet1.xml', Buffer.alloc(64 * 1024 * 1024, 0x20), 1024);
    expect(bomb.length).toBeLessThan(200_000);
    const before = unzipStats.inflatedBytes;
    const error = await readSheet(bomb, columns, { maxRows: 10 }).then(
      () => null,
      (e: unknown) => e as { code?: string; message?: string },
    );
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.message).toMatch(/解压后过大|与声明的大小不符/);
    expect(unzipStats.inflatedBytes - before).toBeLessThanOrEqual(maxUnzippedBytes + 1024 * 1024);
  });

  it('SEC-12: honest but too large: refused from the declared size before inflating anything', async () => {
    const big = lyingZip('xl/worksheets/sheet1.xml', Buffer.alloc(40 * 1024 * 1024, 0x20), 40 * 1024 * 1024);
    const before = unzipStats.inflatedBytes;
    await expect(readSheet(big, columns, { maxRows: 10 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(unzipStats.inflatedBytes - before).toBe(0);
  });
});
