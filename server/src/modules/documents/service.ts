/**
 * Rendering a 执法文书 in one transaction: number, render, store, hash, sign,
 * record. `renderDocument` runs in the caller's transaction, so a case step and
 * the document it produces commit together — and a rollback takes the number
 * back with it (docs/decisions/0013-documents.md).
 */
import { randomUUID } from 'node:crypto';
import { AppError, policy, roleLabels, shanghaiDateOf } from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import type { DB } from '../../db/schema.js';
import { validationError } from '../../http/errors.js';
import { caseScope, OutOfScopeError, requireInScope } from '../../http/scope.js';
import type { UserIdentity } from '../../http/session.js';
import { appendEvent } from '../../ledger/append.js';
import { genesisHash } from '../../ledger/hash.js';
import type { EvidenceStore } from '../../storage/evidence-store.js';
import { type DocumentKind, type DocumentKindSpec, documentKinds } from './kinds.js';
import { pdfAvailability } from './pdf.js';
import { type DocumentData, dataSchema, renderDocx } from './render.js';
import {
  type DocumentStatement,
  documentSignatureValid,
  signatureAlgorithm,
  signerForUser,
  statementText,
} from './signing-keys.js';
import { effectiveTemplate, storeContent } from './templates.js';

export interface RenderDeps {
  cipher: FieldCipher;
  evidence: EvidenceStore;
}

export interface RenderInput {
  agencyId: string;
  kind: DocumentKind;
  /** The ledger stream the document belongs to (a case's: `case:<id>`); default `document:<id>`. */
  streamId?: string;
  /** The caller's structured data (checked against the kind's fields). */
  data: unknown;
  /** The user who signs; must hold one of the kind's signer roles, in the agency. */
  signerId: string;
  /** Who asked for it (the ledger actor); usually the signer. */
  actorId: string | null;
}

/** 示县交罚〔2026〕17号 */
export function formatDocumentNumber(prefix: string, code: string, year: number, serial: number): string {
  return `${prefix}${code}〔${year}〕${serial}号`;
}

/** 2026年11月24日 (GB/T 9704: Arabic numerals). */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * The next serial of (agency, kind, year): one statement that creates the counter
 * or moves it forward and returns the new value, holding the row lock until the
 * caller's transaction ends. Concurrent callers queue on that lock; a rollback
 * undoes the increment. In the caller's transaction.
 */
export async function nextSerial(db: Kysely<DB>, agencyId: string, kind: DocumentKind, year: number) {
  const row = await db
    .insertInto('document_counter')
    .values({ agency_id: agencyId, kind, year, last_serial: 1 })
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'kind', 'year'])
        .doUpdateSet((eb) => ({ last_serial: eb('document_counter.last_serial', '+', 1) })),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return row.last_serial;
}

/**
 * Takes the stream's row lock (creating the stream if new) the way appending does,
 * so every renderer locks the stream before the counter: a case step that already
 * appended to its stream and then renders cannot deadlock with a render on it.
 * Refuses a stream that belongs to another agency.
 */
