/**
 * Use cases of the 事前公开 lists (P4, P5, X4, Q8): create an entry, edit it (in
 * place while its latest version is a draft, as a new version once it was
 * published or withdrawn, refused while submitted), and move it through the
 * publication workflow of modules/publication (P1, P10, P11). Each takes the
 * transaction and the handler's ledger recorder; events go on the stream
 * <kind>:<id>, with the publication events.
 */
import { benchmarkProblems, type ErrorDetail } from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { problemsError } from '../../http/errors.js';
import { writeBasis } from '../enforcement-items/service.js';
import {
  editOutcomeOf,
  openDraft,
  type PersonAction,
  type PublicationActor,
  publicationsOf,
  type Recorder,
  type Subject,
  subjectStream,
  transition,
  versionToMove,
} from '../publication/service.js';
import { type AnyListBody, kindInfo, type ListKind, searchText, splitBody } from './kinds.js';

export interface LoadedEntry {
  id: string;
  agency_id: string;
  kind: ListKind;
  latest_version: number;
}

export const entrySubject = (entry: { id: string; agency_id: string; kind: ListKind }): Subject => ({
  kind: entry.kind,
  id: entry.id,
  agencyId: entry.agency_id,
});

/** The statutory fine range of an enforcement item's version in force (published, else latest). */
async function statutoryRange(db: Kysely<DB>, itemId: string) {
  const versions = await db
    .selectFrom('enforcement_item_version as v')
    .leftJoin('publication as p', (join) =>
      join
        .onRef('p.subject_id', '=', 'v.item_id')
        .onRef('p.version', '=', 'v.version')
        .on('p.subject_kind', '=', 'enforcementItem'),
    )
    .select(['v.version', 'v.type', 'v.fine_min_yuan', 'v.fine_max_yuan', 'p.state'])
    .where('v.item_id', '=', itemId)
    .orderBy('v.version', 'desc')
    .execute();
  const inForce = versions.find((v) => v.state === 'published') ?? versions[0];
  if (inForce?.type !== 'penalty') return null;
  return { min: inForce.fine_min_yuan, max: inForce.fine_max_yuan };
}

/**
 * What is wrong with a body for this agency beyond its schema, fields named as
 * the body names them: the enforcement item must be the agency's, cited
 * articles must exist, a promised time limit may not exceed the statutory one,
 * a benchmark's ranges must be ordered and inside the item's statutory range.
 */
export async function bodyProblems(
  db: Kysely<DB>,
  kind: ListKind,
  agencyId: string,
  body: AnyListBody,
): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  if (body.enforcementItemId !== null) {
    const item = await db
      .selectFrom('enforcement_item')
      .select('agency_id')
      .where('id', '=', body.enforcementItemId)
      .executeTakeFirst();
    if (item?.agency_id !== agencyId)
      problems.push({ field: 'enforcementItemId', message: '该执法事项不存在或不属于本执法主体' });
  }
  if (body.basisArticleIds.length > 0) {
    const found = await db
      .selectFrom('law_article')
      .select('id')
      .where('id', 'in', body.basisArticleIds)
      .execute();
    if (found.length !== body.basisArticleIds.length)
      problems.push({ field: 'basisArticleIds', message: '引用的条文不存在' });
  }
  if (
    kind === 'serviceGuide' &&
    'promisedLimitDays' in body &&
    body.promisedLimitDays > body.statutoryLimitDays
  )
    problems.push({ field: 'promisedLimitDays', message: '承诺办结时限不能长于法定办结时限' });
  if (kind === 'discretionBenchmark' && 'circumstances' in body) {
    const range =
      body.enforcementItemId !== null && problems.length === 0
        ? await statutoryRange(db, body.enforcementItemId)
        : null;
    problems.push(
      ...benchmarkProblems({
        circumstances: body.circumstances,
        statutoryFineMinYuan: range?.min ?? null,
        statutoryFineMaxYuan: range?.max ?? null,
      }),
    );
  }
  return problems;
}

async function requireValidBody(db: Kysely<DB>, kind: ListKind, agencyId: string, body: AnyListBody) {
  const problems = await bodyProblems(db, kind, agencyId, body);
  if (problems.length > 0) throw problemsError(problems, 'body');
}

function versionValues(kind: ListKind, body: AnyListBody) {
  const { title, enforcementItemId, changeNote, content } = splitBody(kind, body);
  return {
    title,
    enforcement_item_id: enforcementItemId,
    content: JSON.stringify(content),
    search_text: searchText(kind, title, content),
    change_note: changeNote,
  };
}

