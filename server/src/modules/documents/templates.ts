/**
 * The template of a kind for an agency: the agency's own (document_template,
 * content in the evidence store) or the default shipped in server/templates/.
 * Uploading and resetting are ledger events on documentTemplates:<agencyId>.
 */
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { appendEvent } from '../../ledger/append.js';
import type { ContentDigest, EvidenceStore } from '../../storage/evidence-store.js';
import { sha256Hex, sm3Hex } from './hashes.js';
import type { DocumentKind } from './kinds.js';
import { inspectTemplate } from './render.js';

export const templateStream = (agencyId: string) => `documentTemplates:${agencyId}`;

/** Largest template accepted (a JSON body carries it in base64 within the 1 MiB body limit). */
export const maxTemplateBytes = 700 * 1024;

const defaultsDir = new URL('../../../templates/', import.meta.url);
const defaults = new Map<DocumentKind, Promise<Buffer>>();

export function defaultTemplate(kind: DocumentKind): Promise<Buffer> {
  let content = defaults.get(kind);
  if (!content) {
    content = readFile(new URL(`${kind}.docx`, defaultsDir));
    defaults.set(kind, content);
  }
  return content;
}

export interface EffectiveTemplate {
  source: 'default' | 'agency';
  content: Buffer;
  sha256: string;
  sm3: string;
  size: number;
  originalName: string | null;
  uploadedAt: Date | null;
}

export async function readStored(store: EvidenceStore, expected: { sha256: string; size: number }) {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.read(expected)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function effectiveTemplate(
  db: Kysely<DB>,
  store: EvidenceStore,
  agencyId: string,
  kind: DocumentKind,
): Promise<EffectiveTemplate> {
  const own = await db
    .selectFrom('document_template')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (own) {
    return {
      source: 'agency',
      content: await readStored(store, own),
      sha256: own.sha256,
      sm3: own.sm3,
      size: own.size,
      originalName: own.original_name,
      uploadedAt: own.uploaded_at,
    };
  }
  const content = await defaultTemplate(kind);
  return {
    source: 'default',
    content,
    sha256: sha256Hex(content),
    sm3: sm3Hex(content),
    size: content.length,
    originalName: null,
    uploadedAt: null,
  };
}

/** Stores content in the evidence store (write-once; already-stored content is shared). */
export async function storeContent(store: EvidenceStore, content: Buffer): Promise<ContentDigest> {
  const staged = await store.stage(Readable.from([content]), { maxBytes: content.length + 1 });
  try {
    await staged.commit();
  } finally {
    await staged.discard();
  }
  return { sha256: staged.sha256, sm3: staged.sm3, size: staged.size };
}

/**
 * Replaces the agency's template of a kind after checking it (a .docx using only
 * the kind's fields). The content is stored before the row: a rollback leaves an
 * unreferenced file, never a row without its file. In the caller's transaction.
 */
export async function replaceTemplate(
  db: Kysely<DB>,
  store: EvidenceStore,
  input: { agencyId: string; kind: DocumentKind; content: Buffer; originalName: string | null },
  actorId: string,
  now: Date,
) {
  inspectTemplate(input.kind, input.content);
  const digest = await storeContent(store, input.content);
  const previous = await db
    .selectFrom('document_template')
    .select('sha256')
    .where('agency_id', '=', input.agencyId)
    .where('kind', '=', input.kind)
    .executeTakeFirst();
  const row = {
    sha256: digest.sha256,
    sm3: digest.sm3,
    size: digest.size,
    original_name: input.originalName,
    uploaded_by: actorId,
    uploaded_at: now,
  };
  await db
    .insertInto('document_template')
    .values({ agency_id: input.agencyId, kind: input.kind, ...row })
    .onConflict((oc) => oc.columns(['agency_id', 'kind']).doUpdateSet(row))
    .execute();
  await appendEvent(
    db,
    {
      streamId: templateStream(input.agencyId),
      agencyId: input.agencyId,
      actorId,
      kind: 'documentTemplate.replaced',
      payload: {
        kind: input.kind,
        ...digest,
        originalName: input.originalName,
        previousSha256: previous?.sha256 ?? null,
      },
    },
    now,
  );
}

/** Back to the default template; false when the agency had not replaced it. */
export async function resetTemplate(
  db: Kysely<DB>,
  input: { agencyId: string; kind: DocumentKind },
  actorId: string,
  now: Date,
): Promise<boolean> {
  const removed = await db
    .deleteFrom('document_template')
    .where('agency_id', '=', input.agencyId)
    .where('kind', '=', input.kind)
    .returning('sha256')
    .executeTakeFirst();
  if (!removed) return false;
  await appendEvent(
    db,
    {
      streamId: templateStream(input.agencyId),
      agencyId: input.agencyId,
      actorId,
      kind: 'documentTemplate.reset',
      payload: { kind: input.kind, previousSha256: removed.sha256 },
    },
    now,
  );
  return true;
}
