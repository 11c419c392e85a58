/**
 * The ledger explorer's endpoints (全过程记录: audit administrator, supervisors)
 * and the shapes they return. Inclusion proofs and consistency proofs are
 * fetched as JSON and saved as files; checkpoints download from a plain link.
 */
import { api } from '../../app/api';

export type BreakProblem = 'hash' | 'link' | 'sequence' | 'head';

/** The first place where a recomputed chain differs from what is stored. */
export interface BrokenLink {
  streamId: string;
  seq: number;
  problem: BreakProblem;
  detail: string;
}

export interface ChainVerification {
  ok: boolean;
  streams: number;
  events: number;
  firstBreak: BrokenLink | null;
}

export interface VerifyReport {
  ledger: ChainVerification;
  checkpoints: { checkpoints: number; problem: string | null };
}

export interface LedgerStream {
  streamId: string;
  agencyId: string | null;
  headSeq: number;
  headHash: string;
  updatedAt: string;
}

export interface LedgerEvent {
  id: number;
  streamId: string;
  seq: number;
  occurredAt: string;
  actorId: string | null;
  agencyId: string | null;
  kind: string;
  payload: unknown;
  prevHash: string;
  hash: string;
  /** Null for the system itself (timers, migrations). */
  actor: { username: string; displayName: string | null } | null;
}

/** One page of a stream's events; the verification covers the whole stream. */
export interface StreamEvents {
  streamId: string;
  verification: ChainVerification;
  total: number;
  page: number;
  pageSize: number;
  items: LedgerEvent[];
}

/** A signed checkpoint as exported: enough to check it with only the public key. */
export interface ExportedCheckpoint {
  v: 1;
  treeSize: number;
  root: string;
  createdAt: string;
  publicKey: string;
  signature: string;
  algorithm: string;
  hashing: string;
  leafData: string;
}

export interface Checkpoint extends ExportedCheckpoint {
  id: number;
}

export interface CheckpointList {
  items: Checkpoint[];
  actions: { create: boolean };
}

export type SignResult =
  | ({ created: true; id: number } & ExportedCheckpoint)
  | { created: false; message: string };

export interface ConsistencyProof {
  from: ExportedCheckpoint;
  to: ExportedCheckpoint;
  proof: string[];
}

export const ledgerApi = {
  verify: () => api.get<VerifyReport>('/api/ledger/verify'),
  streams: (prefix?: string) => api.get<{ items: LedgerStream[] }>('/api/ledger/streams', { prefix }),
  events: (streamId: string, page: number, pageSize: number) =>
    api.get<StreamEvents>(`/api/ledger/streams/${encodeURIComponent(streamId)}/events`, {
      page: String(page),
      pageSize: String(pageSize),
      order: 'desc',
    }),
  proof: (eventId: number) => api.get<unknown>(`/api/ledger/events/${eventId}/proof`),
  checkpoints: () => api.get<CheckpointList>('/api/ledger/checkpoints'),
  sign: () => api.post<SignResult>('/api/ledger/checkpoints'),
  publicKey: () => api.get<{ algorithm: string; publicKey: string }>('/api/ledger/public-key'),
  consistency: (from: number, to: number) =>
    api.get<ConsistencyProof>('/api/ledger/consistency', { from, to }),
};

/** A plain link: the browser sends the session cookie and saves the attachment. */
export const checkpointExportUrl = (id: number) => `/api/ledger/checkpoints/${id}/export`;

/**
 * A stream's self-verifying package (zip: events, evidence files, signed checkpoint,
 * proof, README), also a plain link. Each download is recorded on the ledger.
 */
export const streamPackageUrl = (streamId: string) =>
  `/api/ledger/streams/${encodeURIComponent(streamId)}/package`;

/** A stream id in a file name: `user:…` has a colon, which some systems refuse. */
export const fileSafe = (text: string) => text.replace(/[^\w.-]+/g, '_');

/** Saves a value as a pretty-printed JSON file. */
export function downloadJson(value: unknown, fileName: string): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
