/**
 * Case use cases that are not fact steps or moves: register a source (案件来源登记),
 * assign the officers, add a 笔录, link evidence. Each runs in the route's
 * transaction; the caller records the ledger event. Also the helpers every
 * change goes through: lock the case (scope, archive, version), save it.
 */
import {
  AppError,
  blockingRefusals,
  checkLimitation,
  findStage,
  isRefusal,
  processDefinition,
  type Refusal,
  type RuleContext,
  refusalToAppError,
} from '@zhifa/core';
import type { Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import type { DB, EnforcementCaseTable } from '../../db/schema.js';
import { caseScope, notFound, requireInScope } from '../../http/scope.js';
import type { CurrentUser } from '../../http/session.js';
import { writeClocks } from './clocks.js';
import type { CaseRow } from './facts.js';
import { partyColumns } from './party.js';
import type { evidenceBody, officersBody, registerBody, StoredFacts } from './schema.js';

export const caseStream = (id: string) => `case:${id}`;

/** Processes whose registration checks the limitation period (N10). */
export const penaltyProcesses = new Set(['penaltyGeneral', 'penaltySimple']);

/**
 * Throws the first blocking refusal as the platform's error (RULE_VIOLATION, the
 * rule ID in the message), listing every blocking refusal in the details.
 */
export function throwIfBlocked(refusals: readonly Refusal[]): void {
  const blocking = blockingRefusals(refusals);
  if (blocking.length === 0) return;
  const error = refusalToAppError(blocking[0]!);
  if (blocking.length === 1) throw error;
  throw new AppError(error.code, error.message, {
    ...(error.field !== undefined && { field: error.field }),
    details: blocking.map((r) => ({ field: r.field ?? r.rule, message: `${r.message}（${r.rule}）` })),
  });
}

/** Non-blocking refusals as they are kept with the act on the ledger. */
export const latenessOf = (refusals: readonly Refusal[]) =>
  refusals.filter((r) => !r.blocking).map((r) => ({ rule: r.rule, code: r.code, message: r.message }));

export function requireNotArchived(row: Pick<CaseRow, 'archived_at'>): void {
  if (row.archived_at)
    throw new AppError('RULE_VIOLATION', '案件已归档，案卷只读，不能再修改', { field: 'archivedAt' });
}

/**
 * The case, locked for the change: NOT_FOUND outside the user's scope,
 * refused when archived, CONFLICT when the change was made on an older version.
 */
export async function lockCase(
  db: Kysely<DB>,
  user: CurrentUser,
  id: string,
  expectedVersion?: number,
): Promise<CaseRow> {
  const row = await db
    .selectFrom('enforcement_case')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  await requireInScope(db, user, row, '案件', caseScope);
  requireNotArchived(row!);
  if (expectedVersion !== undefined && row!.version !== expectedVersion)
    throw new AppError(
      'CONFLICT',
      `案件已被他人修改（当前版本 ${row!.version}，提交的版本 ${expectedVersion}），请刷新后重试`,
      { field: 'body.version' },
    );
  return row!;
}

/** Writes a change, moves the version on and recounts the case's clocks; returns the new version. */
export async function saveCase(
  db: Kysely<DB>,
  row: CaseRow,
  change: Updateable<EnforcementCaseTable> & { facts?: string },
  now: Date,
  rule: RuleContext,
): Promise<number> {
  const updated = await db
    .updateTable('enforcement_case')
    .set({ ...change, version: row.version + 1, updated_at: now })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new AppError('CONFLICT', '案件已被他人修改，请刷新后重试', { field: 'body.version' });
  await writeClocks(db, [updated], rule);
  return updated.version;
}

export const serialiseFacts = (facts: StoredFacts) => JSON.stringify(facts);

/** An item of the agency's own 权责清单, or 404 (another agency's item is not this case's to name). */
export async function requireAgencyItem(db: Kysely<DB>, itemId: string, agencyId: string): Promise<string> {
  const item = await db
    .selectFrom('enforcement_item')
    .select(['id', 'agency_id'])
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item || item.agency_id !== agencyId) throw notFound('执法事项');
  return item.id;
}

