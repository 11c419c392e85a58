/**
 * The publication workflow (P1, P10, P11) for anything an agency publishes: a
 * subject (kind + id, e.g. enforcementItem:<id>) has numbered versions, each with
 * a publication row in one of the states of core/src/publication.ts. This module
 * knows nothing of the subject's content: the subject's module opens a draft for
 * each version it creates and calls `transition` for submit, return, publish
 * (a correction when another version is published) and withdraw, passing a gate
 * for its own preconditions (the legality review of an enforcement item).
 *
 * Every transition locks the row, is checked against core (409 naming the state
 * when refused), writes the row and its history (publication_event, append-only)
 * and appends the ledger event on the subject's stream — all in the caller's
 * transaction.
 */
import {
  AppError,
  type EditOutcome,
  editOutcome,
  type PublicationAction,
  type PublicationState,
  type PublicationSubjectKind,
  publicationStateLabels,
  publicationTransition,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB, PublicationEventAction } from '../../db/schema.js';
import type { HandlerContext } from '../../http/route.js';

/** The handler's ledger appender: services that change state take it, so none can forget the event. */
export type Recorder = HandlerContext<unknown, unknown, unknown, unknown>['record'];

export interface Subject {
  kind: PublicationSubjectKind;
  id: string;
  agencyId: string;
}

export interface PublicationActor {
  id: string | null;
  name: string;
  now: Date;
}

export const subjectStream = (subject: Subject) => ({
  streamId: `${subject.kind}:${subject.id}`,
  agencyId: subject.agencyId,
});

export type PublicationRow = Awaited<ReturnType<typeof publicationsOf>>[number];

