/** 窗口公示牌 endpoints and shapes (P8). Staff names and positions come from the person register. */
import { api } from '../../app/api';
import type { SheetCounts } from '../../app/SheetImportModal';

export interface WindowBoard {
  id: string;
  agencyId: string;
  name: string;
  unit: { id: string; name: string | null } | null;
  enforcementTypes: string[];
  enforcementTypeLabels: string[];
  services: string[];
  officeHours: string;
  phone: string;
  location: string;
  sortOrder: number;
  updatedAt: string;
  staff: {
    personId: string;
    name: string;
    position: string;
    unit: string | null;
    duty: string;
    active: boolean;
  }[];
}

export interface WindowBoardList {
  agency: { id: string; name: string };
  items: WindowBoard[];
  enforcementTypes: { value: string; label: string }[];
  units: { id: string; name: string; parentId: string | null }[];
  staffCandidates: { id: string; name: string; position: string; kind: string; unit: string | null }[];
  actions: { manage: boolean };
}

export interface BoardInput {
  name: string;
  unitId: string | null;
  enforcementTypes: string[];
  services: string[];
  officeHours: string;
  phone: string;
  location: string;
  sortOrder: number;
  staff: { personId: string; duty: string }[];
}

/** The agency's own boards as .xlsx (a download: the browser sends the session cookie). */
export const windowBoardsExportUrl = '/api/window-boards/export';

export const windowBoardsApi = {
  list: (agencyId?: string) => api.get<WindowBoardList>('/api/window-boards', { agencyId }),
  importSheet: (content: string, dryRun: boolean) =>
    api.post<SheetCounts>('/api/window-boards/import', { content, dryRun }),
  create: (agencyId: string, input: BoardInput) =>
    api.post<WindowBoard>('/api/window-boards', { agencyId, ...input }),
  replace: (id: string, input: BoardInput) => api.put<WindowBoard>(`/api/window-boards/${id}`, input),
  remove: (id: string) => api.delete(`/api/window-boards/${id}`),
};
