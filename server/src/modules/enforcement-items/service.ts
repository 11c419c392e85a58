/**
 * 行政执法事项清单 use cases (P3): create an item, edit it (in place while its
 * latest version is a draft, as a new version once it was published or
 * withdrawn), record a legality review (合法性审核), and move it through the
 * publication workflow with the review as the gate of publishing. Each takes
 * the transaction and the handler's ledger recorder; events go on the stream
 * enforcementItem:<id>.
 */
import {
  AppError,
  type EnforcementItemType,
  type ErrorDetail,
  type LegalityReviewResult,
  legalityGate,
  mayReviewLegality,
  type PenaltyKind,
  penaltyRangeProblems,
  publicationStateLabels,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { problemsError } from '../../http/errors.js';
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

export interface ItemContent {
  name: string;
  type: EnforcementItemType;
  category: string;
  unitId: string | null;
  duties: string;
  basisArticleIds: string[];
  penaltyKinds: PenaltyKind[];
  fineMinYuan: number | null;
  fineMaxYuan: number | null;
  penaltyNote: string;
  changeNote: string;
}

export type Source = 'form' | 'import';

export interface Actor extends PublicationActor {
  id: string | null;
}

export interface LoadedItem {
  id: string;
  agency_id: string;
  code: string;
  latest_version: number;
}

export const itemSubject = (item: { id: string; agency_id: string }): Subject => ({
  kind: 'enforcementItem',
  id: item.id,
  agencyId: item.agency_id,
});

/**
 * What is wrong with the content for this agency, with fields named as the
 * body names them (unitId, basisArticleIds, penaltyKinds, …); the import maps
 * them to its columns. Empty when it may be saved.
 */
export async function contentProblems(
  db: Kysely<DB>,
  agencyId: string,
  content: ItemContent,
): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = penaltyRangeProblems(content.type, {
    kinds: content.penaltyKinds,
    fineMinYuan: content.fineMinYuan,
    fineMaxYuan: content.fineMaxYuan,
  });
  if (content.type !== 'penalty' && content.penaltyNote)
    problems.push({ field: 'penaltyNote', message: '只有行政处罚事项填写处罚说明' });
  if (content.unitId !== null) {
    const unit = await db
      .selectFrom('unit')
      .select('agency_id')
      .where('id', '=', content.unitId)
      .executeTakeFirst();
    if (unit?.agency_id !== agencyId) problems.push({ field: 'unitId', message: '承办机构不属于该执法主体' });
  }
  const ids = content.basisArticleIds;
  if (ids.length === 0) problems.push({ field: 'basisArticleIds', message: '至少引用一条法律依据' });
  else if (new Set(ids).size !== ids.length)
    problems.push({ field: 'basisArticleIds', message: '引用的条文重复' });
  else {
    const found = await db.selectFrom('law_article').select('id').where('id', 'in', ids).execute();
    if (found.length !== ids.length) problems.push({ field: 'basisArticleIds', message: '引用的条文不存在' });
  }
  return problems;
}

export async function requireValidContent(db: Kysely<DB>, agencyId: string, content: ItemContent) {
  const problems = await contentProblems(db, agencyId, content);
  if (problems.length > 0) throw problemsError(problems, 'body');
}

async function codeTaken(db: Kysely<DB>, agencyId: string, code: string, except?: string) {
  let query = db
    .selectFrom('enforcement_item')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('code', '=', code);
  if (except) query = query.where('id', '<>', except);
  return (await query.executeTakeFirst()) !== undefined;
}

const versionValues = (content: ItemContent) => ({
  name: content.name,
  type: content.type,
  category: content.category,
  unit_id: content.unitId,
  duties: content.duties,
  penalty_kinds: content.penaltyKinds,
  fine_min_yuan: content.fineMinYuan,
  fine_max_yuan: content.fineMaxYuan,
  penalty_note: content.penaltyNote,
  change_note: content.changeNote,
});

/**
 * Writes (or with `replace`, rewrites) the cited articles of a version, in
 * citation order. The published lists keep theirs in a table of the same shape.
 */
