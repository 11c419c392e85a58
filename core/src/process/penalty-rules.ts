/**
 * Penalty rules: N2 simple procedure, N3 prior notice and "no heavier penalty",
 * N4 hearing, N10 limitation (行政处罚法 2021).
 */
import { addYears } from '../certificates.js';
import type { JurisdictionSettings } from '../settings.js';
import { countingFor, type DateBounds, latestNoticeDay, periodBounds, periodEnd, unitLabel } from './days.js';

/**
 * "至…届满", or while the holiday arrangement is unknown, both plausible ends:
 * the period counts as running until the later one, so the refusal says when.
 */
function runsUntil(end: string, bounds: DateBounds): string {
  if (!bounds.provisional) return `至${end}届满`;
  return `最早于${bounds.earliest}、最迟于${bounds.latest}届满（暂定：${bounds.provisional}；在${bounds.latest}之前期限可能仍在进行）`;
}

import {
  type CaseFacts,
  type PartyKind,
  type PenaltyContent,
  type PenaltyKind,
  penaltyKindLabels,
  penaltySeverity,
} from './facts.js';
import { formatFen, isFen, yuanToFen } from './money.js';
import { allowed, type GuardResult, guarded, type RuleContext, refuse, ruleOptions } from './result.js';

const partyLabel = (kind: PartyKind) => (kind === 'individual' ? '公民' : '法人或者其他组织');
const kindsText = (kinds: readonly PenaltyKind[]) => kinds.map((k) => penaltyKindLabels[k]).join('、');

/** The penalty under consideration: the decided one if a decision is recorded, else the proposal. */
export function penaltyUnderConsideration(
  facts: Pick<CaseFacts, 'decision' | 'proposal'>,
): PenaltyContent | undefined {
  return facts.decision?.penalty ?? facts.proposal;
}

