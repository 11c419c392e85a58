/** Reading the security audit trail: the audit administrator's alone. No route changes it. */
import { type Kysely, sql } from 'kysely';
import Papa from 'papaparse';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { isoDate, text } from '../../http/fields.js';
import { defineRoute } from '../../http/route.js';
import { agencyScope } from '../../http/scope.js';
import type { CurrentUser } from '../../http/session.js';
import { auditEventLabels } from './events.js';

const filters = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  username: text(64).optional(),
  event: z.enum(Object.keys(auditEventLabels) as [keyof typeof auditEventLabels]).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
type Filters = z.output<typeof filters>;
const outcomeLabels = { success: '成功', failure: '失败', denied: '拒绝' } as const;

/**
 * Events of the agencies in scope; events of no agency (sign-in attempts by names that match no
 * user) belong to the deployment, so only its owner's audit administrators see them (SEC-6, SEC-5).
 */
async function auditQuery(db: Kysely<DB>, user: CurrentUser, f: Filters) {
  const agencyIds = await agencyScope(db, user);
  let query = db
    .selectFrom('security_audit')
    .where((eb) =>
      user.ownsDeployment
        ? eb.or([eb('agency_id', 'in', agencyIds), eb('agency_id', 'is', null)])
        : eb('agency_id', 'in', agencyIds),
    );
  // Dates are Asia/Shanghai calendar days.
  if (f.from)
    query = query.where(
      'occurred_at',
      '>=',
      sql<Date>`(${f.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
    );
  if (f.to)
    query = query.where(
      'occurred_at',
      '<',
      sql<Date>`(${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
    );
  if (f.username) query = query.where('username', '=', f.username.toLowerCase());
  if (f.event) query = query.where('event', '=', f.event);
  if (f.outcome) query = query.where('outcome', '=', f.outcome);
  return query;
}

const present = (row: {
  id: number;
  occurred_at: Date;
  username: string | null;
  ip: string;
  event: string;
  outcome: 'success' | 'failure' | 'denied';
  target: string;
  detail: Record<string, unknown>;
}) => ({
  id: row.id,
  occurredAt: row.occurred_at,
  username: row.username,
  ip: row.ip,
  event: row.event,
  eventLabel: auditEventLabels[row.event as keyof typeof auditEventLabels] ?? row.event,
  outcome: row.outcome,
  outcomeLabel: outcomeLabels[row.outcome],
  target: row.target,
  detail: row.detail,
});

const columns = ['id', 'occurred_at', 'username', 'ip', 'event', 'outcome', 'target', 'detail'] as const;

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/audit',
    access: 'audit.read',
    summary: '安全审计记录（可筛选）',
    query: filters,
    handler: async ({ db, user, query }) => {
      const base = await auditQuery(db, user, query);
      const { total } = await base
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();
      const rows = await base
        .select(columns)
        .orderBy('id', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute();
      return {
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: rows.map(present),
        events: auditEventLabels,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/audit/export',
    access: 'audit.read',
    summary: '导出安全审计记录（CSV）',
    query: filters.omit({ page: true, pageSize: true }),
    handler: async ({ db, user, query, reply }) => {
      const base = await auditQuery(db, user, { ...query, page: 1, pageSize: 1 });
      const rows = await base.select(columns).orderBy('id', 'asc').limit(100_000).execute();
      // SEC-6: usernames and targets come from outside (a login attempt); a cell a spreadsheet
      // would evaluate (=, +, -, @, tab, CR first) is written with a leading apostrophe.
      const csv = Papa.unparse(
        {
          fields: ['序号', '时间', '用户', 'IP', '事件', '结果', '对象', '详情'],
          data: rows
            .map(present)
            .map((r) => [
              r.id,
              r.occurredAt.toISOString(),
              r.username ?? '',
              r.ip,
              r.eventLabel,
              r.outcomeLabel,
              r.target,
              JSON.stringify(r.detail),
            ]),
        },
        { escapeFormulae: true },
      );
      void reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="security-audit.csv"');
      // The BOM makes Excel and WPS read the file as UTF-8.
      return `\uFEFF${csv}\r\n`;
    },
  }),
];