/** Every version's publication row of a subject, oldest version first. */
export function publicationsOf(db: Kysely<DB>, subject: Pick<Subject, 'kind' | 'id'>) {
  return db
    .selectFrom('publication')
    .selectAll()
    .where('subject_kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .orderBy('version')
    .execute();
}

/** A version's publication as the console and the portal show it; a version without a row is a draft. */
export function presentPublication(publication: PublicationRow | undefined) {
  const state = publication?.state ?? 'draft';
  return {
    state,
    stateLabel: publicationStateLabels[state],
    publishedAt: publication?.published_at ?? null,
    correctionNote: publication?.correction_note ?? '',
    withdrawnAt: publication?.withdrawn_at ?? null,
    withdrawalReason: publication?.withdrawal_reason ?? '',
  };
}

/** The rows of many subjects of one kind at once (for lists). */
export function publicationsOfMany(db: Kysely<DB>, kind: PublicationSubjectKind, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('publication')
    .selectAll()
    .where('subject_kind', '=', kind)
    .where('subject_id', 'in', ids)
    .orderBy('version')
    .execute();
}

async function logEvent(
  db: Kysely<DB>,
  row: { id: string; agency_id: string; subject_kind: string; subject_id: string; version: number },
  action: PublicationEventAction,
  note: string,
  actor: PublicationActor,
) {
  await db
    .insertInto('publication_event')
    .values({
      publication_id: row.id,
      agency_id: row.agency_id,
      subject_kind: row.subject_kind,
      subject_id: row.subject_id,
      version: row.version,
      action,
      note,
      actor_id: actor.id,
      actor_name: actor.name,
      occurred_at: actor.now,
    })
    .execute();
}

/** A new version starts as a draft (its creation is on the ledger as the subject's own event). */
export async function openDraft(db: Kysely<DB>, subject: Subject, version: number, actor: PublicationActor) {
  const open = await db
    .selectFrom('publication')
    .select(['version', 'state'])
    .where('subject_kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .where('state', 'in', ['draft', 'submitted'])
    .executeTakeFirst();
  if (open)
    throw new AppError(
      'CONFLICT',
      `第 ${open.version} 版仍为“${publicationStateLabels[open.state]}”，不能再新建版本`,
    );
  const row = await db
    .insertInto('publication')
    .values({
      agency_id: subject.agencyId,
      subject_kind: subject.kind,
      subject_id: subject.id,
      version,
      state: 'draft',
      created_at: actor.now,
      updated_at: actor.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await logEvent(db, row, 'drafted', '', actor);
  return row;
}

export interface TransitionInput {
  /** The reason of a return or a withdrawal; the correction note (更正说明) of a correction. */
  note?: string;
  /** The subject's own preconditions, checked after the state (e.g. a passed legality review). */
  gate?: () => Promise<void>;
}

export type PersonAction = Exclude<PublicationAction, 'supersede'>;

/**
 * How an edit of the latest version goes: in place while it is a draft, as a
 * new draft version once it was published or withdrawn; refused (409 naming the
 * state) while submitted, until the disclosure officer returns it.
 */
export function editOutcomeOf(state: PublicationState, version: number): Exclude<EditOutcome, 'refused'> {
  const outcome = editOutcome(state);
  if (outcome === 'refused')
    throw new AppError(
      'CONFLICT',
      `第 ${version} 版当前状态为“${publicationStateLabels[state]}”，不能修改（可由公示管理员退回后修改）`,
    );
  return outcome;
}

/**
 * The version an action moves: the latest, but for a withdrawal the one
 * published (or, if none, the latest, whose state the refusal then names).
 */
export async function versionToMove(db: Kysely<DB>, subject: Subject, latest: number, action: PersonAction) {
  if (action !== 'withdraw') return latest;
  const published = (await publicationsOf(db, subject)).find((r) => r.state === 'published');
  return published?.version ?? latest;
}

/**
 * Moves one version of a subject. Refusals: 404 when the version has no row,
 * 409 CONFLICT naming the state when core refuses the move, 400 naming the field
 * when a reason or correction note is missing, and whatever the gate throws.
 */
export async function transition(
  db: Kysely<DB>,
  record: Recorder,
  subject: Subject,
  version: number,
  action: PersonAction,
  input: TransitionInput,
  actor: PublicationActor,
): Promise<{ state: PublicationState; corrected: boolean }> {
  const row = await db
    .selectFrom('publication')
    .selectAll()
    .where('subject_kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .where('version', '=', version)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `第 ${version} 版不存在`);
  const outcome = publicationTransition(row.state, action);
  if (!outcome.allowed) throw new AppError('CONFLICT', `第 ${version} 版${outcome.message}`);
  const note = (input.note ?? '').trim();
  const stream = subjectStream(subject);
  const base = { subjectKind: subject.kind, version };

  if (action === 'submit') {
    await db
      .updateTable('publication')
      .set({ state: 'submitted', submitted_at: actor.now, submitted_by: actor.id, updated_at: actor.now })
      .where('id', '=', row.id)
      .execute();
    await logEvent(db, row, 'submitted', '', actor);
    await record({ ...stream, kind: 'publication.submitted', payload: base });
    return { state: 'submitted', corrected: false };
  }

  if (action === 'return') {
    if (!note) throw new AppError('VALIDATION_FAILED', '退回须写明理由', { field: 'body.reason' });
    await db
      .updateTable('publication')
      .set({ state: 'draft', submitted_at: null, submitted_by: null, updated_at: actor.now })
      .where('id', '=', row.id)
      .execute();
    await logEvent(db, row, 'returned', note, actor);
    await record({ ...stream, kind: 'publication.returned', payload: { ...base, reason: note } });
    return { state: 'draft', corrected: false };
  }

  if (action === 'withdraw') {
    if (!note) throw new AppError('VALIDATION_FAILED', '撤下须写明理由', { field: 'body.reason' });
    await db
      .updateTable('publication')
      .set({
        state: 'withdrawn',
        withdrawn_at: actor.now,
        withdrawn_by: actor.id,
        withdrawal_reason: note,
        updated_at: actor.now,
      })
      .where('id', '=', row.id)
      .execute();
    await logEvent(db, row, 'withdrawn', note, actor);
    await record({ ...stream, kind: 'publication.withdrawn', payload: { ...base, reason: note } });
    return { state: 'withdrawn', corrected: false };
  }

  // Publish: a correction when another version is published now.
  const current = await db
    .selectFrom('publication')
    .selectAll()
    .where('subject_kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .where('state', '=', 'published')
    .forUpdate()
    .executeTakeFirst();
  if (current && !note)
    throw new AppError('VALIDATION_FAILED', `第 ${current.version} 版已发布：以新版本更正须写明更正说明`, {
      field: 'body.correctionNote',
    });
  await input.gate?.();
  if (current) {
    await db
      .updateTable('publication')
      .set({ state: 'superseded', superseded_at: actor.now, updated_at: actor.now })
      .where('id', '=', current.id)
      .execute();
    await logEvent(db, current, 'superseded', `由第 ${version} 版更正`, actor);
  }
  await db
    .updateTable('publication')
    .set({
      state: 'published',
      published_at: actor.now,
      published_by: actor.id,
      correction_note: note,
      updated_at: actor.now,
    })
    .where('id', '=', row.id)
    .execute();
  await logEvent(db, row, current ? 'corrected' : 'published', note, actor);
  if (current)
    await record({
      ...stream,
      kind: 'publication.corrected',
      payload: { ...base, supersededVersion: current.version, note },
    });
  else await record({ ...stream, kind: 'publication.published', payload: base });
  return { state: 'published', corrected: current !== undefined };
}

/** The history of a subject's publication, oldest first, with who did what, as the console shows it. */
export function publicationHistory(db: Kysely<DB>, subject: Pick<Subject, 'kind' | 'id'>) {
  return db
    .selectFrom('publication_event')
    .select(['id', 'version', 'action', 'note', 'actor_name as actor', 'occurred_at as occurredAt'])
    .where('subject_kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .orderBy('id')
    .execute();
}
