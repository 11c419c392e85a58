/**
 * The 事前公开 lists in the console (P4, P5, X4, Q8): for each kind the same
 * ten routes — list, export and import as .xlsx (sheet.ts), one entry with its
 * versions and publication history, create, edit, and the publication workflow
 * (submit by the drafters; return, publish or correct, withdraw by the
 * disclosure officer). The public pages are in portal/lists.tsx.
 */
import {
  circumstanceLevelLabels,
  circumstanceLevels,
  exemptionKindBasis,
  exemptionKindConditions,
  exemptionKindLabels,
  exemptionKinds,
  type IsoDate,
  inspectionMethodLabels,
  inspectionMethods,
  powerListStatuses,
  publicationStateLabels,
  shanghaiDateOf,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { text, uuid } from '../../http/fields.js';
import { defineRoute, mayTake, type RouteDefinition } from '../../http/route.js';
import { agencyScope, notFound, requireAgencyInScope, requireInScope } from '../../http/scope.js';
import type { CurrentUser } from '../../http/session.js';
import { sendWorkbook, sheetUpload, uploadOf } from '../../xlsx/route.js';
import { publicationHistory } from '../publication/service.js';
import {
  type AnyListBody,
  bodySchemas,
  createSchemas,
  kindInfo,
  type ListKind,
  listKinds,
  normaliseForSearch,
} from './kinds.js';
import { loadEntries, presentEntry, presentVersion } from './presenter.js';
import {
  createEntry,
  editEntry,
  entrySubject,
  type LoadedEntry,
  loadEntryForChange,
  moveEntry,
} from './service.js';
import { exportList, importList } from './sheet.js';

const idParams = z.strictObject({ id: uuid });
const today = (now: Date): IsoDate => shanghaiDateOf(now);
const actorOf = (user: CurrentUser, now: Date) => ({ id: user.id, name: user.displayName, now });

async function loadForChange(
  db: Kysely<DB>,
  user: CurrentUser,
  kind: ListKind,
  id: string,
): Promise<LoadedEntry> {
  return requireInScope(db, user, await loadEntryForChange(db, kind, id), kindInfo[kind].noun);
}

async function presentOne(
  db: Kysely<DB>,
  user: CurrentUser,
  kind: ListKind,
  id: string,
  now: Date,
  selected?: number,
) {
  const lists = await loadEntries(
    db,
    kind,
    { agencyIds: await agencyScope(db, user), ids: [id] },
    today(now),
  );
  const bundle = lists.bundles[0];
  if (!bundle) throw notFound(kindInfo[kind].noun);
  const stateOf = (version: number) => bundle.publications.find((p) => p.version === version);
  let selectedVersion = null;
  if (selected !== undefined) {
    const row = bundle.versions.find((v) => v.version === selected);
    if (!row) throw notFound(`第 ${selected} 版`);
    // The basis of other versions is loaded on demand.
    const more = await loadEntries(db, kind, { agencyIds: [bundle.entry.agency_id], ids: [id] }, today(now));
    selectedVersion = presentVersion(more, row, stateOf(row.version));
  }
  const history = await publicationHistory(db, entrySubject(bundle.entry));
  return {
    ...presentEntry(lists, bundle, user),
    published: bundle.published
      ? presentVersion(lists, bundle.published, stateOf(bundle.published.version))
      : null,
    selected: selectedVersion,
    versions: bundle.versions.map((v) => {
      const publication = stateOf(v.version);
      const state = publication?.state ?? 'draft';
      return {
        version: v.version,
        title: v.title,
        state,
        stateLabel: publicationStateLabels[state],
        changeNote: v.change_note,
        createdAt: v.created_at,
        createdBy: v.created_by_name,
        publishedAt: publication?.published_at ?? null,
        correctionNote: publication?.correction_note ?? '',
        withdrawalReason: publication?.withdrawal_reason ?? '',
      };
    }),
    history,
  };
}

/** What the forms need from core, so the console keeps no copy of the vocabularies. */
export function listChoices() {
  return {
    inspectionMethods: inspectionMethods.map((value) => ({ value, label: inspectionMethodLabels[value] })),
    circumstanceLevels: circumstanceLevels.map((value) => ({ value, label: circumstanceLevelLabels[value] })),
    exemptionKinds: exemptionKinds.map((value) => ({
      value,
      label: exemptionKindLabels[value],
      conditions: exemptionKindConditions[value],
      basis: exemptionKindBasis[value],
    })),
  };
}

function routesOf(kind: ListKind): RouteDefinition[] {
  const { path, noun } = kindInfo[kind];
  const base = `/api/${path}`;
  // One schema per kind; the handlers take any kind's body (the service splits it by kind).
  const body = bodySchemas[kind] as unknown as z.ZodType<AnyListBody>;
  const createBody = createSchemas[kind] as unknown as z.ZodType<
    AnyListBody & { agencyId?: string | undefined }
  >;
  return [
    defineRoute({
      method: 'GET',
      url: base,
      access: 'disclosureList.read',
      summary: `${noun}清单：各条目及状态（草稿/待审核/已发布/已撤下），可按关键词和状态筛选`,
      query: z.strictObject({ q: text(50, 0).optional(), status: z.enum(powerListStatuses).optional() }),
      handler: async ({ db, user, query, app }) => {
        const lists = await loadEntries(
          db,
          kind,
          { agencyIds: await agencyScope(db, user) },
          today(app.clock()),
        );
        let items = lists.bundles.map((bundle) => presentEntry(lists, bundle, user));
        const term = query.q ? normaliseForSearch(query.q) : '';
        if (term) {
          const matching = new Set(
            lists.bundles
              .filter((b) => [b.latest, b.published].some((v) => v?.search_text.includes(term)))
              .map((b) => b.entry.id),
          );
          items = items.filter((item) => matching.has(item.id));
        }
        if (query.status) items = items.filter((item) => item.status === query.status);
        const edit = mayTake(user, 'disclosureList.edit');
        return { items, ...listChoices(), actions: { create: edit, import: edit } };
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/export`,
      access: 'disclosureList.read',
      summary: `导出${noun}（.xlsx，每个条目的最新版本；可修改后按同一格式导入）`,
      handler: async ({ db, user, app, reply }) => {
        const now = app.clock();
        const on = today(now);
        const data = await exportList(db, kind, await agencyScope(db, user), on, now);
        return sendWorkbook(reply, data, `${path}-${on}.xlsx`, `${kindInfo[kind].listTitle}-${on}.xlsx`);
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/import`,
      access: 'disclosureList.edit',
      summary: `导入${noun}（.xlsx，与导出格式相同；有编号的修改该条目，已发布的生成新版本草稿，无编号的新增草稿；逐行校验，任何一行有误则不写入）`,
      body: sheetUpload,
      handler: async ({ db, user, body, app, record }) => {
        const now = app.clock();
        return importList(
          db,
          record,
          kind,
          { agencyId: user.agencyId, ...uploadOf(body) },
          actorOf(user, now),
          today(now),
        );
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/:id`,
      access: 'disclosureList.read',
      summary: `${noun}详情：当前版本、已发布版本、版本历史与公示记录（可指定查看某一版本）`,
      params: idParams,
      query: z.strictObject({ version: z.coerce.number().int().min(1).max(100_000).optional() }),
      handler: async ({ db, user, params, query, app }) =>
        presentOne(db, user, kind, params.id, app.clock(), query.version),
    }),
    defineRoute({
      method: 'POST',
      url: base,
      access: 'disclosureList.edit',
      summary: `新增${noun}（草稿，第 1 版）`,
      body: createBody,
      handler: async ({ db, user, body, app, record, reply }) => {
        const { agencyId: requested, ...content } = body;
        const agencyId = requested ?? user.agencyId;
        await requireAgencyInScope(db, user, agencyId, '执法主体');
        const now = app.clock();
        const entry = await createEntry(db, record, kind, agencyId, content, actorOf(user, now));
        reply.status(201);
        return presentOne(db, user, kind, entry.id, now);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: `${base}/:id`,
      access: 'disclosureList.edit',
      summary: `修改${noun}（草稿直接修改；已发布或已撤下的生成新版本，发布后即为更正）`,
      params: idParams,
      body,
      handler: async ({ db, user, params, body, app, record }) => {
        const entry = await loadForChange(db, user, kind, params.id);
        const now = app.clock();
        await editEntry(db, record, entry, body, actorOf(user, now));
        return presentOne(db, user, kind, entry.id, now);
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/:id/submit`,
      access: 'disclosureList.edit',
      summary: `${noun}提交公示审核`,
      params: idParams,
      handler: async ({ db, user, params, app, record }) => {
        const entry = await loadForChange(db, user, kind, params.id);
        const now = app.clock();
        await moveEntry(db, record, entry, 'submit', '', actorOf(user, now));
        return presentOne(db, user, kind, entry.id, now);
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/:id/return`,
      access: 'publication.publish',
      summary: `${noun}公示审核退回修改（须写明理由）`,
      params: idParams,
      body: z.strictObject({ reason: text(1000) }),
      handler: async ({ db, user, params, body, app, record }) => {
        const entry = await loadForChange(db, user, kind, params.id);
        const now = app.clock();
        await moveEntry(db, record, entry, 'return', body.reason, actorOf(user, now));
        return presentOne(db, user, kind, entry.id, now);
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/:id/publish`,
      access: 'publication.publish',
      summary: `审核发布${noun}（已有发布版本时为更正，须写明更正说明）`,
      params: idParams,
      body: z.strictObject({ correctionNote: text(1000, 0).default('') }),
      handler: async ({ db, user, params, body, app, record }) => {
        const entry = await loadForChange(db, user, kind, params.id);
        const now = app.clock();
        await moveEntry(db, record, entry, 'publish', body.correctionNote, actorOf(user, now));
        return presentOne(db, user, kind, entry.id, now);
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/:id/withdraw`,
      access: 'publication.publish',
      summary: `撤下已发布的${noun}（须写明理由）`,
      params: idParams,
      body: z.strictObject({ reason: text(1000) }),
      handler: async ({ db, user, params, body, app, record }) => {
        const entry = await loadForChange(db, user, kind, params.id);
        const now = app.clock();
        await moveEntry(db, record, entry, 'withdraw', body.reason, actorOf(user, now));
        return presentOne(db, user, kind, entry.id, now);
      },
    }),
  ];
}

export const listRoutes: RouteDefinition[] = listKinds.flatMap(routesOf);
