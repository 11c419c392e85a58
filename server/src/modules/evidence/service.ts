/**
 * Evidence records: the row pointing at stored content, its ledger events
 * (the chain of custody on stream evidence:<id>), and the one presenter.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DB, EvidenceTable } from '../../db/schema.js';
import { caseScope, requireInScope } from '../../http/scope.js';
import type { CurrentUser } from '../../http/session.js';
import { appendEvent } from '../../ledger/append.js';
import type { ContentDigest } from '../../storage/evidence-store.js';
import { caseStream } from '../cases/service.js';
import type { CaptureFields } from './upload.js';

export const evidenceStream = (id: string) => `evidence:${id}`;

export interface NewEvidence {
  digest: ContentDigest;
  mediaType: string;
  originalName: string | null;
  fields: CaptureFields;
}

/** Inserts the row and its `evidence.stored` event; call inside one transaction. */
export async function recordEvidence(
  db: Kysely<DB>,
  user: CurrentUser,
  input: NewEvidence,
  now: Date,
): Promise<string> {
  const { digest, fields } = input;
  const capturedAt = new Date(fields.capturedAt);
  const row = await db
    .insertInto('evidence')
    .values({
      agency_id: user.agencyId,
      sha256: digest.sha256,
      sm3: digest.sm3,
      size: digest.size,
      media_type: input.mediaType,
      original_name: input.originalName,
      captured_by: fields.capturedBy,
      captured_at: capturedAt,
      location: fields.location ?? null,
      device_id: fields.deviceId ?? null,
      duration_seconds: fields.durationSeconds ?? null,
      uploaded_by: user.id,
      uploaded_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendEvent(
    db,
    {
      streamId: evidenceStream(row.id),
      agencyId: user.agencyId,
      actorId: user.id,
      kind: 'evidence.stored',
      payload: {
        ...digest,
        mediaType: input.mediaType,
        originalName: input.originalName,
        capturedBy: fields.capturedBy,
        capturedAt: capturedAt.toISOString(),
        location: fields.location ?? null,
        deviceId: fields.deviceId ?? null,
        durationSeconds: fields.durationSeconds ?? null,
      },
    },
    now,
  );
  return row.id;
}

/**
 * Records one look at a piece of evidence on its chain of custody (stream
 * evidence:<id>) and on the stream of every case it is linked to, so a case's
 * record shows who saw its evidence: metadata read, viewed, or downloaded — by
 * the content route and by every ledger package that carries the file. Runs in
 * the caller's transaction; streams are locked evidence first, then cases in id
 * order, so concurrent accesses cannot deadlock.
 */
export async function recordEvidenceAccess(
  db: Kysely<DB>,
  evidence: { id: string; agency_id: string },
  access: { actorId: string | null; access: 'metadata' | 'view' | 'download'; range: string | null },
  now: Date,
) {
  await appendEvent(
    db,
    {
      streamId: evidenceStream(evidence.id),
      agencyId: evidence.agency_id,
      actorId: access.actorId,
      kind: 'evidence.accessed',
      payload: { access: access.access, range: access.range },
    },
    now,
  );
  const cases = await db
    .selectFrom('case_evidence')
    .select('case_id')
    .distinct()
    .where('evidence_id', '=', evidence.id)
    .orderBy('case_id')
    .execute();
  for (const { case_id } of cases)
    await appendEvent(
      db,
      {
        streamId: caseStream(case_id),
        agencyId: evidence.agency_id,
        actorId: access.actorId,
        kind: 'case.evidenceAccessed',
        payload: { evidenceId: evidence.id, access: access.access, range: access.range },
      },
      now,
    );
}

const columns = [
  'e.id',
  'e.agency_id',
  'e.sha256',
  'e.sm3',
  'e.size',
  'e.media_type',
  'e.original_name',
  'e.captured_by',
  'e.captured_at',
  'e.location',
  'e.device_id',
  'e.duration_seconds',
  'e.uploaded_at',
  'e.uploaded_by',
  'u.display_name as uploader_name',
] as const;

/** The evidence row if it exists and its agency is in the user's scope; otherwise NOT_FOUND. */
export async function loadEvidence(db: Kysely<DB>, user: CurrentUser, id: string) {
  const row = await db
    .selectFrom('evidence as e')
    .innerJoin('app_user as u', 'u.id', 'e.uploaded_by')
    .select(columns)
    .where('e.id', '=', id)
    .executeTakeFirst();
  return requireInScope(db, user, row, '证据', caseScope);
}

export type EvidenceRow = Awaited<ReturnType<typeof loadEvidence>>;

/** A row's hashes and capture metadata as its `evidence.stored` event records them. */
export const storedRecord = (
  row: Pick<
    Selectable<EvidenceTable>,
    | 'sha256'
    | 'sm3'
    | 'size'
    | 'media_type'
    | 'original_name'
    | 'captured_by'
    | 'captured_at'
    | 'location'
    | 'device_id'
    | 'duration_seconds'
  >,
) => ({
  sha256: row.sha256,
  sm3: row.sm3,
  size: row.size,
  mediaType: row.media_type,
  originalName: row.original_name,
  capturedBy: row.captured_by,
  capturedAt: row.captured_at.toISOString(),
  location: row.location,
  deviceId: row.device_id,
  durationSeconds: row.duration_seconds,
});

export function presentEvidence(row: EvidenceRow) {
  return {
    id: row.id,
    agencyId: row.agency_id,
    ...storedRecord(row),
    uploadedBy: { id: row.uploaded_by, displayName: row.uploader_name },
    uploadedAt: row.uploaded_at.toISOString(),
    contentUrl: `/api/evidence/${row.id}/content`,
    // Evidence is never changed or deleted (append-only); reading is the one action.
    actions: { read: true },
  };
}