export async function writeBasis(
  db: Kysely<DB>,
  versionId: string,
  articleIds: string[],
  replace: boolean,
  table: 'enforcement_item_basis' | 'list_entry_basis' = 'enforcement_item_basis',
) {
  const basis = table as 'enforcement_item_basis';
  if (replace) await db.deleteFrom(basis).where('version_id', '=', versionId).execute();
  if (articleIds.length === 0) return;
  await db
    .insertInto(basis)
    .values(
      articleIds.map((articleId, position) => ({ version_id: versionId, article_id: articleId, position })),
    )
    .execute();
}

export async function createItem(
  db: Kysely<DB>,
  record: Recorder,
  input: { agencyId: string; code: string } & ItemContent,
  actor: Actor,
  source: Source = 'form',
): Promise<LoadedItem> {
  if (await codeTaken(db, input.agencyId, input.code))
    throw new AppError('CONFLICT', `事项编码已存在：${input.code}`, { field: 'body.code' });
  await requireValidContent(db, input.agencyId, input);
  const item = await db
    .insertInto('enforcement_item')
    .values({
      agency_id: input.agencyId,
      code: input.code,
      latest_version: 1,
      created_at: actor.now,
      updated_at: actor.now,
    })
    .returning(['id', 'agency_id', 'code', 'latest_version'])
    .executeTakeFirstOrThrow();
  const version = await db
    .insertInto('enforcement_item_version')
    .values({
      item_id: item.id,
      agency_id: item.agency_id,
      version: 1,
      ...versionValues(input),
      created_by: actor.id,
      created_at: actor.now,
      updated_by: actor.id,
      updated_at: actor.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeBasis(db, version.id, input.basisArticleIds, false);
  await openDraft(db, itemSubject(item), 1, actor);
  await record({
    ...subjectStream(itemSubject(item)),
    kind: 'enforcementItem.created',
    payload: {
      code: input.code,
      name: input.name,
      type: input.type,
      basisArticleIds: input.basisArticleIds,
      source,
    },
  });
  return item;
}

export async function loadItemForChange(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('enforcement_item')
    .select(['id', 'agency_id', 'code', 'latest_version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

async function latestVersion(db: Kysely<DB>, item: LoadedItem) {
  return db
    .selectFrom('enforcement_item_version')
    .selectAll()
    .where('item_id', '=', item.id)
    .where('version', '=', item.latest_version)
    .executeTakeFirstOrThrow();
}

async function stateOf(db: Kysely<DB>, item: LoadedItem, version: number) {
  const rows = await publicationsOf(db, itemSubject(item));
  const row = rows.find((r) => r.version === version);
  return { state: row?.state ?? 'draft', everPublished: rows.some((r) => r.published_at !== null) };
}

/**
 * Edits an item: in place while its latest version is a draft (each edit a new
 * revision, which voids earlier legality reviews); as a new draft version once
 * the latest was published or withdrawn (the old versions stay as they were);
 * refused while submitted. The code changes only before anything was published.
 */
export async function editItem(
  db: Kysely<DB>,
  record: Recorder,
  item: LoadedItem,
  input: { code?: string | undefined } & ItemContent,
  actor: Actor,
  source: Source = 'form',
): Promise<{ version: number; newVersion: boolean }> {
  const latest = await latestVersion(db, item);
  const { state, everPublished } = await stateOf(db, item, latest.version);
  const outcome = editOutcomeOf(state, latest.version);
  if (input.code !== undefined && input.code !== item.code) {
    if (everPublished) throw new AppError('CONFLICT', '事项已发布过，编码不能再修改', { field: 'body.code' });
    if (await codeTaken(db, item.agency_id, input.code, item.id))
      throw new AppError('CONFLICT', `事项编码已存在：${input.code}`, { field: 'body.code' });
    await db.updateTable('enforcement_item').set({ code: input.code }).where('id', '=', item.id).execute();
  }
  await requireValidContent(db, item.agency_id, input);
  let version = latest.version;
  let revision = latest.revision;
  if (outcome === 'inPlace') {
    revision += 1;
    await db
      .updateTable('enforcement_item_version')
      .set({ ...versionValues(input), revision, updated_by: actor.id, updated_at: actor.now })
      .where('id', '=', latest.id)
      .execute();
    await writeBasis(db, latest.id, input.basisArticleIds, true);
  } else {
    version += 1;
    revision = 1;
    const created = await db
      .insertInto('enforcement_item_version')
      .values({
        item_id: item.id,
        agency_id: item.agency_id,
        version,
        ...versionValues(input),
        created_by: actor.id,
        created_at: actor.now,
        updated_by: actor.id,
        updated_at: actor.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeBasis(db, created.id, input.basisArticleIds, false);
    await openDraft(db, itemSubject(item), version, actor);
  }
  await db
    .updateTable('enforcement_item')
    .set({ latest_version: version, updated_at: actor.now })
    .where('id', '=', item.id)
    .execute();
  await record({
    ...subjectStream(itemSubject(item)),
    kind: 'enforcementItem.edited',
    payload: {
      version,
      revision,
      newVersion: outcome === 'newVersion',
      change: JSON.parse(JSON.stringify({ ...input, code: input.code ?? item.code })),
      source,
    },
  });
  return { version, newVersion: outcome === 'newVersion' };
}

/** The legality reviews of a version, oldest first. */
export function reviewsOf(db: Kysely<DB>, versionId: string) {
  return db
    .selectFrom('legality_review')
    .select(['id', 'revision', 'result', 'opinion', 'reviewer_id', 'reviewer_name', 'reviewed_at'])
    .where('version_id', '=', versionId)
    .orderBy('id')
    .execute();
}

/**
 * 合法性审核 of the latest version's current text. Only before publication (a
 * draft or submitted version), and never by whoever drafted or last edited it.
 */
export async function reviewItem(
  db: Kysely<DB>,
  record: Recorder,
  item: LoadedItem,
  input: { result: LegalityReviewResult; opinion: string },
  reviewer: Actor & { id: string },
) {
  const latest = await latestVersion(db, item);
  const { state } = await stateOf(db, item, latest.version);
  if (state !== 'draft' && state !== 'submitted')
    throw new AppError(
      'CONFLICT',
      `第 ${latest.version} 版当前状态为“${publicationStateLabels[state]}”，不能进行合法性审核（仅发布前的草稿或待审核版本可以）`,
    );
  const may = mayReviewLegality(reviewer.id, { createdBy: latest.created_by, updatedBy: latest.updated_by });
  if (!may.allowed) throw new AppError('RULE_VIOLATION', may.message);
  await db
    .insertInto('legality_review')
    .values({
      agency_id: item.agency_id,
      item_id: item.id,
      version_id: latest.id,
      revision: latest.revision,
      result: input.result,
      opinion: input.opinion,
      reviewer_id: reviewer.id,
      reviewer_name: reviewer.name,
      reviewed_at: reviewer.now,
    })
    .execute();
  await record({
    ...subjectStream(itemSubject(item)),
    kind: 'enforcementItem.legalityReviewed',
    payload: {
      version: latest.version,
      revision: latest.revision,
      result: input.result,
      opinion: input.opinion,
      reviewerName: reviewer.name,
    },
  });
  return { version: latest.version, revision: latest.revision };
}

/** Whether the latest version may be published as far as the legality review goes. */
export async function legalityGateOf(db: Kysely<DB>, version: { id: string; revision: number }) {
  return legalityGate(version.revision, await reviewsOf(db, version.id));
}

/**
 * Submit, return and publish act on the latest version; withdraw on the one
 * published (or, if none, the latest — whose state the refusal then names).
 * Publishing requires a passed legality review of the version's current text.
 */
export async function moveItem(
  db: Kysely<DB>,
  record: Recorder,
  item: LoadedItem,
  action: PersonAction,
  note: string,
  actor: Actor,
) {
  const version = await versionToMove(db, itemSubject(item), item.latest_version, action);
  const gate =
    action === 'publish'
      ? async () => {
          const gate = await legalityGateOf(db, await latestVersion(db, item));
          if (!gate.passed) throw new AppError('RULE_VIOLATION', gate.message);
        }
      : undefined;
  return transition(db, record, itemSubject(item), version, action, { note, ...(gate && { gate }) }, actor);
}