async function lockStream(db: Kysely<DB>, streamId: string, agencyId: string, now: Date) {
  const stream = await db
    .insertInto('ledger_stream')
    .values({
      stream_id: streamId,
      agency_id: agencyId,
      head_seq: 0,
      head_hash: genesisHash,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('stream_id').doUpdateSet((eb) => ({ stream_id: eb.ref('excluded.stream_id') })),
    )
    .returning('agency_id')
    .executeTakeFirstOrThrow();
  if (stream.agency_id !== agencyId) throw new OutOfScopeError('文书所属的记录流');
}

async function loadSigner(db: Kysely<DB>, signerId: string, agencyId: string, kind: DocumentKind) {
  const spec: DocumentKindSpec = documentKinds[kind];
  const signer = await db
    .selectFrom('app_user')
    .select(['id', 'agency_id', 'display_name', 'roles', 'active'])
    .where('id', '=', signerId)
    .executeTakeFirst();
  if (!signer?.active || signer.agency_id !== agencyId) {
    throw new AppError('RULE_VIOLATION', '签署人须为本机关的在职用户', { field: 'signerId' });
  }
  if (!spec.signerRoles.some((role) => signer.roles.includes(role))) {
    const who = spec.signerRoles.map((role) => roleLabels[role]).join('或');
    throw new AppError('RULE_VIOLATION', `${spec.title}须由${who}签署`, { field: 'signerId' });
  }
  return signer;
}

/**
 * Numbers, renders, stores, hashes and signs a document and records it on its
 * stream. Runs in the caller's transaction (`db` must be one): the case module
 * calls this inside its own. Returns the document's id.
 */
export async function renderDocument(
  db: Kysely<DB>,
  deps: RenderDeps,
  input: RenderInput,
  now: Date,
): Promise<string> {
  const spec: DocumentKindSpec = documentKinds[input.kind];
  const parsed = dataSchema(input.kind).safeParse(input.data ?? {});
  if (!parsed.success) throw validationError(parsed.error, 'data');
  const id = randomUUID();
  const streamId = input.streamId ?? `document:${id}`;
  const agency = await db
    .selectFrom('agency')
    .select(['id', 'name', 'short_name', 'address', 'phone', 'reconsideration_body', 'litigation_court'])
    .where('id', '=', input.agencyId)
    .executeTakeFirst();
  if (!agency) throw new AppError('NOT_FOUND', '执法机关不存在');
  const signer = await loadSigner(db, input.signerId, agency.id, input.kind);
  const template = await effectiveTemplate(db, deps.evidence, agency.id, input.kind);

  // Lock order: the stream, then the counter (see lockStream).
  await lockStream(db, streamId, agency.id, now);
  const today = shanghaiDateOf(now);
  const year = Number(today.slice(0, 4));
  const serial = spec.code ? await nextSerial(db, agency.id, input.kind, year) : null;
  const number =
    spec.code && serial ? formatDocumentNumber(agency.short_name, spec.code, year, serial) : null;

  const data: DocumentData = {
    ...(parsed.data as DocumentData),
    agencyName: agency.name,
    agencyAddress: agency.address,
    agencyPhone: agency.phone,
    reconsiderationBody: agency.reconsideration_body,
    litigationCourt: agency.litigation_court,
    documentNumber: number ?? '',
    issuedOn: chineseDate(today),
    signerName: signer.display_name,
  };
  const content = renderDocx(template.content, data);
  const digest = await storeContent(deps.evidence, content);

  const signedAt = new Date(Math.floor(now.getTime()));
  const statement: DocumentStatement = {
    v: 1,
    documentId: id,
    agencyId: agency.id,
    kind: input.kind,
    number,
    sm3: digest.sm3,
    sha256: digest.sha256,
    size: digest.size,
    signerId: signer.id,
    signedAt: signedAt.toISOString(),
  };
  const key = await signerForUser(db, deps.cipher, { id: signer.id, agencyId: agency.id }, now);
  const signature = key.sign(statementText(statement));

  await db
    .insertInto('document')
    .values({
      id,
      agency_id: agency.id,
      kind: input.kind,
      title: spec.title,
      year: serial ? year : null,
      serial,
      number,
      stream_id: streamId,
      template_source: template.source,
      template_sha256: template.sha256,
      sha256: digest.sha256,
      sm3: digest.sm3,
      size: digest.size,
      signer_id: signer.id,
      signer_name: signer.display_name,
      signer_public_key: key.publicKey,
      signature,
      signed_at: signedAt,
      created_by: input.actorId,
      created_at: now,
    })
    .execute();
  await appendEvent(
    db,
    {
      streamId,
      agencyId: agency.id,
      actorId: input.actorId,
      kind: 'document.rendered',
      payload: {
        documentId: id,
        kind: input.kind,
        title: spec.title,
        number,
        sha256: digest.sha256,
        sm3: digest.sm3,
        size: digest.size,
        templateSource: template.source,
        templateSha256: template.sha256,
        signerId: signer.id,
        signerName: signer.display_name,
        publicKey: key.publicKey,
        signature,
        signedAt: statement.signedAt,
      },
    },
    now,
  );
  return id;
}

/** The document row if it exists and its agency is in the user's scope; otherwise NOT_FOUND. */
export async function loadDocument(db: Kysely<DB>, user: UserIdentity, id: string) {
  const row = await db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst();
  return requireInScope(db, user, row, '文书', caseScope);
}

export type DocumentRow = Awaited<ReturnType<typeof loadDocument>>;

/**
 * May this user download the document's file? It names the party fully, ID number included
 * (SEC-14): the heads, legal reviewers and archivists may (document.download); an officer or
 * auxiliary only a document of a case they are on, or one they made or signed. The others who
 * read documents see the details and the download record, not the file.
 */
export async function mayDownload(
  db: Kysely<DB>,
  user: Pick<UserIdentity, 'id' | 'roles'>,
  row: Pick<DocumentRow, 'stream_id' | 'created_by' | 'signer_id'>,
): Promise<boolean> {
  if (policy['document.download'].some((role) => user.roles.includes(role))) return true;
  if (row.created_by === user.id || row.signer_id === user.id) return true;
  if (!row.stream_id.startsWith('case:')) return false;
  const onTeam = await db
    .selectFrom('case_officer')
    .innerJoin('app_user', 'app_user.person_id', 'case_officer.person_id')
    .select('case_officer.case_id')
    .where('case_officer.case_id', '=', row.stream_id.slice('case:'.length))
    .where('app_user.id', '=', user.id)
    .executeTakeFirst();
  return onTeam !== undefined;
}

export async function requireDownload(db: Kysely<DB>, user: UserIdentity, row: DocumentRow): Promise<void> {
  if (!(await mayDownload(db, user, row))) {
    throw new AppError(
      'FORBIDDEN',
      '文书载有当事人完整身份信息：只有本案办案人员、负责人、法制审核人员和档案管理员可以下载，您可查看文书信息和下载记录',
    );
  }
}

export function statementOf(row: DocumentRow): DocumentStatement {
  return {
    v: 1,
    documentId: row.id,
    agencyId: row.agency_id,
    kind: row.kind,
    number: row.number,
    sm3: row.sm3,
    sha256: row.sha256,
    size: row.size,
    signerId: row.signer_id,
    signedAt: row.signed_at.toISOString(),
  };
}

export function presentDocument(row: DocumentRow) {
  const pdf = pdfAvailability();
  return {
    id: row.id,
    agencyId: row.agency_id,
    kind: row.kind,
    title: row.title,
    number: row.number,
    year: row.year,
    serial: row.serial,
    streamId: row.stream_id,
    template: { source: row.template_source, sha256: row.template_sha256 },
    sha256: row.sha256,
    sm3: row.sm3,
    size: row.size,
    signature: {
      algorithm: signatureAlgorithm,
      signerId: row.signer_id,
      signerName: row.signer_name,
      publicKey: row.signer_public_key,
      signedAt: row.signed_at.toISOString(),
      /** The exact text signed: RFC 8785 canonical JSON binding the SM3 hash to the document. */
      statement: statementText(statementOf(row)),
      value: row.signature,
    },
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    contentUrl: `/api/documents/${row.id}/content`,
    pdf,
    pdfUrl: pdf === 'available' ? `/api/documents/${row.id}/pdf` : null,
    // Documents are never changed (append-only); a correction is a new document.
    actions: { read: true },
  };
}

/** Re-hashes the stored content and checks the signature against the row's SM3 hash. */
export async function verifyDocument(store: EvidenceStore, row: DocumentRow) {
  const digest = await store.rehash(row.sha256);
  const contentIntact = digest !== null && digest.sm3 === row.sm3 && digest.size === row.size;
  const signatureValid = documentSignatureValid(statementOf(row), row.signature, row.signer_public_key);
  const problem = !digest
    ? '文书文件缺失'
    : !contentIntact
      ? '文书文件与记录的哈希不符，可能已被篡改'
      : !signatureValid
        ? '签名无效：签署内容与记录不符'
        : null;
  return { contentIntact, signatureValid, problem };
}
