/**
 * The deployment's SM2 key pair (GM/T 0003, signatures with SM3 and the
 * standard user ID 1234567812345678, DER-encoded) through `sm-crypto-v2`:
 * node:crypto signs SM2 with the wrong user ID. The private key lives in a
 * file under the data directory, never in the database.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sm2 } from 'sm-crypto-v2';

export interface Signer {
  publicKey: string;
  sign(message: string): string;
}

const options = { hash: true, der: true } as const;

export function signerFromPrivateKey(privateKey: string): Signer {
  const publicKey = sm2.getPublicKeyFromPrivateKey(privateKey);
  return { publicKey, sign: (message) => sm2.doSignature(message, privateKey, options) };
}

export function newSigner(): Signer {
  return signerFromPrivateKey(sm2.generateKeyPairHex().privateKey);
}

export function verifySignature(message: string, signature: string, publicKey: string): boolean {
  try {
    return sm2.doVerifySignature(message, signature, publicKey, options);
  } catch {
    return false;
  }
}

/** `dataDir/keys/sm2-private.key` (mode 0600), created on first start. */
export function loadOrCreateSigner(dataDir: string): Signer {
  const dir = path.join(dataDir, 'keys');
  const file = path.join(dir, 'sm2-private.key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${sm2.generateKeyPairHex().privateKey}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
  }
  const privateKey = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(privateKey)) throw new Error(`SM2 私钥文件 ${file} 无效`);
  return signerFromPrivateKey(privateKey);
}
