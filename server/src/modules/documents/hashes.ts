import { createHash } from 'node:crypto';

export const sha256Hex = (content: Buffer) => createHash('sha256').update(content).digest('hex');
export const sm3Hex = (content: Buffer) => createHash('sm3').update(content).digest('hex');
