/** 辅助人员名册 endpoints and shapes (Q2: auxiliaries assist an officer, never act alone). */
import { api } from '../../app/api';

export interface Auxiliary {
  id: string;
  agencyId: string;
  person: { id: string; name: string; position: string; active: boolean };
  unit: { id: string; name: string | null } | null;
  duties: string;
  supervisingPerson: { id: string; name: string | null } | null;
  registeredOn: string;
  endedOn: string | null;
  actions: { edit: boolean };
}

export interface NewAuxiliary {
  personId: string;
  duties: string;
  supervisingPersonId: string | null;
}

export interface AuxiliaryChange {
  duties?: string;
  supervisingPersonId?: string | null;
  endedOn?: string | null;
}

/** What a sheet import did (or, on a check, would do). */
export interface SheetImportOutcome {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}

/** The agency's own register as .xlsx (a download: the browser sends the session cookie). */
export const auxiliariesExportUrl = '/api/auxiliaries/export';

export const auxiliariesApi = {
  list: () => api.get<{ items: Auxiliary[] }>('/api/auxiliaries'),
  importSheet: (content: string, dryRun: boolean) =>
    api.post<SheetImportOutcome>('/api/auxiliaries/import', { content, dryRun }),
  register: (input: NewAuxiliary) => api.post<Auxiliary>('/api/auxiliaries', input),
  update: (id: string, change: AuxiliaryChange) => api.patch<Auxiliary>(`/api/auxiliaries/${id}`, change),
};
