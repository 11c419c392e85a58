/**
 * The security audit trail (安全审计): one typed list of event kinds with their
 * Chinese labels, and the one function that records an event. The table is
 * append-only in the database itself (migration 0002).
 */
import type { Kysely } from 'kysely';
import type { AuditOutcome, DB } from '../../db/schema.js';

export const auditEventLabels = {
  login: '登录',
  logout: '退出登录',
  lockout: '账户锁定',
  permission_denied: '越权访问被拒绝',
  password_changed: '修改密码',
  password_reset: '管理员重置密码',
  user_created: '创建用户',
  user_updated: '修改用户或角色',
  user_unlocked: '解除锁定',
  person_created: '登记人员',
  person_updated: '修改人员信息',
  id_number_revealed: '查看完整身份证号',
  agency_created: '新增执法主体',
  agency_updated: '修改执法主体',
  unit_created: '新增承办机构',
  unit_updated: '修改承办机构',
  settings_changed: '修改辖区设置',
  calendar_changed: '修改工作日历',
  session_revoked: '强制下线',
  totp_enabled: '启用双因素认证',
  totp_disabled: '停用双因素认证',
} as const;
export type AuditEventKind = keyof typeof auditEventLabels;

export interface AuditActor {
  id: string;
  username: string;
  agencyId: string;
}

export interface AuditEntry {
  event: AuditEventKind;
  outcome: AuditOutcome;
  actor: AuditActor | null;
  /** For a login attempt without a known user, the name that was tried. */
  username?: string;
  ip: string;
  target?: string;
  detail?: Record<string, unknown>;
}

export async function recordAudit(db: Kysely<DB>, entry: AuditEntry, now: Date): Promise<void> {
  await db
    .insertInto('security_audit')
    .values({
      occurred_at: now,
      user_id: entry.actor?.id ?? null,
      username: entry.actor?.username ?? entry.username ?? null,
      agency_id: entry.actor?.agencyId ?? null,
      ip: entry.ip,
      event: entry.event,
      outcome: entry.outcome,
      target: entry.target ?? '',
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}
