/**
 * 法制审核人员名单 (L2): the register of legal reviewers (staff, legal advisers
 * and public lawyers may join) with the capacity check — reviewers ≥ 5% of the
 * officers and ≥ 2 (settings) — per agency, and across the supervised agencies
 * for the justice bureau. The register is part of the person register and
 * follows its access rules; changes go on the person's ledger stream.
 */
import { reviewerMemberships, shanghaiDateOf } from '@zhifa/core';
import { z } from 'zod';
import { isoDate, text, uuid } from '../../http/fields.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { agencyScope, notFound, requireInScope } from '../../http/scope.js';
import { targetAgency } from '../../http/target-agency.js';
import { sendWorkbook, sheetUpload, uploadOf } from '../../xlsx/route.js';
import { currentSettings } from '../settings/service.js';
import { capacityOf, changeReviewer, loadReviewers, presentReviewer, registerReviewer } from './service.js';
import { exportReviewers, importReviewers } from './sheet.js';

const idParams = z.strictObject({ id: uuid });
const membership = z.enum(reviewerMemberships);

export const reviewerRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/reviewers',
    access: 'person.read',
    summary: '法制审核人员名单及配备是否达标（不少于执法人员的 5% 且不少于 2 名）',
    query: z.strictObject({ agencyId: uuid.optional() }),
    handler: async ({ db, user, query, app }) => {
      const agency = await targetAgency(db, user, query.agencyId);
      const today = shanghaiDateOf(app.clock());
      const edit = mayTake(user, 'person.manage');
      const [capacity] = await capacityOf(db, [agency.id], today, await currentSettings(db));
      return {
        agency,
        today,
        items: (await loadReviewers(db, [agency.id])).map((r) => presentReviewer(r, today, edit)),
        capacity,
        memberships: reviewerMemberships,
        actions: { register: edit },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/reviewers/capacity',
    access: 'person.read',
    summary: '各执法主体法制审核人员配备情况（司法行政部门查看所监督的执法主体）',
    handler: async ({ db, user, app }) => {
      let agencyIds = await agencyScope(db, user);
      // The justice bureau supervises others; its own review body is not what it checks here.
      if (user.roles.includes('supervisor') && agencyIds.length > 1)
        agencyIds = agencyIds.filter((id) => id !== user.agencyId);
      const today = shanghaiDateOf(app.clock());
      const items = await capacityOf(db, agencyIds, today, await currentSettings(db));
      return { today, items, short: items.filter((i) => !i.sufficient).length };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/reviewers',
    access: 'person.manage',
    summary: '登记法制审核人员（本机关人员、法律顾问或公职律师）',
    body: z.strictObject({
      personId: uuid,
      membership,
      qualification: text(100, 0).default(''),
      appointedOn: isoDate.optional(),
    }),
    handler: async ({ db, user, body, app, record, reply }) => {
      const person = await requireInScope(
        db,
        user,
        await db
          .selectFrom('person')
          .select(['id', 'agency_id', 'kind', 'active'])
          .where('id', '=', body.personId)
          .executeTakeFirst(),
        '人员',
      );
      const today = shanghaiDateOf(app.clock());
      const id = await registerReviewer(db, record, person, {
        membership: body.membership,
        qualification: body.qualification,
        appointedOn: body.appointedOn ?? today,
      });
      reply.status(201);
      const [created] = await loadReviewers(db, [person.agency_id], [id]);
      return presentReviewer(created!, today, true);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/reviewers/:id',
    access: 'person.manage',
    summary: '修改法制审核人员登记（类别、资格，或结束任职）',
    params: idParams,
    body: z.strictObject({
      membership: membership.optional(),
      qualification: text(100, 0).optional(),
      endedOn: isoDate.nullable().optional(),
    }),
    handler: async ({ db, user, params, body, app, record }) => {
      const entry = await requireInScope(
        db,
        user,
        await db
          .selectFrom('reviewer_register')
          .select(['id', 'agency_id', 'person_id', 'appointed_on'])
          .where('id', '=', params.id)
          .forUpdate()
          .executeTakeFirst(),
        '法制审核人员登记',
      );
      await changeReviewer(db, record, entry, body);
      const [updated] = await loadReviewers(db, [entry.agency_id], [entry.id]);
      if (!updated) throw notFound('法制审核人员登记');
      return presentReviewer(updated, shanghaiDateOf(app.clock()), true);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/reviewers/export',
    access: 'person.manage',
    summary: '导出本机关法制审核人员名单（.xlsx，身份证号脱敏）',
    handler: async ({ db, user, app, reply }) => {
      const now = app.clock();
      const on = shanghaiDateOf(now);
      const data = await exportReviewers(db, user.agencyId, on, now);
      return sendWorkbook(reply, data, `reviewers-${on}.xlsx`, `法制审核人员名单-${on}.xlsx`);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/reviewers/import',
    access: 'person.manage',
    summary: '导入法制审核人员名单（.xlsx，与导出格式相同；按人员更新或登记，逐行校验，有误则不写入）',
    body: sheetUpload,
    handler: async ({ db, user, body, app, record }) =>
      importReviewers(
        db,
        record,
        { agencyId: user.agencyId, ...uploadOf(body) },
        { today: shanghaiDateOf(app.clock()), digest: (idNumber) => app.cipher.digest(idNumber) },
      ),
  }),
];
