/**
 * 案件 endpoints and shapes (server/src/modules/cases/presenter.ts). The server
 * judges every move and step; the console shows its verdicts and refusals.
 */
import type { RecordingKind, RecordingRequirement } from '@zhifa/core';
import { api, upload } from '../../app/api';

export interface Refusal {
  rule: string;
  code: string;
  message: string;
  field: string | null;
}

export interface RunningClock {
  id: string;
  rule: string;
  label: string;
  startedOn: string;
  dueOn: string;
  counting: 'working' | 'calendar';
  daysLeft: number;
  leadDays: number;
  warning: boolean;
  overdue: boolean;
  owner: 'agency' | 'party';
  note?: string;
  /** 暂定: the count reaches a year whose holiday arrangement is not imported yet. */
  provisional?: { earliestOn: string; latestOn: string; reason: string };
}

export interface ClockProblem {
  id: string;
  rule: string;
  message: string;
}

export interface CaseSummary {
  id: string;
  caseNumber: string | null;
  title: string;
  processKind: string;
  processTitle: string;
  stage: string;
  stageLabel: string;
  stageOutcome: string | null;
  party: { kind: 'individual' | 'organisation'; name: string; idNumberMasked?: string | null };
  major: boolean;
  registeredOn: string | null;
  lead: string | null;
  version: number;
  archivedAt: string | null;
  updatedAt: string;
  overdue: boolean;
  warning: boolean;
  nextDue: RunningClock | null;
}

export interface CaseList {
  today: string;
  total: number;
  page: number;
  pageSize: number;
  items: CaseSummary[];
  actions: { register: boolean };
}

export interface Move {
  to: string;
  label: string;
  /** A move back (退回补充调查, 重新告知, 送法制审核): it asks for a reason. */
  back: boolean;
  outcomes: string[] | null;
  action: string;
  mayAct: boolean;
  allowed: boolean;
  refusals: Refusal[];
  lateness: Refusal[];
}

export interface CaseOfficer {
  personId: string;
  name: string;
  role: 'lead' | 'assisting' | 'assistant';
  personKind: string;
  qualification: { allowed: boolean; reason: string; message: string; certificateNumber: string | null };
}

export interface CaseRecord {
  id: string;
  kind: RecordKind;
  stage: string;
  content: Record<string, unknown>;
  madeAt: string;
  recordedAt: string;
  recordedBy: string;
}

export interface CaseEvidence {
  id: string;
  evidenceId: string;
  stage: string;
  partyName: string | null;
  recordingKind: 'video' | 'audio' | 'photo' | null;
  description: string;
  mediaType: string;
  originalName: string | null;
  size: number;
  sha256: string;
  capturedAt: string;
  linkedAt: string;
  linkedBy: string;
  contentUrl: string;
}

/** The party as the case page shows it: masked, with what art. 59(一) still needs. */
export interface CaseParty {
  kind: 'individual' | 'organisation';
  name: string;
  idNumberMasked: string | null;
  addressMasked: string | null;
  phoneMasked: string | null;
  representative: string | null;
  missing: string[];
}

export interface PartyDetails {
  idNumber?: string;
  address?: string;
  phone?: string;
  representative?: string;
}

/** The violation's item of the 权责清单: its fine by law and the articles it cites, each linked. */
export interface CaseItem {
  id: string;
  code: string;
  name: string;
  typeLabel: string;
  fineMinYuan: number | null;
  fineMaxYuan: number | null;
  basis: { citation: string; url: string; text: string }[];
}

export interface CaseDetail extends Omit<CaseSummary, 'party'> {
  party: CaseParty;
  item: CaseItem | null;
  source: string;
  sourceNote: string;
  enforcementItemId: string | null;
  completedStages: string[];
  stageOutcomes: { id: string; label: string }[];
  /** R4/R5: what recording the current stage needs, by the agency's list or the definition. */
  stageRecording: {
    requirement: RecordingRequirement;
    kinds: RecordingKind[];
    source: 'list' | 'definition';
  };
  facts: Record<string, unknown>;
  officers: CaseOfficer[];
  records: CaseRecord[];
  evidence: CaseEvidence[];
  /** The case's documents; `contentUrl` is null where the viewer may not download them (SEC-14). */
  documents: { id: string; contentUrl: string | null }[];
  deadlines: { clocks: RunningClock[]; problems: ClockProblem[] };
  moves: Move[];
  actions: { handle: boolean; assist: boolean; approve: boolean; review: boolean; steps: string[] };
}

export interface TimelineEvent {
  seq: number;
  occurredAt: string;
  kind: string;
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
  actor: { username: string; displayName: string } | null;
}

export interface Timeline {
  streamId: string;
  verification: {
    ok: boolean;
    events: number;
    firstBreak: { seq: number; problem: string; detail: string } | null;
  };
  items: TimelineEvent[];
}

export interface MyDeadline extends RunningClock {
  caseId: string;
  caseNumber: string | null;
  title: string;
}

export type RecordKind = 'inquiry' | 'onSite' | 'hearing' | 'defence';

export interface ListFilter {
  stage?: string | undefined;
  processKind?: string | undefined;
  officerId?: string | undefined;
  mine?: 'true' | undefined;
  overdue?: 'true' | 'false' | undefined;
  page: number;
  pageSize: number;
}

