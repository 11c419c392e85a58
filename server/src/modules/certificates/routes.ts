/**
 * 行政执法证件 (Q1): the register, its changes, the clean-up list, and the
 * leaving workflow with its cancellation requests (注销申请) to the supervising
 * justice bureau. Every change is one transaction with its ledger event on the
 * stream certificate:<id>; the public side is in portal/officers.tsx.
 */
import {
  AppError,
  certificateStatuses,
  enforcementCategories,
  expiresWithin,
  type IsoDate,
  revocationKinds,
  shanghaiDateOf,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { isoDate, text, uuid } from '../../http/fields.js';
import { publicBaseUrl } from '../../http/public-url.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { agencyScope, notFound, requireInScope } from '../../http/scope.js';
import type { CurrentUser } from '../../http/session.js';
import { sendWorkbook, sheetUpload, uploadOf } from '../../xlsx/route.js';
import {
  type CertificateRow,
  certificateQuery,
  holderHasLeft,
  type PresentedCertificate,
  presentCertificate,
} from './presenter.js';
import { categories, certificateNumber, regionCode } from './schema.js';
import {
  issueCertificate,
  issuedEvent,
  type LoadedCertificate,
  leaveEnforcement,
  recordAnnualCheck,
  reinstateCertificate,
  revokeCertificate,
  suspendCertificate,
} from './service.js';
import { exportCertificates, importCertificates } from './sheet.js';

const idParams = z.strictObject({ id: uuid });

const reason = text(500);

const today = (now: Date): IsoDate => shanghaiDateOf(now);
const actorOf = (user: CurrentUser, now: Date) => ({ id: user.id, now, today: today(now) });

async function loadCertificates(
  db: Kysely<DB>,
  agencyIds: string[],
  ids?: string[],
): Promise<CertificateRow[]> {
  if (agencyIds.length === 0 || ids?.length === 0) return [];
  let query = certificateQuery(db)
    .where('c.agency_id', 'in', agencyIds)
    .orderBy('n.name')
    .orderBy('p.name')
    .orderBy('c.number');
  if (ids) query = query.where('c.id', 'in', ids);
  return (await query.execute()) as CertificateRow[];
}

async function loadForChange(db: Kysely<DB>, user: CurrentUser, id: string): Promise<LoadedCertificate> {
  const row = await db
    .selectFrom('certificate')
    .select(['id', 'agency_id', 'state', 'annual_check_due', 'number'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return requireInScope(db, user, row, '证件');
}

async function presentOne(db: Kysely<DB>, user: CurrentUser, id: string, now: Date) {
  const [row] = await loadCertificates(db, await agencyScope(db, user), [id]);
  if (!row) throw notFound('证件');
  return presentCertificate(row, user, today(now));
}

/** Unit ids at or below the given unit (a brigade includes its squads). */
async function unitAndBelow(db: Kysely<DB>, unitId: string): Promise<Set<string>> {
  const root = await db.selectFrom('unit').select('agency_id').where('id', '=', unitId).executeTakeFirst();
  if (!root) return new Set();
  const units = await db
    .selectFrom('unit')
    .select(['id', 'parent_id'])
    .where('agency_id', '=', root.agency_id)
    .execute();
  const found = new Set([unitId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units)
      if (unit.parent_id && found.has(unit.parent_id) && !found.has(unit.id)) {
        found.add(unit.id);
        grew = true;
      }
  }
  return found;
}

async function verificationOf(number: string, base: string) {
  const url = `${base}/certificates/${encodeURIComponent(number)}`;
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { url, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

export const certificateRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/certificates',
    access: 'certificate.read',
    summary: '行政执法证件列表（按状态、承办机构、姓名或证号筛选）',
    query: z.strictObject({
      status: z.enum(certificateStatuses).optional(),
      unitId: uuid.optional(),
      q: text(50, 0).optional(),
    }),
    handler: async ({ db, user, query, app }) => {
      const on = today(app.clock());
      let rows = await loadCertificates(db, await agencyScope(db, user));
      if (query.unitId) {
        const units = await unitAndBelow(db, query.unitId);
        rows = rows.filter((r) => r.unit_id !== null && units.has(r.unit_id));
      }
      const term = query.q?.toUpperCase();
      if (term) rows = rows.filter((r) => r.person_name.includes(term) || r.number.includes(term));
      let items = rows.map((row) => presentCertificate(row, user, on));
      if (query.status) items = items.filter((c) => c.status === query.status);
      return {
        today: on,
        items,
        categories: enforcementCategories,
        actions: { issue: mayTake(user, 'certificate.manage') },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/certificates/cleanup',
    access: 'certificate.read',
    summary: '证件清理提醒：即将到期、逾期未年审、持证人已调离或为辅助人员',
    query: z.strictObject({ withinDays: z.coerce.number().int().min(1).max(365).default(30) }),
    handler: async ({ db, user, query, app }) => {
      const on = today(app.clock());
      const rows = (await loadCertificates(db, await agencyScope(db, user))).filter(
        (r) => r.state !== 'revoked',
      );
      const present = (list: CertificateRow[]) => list.map((row) => presentCertificate(row, user, on));
      const facts = (r: CertificateRow) => ({
        state: r.state,
        revocationKind: r.revocation_kind,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        annualCheckDue: r.annual_check_due,
      });
      return {
        today: on,
        withinDays: query.withinDays,
        expiringSoon: present(rows.filter((r) => expiresWithin(facts(r), on, query.withinDays))),
        annualCheckOverdue: present(
          rows.filter((r) => r.annual_check_due < on && r.valid_to >= on && r.state === 'active'),
        ),
        holdersLeft: present(rows.filter(holderHasLeft)),
        holdersAuxiliary: present(rows.filter((r) => r.person_kind === 'auxiliary')),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/certificates/:id',
    access: 'certificate.read',
    summary: '证件详情：状态历史、注销申请、核验二维码',
    params: idParams,
    handler: async ({ db, user, params, app, request }) => {
      const certificate = await presentOne(db, user, params.id, app.clock());
      const history = await db
        .selectFrom('certificate_event as e')
        .leftJoin('app_user as u', 'u.id', 'e.actor_id')
        .select(['e.id', 'e.kind', 'e.occurred_on', 'e.reason', 'e.recorded_at', 'u.display_name'])
        .where('e.certificate_id', '=', certificate.id)
        .orderBy('e.id')
        .execute();
      const cancellation = await db
        .selectFrom('certificate_cancellation as x')
        .leftJoin('agency as a', 'a.id', 'x.addressed_to_agency_id')
        .select(['x.id', 'x.reason', 'x.requested_on', 'x.completed_at', 'x.completion_note', 'a.name'])
        .where('x.certificate_id', '=', certificate.id)
        .executeTakeFirst();
      return {
        ...certificate,
        history: history.map((e) => ({
          id: e.id,
          kind: e.kind,
          occurredOn: e.occurred_on,
          reason: e.reason,
          recordedAt: e.recorded_at,
          actor: e.display_name,
        })),
        cancellation: cancellation
          ? {
              id: cancellation.id,
              reason: cancellation.reason,
              requestedOn: cancellation.requested_on,
              addressedTo: cancellation.name,
              completedAt: cancellation.completed_at,
              completionNote: cancellation.completion_note,
            }
          : null,
        verification: await verificationOf(certificate.number, publicBaseUrl(app.publicUrl, request)),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/certificates',
    access: 'certificate.manage',
    summary: '登记发放行政执法证件',
    body: z.strictObject({
      personId: uuid,
      number: certificateNumber,
      categories,
      regionCode,
      regionName: text(50),
      validFrom: isoDate,
      validTo: isoDate,
      issuingAuthority: text(100),
      annualCheckDue: isoDate.optional(),
    }),
    handler: async ({ db, user, body, app, record, reply }) => {
      const person = await requireInScope(
        db,
        user,
        await db
          .selectFrom('person')
          .select(['id', 'agency_id', 'name', 'kind', 'active', 'left_enforcement_on'])
          .where('id', '=', body.personId)
          .executeTakeFirst(),
        '人员',
      );
      const now = app.clock();
      const issued = await issueCertificate(db, person, body, actorOf(user, now));
      await record(issuedEvent(issued, person, body));
      reply.status(201);
      return presentOne(db, user, issued.id, now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/certificates/:id/annual-check',
    access: 'certificate.manage',
    summary: '登记年审结果（不合格即暂扣）',
    params: idParams,
    body: z.strictObject({
      result: z.enum(['passed', 'failed']),
      checkedOn: isoDate,
      nextDue: isoDate.optional(),
      note: text(500, 0).default(''),
    }),
    handler: async ({ db, user, params, body, app, record }) => {
      const certificate = await loadForChange(db, user, params.id);
      const now = app.clock();
      const { nextDue } = await recordAnnualCheck(db, certificate, body, actorOf(user, now));
      await record({
        streamId: `certificate:${certificate.id}`,
        agencyId: certificate.agency_id,
        kind: 'certificate.annualCheck',
        payload: { result: body.result, checkedOn: body.checkedOn, nextDue, note: body.note },
      });
      return presentOne(db, user, certificate.id, now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/certificates/:id/suspend',
    access: 'certificate.manage',
    summary: '暂扣证件（须写明理由）',
    params: idParams,
    body: z.strictObject({ reason }),
    handler: async ({ db, user, params, body, app, record }) => {
      const certificate = await loadForChange(db, user, params.id);
      const now = app.clock();
      await suspendCertificate(db, certificate, body.reason, actorOf(user, now));
      await record({
        streamId: `certificate:${certificate.id}`,
        agencyId: certificate.agency_id,
        kind: 'certificate.suspended',
        payload: { reason: body.reason },
      });
      return presentOne(db, user, certificate.id, now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/certificates/:id/reinstate',
    access: 'certificate.manage',
    summary: '恢复暂扣的证件（须写明理由）',
    params: idParams,
    body: z.strictObject({ reason }),
    handler: async ({ db, user, params, body, app, record }) => {
      const certificate = await loadForChange(db, user, params.id);
      const now = app.clock();
      await reinstateCertificate(db, certificate, body.reason, actorOf(user, now));
      await record({
        streamId: `certificate:${certificate.id}`,
        agencyId: certificate.agency_id,
        kind: 'certificate.reinstated',
        payload: { reason: body.reason },
      });
      return presentOne(db, user, certificate.id, now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/certificates/:id/revoke',
    access: 'certificate.manage',
    summary: '吊销或注销证件（须写明理由；公众核验立即显示）',
    params: idParams,
    body: z.strictObject({ kind: z.enum(revocationKinds).default('revoked'), reason }),
    handler: async ({ db, user, params, body, app, record }) => {
      const certificate = await loadForChange(db, user, params.id);
      const now = app.clock();
      await revokeCertificate(db, certificate, body.kind, body.reason, actorOf(user, now));
      await record({
        streamId: `certificate:${certificate.id}`,
        agencyId: certificate.agency_id,
        kind: 'certificate.revoked',
        payload: { kind: body.kind, reason: body.reason },
      });
      return presentOne(db, user, certificate.id, now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/persons/:id/leave-enforcement',
    access: 'certificate.manage',
    summary: '人员调离执法岗位：注销其证件并向司法行政部门提出注销申请',
    params: idParams,
    body: z.strictObject({ leftOn: isoDate, reason }),
    handler: async ({ db, user, params, body, app, record }) => {
      const person = await requireInScope(
        db,
        user,
        await db
          .selectFrom('person')
          .select(['id', 'agency_id', 'name', 'left_enforcement_on'])
          .where('id', '=', params.id)
          .forUpdate()
          .executeTakeFirst(),
        '人员',
      );
      const now = app.clock();
      const result = await leaveEnforcement(db, person, body, actorOf(user, now));
      await record({
        streamId: `person:${person.id}`,
        agencyId: person.agency_id,
        kind: 'person.leftEnforcement',
        payload: { leftOn: body.leftOn, reason: body.reason },
      });
      for (const { certificate, cancellationId } of result.cancellations) {
        const stream = { streamId: `certificate:${certificate.id}`, agencyId: certificate.agency_id };
        await record({
          ...stream,
          kind: 'certificate.revoked',
          payload: { kind: 'cancelled', reason: result.reason },
        });
        await record({
          ...stream,
          kind: 'certificate.cancellationRequested',
          payload: { cancellationId, addressedToAgencyId: result.addressedTo, reason: result.reason },
        });
      }
      return {
        personId: person.id,
        leftOn: body.leftOn,
        cancelled: result.cancellations.map((c) => ({
          certificateId: c.certificate.id,
          number: c.certificate.number,
          cancellationId: c.cancellationId,
        })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/certificate-cancellations',
    access: 'certificate.read',
    summary: '证件注销申请（报司法行政部门）',
    handler: async ({ db, user }) => {
      const agencyIds = await agencyScope(db, user);
      if (agencyIds.length === 0) return { items: [] };
      const rows = await db
        .selectFrom('certificate_cancellation as x')
        .innerJoin('certificate as c', 'c.id', 'x.certificate_id')
        .innerJoin('person as p', 'p.id', 'c.person_id')
        .innerJoin('agency as a', 'a.id', 'x.agency_id')
        .leftJoin('agency as dest', 'dest.id', 'x.addressed_to_agency_id')
        .leftJoin('app_user as done', 'done.id', 'x.completed_by')
        .select([
          'x.id',
          'x.certificate_id',
          'c.number',
          'p.name as person_name',
          'a.name as agency_name',
          'dest.name as addressed_to',
          'x.reason',
          'x.requested_on',
          'x.completed_at',
          'x.completion_note',
          'done.display_name as completed_by',
        ])
        .where('x.agency_id', 'in', agencyIds)
        .orderBy('x.requested_at', 'desc')
        .orderBy('c.number')
        .execute();
      const complete = mayTake(user, 'certificate.completeCancellation');
      return {
        items: rows.map((r) => ({
          id: r.id,
          certificateId: r.certificate_id,
          number: r.number,
          holderName: r.person_name,
          agencyName: r.agency_name,
          addressedTo: r.addressed_to,
          reason: r.reason,
          requestedOn: r.requested_on,
          completedAt: r.completed_at,
          completedBy: r.completed_by,
          completionNote: r.completion_note,
          actions: { complete: complete && r.completed_at === null },
        })),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/certificate-cancellations/:id/complete',
    access: 'certificate.completeCancellation',
    summary: '司法行政部门办结证件注销',
    params: idParams,
    body: z.strictObject({ note: text(500, 0).default('') }),
    handler: async ({ db, user, params, body, app, record }) => {
      const cancellation = await requireInScope(
        db,
        user,
        await db
          .selectFrom('certificate_cancellation')
          .select(['id', 'agency_id', 'certificate_id', 'completed_at'])
          .where('id', '=', params.id)
          .forUpdate()
          .executeTakeFirst(),
        '注销申请',
      );
      if (cancellation.completed_at !== null) throw new AppError('RULE_VIOLATION', '该注销申请已办结');
      const now = app.clock();
      await db
        .updateTable('certificate_cancellation')
        .set({ completed_at: now, completed_by: user.id, completion_note: body.note })
        .where('id', '=', cancellation.id)
        .execute();
      await record({
        streamId: `certificate:${cancellation.certificate_id}`,
        agencyId: cancellation.agency_id,
        kind: 'certificate.cancellationCompleted',
        payload: { cancellationId: cancellation.id, note: body.note },
      });
      return { id: cancellation.id, completedAt: now };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/certificates/export',
    access: 'certificate.read',
    summary: '导出行政执法证件登记（.xlsx，含导出当日状态）',
    handler: async ({ db, user, app, reply }) => {
      const now = app.clock();
      const on = today(now);
      const data = await exportCertificates(db, await agencyScope(db, user), on, now);
      return sendWorkbook(reply, data, `certificates-${on}.xlsx`, `行政执法证件-${on}.xlsx`);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/certificates/import',
    access: 'certificate.manage',
    summary: '导入行政执法证件（.xlsx，与导出格式相同；新编号发证，相同内容跳过，逐行校验，有误则不写入）',
    body: sheetUpload,
    handler: async ({ db, user, body, app, record }) => {
      const now = app.clock();
      return importCertificates(
        db,
        record,
        { agencyId: user.agencyId, ...uploadOf(body) },
        actorOf(user, now),
      );
    },
  }),
];

export type { PresentedCertificate };