/** 案件来源登记: the case starts at its process's first stage; N10 is checked for penalties. */
export async function registerCase(
  db: Kysely<DB>,
  cipher: FieldCipher,
  user: CurrentUser,
  input: z.output<typeof registerBody>,
  context: RuleContext,
  now: Date,
) {
  const definition = processDefinition(input.processKind);
  const initial = findStage(definition, definition.initial)!;
  const sources = initial.sources;
  if (sources && !sources.some((s) => s.id === input.source))
    throw new AppError(
      'VALIDATION_FAILED',
      `案件来源应为：${sources.map((s) => `${s.id}（${s.label}）`).join('、')}`,
      { field: 'body.source' },
    );
  if (input.discoveredOn > context.today)
    throw new AppError('VALIDATION_FAILED', '发现日期不能晚于今天', { field: 'body.discoveredOn' });
  const stored: StoredFacts = { discoveredOn: input.discoveredOn };
  if (input.violation) {
    const { occurredOn, endedOn } = input.violation;
    if (occurredOn > input.discoveredOn)
      throw new AppError('VALIDATION_FAILED', '违法行为发生日期不能晚于发现日期', {
        field: 'body.violation.occurredOn',
      });
    if (endedOn && (endedOn < occurredOn || endedOn > context.today))
      throw new AppError('VALIDATION_FAILED', '违法行为终了日期应在发生日期之后、不晚于今天', {
        field: 'body.violation.endedOn',
      });
    stored.violation = input.violation;
  }
  if (penaltyProcesses.has(input.processKind)) {
    if (!input.violation)
      throw new AppError('VALIDATION_FAILED', '请填写违法行为发生日期', { field: 'body.violation' });
    const limitation = checkLimitation(
      { processKind: input.processKind, violation: input.violation, discoveredOn: input.discoveredOn },
      context,
    );
    if (isRefusal(limitation)) throw refusalToAppError(limitation);
  }
  const { kind: partyKind, name: partyName, ...details } = input.party;
  const party = partyColumns(partyKind, details, cipher, 'body.party');
  if (input.enforcementItemId) await requireAgencyItem(db, input.enforcementItemId, user.agencyId);
  const row = await db
    .insertInto('enforcement_case')
    .values({
      agency_id: user.agencyId,
      process_kind: input.processKind,
      stage: definition.initial,
      title: input.title,
      source: input.source,
      source_note: input.sourceNote ?? '',
      party_kind: partyKind,
      party_name: partyName,
      party_id_number_cipher: null,
      party_id_number_masked: null,
      ...party,
      enforcement_item_id: input.enforcementItemId ?? null,
      facts: serialiseFacts(stored),
      created_by: user.id,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeClocks(db, [row], context);
  return row;
}

/**
 * Replaces the case's team. Officers of the case's agency only; an auxiliary
 * is recorded only as assistant (Q2), an officer never as assistant.
 */
export async function assignOfficers(
  db: Kysely<DB>,
  row: CaseRow,
  input: z.output<typeof officersBody>,
  user: CurrentUser,
  now: Date,
) {
  const ids = input.officers.map((o) => o.personId);
  const persons = await db
    .selectFrom('person')
    .select(['id', 'name', 'kind', 'agency_id', 'active'])
    .where('id', 'in', ids)
    .execute();
  const assigned = input.officers.map((officer, index) => {
    const person = persons.find((p) => p.id === officer.personId);
    const field = `body.officers.${index}`;
    if (!person || person.agency_id !== row.agency_id) throw notFound('人员');
    if (!person.active) throw new AppError('RULE_VIOLATION', `${person.name}已不在岗`, { field });
    if (person.kind === 'auxiliary' && officer.role !== 'assistant')
      throw new AppError(
        'RULE_VIOLATION',
        `${person.name}是执法辅助人员，只能登记为协助人员，不得担任主办或协办（Q2）`,
        { field: `${field}.role` },
      );
    if (person.kind !== 'auxiliary' && officer.role === 'assistant')
      throw new AppError('VALIDATION_FAILED', '“协助人员”仅用于执法辅助人员', { field: `${field}.role` });
    if (person.kind !== 'auxiliary' && person.kind !== 'officer' && person.kind !== 'head')
      throw new AppError('RULE_VIOLATION', `${person.name}不是执法人员，不能承办案件`, { field });
    return { person, role: officer.role };
  });
  await db.deleteFrom('case_officer').where('case_id', '=', row.id).execute();
  await db
    .insertInto('case_officer')
    .values(
      assigned.map(({ person, role }) => ({
        case_id: row.id,
        agency_id: row.agency_id,
        person_id: person.id,
        person_kind: person.kind,
        role,
        assigned_by: user.id,
        assigned_at: now,
      })),
    )
    .execute();
  return assigned.map(({ person, role }) => ({ personId: person.id, name: person.name, role }));
}

const mediaPrefix = { video: 'video/', audio: 'audio/', photo: 'image/' } as const;

/** Links a piece of evidence of the case's agency to the current stage (R4: the kind of recording it is). */
export async function linkEvidence(
  db: Kysely<DB>,
  row: CaseRow,
  input: z.output<typeof evidenceBody>,
  user: CurrentUser,
  now: Date,
) {
  const evidence = await db
    .selectFrom('evidence')
    .select(['id', 'agency_id', 'media_type'])
    .where('id', '=', input.evidenceId)
    .executeTakeFirst();
  if (!evidence || evidence.agency_id !== row.agency_id) throw notFound('证据');
  if (input.recordingKind && !evidence.media_type.startsWith(mediaPrefix[input.recordingKind]))
    throw new AppError(
      'VALIDATION_FAILED',
      `该证据文件类型为 ${evidence.media_type}，不能作为${{ video: '录像', audio: '录音', photo: '照片' }[input.recordingKind]}关联`,
      { field: 'body.recordingKind' },
    );
  const taken = await db
    .selectFrom('case_evidence')
    .select('id')
    .where('case_id', '=', row.id)
    .where('evidence_id', '=', evidence.id)
    .where('stage', '=', row.stage)
    .executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', '该证据已关联到本环节', { field: 'body.evidenceId' });
  return db
    .insertInto('case_evidence')
    .values({
      case_id: row.id,
      agency_id: row.agency_id,
      evidence_id: evidence.id,
      stage: row.stage,
      party_name: input.partyName ?? null,
      recording_kind: input.recordingKind ?? null,
      description: input.description ?? '',
      linked_by: user.id,
      linked_at: now,
    })
    .returning(['id', 'stage'])
    .executeTakeFirstOrThrow();
}
