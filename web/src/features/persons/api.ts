/** 人员名册 endpoints and shapes. The 身份证号 comes masked; the whole number only by an audited call. */
import { api } from '../../app/api';

export type PersonKind = 'officer' | 'auxiliary' | 'reviewer' | 'head' | 'staff';

export interface Person {
  id: string;
  agencyId: string;
  name: string;
  kind: PersonKind;
  kindLabel: string;
  position: string;
  unit: { id: string; name: string | null } | null;
  idNumberMasked: string;
  active: boolean;
  /** The login linked to this person, if any. */
  username: string | null;
  actions: { edit: boolean; revealIdNumber: boolean };
}

export interface NewPerson {
  name: string;
  kind: PersonKind;
  unitId: string | null;
  position: string;
  idNumber: string;
}

export type PersonChange = Partial<Omit<NewPerson, 'idNumber'> & { active: boolean }>;

export const personsApi = {
  list: () => api.get<{ items: Person[] }>('/api/persons'),
  create: (input: NewPerson) => api.post<Person>('/api/persons', input),
  update: (id: string, change: PersonChange) => api.patch<Person>(`/api/persons/${id}`, change),
  revealIdNumber: (id: string) => api.post<{ idNumber: string }>(`/api/persons/${id}/id-number`),
};

export const personKindOptions: { value: PersonKind; label: string }[] = [
  { value: 'officer', label: '执法人员' },
  { value: 'auxiliary', label: '执法辅助人员' },
  { value: 'reviewer', label: '法制审核人员' },
  { value: 'head', label: '机关负责人' },
  { value: 'staff', label: '工作人员' },
];

export const personKindColors: Record<PersonKind, string> = {
  officer: 'blue',
  auxiliary: 'cyan',
  reviewer: 'purple',
  head: 'gold',
  staff: 'default',
};
