/**
 * N11 — 查封、扣押 (行政强制法 art. 18, 19, 25): approved beforehand (or within 24
 * hours when urgent), at most 30 days (settings), extended at most once by at
 * most 30 days (settings) with approval; testing periods that were defined and
 * told to the party in writing are not counted (art. 25(3)). Thirty days is not
 * "ten days or less", so these are calendar days (art. 69).
 */
import { addCalendarDays, type IsoDate } from '../dates.js';
import { countingFor, inclusiveDays, periodEnd, unitLabel } from './days.js';
import type { CaseFacts, SeizureExtension, SeizureFacts } from './facts.js';
import { allowed, type GuardResult, guarded, type RuleContext, refuse } from './result.js';

export interface SeizureTerm {
  startOn: IsoDate;
  baseEndOn: IsoDate;
  endOn: IsoDate;
  testingDays: number;
  extensionDays: number;
  /** Index of the extension that counts, if any. */
  extensionIndex: number | undefined;
}

function validExtension(extension: SeizureExtension, context: RuleContext): boolean {
  return (
    extension.approved &&
    !!extension.approvedOn &&
    Number.isInteger(extension.days) &&
    extension.days > 0 &&
    extension.days <= context.settings.caseHandling.seizureExtensionDays
  );
}

/**
 * The last day of the seizure. The term counts from the day after the decision;
 * a term longer than the settings allow counts only up to the allowed maximum.
 * Only the first valid extension approved before the end counts.
 */
export function seizureTerm(seizure: SeizureFacts, context: RuleContext): SeizureTerm {
  const term = Math.min(Math.max(0, Math.trunc(seizure.termDays)), context.settings.caseHandling.seizureDays);
  const baseEndOn = periodEnd('seizure', seizure.decidedOn, term, context);
  let testingDays = 0;
  for (const period of seizure.testingPeriods ?? []) {
    if (!period.partyNotified || !period.to || period.from < seizure.decidedOn) continue;
    testingDays += inclusiveDays(period.from, period.to);
  }
  let endOn = addCalendarDays(baseEndOn, testingDays);
  let extensionDays = 0;
  let extensionIndex: number | undefined;
  const candidates = seizure.extensions
    .map((extension, index) => ({ extension, index }))
    .filter(({ extension }) => validExtension(extension, context))
    .sort((a, b) => a.extension.approvedOn!.localeCompare(b.extension.approvedOn!) || a.index - b.index);
  const first = candidates[0];
  if (first && first.extension.approvedOn! <= endOn) {
    endOn = periodEnd('seizure', endOn, first.extension.days, context);
    extensionDays = first.extension.days;
    extensionIndex = first.index;
  }
  return { startOn: seizure.decidedOn, baseEndOn, endOn, testingDays, extensionDays, extensionIndex };
}

function requireSeizure(facts: Pick<CaseFacts, 'seizure'>): SeizureFacts | undefined {
  return facts.seizure;
}

/**
 * N11 (art. 18(一), 19): approved by the agency head before it is carried out;
 * when urgent and carried out on the spot, approval follows within 24 hours —
 * at date precision, on the day of the seizure or the next day.
 */
export function checkSeizureApproval(facts: Pick<CaseFacts, 'seizure'>, context: RuleContext): GuardResult {
  const seizure = requireSeizure(facts);
  if (!seizure) return refuse('N11', 'INVALID_FACTS', '缺少查封、扣押信息', { field: 'seizure' });
  const { approval, decidedOn } = seizure;
  const graceEnd = addCalendarDays(decidedOn, 1);
  if (approval.approved && approval.approvedOn) {
    if (approval.approvedOn <= decidedOn) return allowed;
    if (approval.emergency && approval.approvedOn <= graceEnd) return allowed;
    return refuse(
      'N11',
      'SEIZURE_NOT_APPROVED',
      approval.emergency
        ? '情况紧急当场实施的，应当在二十四小时内向行政机关负责人报告并补办批准手续'
        : '实施查封、扣押前应当向行政机关负责人报告并经批准',
      { field: 'seizure.approval.approvedOn' },
    );
  }
  if (approval.emergency && context.today <= graceEnd) return allowed;
  return refuse(
    'N11',
    'SEIZURE_NOT_APPROVED',
    approval.emergency
      ? '当场实施的查封、扣押未在二十四小时内补办批准手续，应当立即解除'
      : '实施查封、扣押前应当向行政机关负责人报告并经批准',
    { field: 'seizure.approval' },
  );
}

