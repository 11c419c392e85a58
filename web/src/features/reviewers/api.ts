/** 法制审核人员 endpoints and shapes (L2). Capacity is computed by the server from the settings. */
import { api } from '../../app/api';
import type { SheetCounts } from '../../app/SheetImportModal';

export type Membership = 'staff' | 'legalAdviser' | 'publicLawyer';

export const membershipOptions: { value: Membership; label: string }[] = [
  { value: 'staff', label: '本机关工作人员' },
  { value: 'legalAdviser', label: '法律顾问' },
  { value: 'publicLawyer', label: '公职律师' },
];

export interface Reviewer {
  id: string;
  agency: { id: string; name: string };
  person: { id: string; name: string; kind: string; position: string; active: boolean };
  unit: string | null;
  membership: Membership;
  membershipLabel: string;
  qualification: string;
  appointedOn: string;
  endedOn: string | null;
  serving: boolean;
  actions: { edit: boolean };
}

export interface Capacity {
  agency: { id: string; name: string };
  officers: number;
  reviewers: number;
  byRatio: number;
  required: number;
  sufficient: boolean;
  shortBy: number;
  message: string;
}

export interface ReviewerList {
  agency: { id: string; name: string };
  today: string;
  items: Reviewer[];
  capacity: Capacity;
  actions: { register: boolean };
}

/** The agency's own list as .xlsx (a download: the browser sends the session cookie). */
export const reviewersExportUrl = '/api/reviewers/export';

export const reviewersApi = {
  list: (agencyId?: string) => api.get<ReviewerList>('/api/reviewers', { agencyId }),
  importSheet: (content: string, dryRun: boolean) =>
    api.post<SheetCounts>('/api/reviewers/import', { content, dryRun }),
  capacity: () => api.get<{ today: string; items: Capacity[]; short: number }>('/api/reviewers/capacity'),
  register: (input: {
    personId: string;
    membership: Membership;
    qualification: string;
    appointedOn?: string;
  }) => api.post<Reviewer>('/api/reviewers', input),
  update: (
    id: string,
    change: { membership?: Membership; qualification?: string; endedOn?: string | null },
  ) => api.patch<Reviewer>(`/api/reviewers/${id}`, change),
};
