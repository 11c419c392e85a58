import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from './identifiers.js';
import { passwordPolicyViolation } from './passwords.js';

describe('统一社会信用代码 (GB 32100)', () => {
  // Synthetic codes; check characters computed independently (weights 3^i mod 31).
  it.each([
    ['11990000MB0000001', 'M'],
    ['12990121MB1234567', 'R'],
  ])('check character of %s is %s', (first17, check) => {
    expect(isValidCreditCode(first17 + check)).toBe(true);
  });

  it('rejects a wrong check character, a forbidden letter and a wrong length', () => {
    expect(isValidCreditCode('11990000MB0000001N')).toBe(false);
    expect(isValidCreditCode('11990000MB000000IM')).toBe(false);
    expect(isValidCreditCode('11990000MB0000001')).toBe(false);
    expect(creditCodeCheckChar('12990121MB1234567')).toBe('R');
  });
});

describe('password policy', () => {
  const policy = { minLength: 10 };
  it.each([
    ['Short1!', '至少 10 位'],
    ['alllowercase1', '至少三类'],
    ['Officer1-2026', '用户名'],
  ])('%s is refused (%s)', (password, reason) => {
    expect(passwordPolicyViolation(password, 'officer1', policy)).toContain(reason);
  });

  it('accepts a long password with three classes', () => {
    expect(passwordPolicyViolation('Zhifa-2026-ok', 'officer1', policy)).toBeNull();
  });
});
