import { describe, expect, it } from 'vitest';
import { mediaSamples } from '../../test/media-samples.js';
import { detectMediaType } from './media-type.js';
import { parseRange } from './range.js';

describe('detectMediaType', () => {
  it.each(Object.entries(mediaSamples))('tells %s from its first bytes', async (_, sample) => {
    expect(await detectMediaType(sample.bytes)).toBe(sample.mediaType);
  });
});

describe('parseRange', () => {
  const size = 1000;
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=990-5000', { start: 990, end: 999 }],
    ['bytes = 5 - 5', { start: 5, end: 5 }],
  ])('%s', (header, range) => {
    expect(parseRange(header, size)).toEqual(range);
  });

  it('sends everything without a Range header or with a unit it does not know', () => {
    expect(parseRange(undefined, size)).toBeNull();
    expect(parseRange('items=0-5', size)).toBeNull();
  });

  it.each([
    'bytes=1000-',
    'bytes=5-4',
    'bytes=-0',
    'bytes=-',
    'bytes=abc',
    'bytes=0-1,5-6',
    'bytes=99999999999999999-',
  ])('%s is not satisfiable', (header) => {
    expect(() => parseRange(header, size)).toThrow(
      expect.objectContaining({ code: 'RANGE_NOT_SATISFIABLE' }),
    );
  });
});
