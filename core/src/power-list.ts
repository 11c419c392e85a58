/**
 * 行政执法事项清单 / 权责清单 (P3): the types of enforcement item, the kinds of
 * administrative penalty (行政处罚法 art. 9), the penalty range of a penalty item,
 * the legality review (合法性审核) that must pass before a version is published,
 * and what the list shows for each item.
 *
 * Fines are whole yuan: statutes set ranges in whole yuan, and these are ranges
 * (like the settings), not amounts charged (which case handling keeps in fen).
 */
import type { ErrorDetail } from './errors.js';
// The kinds of penalty (行政处罚法 art. 9) are case handling's own list (penaltyKinds): one list for both.
import type { PenaltyKind } from './process/facts.js';

export const enforcementItemTypes = [
  'licensing',
  'penalty',
  'coercion',
  'inspection',
  'expropriation',
  'other',
] as const;
export type EnforcementItemType = (typeof enforcementItemTypes)[number];

export const enforcementItemTypeLabels: Record<EnforcementItemType, string> = {
  licensing: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  inspection: '行政检查',
  expropriation: '行政征收征用',
  other: '其他行政行为',
};

/** The short words of DESIGN.md (许可、处罚、强制、检查、征收征用、其他), as sheets and filters use them. */
export const enforcementItemTypeShortLabels: Record<EnforcementItemType, string> = {
  licensing: '许可',
  penalty: '处罚',
  coercion: '强制',
  inspection: '检查',
  expropriation: '征收征用',
  other: '其他',
};

/** The largest fine bound the list accepts (yuan): beyond any statutory range, below 2^53. */
export const maxFineYuan = 10_000_000_000;

export interface PenaltyRange {
  kinds: readonly PenaltyKind[];
  fineMinYuan: number | null;
  fineMaxYuan: number | null;
}

/**
 * What is wrong with a penalty range for an item of this type; fields are named
 * penaltyKinds, fineMinYuan and fineMaxYuan for the caller to prefix.
 * Only penalty items carry one; a penalty item names at least one kind; fine
 * bounds only with 罚款, whole yuan, min ≤ max. A bound may be open (null):
 * some statutes set only a ceiling, or a multiple of the illegal gains.
 */
export function penaltyRangeProblems(type: EnforcementItemType, range: PenaltyRange): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const hasFineBound = range.fineMinYuan !== null || range.fineMaxYuan !== null;
  if (type !== 'penalty') {
    if (range.kinds.length > 0)
      problems.push({ field: 'penaltyKinds', message: '只有行政处罚事项填写处罚种类' });
    if (hasFineBound) problems.push({ field: 'fineMinYuan', message: '只有行政处罚事项填写罚款幅度' });
    return problems;
  }
  if (range.kinds.length === 0)
    problems.push({ field: 'penaltyKinds', message: '行政处罚事项至少填写一种处罚种类' });
  if (new Set(range.kinds).size !== range.kinds.length)
    problems.push({ field: 'penaltyKinds', message: '处罚种类重复' });
  if (hasFineBound && !range.kinds.includes('fine'))
    problems.push({ field: 'penaltyKinds', message: '填写了罚款幅度，处罚种类应包含“罚款”' });
  for (const field of ['fineMinYuan', 'fineMaxYuan'] as const) {
    const value = range[field];
    if (value !== null && (!Number.isSafeInteger(value) || value < 0 || value > maxFineYuan))
      problems.push({ field, message: '罚款金额应为不小于 0 的整数（元）' });
  }
  if (range.fineMinYuan !== null && range.fineMaxYuan !== null && range.fineMinYuan > range.fineMaxYuan)
    problems.push({ field: 'fineMaxYuan', message: '罚款上限不能低于下限' });
  return problems;
}

/** 1万元以上10万元以下 — how a range reads in Chinese. */
export function formatFineRange(min: number | null, max: number | null): string {
  const yuan = (value: number) =>
    value >= 10_000 && value % 10_000 === 0 ? `${value / 10_000}万元` : `${value.toLocaleString('en-US')}元`;
  if (min !== null && max !== null) return min === max ? yuan(min) : `${yuan(min)}以上${yuan(max)}以下`;
  if (min !== null) return `${yuan(min)}以上`;
  if (max !== null) return `${yuan(max)}以下`;
  return '';
}

export const legalityReviewResults = ['passed', 'failed'] as const;
export type LegalityReviewResult = (typeof legalityReviewResults)[number];

export const legalityReviewResultLabels: Record<LegalityReviewResult, string> = {
  passed: '审核通过',
  failed: '审核不通过',
};

export interface LegalityReviewFact {
  /** The edit of the version the review looked at: an edit after the review voids it. */
  revision: number;
  result: LegalityReviewResult;
  opinion: string;
}

export interface LegalityGate {
  passed: boolean;
  /** none: never reviewed; stale: reviewed, then edited; failed: the latest review failed. */
  state: 'passed' | 'failed' | 'stale' | 'none';
  message: string;
}

/**
 * P3: a version may be published only when the latest legality review of its
 * current text passed. Reviews are given oldest first.
 */
export function legalityGate(currentRevision: number, reviews: readonly LegalityReviewFact[]): LegalityGate {
  const latest = [...reviews].reverse().find((review) => review.revision === currentRevision);
  if (!latest) {
    if (reviews.length > 0)
      return {
        passed: false,
        state: 'stale',
        message: '该版本审核后又经修改，须重新进行合法性审核后才能发布',
      };
    return { passed: false, state: 'none', message: '该版本尚未经过合法性审核，不能发布' };
  }
  if (latest.result === 'failed')
    return {
      passed: false,
      state: 'failed',
      message: `该版本合法性审核未通过，不能发布（审核意见：${latest.opinion}）`,
    };
  return { passed: true, state: 'passed', message: '合法性审核已通过' };
}

/**
 * 法制审核人员 never review what they drafted (as they never review a case they
 * handle): the reviewer may not be the version's author or last editor.
 */
export function mayReviewLegality(
  reviewerUserId: string,
  version: { createdBy: string | null; updatedBy: string | null },
): { allowed: boolean; message: string } {
  if (reviewerUserId === version.createdBy || reviewerUserId === version.updatedBy)
    return { allowed: false, message: '起草或修改该版本的人员不能审核该版本（请由其他法制审核人员审核）' };
  return { allowed: true, message: '' };
}

/** The tags of the power list: 草稿/待审核/已发布/已撤下, plus 待修订. */
export const powerListStatuses = ['draft', 'submitted', 'published', 'withdrawn'] as const;
export type PowerListStatus = (typeof powerListStatuses)[number];

export const powerListStatusLabels: Record<PowerListStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  published: '已发布',
  withdrawn: '已撤下',
};

export const needsRevisionLabel = '待修订';
