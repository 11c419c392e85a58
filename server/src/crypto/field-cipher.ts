/**
 * Personal data at rest (等保 level 3): SM4-CBC with a random IV, then an
 * HMAC-SM3 over IV and ciphertext (encrypt-then-MAC; Node's OpenSSL has no
 * SM4-GCM). A second keyed SM3 digest lets the database enforce uniqueness and
 * look values up without holding them in the clear. The keys live in a file
 * under the data directory, never in the database.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic keyed digest (hex, 64 characters) for uniqueness and lookup. */
  digest(plain: string): string;
}

interface FieldKeys {
  encryption: Buffer;
  mac: Buffer;
  digest: Buffer;
}

export function createFieldCipher(keys: FieldKeys): FieldCipher {
  const mac = (iv: Buffer, data: Buffer) => createHmac('sm3', keys.mac).update(iv).update(data).digest();
  return {
    encrypt(plain) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('sm4-cbc', keys.encryption, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['sm4v1', iv.toString('base64'), data.toString('base64'), mac(iv, data).toString('base64')].join(
        ':',
      );
    },
    decrypt(stored) {
      const [version, iv64, data64, mac64] = stored.split(':');
      if (version !== 'sm4v1' || !iv64 || !data64 || !mac64) throw new Error('加密字段格式无效');
      const iv = Buffer.from(iv64, 'base64');
      const data = Buffer.from(data64, 'base64');
      const expected = mac(iv, data);
      const given = Buffer.from(mac64, 'base64');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new Error('加密字段校验失败：数据可能被篡改');
      }
      const decipher = createDecipheriv('sm4-cbc', keys.encryption, iv);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    },
    digest(plain) {
      return createHmac('sm3', keys.digest).update(plain, 'utf8').digest('hex');
    },
  };
}

export function randomFieldKeys(): FieldKeys {
  return { encryption: randomBytes(16), mac: randomBytes(32), digest: randomBytes(32) };
}

/** Loads the deployment's field keys from `dataDir/keys/field-keys.json`, creating them on first use. */
export function loadOrCreateFieldKeys(dataDir: string): FieldKeys {
  const dir = path.join(dataDir, 'keys');
  const file = path.join(dir, 'field-keys.json');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const keys = randomFieldKeys();
    const json = JSON.stringify({
      encryption: keys.encryption.toString('hex'),
      mac: keys.mac.toString('hex'),
      digest: keys.digest.toString('hex'),
    });
    writeFileSync(file, json, { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
  }
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const hex = (name: string, bytes: number) => {
    const value = Buffer.from(raw[name] ?? '', 'hex');
    if (value.length !== bytes) throw new Error(`密钥文件 ${file} 中的 ${name} 无效`);
    return value;
  };
  return { encryption: hex('encryption', 16), mac: hex('mac', 32), digest: hex('digest', 32) };
}
