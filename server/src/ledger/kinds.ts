/**
 * Every kind of ledger event with the schema of its payload: one typed payload
 * per kind, so a stream can be read back without guessing.
 */
import { z } from 'zod';
import { caseLedgerPayloadSchemas } from '../modules/cases/ledger.js';
import { signedEvidenceSchema } from './package-format.js';

const json = z.json();

/**
 * What `evidence.stored` records of a file, and (with its id) `ledger.exported` since package
 * format /2: the package's signed evidence record, one schema for both.
 */
const storedEvidence = signedEvidenceSchema.omit({ id: true });

export const ledgerPayloadSchemas = {
  'settings.changed': z.strictObject({
    version: z.number().int(),
    changed: z.array(z.string()),
    note: z.string(),
  }),
  'calendar.changed': z.strictObject({ target: z.string(), change: json }),
  'agency.created': z.strictObject({ name: z.string(), creditCode: z.string() }),
  'agency.updated': z.strictObject({ change: json }),
  'unit.created': z.strictObject({ name: z.string() }),
  'unit.updated': z.strictObject({ change: json }),
  'person.created': z.strictObject({ name: z.string(), kind: z.string() }),
  'person.updated': z.strictObject({ change: json }),
  'user.created': z.strictObject({ username: z.string(), roles: z.array(z.string()) }),
  'user.updated': z.strictObject({ change: json }),
  'user.passwordReset': z.strictObject({}),
  // Chain of custody (R7): what was stored, and each time anyone looked at it.
  'evidence.stored': storedEvidence,
  'evidence.accessed': z.strictObject({
    access: z.enum(['metadata', 'view', 'download']),
    /** The byte range served (`bytes=first-last`), or null for the whole file. */
    range: z.string().nullable(),
  }),
  // 行政执法证件 (Q1) on the stream certificate:<id>; leaving and the auxiliary register (Q2) on person:<id>.
  'certificate.issued': z.strictObject({
    number: z.string(),
    personId: z.string(),
    personName: z.string(),
    categories: z.array(z.string()),
    regionCode: z.string(),
    regionName: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    issuingAuthority: z.string(),
    annualCheckDue: z.string(),
  }),
  'certificate.annualCheck': z.strictObject({
    result: z.enum(['passed', 'failed']),
    checkedOn: z.string(),
    nextDue: z.string().nullable(),
    note: z.string(),
  }),
  'certificate.suspended': z.strictObject({ reason: z.string() }),
  'certificate.reinstated': z.strictObject({ reason: z.string() }),
  'certificate.revoked': z.strictObject({ kind: z.enum(['revoked', 'cancelled']), reason: z.string() }),
  'certificate.cancellationRequested': z.strictObject({
    cancellationId: z.string(),
    addressedToAgencyId: z.string().nullable(),
    reason: z.string(),
  }),
  'certificate.cancellationCompleted': z.strictObject({ cancellationId: z.string(), note: z.string() }),
  'person.leftEnforcement': z.strictObject({ leftOn: z.string(), reason: z.string() }),
  'auxiliary.registered': z.strictObject({
    duties: z.string(),
    supervisingPersonId: z.string().nullable(),
    registeredOn: z.string(),
  }),
  'auxiliary.updated': z.strictObject({ change: json }),
  // 法律法规库 on the stream law:<id> (deployment-wide: no agency).
  'law.created': z.strictObject({ title: z.string(), effectiveOn: z.string() }),
  'law.updated': z.strictObject({ change: json }),
  'law.articlesChanged': z.strictObject({
    added: z.array(z.string()),
    updated: z.array(z.string()),
    source: z.enum(['single', 'bulk']),
  }),
  // 行政执法事项 (P3) on the stream enforcementItem:<id>.
  'enforcementItem.created': z.strictObject({
    code: z.string(),
    name: z.string(),
    type: z.string(),
    basisArticleIds: z.array(z.string()),
    source: z.enum(['form', 'import']),
  }),
  'enforcementItem.edited': z.strictObject({
    version: z.number().int(),
    revision: z.number().int(),
    newVersion: z.boolean(),
    change: json,
    source: z.enum(['form', 'import']),
  }),
  'enforcementItem.legalityReviewed': z.strictObject({
    version: z.number().int(),
    revision: z.number().int(),
    result: z.enum(['passed', 'failed']),
    opinion: z.string(),
    reviewerName: z.string(),
  }),
  // The publication workflow (P1, P10, P11), on the stream of the published subject (<kind>:<id>).
  'publication.submitted': z.strictObject({ subjectKind: z.string(), version: z.number().int() }),
  'publication.returned': z.strictObject({
    subjectKind: z.string(),
    version: z.number().int(),
    reason: z.string(),
  }),
  'publication.published': z.strictObject({ subjectKind: z.string(), version: z.number().int() }),
  'publication.corrected': z.strictObject({
    subjectKind: z.string(),
    version: z.number().int(),
    supersededVersion: z.number().int(),
    note: z.string(),
  }),
  'publication.withdrawn': z.strictObject({
    subjectKind: z.string(),
    version: z.number().int(),
    reason: z.string(),
  }),
  // 培训台账 (Q3) on the stream training:<agencyId>:<year>: the year's ledger of one agency.
  'training.planSaved': z.strictObject({
    year: z.number().int(),
    content: z.string(),
    plannedCourses: z.number().int(),
    plannedHours: z.number(),
    filedOn: z.string().nullable(),
  }),
  'training.courseAdded': z.strictObject({
    courseId: z.string(),
    title: z.string(),
    heldOn: z.string(),
    hours: z.number(),
    kind: z.string(),
    organiser: z.string(),
    location: z.string(),
  }),
  'training.courseUpdated': z.strictObject({ courseId: z.string(), change: json }),
  'training.attendanceRecorded': z.strictObject({
    source: z.enum(['form', 'import']),
    /** SHA-256 of the imported sheet; null when typed in the console. */
    sheetSha256: z.string().nullable(),
    entries: z.array(
      z.strictObject({
        courseId: z.string(),
        personId: z.string(),
        present: z.boolean(),
        hoursCredited: z.number(),
      }),
    ),
  }),
  'training.examAdded': z.strictObject({
    examId: z.string(),
    title: z.string(),
    heldOn: z.string(),
    courseId: z.string().nullable(),
    fullMark: z.number(),
    passMark: z.number(),
  }),
  'training.scoresRecorded': z.strictObject({
    examId: z.string(),
    scores: z.array(z.strictObject({ personId: z.string(), score: z.number() })),
  }),
  // 法制审核人员 (L2) on the stream person:<id>.
  'reviewer.registered': z.strictObject({
    membership: z.string(),
    qualification: z.string(),
    appointedOn: z.string(),
  }),
  'reviewer.updated': z.strictObject({ change: json }),
  // The agency's public profile (P2) on agency:<id>; window boards (P8) on windowBoard:<id>.
  'agency.profileUpdated': z.strictObject({ change: json }),
  // The agency's 音像记录事项清单 (R5) on agency:<id>: each version whole.
  'recordingList.changed': z.strictObject({ version: z.number().int(), note: z.string(), entries: json }),
  'windowBoard.created': z.strictObject({ board: json }),
  'windowBoard.updated': z.strictObject({ change: json }),
  'windowBoard.removed': z.strictObject({ name: z.string() }),
  // 事前公开 lists (P4, P5, X4, Q8) on the stream <kind>:<id> (serviceGuide, inspectionItem,
  // discretionBenchmark, exemption), the same stream as their publication events.
  'listEntry.created': z.strictObject({
    listKind: z.string(),
    title: z.string(),
    enforcementItemId: z.string().nullable(),
    basisArticleIds: z.array(z.string()),
    content: json,
  }),
  'listEntry.edited': z.strictObject({
    listKind: z.string(),
    version: z.number().int(),
    newVersion: z.boolean(),
    title: z.string(),
    enforcementItemId: z.string().nullable(),
    basisArticleIds: z.array(z.string()),
    content: json,
    changeNote: z.string(),
  }),
  /**
   * The stream was exported as a self-verifying package (zip). Recorded on the exported
   * stream itself, before the checkpoint the package carries: the package proves its own export.
   */
  'ledger.exported': z.strictObject({
    format: z.string(),
    /** How many evidence files the package carries (each also recorded as a download). */
    evidenceFiles: z.number().int(),
    /** Since zhifa-ledger-package/2: each file's hashes and capture metadata, under the signature (SEC-1). */
    evidence: z.array(signedEvidenceSchema).optional(),
  }),
  // 执法文书 on the stream its caller names (a case's: case:<id>); templates on documentTemplates:<agencyId>.
  'document.rendered': z.strictObject({
    documentId: z.string(),
    kind: z.string(),
    title: z.string(),
    number: z.string().nullable(),
    sha256: z.string(),
    sm3: z.string(),
    size: z.number().int(),
    templateSource: z.enum(['default', 'agency']),
    templateSha256: z.string(),
    signerId: z.string(),
    signerName: z.string(),
    publicKey: z.string(),
    signature: z.string(),
    signedAt: z.string(),
  }),
  'document.accessed': z.strictObject({
    documentId: z.string(),
    access: z.enum(['docx', 'pdf']),
  }),
  'documentTemplate.replaced': z.strictObject({
    kind: z.string(),
    sha256: z.string(),
    sm3: z.string(),
    size: z.number().int(),
    originalName: z.string().nullable(),
    previousSha256: z.string().nullable(),
  }),
  'documentTemplate.reset': z.strictObject({ kind: z.string(), previousSha256: z.string() }),
  // 案件办理 (issue 6) on the stream case:<id>: registration, officers, 笔录, evidence, facts, moves.
  ...caseLedgerPayloadSchemas,
  'test.note': z.strictObject({ text: z.string() }),
} as const;

/**
 * Which evidence a stream refers to — what a ledger package carries: the stream
 * evidence:<id> refers to its own file, and any event whose payload has a top-level
 * `evidenceId` (a string) or `evidenceIds` (an array of strings) refers to those.
 * Kinds that attach evidence (a case's, later) name it with these fields and no others.
 */
export function referencedEvidenceIds(streamId: string, events: Iterable<{ payload: unknown }>): string[] {
  const ids = new Set<string>();
  const own = /^evidence:(.+)$/.exec(streamId)?.[1];
  if (own) ids.add(own);
  for (const { payload } of events) {
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) continue;
    const { evidenceId, evidenceIds } = payload as { evidenceId?: unknown; evidenceIds?: unknown };
    if (typeof evidenceId === 'string') ids.add(evidenceId);
    if (Array.isArray(evidenceIds)) for (const id of evidenceIds) if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}

export type LedgerEventKind = keyof typeof ledgerPayloadSchemas;
export type LedgerPayload<K extends LedgerEventKind> = z.input<(typeof ledgerPayloadSchemas)[K]>;
