import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  idNumberCheckChar,
  idNumberProblem,
  isValidCreditCode,
  maskIdNumber,
} from './identifiers.js';
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

describe('公民身份号码 (GB 11643)', () => {
  // Synthetic numbers (region 990121 is unassigned); check characters computed independently.
  it.each([
    ['99012119850315001', '2'],
    ['99012119900101002', '2'],
  ])('check character of %s is %s', (first17, check) => {
    expect(idNumberCheckChar(first17)).toBe(check);
    expect(idNumberProblem(first17 + check)).toBeNull();
  });

  it.each([
    ['990121198503150013', '校验位'],
    ['99012119850231001X', '出生日期'],
    ['9901211985031500', '18 位'],
    ['99012119850315001A', '18 位'],
  ])('%s is refused (%s)', (value, reason) => {
    expect(idNumberProblem(value)).toContain(reason);
  });

  it('masks all but the first 3 and last 4 characters', () => {
    expect(maskIdNumber('990121198503150012')).toBe('990***********0012');
  });
});
