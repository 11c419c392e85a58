/** TOTP (RFC 6238) second factor through the `otpauth` library: 6 digits, 30 s, SHA-1, ±1 step. */
import { Secret, TOTP } from 'otpauth';

const issuer = 'zhifa';

function totpFor(secretBase32: string, username: string): TOTP {
  return new TOTP({
    issuer,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, username: string): string {
  return totpFor(secretBase32, username).toString();
}

export function verifyTotp(secretBase32: string, username: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return (
    totpFor(secretBase32, username).validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null
  );
}

export function totpCode(secretBase32: string, username: string, now: Date): string {
  return totpFor(secretBase32, username).generate({ timestamp: now.getTime() });
}
