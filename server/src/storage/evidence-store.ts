/**
 * The evidence store: content-addressed (by SHA-256), write-once storage for
 * audio, video, photos and documents. One interface so the local directory of
 * the embedded deployment and an S3-compatible object store can be swapped:
 * callers stage a stream (hashed as it passes, never held in memory), decide,
 * then commit — so nothing is visible before the caller accepted it.
 */
import type { Readable } from 'node:stream';
import { AppError } from '@zhifa/core';

export interface ContentDigest {
  sha256: string;
  sm3: string;
  size: number;
}

/** Uploaded bytes, hashed, not yet visible under their address. */
export interface StagedContent extends ContentDigest {
  /** The first bytes (at most `headBytes`), for telling the type from the content. */
  head: Buffer;
  /** Makes the content visible under its SHA-256; content already stored is never rewritten. */
  commit(): Promise<{ alreadyStored: boolean }>;
  /** Drops the staged bytes; harmless after commit or when called twice. */
  discard(): Promise<void>;
}

/** Inclusive byte offsets, as in HTTP ranges. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StageOptions {
  /** Refuse (PAYLOAD_TOO_LARGE) as soon as the stream passes this many bytes. */
  maxBytes: number;
}

export interface EvidenceStore {
  stage(source: Readable, options: StageOptions): Promise<StagedContent>;
  /**
   * The bytes of `range` (default: all) of stored content. The whole content is
   * re-hashed as it is read and the last bytes are only released once it still
   * matches `expected`; otherwise the stream is destroyed with an
   * EVIDENCE_INTEGRITY_FAILED error. Missing content fails before any byte.
   */
  read(expected: { sha256: string; size: number }, range?: ByteRange): Promise<Readable>;
  /** Recomputes SHA-256, SM3 and size of stored content; null if it is missing. */
  rehash(sha256: string): Promise<ContentDigest | null>;
}

export const headBytes = 64 * 1024;

export const sha256Pattern = /^[0-9a-f]{64}$/;

export function integrityError(sha256: string, what: string): AppError {
  return new AppError(
    'EVIDENCE_INTEGRITY_FAILED',
    `证据文件 ${sha256.slice(0, 12)}… 校验失败（${what}），可能已被篡改或丢失，请联系系统管理员`,
  );
}

/**
 * The storage itself failed (object store unreachable, refused the request): the
 * server's fault, never the client's, whatever stream was being stored.
 */
export class EvidenceStoreError extends Error {
  override readonly name = 'EvidenceStoreError';
}

/** How a store reports a failed integrity check; the HTTP response alone would go unnoticed. */
export type IntegrityLog = (event: { sha256: string; problem: string }) => void;

export const logToStderr: IntegrityLog = (event) =>
  console.error(JSON.stringify({ level: 'error', msg: 'evidence integrity check failed', ...event }));
