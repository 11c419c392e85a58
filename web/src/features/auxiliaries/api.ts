/** 辅助人员名册 endpoints and shapes (Q2: auxiliaries assist an officer, never act alone). */
import { api } from '../../app/api';
import type { SheetCounts } from '../../app/SheetImportModal';

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

/** The agency's own register as .xlsx (a download: the browser sends the session cookie). */
export const auxiliariesExportUrl = '/api/auxiliaries/export';

export const auxiliariesApi = {
  list: () => api.get<{ items: Auxiliary[] }>('/api/auxiliaries'),
  importSheet: (content: string, dryRun: boolean) =>
    api.post<SheetCounts>('/api/auxiliaries/import', { content, dryRun }),
  register: (input: NewAuxiliary) => api.post<Auxiliary>('/api/auxiliaries', input),
  update: (id: string, change: AuxiliaryChange) => api.patch<Auxiliary>(`/api/auxiliaries/${id}`, change),
};
