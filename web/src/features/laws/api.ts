/** 法律法规库 endpoints and shapes. Status is derived by the server for today; the console only shows it. */
import { api } from '../../app/api';

export type LawStatus = 'inForce' | 'notYetEffective' | 'amended' | 'repealed';

export interface Law {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  shortTitle: string;
  issuingBody: string;
  documentNumber: string;
  promulgatedOn: string;
  effectiveOn: string;
  amendedOn: string | null;
  repealedOn: string | null;
  supersededBy: string | null;
  note: string;
  status: LawStatus;
  statusLabel: string;
  articleCount: number;
}

export interface Article {
  id: string;
  lawId: string;
  number: string;
  ordinal: number;
  anchor: string;
  text: string;
}

export interface LawDetail extends Law {
  articles: Article[];
  supersededByLaw: { id: string; title: string; effectiveOn: string } | null;
  otherRevisions: {
    id: string;
    title: string;
    effectiveOn: string;
    status: LawStatus;
    statusLabel: string;
  }[];
}

export interface LawList {
  today: string;
  items: Law[];
  kinds: { value: string; label: string }[];
  actions: { manage: boolean };
}

export interface LawInput {
  kind: string;
  title: string;
  shortTitle?: string;
  issuingBody: string;
  documentNumber: string;
  promulgatedOn: string;
  effectiveOn: string;
  amendedOn: string | null;
  repealedOn: string | null;
  supersededBy: string | null;
  note: string;
}

export interface ArticleInput {
  number: string;
  ordinal?: number;
  text: string;
}

export interface BulkResult {
  articles: { number: string; ordinal: number; text: string }[];
  skipped: string[];
  added: string[];
  updated: string[];
  existing: string[];
  dryRun: boolean;
}

export interface ArticleHit extends Article {
  law: {
    id: string;
    title: string;
    shortTitle: string;
    effectiveOn: string;
    status: LawStatus;
    statusLabel: string;
  };
}

/** What an .xlsx import did (or, as a dry run, would do): texts as “名称（施行日期 施行）”. */
export interface LawImportOutcome {
  rows: number;
  laws: number;
  created: string[];
  updated: string[];
  unchanged: string[];
  articlesAdded: number;
  articlesUpdated: number;
  dryRun: boolean;
}

export const lawsApi = {
  list: () => api.get<LawList>('/api/laws'),
  /** The .xlsx export, downloaded by the browser. */
  exportUrl: '/api/laws/export',
  import: (input: { fileName: string; content: string; dryRun: boolean }) =>
    api.post<LawImportOutcome>('/api/laws/import', input),
  get: (id: string) => api.get<LawDetail>(`/api/laws/${id}`),
  create: (input: LawInput) => api.post<LawDetail>('/api/laws', input),
  update: (id: string, change: Partial<LawInput>) => api.patch<LawDetail>(`/api/laws/${id}`, change),
  addArticle: (lawId: string, input: ArticleInput) => api.post<Article>(`/api/laws/${lawId}/articles`, input),
  updateArticle: (id: string, change: Partial<ArticleInput>) =>
    api.patch<Article>(`/api/law-articles/${id}`, change),
  bulk: (lawId: string, input: { text: string; overwrite: boolean; dryRun: boolean }) =>
    api.post<BulkResult>(`/api/laws/${lawId}/articles/bulk`, input),
  searchArticles: (q: string) => api.get<{ items: ArticleHit[] }>('/api/law-articles', { q, limit: 50 }),
};

/** Tag colours; the tag always carries the status in words too. */
export const lawStatusColors: Record<LawStatus, string> = {
  inForce: 'success',
  notYetEffective: 'default',
  amended: 'warning',
  repealed: 'error',
};

export const lawStatusOptions: { value: LawStatus; label: string }[] = [
  { value: 'inForce', label: '现行有效' },
  { value: 'notYetEffective', label: '尚未施行' },
  { value: 'amended', label: '已被修改' },
  { value: 'repealed', label: '已废止' },
];

/** The public page of an article: the portal's law page at its anchor. */
export const articleUrl = (lawId: string, anchor: string) => `/laws/${lawId}#${anchor}`;
