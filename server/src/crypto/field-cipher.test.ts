import { describe, expect, it } from 'vitest';
import { createFieldCipher, randomFieldKeys } from './field-cipher.js';

describe('field cipher (SM4-CBC + HMAC-SM3)', () => {
  const cipher = createFieldCipher(randomFieldKeys());

  it('round-trips, with a fresh IV each time', () => {
    const a = cipher.encrypt('990121198503150012');
    const b = cipher.encrypt('990121198503150012');
    expect(a).not.toBe(b);
    expect(a).not.toContain('990121');
    expect(cipher.decrypt(a)).toBe('990121198503150012');
  });

  it('detects any changed byte of the stored value', () => {
    const stored = cipher.encrypt('990121198503150012');
    const [v, iv, data, mac] = stored.split(':') as [string, string, string, string];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64');
    };
    for (const tampered of [
      [v, flip(iv), data, mac],
      [v, iv, flip(data), mac],
      [v, iv, data, flip(mac)],
    ]) {
      expect(() => cipher.decrypt(tampered.join(':'))).toThrow(/篡改/);
    }
  });

  it('digests deterministically per key', () => {
    expect(cipher.digest('x')).toBe(cipher.digest('x'));
    expect(cipher.digest('x')).toMatch(/^[0-9a-f]{64}$/);
    expect(createFieldCipher(randomFieldKeys()).digest('x')).not.toBe(cipher.digest('x'));
  });
});
