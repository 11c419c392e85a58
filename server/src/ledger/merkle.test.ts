import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  nodeHash,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(`leaf ${i}`));
const flipBit = (b: Buffer, bit: number) => {
  const copy = Buffer.from(b);
  copy[bit >> 3] = copy[bit >> 3]! ^ (1 << (bit & 7));
  return copy;
};

describe('Merkle tree (RFC 6962 hashing with SM3)', () => {
  it('uses the 0x00 leaf and 0x01 node prefixes, splitting at the largest power of two', () => {
    const l = leaves(3);
    expect(rootOf(l.slice(0, 1)).equals(l[0]!)).toBe(true);
    expect(rootOf(l).equals(nodeHash(nodeHash(l[0]!, l[1]!), l[2]!))).toBe(true);
    expect(leafHash('x').equals(nodeHash(Buffer.alloc(0), Buffer.alloc(0)))).toBe(false);
  });

  it('proves and verifies inclusion of every leaf in trees of 1 to 33 leaves', () => {
    for (let n = 1; n <= 33; n += 1) {
      const l = leaves(n);
      const root = rootOf(l);
      for (let i = 0; i < n; i += 1)
        expect(verifyInclusion(l[i]!, i, n, inclusionProof(i, l), root), `${i}/${n}`).toBe(true);
    }
  });

  it('proves and verifies consistency between every pair of sizes up to 20', () => {
    const l = leaves(20);
    for (let n = 1; n <= 20; n += 1) {
      for (let m = 1; m <= n; m += 1) {
        const proof = consistencyProof(m, l.slice(0, n));
        expect(
          verifyConsistency(m, n, rootOf(l.slice(0, m)), rootOf(l.slice(0, n)), proof),
          `${m}→${n}`,
        ).toBe(true);
      }
    }
  });

  it('rejects inclusion proofs with a wrong index, wrong size, truncated or extended path, or any flipped bit', () => {
    const l = leaves(13);
    const root = rootOf(l);
    for (const i of [0, 5, 12]) {
      const proof = inclusionProof(i, l);
      const ok = (leaf: Buffer, index: number, size: number, path: Buffer[], r: Buffer) =>
        verifyInclusion(leaf, index, size, path, r);
      expect(ok(l[i]!, i, 13, proof, root)).toBe(true);
      for (const index of [i - 1, i + 1, 13, -1])
        if (index !== i) expect(ok(l[i]!, index, 13, proof, root)).toBe(false);
      // A tree size is only meaningful with its root (a checkpoint signs both), so a
      // wrong size is checked against that size's root.
      const more = [...l, ...leaves(20).slice(13)];
      for (const size of [12, 14, 26, i]) {
        if (size > i) expect(ok(l[i]!, i, size, proof, rootOf(more.slice(0, size)))).toBe(false);
      }
      expect(ok(l[i]!, i, 13, proof.slice(0, -1), root)).toBe(false);
      expect(ok(l[i]!, i, 13, [...proof, root], root)).toBe(false);
      for (let bit = 0; bit < 256; bit += 1) {
        expect(ok(flipBit(l[i]!, bit), i, 13, proof, root)).toBe(false);
        expect(ok(l[i]!, i, 13, proof, flipBit(root, bit))).toBe(false);
        proof.forEach((_, k) => {
          const mutated = proof.map((p, j) => (j === k ? flipBit(p, bit) : p));
          expect(ok(l[i]!, i, 13, mutated, root)).toBe(false);
        });
      }
    }
  });

  it('rejects consistency proofs with wrong sizes, truncated or extended paths, or any flipped bit', () => {
    const l = leaves(22);
    for (const [m, n] of [
      [3, 21],
      [8, 21],
      [13, 17],
    ] as const) {
      const proof = consistencyProof(m, l.slice(0, n));
      const r1 = rootOf(l.slice(0, m));
      const r2 = rootOf(l.slice(0, n));
      expect(verifyConsistency(m, n, r1, r2, proof)).toBe(true);
      expect(verifyConsistency(m + 1, n, r1, r2, proof)).toBe(false);
      expect(verifyConsistency(m, n + 1, r1, rootOf(l.slice(0, n + 1)), proof)).toBe(false);
      expect(verifyConsistency(m, n - 1, r1, rootOf(l.slice(0, n - 1)), proof)).toBe(false);
      expect(verifyConsistency(m, n, r1, r2, proof.slice(0, -1))).toBe(false);
      expect(verifyConsistency(m, n, r1, r2, [...proof, r2])).toBe(false);
      expect(verifyConsistency(m, n, r1, r2, [])).toBe(false);
      for (let bit = 0; bit < 256; bit += 1) {
        expect(verifyConsistency(m, n, flipBit(r1, bit), r2, proof)).toBe(false);
        expect(verifyConsistency(m, n, r1, flipBit(r2, bit), proof)).toBe(false);
        proof.forEach((_, k) => {
          const mutated = proof.map((p, j) => (j === k ? flipBit(p, bit) : p));
          expect(verifyConsistency(m, n, r1, r2, mutated)).toBe(false);
        });
      }
    }
  });
});
