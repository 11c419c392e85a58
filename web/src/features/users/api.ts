/** 用户与角色 endpoints and shapes, and the roles with their labels. */

// The roles and their labels are core's: one list for the server's policy and this console.
import { administratorRoles, type Role, roleLabels } from '@zhifa/core/roles';
import { api } from '../../app/api';

export { administratorRoles, type Role, roleLabels };

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

export const roleOptions = (Object.keys(roleLabels) as Role[]).map((role) => ({
  value: role,
  label: roleLabels[role],
}));

export const roleColors: Partial<Record<Role, string>> = {
  system_admin: 'magenta',
  security_admin: 'volcano',
  audit_admin: 'geekblue',
};
