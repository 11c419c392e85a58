/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet
 * (no I, O, Z, S, V); the last is a check character over the first 17.
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error('统一社会信用代码前 17 位长度不符');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = alphabet.indexOf(first17[i]!);
    if (value < 0) throw new Error(`统一社会信用代码含无效字符：${first17[i]}`);
    sum += value * weights[i]!;
  }
  return alphabet[(31 - (sum % 31)) % 31]!;
}

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/**
 * 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit
 * sequence, and a check character (0–9 or X) over the first 17.
 */
const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckChars = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('身份证号前 17 位应为数字');
  const sum = idWeights.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return idCheckChars[sum % 11]!;
}

export function idNumberProblem(value: string): string | null {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为 18 位，前 17 位为数字，末位为数字或 X';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(birth) || birth < '1900-01-01') {
    return '身份证号中的出生日期无效';
  }
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return '身份证号校验位不正确';
  return null;
}

/** Shown everywhere except to whoever must see the whole number: first 3 and last 4 characters. */
export function maskIdNumber(value: string): string {
  return `${value.slice(0, 3)}${'*'.repeat(Math.max(0, value.length - 7))}${value.slice(-4)}`;
}

/** A mainland mobile number (11 digits from 1) or a fixed line with its area code (0xx-xxxxxxx). */
export function phoneProblem(value: string): string | null {
  return /^1[3-9]\d{9}$/.test(value) || /^0\d{2,3}-?\d{7,8}$/.test(value)
    ? null
    : '电话号码应为11位手机号，或带区号的固定电话（如 0571-88888888）';
}

/** A phone number as shown outside the documents served on the party: first 3 and last 4 digits. */
export const maskPhone = (value: string) => maskIdNumber(value);

/** An address as shown outside the documents served on the party: its first six characters. */
export function maskAddress(value: string): string {
  const chars = [...value];
  return chars.length <= 6 ? `${chars.slice(0, 2).join('')}****` : `${chars.slice(0, 6).join('')}****`;
}