/** Amount fields must be integer fen; returns the first bad field. */
function badAmountField(penalty: PenaltyContent, prefix: string): string | undefined {
  for (const key of ['fineFen', 'illegalGainsFen', 'illegalPropertyValueFen'] as const) {
    const value = penalty[key];
    if (value !== undefined && !isFen(value)) return `${prefix}.${key}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// N2 — 简易程序 (art. 51): a warning, or a fine up to the jurisdiction's limits.

export function simpleProcedureFineLimitFen(partyKind: PartyKind, settings: JurisdictionSettings): number {
  return yuanToFen(
    partyKind === 'individual'
      ? settings.penalty.simpleProcedureMaxFineIndividual
      : settings.penalty.simpleProcedureMaxFineOrganisation,
  );
}

/** N2: may this penalty be decided on the spot? Over the limits → the general procedure. */
export function checkSimpleProcedure(
  facts: Pick<CaseFacts, 'party' | 'decision' | 'proposal'>,
  context: RuleContext,
): GuardResult {
  const partyKind = facts.party?.kind;
  if (!partyKind)
    return refuse('N2', 'INVALID_FACTS', '缺少当事人类型（公民或法人、其他组织）', { field: 'party.kind' });
  const penalty = penaltyUnderConsideration(facts);
  if (!penalty || penalty.kinds.length === 0)
    return refuse('N2', 'INVALID_FACTS', '缺少拟作出的处罚种类', { field: 'proposal.kinds' });
  const bad = badAmountField(penalty, 'proposal');
  if (bad) return refuse('N2', 'INVALID_FACTS', '金额应为以“分”计的非负整数', { field: bad });
  const others = penalty.kinds.filter((kind) => kind !== 'warning' && kind !== 'fine');
  if (others.length > 0)
    return refuse(
      'N2',
      'SIMPLE_PROCEDURE_NOT_ALLOWED',
      `简易程序只适用于警告或者罚款；拟给予${kindsText(others)}的，应当适用普通程序`,
      { field: 'proposal.kinds' },
    );
  if (penalty.kinds.includes('fine')) {
    const fine = penalty.fineFen;
    if (fine === undefined || fine <= 0)
      return refuse('N2', 'INVALID_FACTS', '罚款应载明数额', { field: 'proposal.fineFen' });
    const limit = simpleProcedureFineLimitFen(partyKind, context.settings);
    if (fine > limit)
      return refuse(
        'N2',
        'SIMPLE_PROCEDURE_NOT_ALLOWED',
        `对${partyLabel(partyKind)}罚款${formatFen(fine)}，超过简易程序限额${formatFen(limit)}，应当适用普通程序`,
        { field: 'proposal.fineFen' },
      );
  }
  return allowed;
}

// ---------------------------------------------------------------------------
// N3 — 事先告知 (art. 44), 陈述申辩 (art. 45), no decision without them (art. 62).

export interface PenaltyComparison {
  heavier: boolean;
  /** Chinese reasons, one per aggravation. */
  reasons: string[];
}

/**
 * Is the decided penalty heavier than the notified one? Heavier means any of:
 * - a kind not notified, unless it ranks strictly below the heaviest notified
 *   kind (replacing 吊销 by 暂扣 is lighter; adding 罚款 to 罚款 + 没收 is not new;
 *   adding 没收 to a notified 罚款 is heavier); `other` is never lighter;
 * - a larger fine, confiscated gains or property value than notified for that kind;
 * - a longer duration than notified for a lasting kind.
 */
export function comparePenalties(notified: PenaltyContent, decided: PenaltyContent): PenaltyComparison {
  const reasons: string[] = [];
  const heaviestNotified = Math.max(0, ...notified.kinds.map((k) => penaltySeverity[k]));
  for (const kind of decided.kinds) {
    if (notified.kinds.includes(kind)) continue;
    if (kind === 'other' || penaltySeverity[kind] >= heaviestNotified)
      reasons.push(`增加了事先告知中没有的处罚种类“${penaltyKindLabels[kind]}”`);
  }
  const amounts = [
    ['fine', 'fineFen', '罚款'],
    ['confiscateIllegalGains', 'illegalGainsFen', '没收违法所得'],
    ['confiscateIllegalProperty', 'illegalPropertyValueFen', '没收非法财物价值'],
  ] as const;
  for (const [kind, key, label] of amounts) {
    if (!decided.kinds.includes(kind) || !notified.kinds.includes(kind)) continue;
    const before = notified[key] ?? 0;
    const after = decided[key] ?? 0;
    if (after > before) reasons.push(`${label}由${formatFen(before)}提高到${formatFen(after)}`);
  }
  for (const kind of decided.kinds) {
    const before = notified.durationDays?.[kind];
    const after = decided.durationDays?.[kind];
    if (notified.kinds.includes(kind) && before !== undefined && after !== undefined && after > before)
      reasons.push(`${penaltyKindLabels[kind]}期限由${before}日延长到${after}日`);
  }
  return { heavier: reasons.length > 0, reasons };
}

/** N3 (art. 45): the decided penalty may not be heavier than the one notified. */
export function checkPenaltyNotHeavier(
  facts: Pick<CaseFacts, 'priorNotice' | 'decision' | 'proposal'>,
): GuardResult {
  const notice = facts.priorNotice;
  const decided = penaltyUnderConsideration(facts);
  if (!notice || !decided) return allowed;
  const bad = badAmountField(decided, 'decision.penalty');
  if (bad) return refuse('N3', 'INVALID_FACTS', '金额应为以“分”计的非负整数', { field: bad });
  const comparison = comparePenalties(notice.proposal, decided);
  if (!comparison.heavier) return allowed;
  return refuse(
    'N3',
    'PENALTY_HEAVIER_THAN_NOTIFIED',
    `拟作出的处罚重于事先告知的处罚：${comparison.reasons.join('；')}。不得因当事人陈述、申辩而加重处罚；确需变更的，应当重新事先告知`,
    { field: 'decision.penalty' },
  );
}

/** The number of days of the defence period (option, defaulting to the hearing request period). */
export function defenceDays(context: RuleContext): number {
  return ruleOptions(context).defenceDays ?? context.settings.penalty.hearingRequestDays;
}

/**
 * N3: before a penalty decision (today) the prior notice must have been served
 * and the defence heard — in the general procedure, the defence period must have
 * run (or been waived); in the simple procedure, the defence is heard on the spot.
 * The decided penalty may not be heavier than the notified one. Other outcomes
 * (不予处罚、撤销立案、移送) need no prior notice.
 */
export function checkPriorNotice(facts: CaseFacts, context: RuleContext): GuardResult {
  return guarded('N3', () => {
    if ((facts.decision?.outcome ?? 'penalty') !== 'penalty') return allowed;
    const notice = facts.priorNotice;
    if (!notice)
      return refuse(
        'N3',
        'PRIOR_NOTICE_MISSING',
        '作出行政处罚决定前，应当告知拟作出的处罚内容及事实、理由、依据和当事人的权利',
        {
          field: 'priorNotice',
        },
      );
    if (notice.servedOn > context.today)
      return refuse(
        'N3',
        'PRIOR_NOTICE_MISSING',
        `行政处罚事先告知书于${notice.servedOn}送达，送达前不得作出决定`,
        {
          field: 'priorNotice.servedOn',
        },
      );
    const defence = facts.defence ?? {};
    if (facts.processKind === 'penaltySimple') {
      if (!defence.waived && !(defence.heardOn && defence.heardOn <= context.today))
        return refuse(
          'N3',
          'DEFENCE_NOT_HEARD',
          '当场处罚前应当听取当事人的陈述和申辩（当事人明确放弃的除外）',
          {
            field: 'defence',
          },
        );
    } else if (!defence.waived) {
      const days = defenceDays(context);
      const end = periodEnd('defence', notice.servedOn, days, context);
      if (context.today <= end)
        return refuse(
          'N3',
          'DEFENCE_PERIOD_RUNNING',
          `陈述申辩期限（${days}${unitLabel(countingFor('defence', context))}）${runsUntil(end, periodBounds('defence', notice.servedOn, days, context))}，届满后或当事人明确放弃陈述申辩后方可作出处罚决定`,
          { field: 'defence' },
        );
    }
    return checkPenaltyNotHeavier(facts);
  });
}

// ---------------------------------------------------------------------------
// N4 — 听证 (art. 63, 64).

export interface HearingRight {
  applies: boolean;
  reasons: string[];
}

/**
 * Does this penalty give the party a hearing right (art. 63)? Amounts are
 * inclusive thresholds from settings. Confiscated gains and property value are
 * added together (a hearing offered where not strictly required costs days; one
 * missing where required voids the decision). Every kind ranked 3 or above in
 * the severity order gives the right: art. 63(三)(四) by name, and 暂扣许可证件,
 * 限制开展生产经营活动 and statute-only kinds read as (五) 其他较重的行政处罚.
 */
export function hearingRight(
  penalty: PenaltyContent,
  partyKind: PartyKind,
  settings: JurisdictionSettings,
): HearingRight {
  const reasons: string[] = [];
  const individual = partyKind === 'individual';
  const fineThreshold = yuanToFen(
    individual ? settings.penalty.hearingFineIndividual : settings.penalty.hearingFineOrganisation,
  );
  const confiscationThreshold = yuanToFen(
    individual
      ? settings.penalty.hearingConfiscationIndividual
      : settings.penalty.hearingConfiscationOrganisation,
  );
  if (penalty.kinds.includes('fine') && (penalty.fineFen ?? 0) >= fineThreshold)
    reasons.push(`较大数额罚款（${formatFen(penalty.fineFen ?? 0)}，标准${formatFen(fineThreshold)}）`);
  const confiscated =
    (penalty.kinds.includes('confiscateIllegalGains') ? (penalty.illegalGainsFen ?? 0) : 0) +
    (penalty.kinds.includes('confiscateIllegalProperty') ? (penalty.illegalPropertyValueFen ?? 0) : 0);
  if (confiscated > 0 && confiscated >= confiscationThreshold)
    reasons.push(
      `没收较大数额违法所得或较大价值非法财物（${formatFen(confiscated)}，标准${formatFen(confiscationThreshold)}）`,
    );
  for (const kind of penalty.kinds) if (penaltySeverity[kind] >= 3) reasons.push(penaltyKindLabels[kind]);
  return { applies: reasons.length > 0, reasons };
}

/** The last day the party may request a hearing. */
export function hearingRequestDeadline(
  facts: Pick<CaseFacts, 'priorNotice'>,
  context: RuleContext,
): string | undefined {
  const notice = facts.priorNotice;
  if (!notice) return undefined;
  return periodEnd('hearingRequest', notice.servedOn, context.settings.penalty.hearingRequestDays, context);
}

/** N4: a notice proposing a penalty with a hearing right must say so. */
export function checkHearingRightNotified(facts: CaseFacts, context: RuleContext): GuardResult {
  const notice = facts.priorNotice;
  const partyKind = facts.party?.kind;
  if (!notice) return allowed;
  if (!partyKind)
    return refuse('N4', 'INVALID_FACTS', '缺少当事人类型（公民或法人、其他组织）', { field: 'party.kind' });
  const right = hearingRight(notice.proposal, partyKind, context.settings);
  if (right.applies && !notice.hearingRightNotified)
    return refuse(
      'N4',
      'HEARING_RIGHT_NOT_NOTIFIED',
      `拟作出的处罚（${right.reasons.join('、')}）应当告知当事人有要求听证的权利`,
      { field: 'priorNotice.hearingRightNotified' },
    );
  return allowed;
}

/**
 * N4 (art. 64(一)): was the hearing requested within the period after the
 * notice? A late request is answered with a non-blocking refusal: the right has
 * lapsed, but the agency may still hold a hearing.
 */
export function checkHearingRequest(facts: CaseFacts, context: RuleContext): GuardResult {
  return guarded('N4', () => {
    const requestedOn = facts.hearing?.requestedOn;
    if (!requestedOn) return allowed;
    const end = hearingRequestDeadline(facts, context);
    if (!end) return refuse('N4', 'INVALID_FACTS', '尚未事先告知，无从申请听证', { field: 'priorNotice' });
    if (requestedOn > end)
      return refuse(
        'N4',
        'HEARING_REQUEST_LATE',
        `听证申请应当在告知后${context.settings.penalty.hearingRequestDays}${unitLabel(countingFor('hearingRequest', context))}内（至${end}）提出；逾期申请的，当事人的听证权利已丧失，行政机关仍可决定组织听证`,
        { field: 'hearing.requestedOn', blocking: false },
      );
    return allowed;
  });
}

/**
 * N4 (art. 64(二)): the hearing notice goes out at least N days (settings) before
 * the hearing — `hearing.noticeServedOn`, or today when the notice is about to go out.
 */
export function checkHearingNotice(facts: CaseFacts, context: RuleContext): GuardResult {
  return guarded('N4', () => {
    const scheduledOn = facts.hearing?.scheduledOn;
    if (!scheduledOn) return refuse('N4', 'INVALID_FACTS', '缺少听证日期', { field: 'hearing.scheduledOn' });
    const noticeOn = facts.hearing?.noticeServedOn ?? context.today;
    const days = context.settings.penalty.hearingNoticeDays;
    const latest = latestNoticeDay('hearingNotice', scheduledOn, days, context);
    if (noticeOn > latest)
      return refuse(
        'N4',
        'HEARING_NOTICE_TOO_SHORT',
        `应当在举行听证的${days}${unitLabel(countingFor('hearingNotice', context))}前通知当事人：听证定于${scheduledOn}的，最迟于${latest}送达听证通知书，否则应当将听证改期`,
        { field: 'hearing.scheduledOn' },
      );
    return allowed;
  });
}

/**
 * N4 at the decision: where the notified penalty gives a hearing right, the
 * right was notified; the request period has run (or was waived); a timely
 * request was followed by a hearing held before today.
 */
export function checkHearingBeforeDecision(facts: CaseFacts, context: RuleContext): GuardResult {
  return guarded('N4', () => {
    if ((facts.decision?.outcome ?? 'penalty') !== 'penalty' || facts.processKind !== 'penaltyGeneral')
      return allowed;
    const notice = facts.priorNotice;
    if (!notice) return allowed; // N3 refuses
    const partyKind = facts.party?.kind;
    if (!partyKind)
      return refuse('N4', 'INVALID_FACTS', '缺少当事人类型（公民或法人、其他组织）', { field: 'party.kind' });
    if (!hearingRight(notice.proposal, partyKind, context.settings).applies) return allowed;
    const notified = checkHearingRightNotified(facts, context);
    if (!notified.ok) return notified;
    const hearing = facts.hearing ?? {};
    if (hearing.waived) return allowed;
    const end = hearingRequestDeadline(facts, context)!;
    if (hearing.requestedOn && hearing.requestedOn <= end) {
      if (hearing.heldOn && hearing.heldOn <= context.today) return allowed;
      return refuse('N4', 'HEARING_NOT_HELD', '当事人已依法要求听证，应当组织听证并根据听证笔录作出决定', {
        field: 'hearing.heldOn',
      });
    }
    if (!hearing.requestedOn && context.today <= end)
      return refuse(
        'N4',
        'HEARING_REQUEST_PERIOD_RUNNING',
        `听证申请期限${runsUntil(end, periodBounds('hearingRequest', notice.servedOn, context.settings.penalty.hearingRequestDays, context))}，届满后或当事人明确放弃听证后方可作出决定`,
        {
          field: 'hearing',
        },
      );
    return allowed;
  });
}

// ---------------------------------------------------------------------------
// N10 — 追责时效 (art. 36).

/** The last day on which the act may be discovered; undefined while a continuing act goes on. */
export function limitationLastDay(
  facts: Pick<CaseFacts, 'violation'>,
  settings: JurisdictionSettings,
): string | undefined {
  const violation = facts.violation;
  if (!violation) return undefined;
  const start = violation.continuing ? violation.endedOn : violation.occurredOn;
  if (!start) return undefined;
  const years = violation.severeHarm
    ? settings.penalty.limitationYearsSevere
    : settings.penalty.limitationYears;
  return addYears(start, years);
}

/**
 * N10: at registration, the act must have been discovered within the limitation
 * period: 2 years (settings) from the act, or from its end if continuing; 5 years
 * where life, health or financial safety was harmed. The period counts in years
 * to the same calendar day (29 February → 28 February); the last day is inside.
 */
export function checkLimitation(facts: CaseFacts, context: RuleContext): GuardResult {
  const violation = facts.violation;
  if (!violation)
    return refuse('N10', 'INVALID_FACTS', '缺少违法行为发生日期', { field: 'violation.occurredOn' });
  const discoveredOn = facts.discoveredOn;
  if (!discoveredOn)
    return refuse('N10', 'INVALID_FACTS', '缺少违法行为被发现的日期（案件来源登记日期）', {
      field: 'discoveredOn',
    });
  if (violation.continuing && violation.endedOn && violation.endedOn < violation.occurredOn)
    return refuse('N10', 'INVALID_FACTS', '违法行为终了日期早于发生日期', { field: 'violation.endedOn' });
  const lastDay = limitationLastDay(facts, context.settings);
  if (!lastDay) return allowed; // a continuing act still going on
  if (discoveredOn > lastDay) {
    const years = violation.severeHarm
      ? context.settings.penalty.limitationYearsSevere
      : context.settings.penalty.limitationYears;
    const from = violation.continuing
      ? `行为终了之日（${violation.endedOn}）`
      : `违法行为发生之日（${violation.occurredOn}）`;
    return refuse(
      'N10',
      'LIMITATION_EXPIRED',
      `违法行为自${from}起${years}年内未被发现（${discoveredOn}发现，时效至${lastDay}届满），依法不再给予行政处罚`,
      { field: 'discoveredOn' },
    );
  }
  return allowed;
}
