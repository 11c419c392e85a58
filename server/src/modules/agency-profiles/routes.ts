/**
 * 执法主体公示信息 (P2): what the public learns about an agency besides its name
 * and credit code — the legal basis of its authority, its duties, address,
 * phone and office hours, where to complain (监督) and where to seek a remedy
 * (行政复议机关, 行政诉讼法院). Kept by the system administrator; each change
 * is on the agency's ledger stream with before and after.
 */
import { z } from 'zod';
import { text, uuid } from '../../http/fields.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { notFound, requireAgencyInScope } from '../../http/scope.js';
import { loadProfiles, presentProfile, profileChange, saveProfile } from './service.js';

const idParams = z.strictObject({ id: uuid });

/** A phone line as printed: digits, hyphens, brackets, spaces, 转 (extension), separators for several. */
const phone = text(50, 0).refine((v) => /^[0-9()（）+\-\s、,，转]*$/.test(v), {
  message: '电话号码只能包含数字、连字符、括号、空格、“转”和分隔符',
});
const email = text(100, 0).refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
  message: '电子邮箱格式不正确',
});

export const profileBody = z.strictObject({
  legalBasis: text(4000, 0),
  duties: text(4000, 0),
  address: text(200, 0),
  phone,
  officeHours: text(200, 0),
  supervisionPhone: phone,
  supervisionEmail: email,
  reconsiderationBody: text(200, 0),
  litigationCourt: text(200, 0),
});

export const agencyProfileRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/agencies/:id/profile',
    access: 'agency.read',
    summary: '执法主体公示信息：职责、依据、地址电话、监督和救济渠道',
    params: idParams,
    handler: async ({ db, user, params }) => {
      await requireAgencyInScope(db, user, params.id, '执法主体');
      const [row] = await loadProfiles(db, [params.id]);
      if (!row) throw notFound('执法主体');
      return { ...presentProfile(row), actions: { edit: mayTake(user, 'agency.manage') } };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/agencies/:id/profile',
    access: 'agency.manage',
    summary: '修改执法主体公示信息',
    params: idParams,
    body: profileBody,
    handler: async ({ db, user, params, body, app, audit, record }) => {
      await requireAgencyInScope(db, user, params.id, '执法主体');
      const [before] = await loadProfiles(db, [params.id]);
      if (!before) throw notFound('执法主体');
      const change = profileChange(presentProfile(before), body);
      if (Object.keys(change).length > 0) {
        await saveProfile(db, params.id, body, app.clock());
        await audit({
          event: 'agency_updated',
          outcome: 'success',
          target: before.name,
          detail: { fields: Object.keys(change) },
        });
        await record({
          streamId: `agency:${params.id}`,
          agencyId: params.id,
          kind: 'agency.profileUpdated',
          payload: { change },
        });
      }
      const [after] = await loadProfiles(db, [params.id]);
      return { ...presentProfile(after!), actions: { edit: true } };
    },
  }),
];
