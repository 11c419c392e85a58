/** 用户与角色 endpoints and shapes, and the roles with their labels. */
import { api } from '../../app/api';

export type Role =
  | 'officer'
  | 'auxiliary'
  | 'unit_head'
  | 'legal_reviewer'
  | 'agency_head'
  | 'discloser'
  | 'archivist'
  | 'supervisor'
  | 'system_admin'
  | 'security_admin'
  | 'audit_admin';

export interface User {
  id: string;
  username: string;
  displayName: string;
  agency: { id: string; name: string };
  unit: { id: string; name: string | null } | null;
  roles: { role: Role; label: string }[];
  active: boolean;
  locked: boolean;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: string;
  person: { id: string; name: string | null; idNumberMasked: string | null } | null;
  actions: { edit: boolean; resetPassword: boolean; unlock: boolean };
}

export interface NewUser {
  username: string;
  displayName: string;
  agencyId?: string;
  unitId: string | null;
  personId: string | null;
  roles: Role[];
}

export interface UserChange {
  displayName?: string;
  unitId?: string | null;
  roles?: Role[];
  active?: boolean;
}

export const usersApi = {
  list: () => api.get<{ items: User[] }>('/api/users'),
  create: (input: NewUser) =>
    api.post<{ id: string; username: string; temporaryPassword: string }>('/api/users', input),
  update: (id: string, change: UserChange) => api.patch<User>(`/api/users/${id}`, change),
  resetPassword: (id: string) => api.post<{ temporaryPassword: string }>(`/api/users/${id}/reset-password`),
  unlock: (id: string) => api.post<void>(`/api/users/${id}/unlock`),
};

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

/** 三员分立: no user holds two of these. */
export const administratorRoles: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export const roleOptions = (Object.keys(roleLabels) as Role[]).map((role) => ({
  value: role,
  label: roleLabels[role],
}));

export const roleColors: Partial<Record<Role, string>> = {
  system_admin: 'magenta',
  security_admin: 'volcano',
  audit_admin: 'geekblue',
};
