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