export interface RegisterInput {
  processKind: string;
  title: string;
  source: string;
  sourceNote?: string;
  party: { kind: 'individual' | 'organisation'; name: string } & PartyDetails;
  discoveredOn: string;
  violation?: { occurredOn: string; continuing: boolean; severeHarm: boolean };
}

export interface DocumentKindInfo {
  kind: string;
  title: string;
  code: string | null;
  signerRoles: string[];
  fields: { name: string; label: string; required: boolean; max: number }[];
  lists: {
    name: string;
    label: string;
    required: boolean;
    items: { name: string; label: string; required: boolean }[];
  }[];
}

export interface RenderedDocument {
  id: string;
  kind: string;
  title: string;
  number: string | null;
}

const base = (id: string) => `/api/cases/${id}`;

/** Who may be named on a case's team: the agency's active officers, heads and auxiliaries. */
export interface OfficerCandidate {
  id: string;
  name: string;
  kind: 'officer' | 'head' | 'auxiliary';
  kindLabel: string;
  unitName: string | null;
}

export const casesApi = {
  list: (filter: ListFilter) => api.get<CaseList>('/api/cases', { ...filter }),
  get: (id: string) => api.get<CaseDetail>(base(id)),
  register: (input: RegisterInput) => api.post<CaseDetail>('/api/cases', input),
  move: (id: string, body: { to: string; outcome?: string | undefined; reason?: string; version: number }) =>
    api.post<CaseDetail>(`${base(id)}/transitions`, body),
  step: (id: string, path: string, body: Record<string, unknown>) =>
    api.post<CaseDetail>(`${base(id)}/${path}`, body),
  addRecord: (id: string, body: { kind: RecordKind; madeAt: string; content: Record<string, unknown> }) =>
    api.post<{ id: string }>(`${base(id)}/records`, body),
  linkEvidence: (
    id: string,
    body: { evidenceId: string; recordingKind?: string; description?: string; partyName?: string },
  ) => api.post<{ id: string }>(`${base(id)}/evidence`, body),
  timeline: (id: string) => api.get<Timeline>(`${base(id)}/timeline`),
  myDeadlines: () =>
    api.get<{
      today: string;
      /** Cases of mine with a running clock; the `shown` earliest due are in `items`. */
      total: number;
      shown: number;
      items: MyDeadline[];
      problems: (ClockProblem & { caseId: string; title: string })[];
    }>('/api/me/deadlines'),
  /** The kinds and whether this server makes PDFs (LibreOffice installed). */
  documentKinds: () =>
    api.get<{ pdf: 'available' | 'unavailable'; kinds: DocumentKindInfo[] }>('/api/document-kinds'),
  /** A document made from the case itself (a 笔录 named by recordId): nothing typed twice. */
  renderFromCase: (id: string, body: { kind: string; recordId?: string }) =>
    api.post<RenderedDocument>(`${base(id)}/documents`, body),
  linkItem: (id: string, body: { version: number; enforcementItemId: string }) =>
    api.put<CaseDetail>(`${base(id)}/item`, body),
  updateParty: (id: string, body: { version: number } & PartyDetails) =>
    api.patch<CaseDetail>(`${base(id)}/party`, body),
  officerCandidates: (id: string) => api.get<{ items: OfficerCandidate[] }>(`${base(id)}/officer-candidates`),
  assignOfficers: (id: string, body: { version: number; officers: { personId: string; role: string }[] }) =>
    api.put<CaseDetail>(`${base(id)}/officers`, body),
  archiveCheck: (id: string) => api.get<ArchiveCheck>(`${base(id)}/archive-check`),
};

/** The file standard against the case's documents (ARCHIVE). */
export interface ArchiveCheck {
  archived: boolean;
  complete: boolean;
  required: { label: string; present: boolean; documents: { id: string; number: string | null }[] }[];
  missing: string[];
}

export const documentUrl = (id: string, format: 'docx' | 'pdf' = 'docx') =>
  `/api/documents/${id}/${format === 'pdf' ? 'pdf' : 'content'}`;

/** Uploads one evidence file, reporting progress; the capture metadata travels as form fields. */
export function uploadEvidence(
  file: File,
  fields: Record<string, string>,
  onProgress: (percent: number) => void,
): Promise<{ id: string }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value) form.append(key, value);
  form.append('file', file, file.name);
  return upload<{ id: string }>('/api/evidence', form, onProgress);
}

/** A field of a document kind the case does not hold (server: documents/kinds.ts, FieldSpec). */
export interface DocumentField {
  name: string;
  label: string;
  required: boolean;
  max: number;
}

/** One kind the case may produce now: what the case fills (read-only) and what is still needed. */
export interface DocumentPlanKind {
  kind: string;
  title: string;
  /** Whether the viewer may sign it (the signer is whoever renders it). */
  maySign: boolean;
  filled: { name: string; label: string; value: string }[];
  needed: DocumentField[];
  neededLists: DocumentKindInfo['lists'];
  /** 询问笔录 and 现场笔录 are made from a 笔录 of this kind. */
  recordKind?: string;
}

/** The kinds the case may produce now, each split into filled and needed (server: documentPlan). */
export const documentPlan = (caseId: string) =>
  api.get<{ caseId: string; kinds: DocumentPlanKind[] }>(`/api/cases/${caseId}/documents/kinds`);

/** A document of the case rendered on the server from the case; `data` holds only needed fields. */
export const renderCaseDocument = (caseId: string, kind: string, data: Record<string, unknown>) =>
  api.post<RenderedDocument>(`/api/cases/${caseId}/documents`, { kind, data });
