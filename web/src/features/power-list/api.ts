/** 权责清单 endpoints and shapes. Status, 待修订 and the allowed actions come from the server. */
import { api } from '../../app/api';
import type { HistoryEvent, VersionPublication, VersionState, VersionSummary } from '../../app/publication';
import type { LawStatus } from '../laws/api';

export type ItemStatus = 'draft' | 'submitted' | 'published' | 'withdrawn';

export interface Basis {
  articleId: string;
  number: string;
  anchor: string;
  text: string;
  law: {
    id: string;
    title: string;
    shortTitle: string;
    effectiveOn: string;
    status: LawStatus;
    statusLabel: string;
  };
  outdated: boolean;
}

export interface ItemVersion extends VersionPublication {
  version: number;
  revision: number;
  name: string;
  type: string;
  typeLabel: string;
  category: string;
  unit: { id: string; name: string } | null;
  duties: string;
  basis: Basis[];
  basisText: string;
  penaltyKinds: string[];
  penaltyKindLabels: string[];
  fineMinYuan: number | null;
  fineMaxYuan: number | null;
  fineRange: string;
  penaltyNote: string;
}

export interface ItemActions {
  edit: boolean;
  submit: boolean;
  review: boolean;
  return: boolean;
  publish: boolean;
  withdraw: boolean;
}

export interface Item {
  id: string;
  code: string;
  agency: { id: string; name: string };
  latestVersion: number;
  publishedVersion: number | null;
  pendingVersion: number | null;
  status: ItemStatus;
  statusLabel: string;
  needsRevision: boolean;
  outdatedCitations: string[];
  current: ItemVersion;
  legalityReview: { passed: boolean; state: 'passed' | 'failed' | 'stale' | 'none'; message: string } | null;
  updatedAt: string;
  actions: ItemActions;
}

export interface ItemDetail extends Item {
  published: ItemVersion | null;
  selected: ItemVersion | null;
  versions: (VersionSummary & { revision: number; name: string })[];
  reviews: {
    id: number;
    version: number;
    revision: number;
    current: boolean;
    result: 'passed' | 'failed';
    resultLabel: string;
    opinion: string;
    reviewer: string;
    reviewedAt: string;
  }[];
  history: HistoryEvent[];
}

export interface Choice {
  value: string;
  label: string;
}

export interface ItemList {
  today: string;
  items: Item[];
  types: Choice[];
  categories: string[];
  penaltyKinds: Choice[];
  actions: { create: boolean; import: boolean; export: boolean };
}

export interface ItemInput {
  code?: string;
  name: string;
  type: string;
  category: string;
  unitId: string | null;
  duties: string;
  basisArticleIds: string[];
  penaltyKinds: string[];
  fineMinYuan: number | null;
  fineMaxYuan: number | null;
  penaltyNote: string;
  changeNote: string;
}

export interface ImportOutcome {
  agencyId: string;
  rows: number;
  created: string[];
  updated: string[];
  unchanged: string[];
  dryRun: boolean;
}

export const exportUrl = '/api/enforcement-items/export';

export const powerListApi = {
  list: () => api.get<ItemList>('/api/enforcement-items'),
  get: (id: string, version?: number) =>
    api.get<ItemDetail>(`/api/enforcement-items/${id}`, version === undefined ? undefined : { version }),
  create: (input: ItemInput & { code: string }) => api.post<ItemDetail>('/api/enforcement-items', input),
  update: (id: string, input: ItemInput) => api.put<ItemDetail>(`/api/enforcement-items/${id}`, input),
  review: (id: string, result: 'passed' | 'failed', opinion: string) =>
    api.post<ItemDetail>(`/api/enforcement-items/${id}/legality-reviews`, { result, opinion }),
  submit: (id: string) => api.post<ItemDetail>(`/api/enforcement-items/${id}/submit`),
  return: (id: string, reason: string) =>
    api.post<ItemDetail>(`/api/enforcement-items/${id}/return`, { reason }),
  publish: (id: string, correctionNote: string) =>
    api.post<ItemDetail>(`/api/enforcement-items/${id}/publish`, { correctionNote }),
  withdraw: (id: string, reason: string) =>
    api.post<ItemDetail>(`/api/enforcement-items/${id}/withdraw`, { reason }),
  import: (input: { fileName: string; content: string; dryRun: boolean }) =>
    api.post<ImportOutcome>('/api/enforcement-items/import', input),
};

/** Tag colours; each tag carries its status in words too. */
export const statusColors: Record<ItemStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  published: 'success',
  withdrawn: 'error',
};

export const versionStateColors: Record<VersionState, string> = {
  draft: 'default',
  submitted: 'processing',
  published: 'success',
  superseded: 'default',
  withdrawn: 'error',
};

/** The legality review of the latest version, as a tag. */
export const reviewTags: Record<'passed' | 'failed' | 'stale' | 'none', { color: string; label: string }> = {
  passed: { color: 'success', label: '已通过' },
  failed: { color: 'error', label: '未通过' },
  stale: { color: 'warning', label: '改后须重审' },
  none: { color: 'default', label: '未审核' },
};

export const statusFilterOptions: Choice[] = [
  { value: 'draft', label: '草稿' },
  { value: 'submitted', label: '待审核' },
  { value: 'published', label: '已发布' },
  { value: 'withdrawn', label: '已撤下' },
  { value: 'needsRevision', label: '待修订' },
];
