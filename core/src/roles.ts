/**
 * Roles (DESIGN.md "Who uses it") and the declarative policy: which role may
 * take which action. Scope (own agency, or subtree for supervisors) is applied
 * separately by the server's one scope filter; this table only says "may".
 */
export const roles = [
  'officer',
  'auxiliary',
  'unit_head',
  'legal_reviewer',
  'agency_head',
  'discloser',
  'archivist',
  'supervisor',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  officer: '执法人员',
  auxiliary: '执法辅助人员',
  unit_head: '承办机构负责人',
  legal_reviewer: '法制审核人员',
  agency_head: '机关负责人',
  discloser: '公示管理员',
  archivist: '档案管理员',
  supervisor: '监督人员',
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
};

/** 三员分立: one user never holds two of these. */
export const administratorRoles: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export const actions = [
  'calendar.read',
  'calendar.edit',
  'settings.read',
  'settings.edit',
  'settings.editSecurity',
  'agency.read',
  'agency.manage',
  'unit.manage',
  'user.read',
  'user.manage',
  'person.read',
  'person.manage',
  'person.revealIdNumber',
  'session.manage',
  'audit.read',
  'ledger.read',
  'ledger.checkpoint',
  'evidence.upload',
  'evidence.read',
] as const;
export type Action = (typeof actions)[number];

const everyone: readonly Role[] = roles;

export const policy: Record<Action, readonly Role[]> = {
  'calendar.read': everyone,
  'calendar.edit': ['system_admin'],
  // Officers meet settings through the deadlines they produce, not this page.
  'settings.read': [
    'system_admin',
    'security_admin',
    'audit_admin',
    'agency_head',
    'legal_reviewer',
    'supervisor',
  ],
  // Business settings belong to the system administrator; security policy to the
  // security administrator only (三员分立).
  'settings.edit': ['system_admin'],
  'settings.editSecurity': ['security_admin'],
  'agency.read': everyone,
  'agency.manage': ['system_admin'],
  'unit.manage': ['system_admin'],
  'user.read': ['system_admin', 'security_admin', 'agency_head', 'supervisor'],
  'user.manage': ['system_admin'],
  'person.read': ['system_admin', 'agency_head', 'unit_head', 'legal_reviewer', 'supervisor'],
  'person.manage': ['system_admin'],
  // The whole 身份证号 only for whoever maintains the register; each view is audited.
  'person.revealIdNumber': ['system_admin'],
  'session.manage': ['security_admin'],
  // The audit trail is the audit administrator's alone: not even the system administrator reads it.
  'audit.read': ['audit_admin'],
  // The whole-process record: the audit administrator and the supervising justice bureau.
  'ledger.read': ['audit_admin', 'supervisor'],
  'ledger.checkpoint': ['audit_admin'],
  // Evidence is collected by those who handle cases; an auxiliary may collect it, never sign for it.
  'evidence.upload': ['officer', 'auxiliary', 'unit_head', 'legal_reviewer', 'agency_head'],
  // Reading adds those who keep, supervise and audit case files; every read is on the ledger.
  'evidence.read': [
    'officer',
    'auxiliary',
    'unit_head',
    'legal_reviewer',
    'agency_head',
    'archivist',
    'supervisor',
    'audit_admin',
  ],
};

export function allowedActions(userRoles: readonly Role[]): Action[] {
  return actions.filter((action) => policy[action].some((role) => userRoles.includes(role)));
}

export function holdsConflictingAdministratorRoles(userRoles: readonly Role[]): boolean {
  return administratorRoles.filter((role) => userRoles.includes(role)).length > 1;
}
