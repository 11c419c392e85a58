/**
 * 事前公开 lists (P4, P5, X4, Q8) and 执法流程图 (P6): endpoints and shapes.
 * Status, labels and the actions a viewer may take come from the server.
 */
import { api } from '../../app/api';
import type { HistoryEvent, VersionPublication, VersionSummary } from '../../app/publication';

export type ListKind = 'serviceGuide' | 'inspectionItem' | 'discretionBenchmark' | 'exemption';
export type ListStatus = 'draft' | 'submitted' | 'published' | 'withdrawn';

export interface GuideContent {
  basis: string;
  acceptingBody: string;
  approvingBody: string;
  conditions: string;
  materials: { name: string; originals: number; copies: number; note: string }[];
  steps: { name: string; description: string }[];
  statutoryLimitDays: number;
  promisedLimitDays: number;
  limitNote: string;
  fees: string;
  supervision: string;
  accountability: string;
  remedies: string;
  officeHours: string;
  address: string;
  phone: string;
}

export interface InspectionContent {
  inspectingBody: string;
  basis: string;
  targets: string;
  inspectionContent: string;
  samplingRatioPercent: number;
  methods: string[];
  frequency: string;
  note: string;
}

export interface Circumstance {
  level: string;
  description: string;
  fineMinYuan: number;
  fineMaxYuan: number;
  otherMeasures: string;
}

export interface BenchmarkContent {
  violatedProvision: string;
  penaltyProvision: string;
  statutoryPenalty: string;
  circumstances: Circumstance[];
  note: string;
}

export interface ExemptionContent {
  violatedProvision: string;
  exemptionKind: string;
  conditions: string;
  exemptionBasis: string;
  measures: string;
  note: string;
}

export type ListContent = GuideContent | InspectionContent | BenchmarkContent | ExemptionContent;

export interface ListVersion extends VersionPublication {
  version: number;
  title: string;
  enforcementItem: { id: string; code: string; name: string } | null;
  basisArticleIds: string[];
  basisArticles: { articleId: string; number: string; law: { shortTitle: string; statusLabel: string } }[];
  citations: string;
  content: ListContent;
  labels: {
    methodLabels?: string[];
    exemptionKindLabel?: string;
    statutoryConditions?: string;
    circumstanceLabels?: { level: string; label: string; fineRange: string }[];
  };
}

export interface ListEntry {
  id: string;
  kind: ListKind;
  agency: { id: string; name: string };
  latestVersion: number;
  publishedVersion: number | null;
  pendingVersion: number | null;
  status: ListStatus;
  statusLabel: string;
  current: ListVersion;
  updatedAt: string;
  actions: { edit: boolean; submit: boolean; return: boolean; publish: boolean; withdraw: boolean };
}

export interface ListEntryDetail extends ListEntry {
  published: ListVersion | null;
  selected: ListVersion | null;
  versions: (VersionSummary & { title: string })[];
  history: HistoryEvent[];
}

export interface Choice {
  value: string;
  label: string;
}

export interface ListChoices {
  inspectionMethods: Choice[];
  circumstanceLevels: Choice[];
  exemptionKinds: (Choice & { conditions: string; basis: string })[];
}

export interface ListPage extends ListChoices {
  items: ListEntry[];
  actions: { create: boolean; import: boolean };
}

/** What an .xlsx import did (or, as a dry run, would do): entries by title. */
export interface ListImportOutcome {
  agencyId: string;
  rows: number;
  entries: number;
  created: string[];
  updated: string[];
  unchanged: string[];
  dryRun: boolean;
}

/** What the forms send: the common fields and the kind's own. */
export type ListBody = {
  title: string;
  enforcementItemId: string | null;
  basisArticleIds: string[];
  changeNote: string;
} & Record<string, unknown>;

export const kindPaths: Record<ListKind, string> = {
  serviceGuide: 'service-guides',
  inspectionItem: 'inspection-items',
  discretionBenchmark: 'discretion-benchmarks',
  exemption: 'exemptions',
};

/** The console page and portal page of each kind. */
export const kindPages: Record<ListKind, { title: string; noun: string; portal: string }> = {
  serviceGuide: { title: '服务指南', noun: '服务指南', portal: '/guides' },
  inspectionItem: { title: '随机抽查事项清单', noun: '抽查事项', portal: '/inspections' },
  discretionBenchmark: { title: '行政处罚裁量基准', noun: '裁量基准', portal: '/benchmarks' },
  exemption: { title: '轻微违法行为免罚清单', noun: '免罚事项', portal: '/exemptions' },
};

export type MoveAction = 'submit' | 'return' | 'publish' | 'withdraw';

export const listsApi = {
  list: (kind: ListKind) => api.get<ListPage>(`/api/${kindPaths[kind]}`),
  /** The .xlsx export, downloaded by the browser. */
  exportUrl: (kind: ListKind) => `/api/${kindPaths[kind]}/export`,
  import: (kind: ListKind, input: { fileName: string; content: string; dryRun: boolean }) =>
    api.post<ListImportOutcome>(`/api/${kindPaths[kind]}/import`, input),
  get: (kind: ListKind, id: string, version?: number) =>
    api.get<ListEntryDetail>(`/api/${kindPaths[kind]}/${id}`, version ? { version } : undefined),
  create: (kind: ListKind, body: ListBody) => api.post<ListEntryDetail>(`/api/${kindPaths[kind]}`, body),
  update: (kind: ListKind, id: string, body: ListBody) =>
    api.put<ListEntryDetail>(`/api/${kindPaths[kind]}/${id}`, body),
  move: (kind: ListKind, id: string, action: MoveAction, note: string) =>
    api.post<ListEntryDetail>(
      `/api/${kindPaths[kind]}/${id}/${action}`,
      action === 'submit' ? undefined : action === 'publish' ? { correctionNote: note } : { reason: note },
    ),
};

export const statusColors: Record<ListStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  published: 'success',
  withdrawn: 'warning',
};

// 执法流程图 (P6), read-only.

export interface FlowchartSummary {
  kind: string;
  title: string;
  summary: string;
}

export interface Flowchart extends FlowchartSummary {
  actKind: string;
  actKindLabel: string;
  legalBasis: string[];
  svg: string;
  stages: {
    id: string;
    label: string;
    conditional: boolean;
    condition: string | null;
    actors: string[];
    approvers: string[];
    assistants: string[];
    documents: string[];
    recording: string;
    legalBasis: string[];
    note: string | null;
    next: { to: string; label: string; note: string | null }[];
  }[];
}

/** Articles of the law library, for the basis picker. */
export interface ArticleOption {
  id: string;
  number: string;
  text: string;
  law: { id: string; shortTitle: string; statusLabel: string };
}

export const lookupApi = {
  articles: (q: string) => api.get<{ items: ArticleOption[] }>('/api/law-articles', { q, limit: 30 }),
  items: () =>
    api.get<{ items: { id: string; code: string; current: { name: string; type: string } }[] }>(
      '/api/enforcement-items',
    ),
};

export const flowchartsApi = {
  index: () =>
    api.get<{ items: { actKind: string; label: string; flowcharts: FlowchartSummary[] }[] }>(
      '/api/flowcharts',
    ),
  get: (kind: string) => api.get<Flowchart>(`/api/flowcharts/${kind}`),
};