function ledgerFields(kind: ListKind, body: AnyListBody) {
  const { title, enforcementItemId, basisArticleIds, content } = splitBody(kind, body);
  return {
    listKind: kind,
    title,
    enforcementItemId,
    basisArticleIds,
    content: JSON.parse(JSON.stringify(content)),
  };
}

export async function createEntry(
  db: Kysely<DB>,
  record: Recorder,
  kind: ListKind,
  agencyId: string,
  body: AnyListBody,
  actor: PublicationActor,
): Promise<LoadedEntry> {
  await requireValidBody(db, kind, agencyId, body);
  const entry = await db
    .insertInto('list_entry')
    .values({ agency_id: agencyId, kind, latest_version: 1, created_at: actor.now, updated_at: actor.now })
    .returning(['id', 'agency_id', 'kind', 'latest_version'])
    .executeTakeFirstOrThrow();
  const version = await db
    .insertInto('list_entry_version')
    .values({
      entry_id: entry.id,
      kind,
      agency_id: agencyId,
      version: 1,
      ...versionValues(kind, body),
      created_by: actor.id,
      created_at: actor.now,
      updated_by: actor.id,
      updated_at: actor.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeBasis(db, version.id, body.basisArticleIds, false, 'list_entry_basis');
  await openDraft(db, entrySubject(entry), 1, actor);
  await record({
    ...subjectStream(entrySubject(entry)),
    kind: 'listEntry.created',
    payload: ledgerFields(kind, body),
  });
  return entry;
}

export function loadEntryForChange(db: Kysely<DB>, kind: ListKind, id: string) {
  return db
    .selectFrom('list_entry')
    .select(['id', 'agency_id', 'kind', 'latest_version'])
    .where('id', '=', id)
    .where('kind', '=', kind)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Edits an entry: in place while its latest version is a draft; as a new draft
 * version once the latest was published or withdrawn (the published one stays
 * public until the new one is published as its correction); refused while
 * submitted (the disclosure officer returns it first).
 */
export async function editEntry(
  db: Kysely<DB>,
  record: Recorder,
  entry: LoadedEntry,
  body: AnyListBody,
  actor: PublicationActor,
): Promise<{ version: number; newVersion: boolean }> {
  const rows = await publicationsOf(db, entrySubject(entry));
  const state = rows.find((r) => r.version === entry.latest_version)?.state ?? 'draft';
  const outcome = editOutcomeOf(state, entry.latest_version);
  await requireValidBody(db, entry.kind, entry.agency_id, body);
  let version = entry.latest_version;
  if (outcome === 'inPlace') {
    const latest = await db
      .updateTable('list_entry_version')
      .set({ ...versionValues(entry.kind, body), updated_by: actor.id, updated_at: actor.now })
      .where('entry_id', '=', entry.id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeBasis(db, latest.id, body.basisArticleIds, true, 'list_entry_basis');
  } else {
    version += 1;
    const created = await db
      .insertInto('list_entry_version')
      .values({
        entry_id: entry.id,
        kind: entry.kind,
        agency_id: entry.agency_id,
        version,
        ...versionValues(entry.kind, body),
        created_by: actor.id,
        created_at: actor.now,
        updated_by: actor.id,
        updated_at: actor.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeBasis(db, created.id, body.basisArticleIds, false, 'list_entry_basis');
    await openDraft(db, entrySubject(entry), version, actor);
  }
  await db
    .updateTable('list_entry')
    .set({ latest_version: version, updated_at: actor.now })
    .where('id', '=', entry.id)
    .execute();
  await record({
    ...subjectStream(entrySubject(entry)),
    kind: 'listEntry.edited',
    payload: {
      ...ledgerFields(entry.kind, body),
      version,
      newVersion: outcome === 'newVersion',
      changeNote: body.changeNote,
    },
  });
  return { version, newVersion: outcome === 'newVersion' };
}

/**
 * Submit, return and publish act on the latest version (publishing while
 * another version is published is a correction, which needs a note); withdraw
 * acts on the published version (or, if none, the latest, whose state the
 * refusal then names).
 */
export async function moveEntry(
  db: Kysely<DB>,
  record: Recorder,
  entry: LoadedEntry,
  action: PersonAction,
  note: string,
  actor: PublicationActor,
) {
  const version = await versionToMove(db, entrySubject(entry), entry.latest_version, action);
  return transition(db, record, entrySubject(entry), version, action, { note }, actor);
}

export const notFoundMessage = (kind: ListKind) => kindInfo[kind].noun;
