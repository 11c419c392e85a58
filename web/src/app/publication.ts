/**
 * What the published registers (权责清单 and the 事前公开 lists) share: a record
 * goes through numbered versions, each drafted, submitted, published (or
 * superseded by a correction) or withdrawn, with a history of those steps.
 * The labels come from the server; only the history's action words are here.
 */

export type VersionState = 'draft' | 'submitted' | 'published' | 'superseded' | 'withdrawn';

/** Who wrote a version, and where it stands in publication. */
export interface VersionPublication {
  changeNote: string;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  state: VersionState;
  stateLabel: string;
  publishedAt: string | null;
  correctionNote: string;
  withdrawnAt: string | null;
  withdrawalReason: string;
}

/** One line of a record's version list. */
export interface VersionSummary {
  version: number;
  state: VersionState;
  stateLabel: string;
  changeNote: string;
  createdAt: string;
  createdBy: string | null;
  publishedAt: string | null;
  correctionNote: string;
  withdrawalReason: string;
}

export interface HistoryEvent {
  id: number;
  version: number;
  action: string;
  note: string;
  actor: string;
  occurredAt: string;
}

export const historyLabels: Record<string, string> = {
  drafted: '起草',
  submitted: '提交审核',
  returned: '退回修改',
  published: '发布',
  corrected: '更正发布',
  superseded: '被新版本更正',
  withdrawn: '撤下',
};