/** N11: the term stated in the decision is a whole number of days within the settings' maximum. */
export function checkSeizureTerm(facts: Pick<CaseFacts, 'seizure'>, context: RuleContext): GuardResult {
  const seizure = requireSeizure(facts);
  if (!seizure) return refuse('N11', 'INVALID_FACTS', '缺少查封、扣押信息', { field: 'seizure' });
  const max = context.settings.caseHandling.seizureDays;
  if (!Number.isInteger(seizure.termDays) || seizure.termDays < 1)
    return refuse('N11', 'INVALID_FACTS', '查封、扣押期限应为正整数日', { field: 'seizure.termDays' });
  if (seizure.termDays > max)
    return refuse(
      'N11',
      'SEIZURE_TERM_TOO_LONG',
      `查封、扣押的期限不得超过${max}${unitLabel(countingFor('seizure', context))}（决定载明${seizure.termDays}日）`,
      { field: 'seizure.termDays' },
    );
  return allowed;
}

/**
 * N11: may this extension be granted? Only one extension ever; approved (by the
 * agency head) on or before the current last day; at most the settings' days.
 */
export function checkSeizureExtension(
  facts: Pick<CaseFacts, 'seizure'>,
  extension: SeizureExtension,
  context: RuleContext,
): GuardResult {
  return guarded('N11', () => {
    const seizure = requireSeizure(facts);
    if (!seizure) return refuse('N11', 'INVALID_FACTS', '缺少查封、扣押信息', { field: 'seizure' });
    const max = context.settings.caseHandling.seizureExtensionDays;
    if (seizure.extensions.some((existing) => existing !== extension && existing.approved))
      return refuse('N11', 'SEIZURE_EXTENSION_INVALID', '查封、扣押期限只能延长一次', {
        field: 'seizure.extensions',
      });
    if (!Number.isInteger(extension.days) || extension.days < 1 || extension.days > max)
      return refuse(
        'N11',
        'SEIZURE_EXTENSION_INVALID',
        `延长期限不得超过${max}${unitLabel(countingFor('seizure', context))}`,
        { field: 'extension.days' },
      );
    if (!extension.approved || !extension.approvedOn)
      return refuse(
        'N11',
        'SEIZURE_EXTENSION_INVALID',
        '情况复杂需延长查封、扣押期限的，须经行政机关负责人批准',
        {
          field: 'extension.approved',
        },
      );
    const term = seizureTerm({ ...seizure, extensions: [] }, context);
    if (extension.approvedOn > term.endOn)
      return refuse(
        'N11',
        'SEIZURE_EXTENSION_INVALID',
        `查封、扣押期限已于${term.endOn}届满，不能再延长，应当作出处理决定或者解除`,
        { field: 'extension.approvedOn' },
      );
    return allowed;
  });
}

/** N11: is the seizure still within its term today? Past it, the property must be dealt with or released. */
export function checkSeizureInForce(facts: Pick<CaseFacts, 'seizure'>, context: RuleContext): GuardResult {
  return guarded('N11', () => {
    const seizure = requireSeizure(facts);
    if (!seizure) return refuse('N11', 'INVALID_FACTS', '缺少查封、扣押信息', { field: 'seizure' });
    if (seizure.disposedOn) return allowed;
    const term = seizureTerm(seizure, context);
    if (context.today <= term.endOn) return allowed;
    return refuse(
      'N11',
      'SEIZURE_EXPIRED',
      `查封、扣押期限已于${term.endOn}届满，应当立即作出处理决定或者解除查封、扣押`,
      { field: 'seizure.decidedOn' },
    );
  });
}
