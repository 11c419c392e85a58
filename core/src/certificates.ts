/**
 * 行政执法证件 (Q1, P7, P8) and who may act as case officer (Q1, Q2, N1).
 *
 * The status of a certificate on a date is derived, never stored: the stored
 * `state` is what someone decided (active, suspended, revoked); dates do the rest.
 * Precedence, first match wins:
 *   1. revoked            — state revoked (吊销 for misconduct, 注销 on leaving or otherwise)
 *   2. suspended          — state suspended (暂扣), whatever the dates
 *   3. notYetValid        — the date is before valid_from
 *   4. expired            — the date is after valid_to (valid_to itself is still valid)
 *   5. suspended          — the annual check is overdue: the date is after its due date
 *                           (the due day itself is still fine). No enforcement until the
 *                           check is passed, which moves the due date on a year.
 *   6. valid
 * Only `valid` lets the holder enforce.
 */
import type { IsoDate } from './dates.js';
import { addCalendarDays } from './dates.js';

/** 执法类别 (enforcement domains) a certificate can cover; the demo uses 交通运输. */
export const enforcementCategories = [
  '交通运输',
  '市场监管',
  '生态环境',
  '城市管理',
  '农业农村',
  '文化旅游',
  '应急管理',
  '自然资源',
  '住房城乡建设',
  '卫生健康',
  '水利',
  '海事',
  '综合行政执法',
] as const;
export type EnforcementCategory = (typeof enforcementCategories)[number];

/** What someone decided about the certificate; dates decide the rest. */
export const certificateStates = ['active', 'suspended', 'revoked'] as const;
export type CertificateState = (typeof certificateStates)[number];

/** How a certificate ended: 吊销 (taken away for misconduct) or 注销 (cancelled: left enforcement work, …). */
export const revocationKinds = ['revoked', 'cancelled'] as const;
export type RevocationKind = (typeof revocationKinds)[number];

/** The status on a date, as the public and the console see it. */
export const certificateStatuses = ['valid', 'notYetValid', 'expired', 'suspended', 'revoked'] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];

/** Why the certificate has that status: finer than the status (a suspension by rule is its own reason). */
export type CertificateStatusReason =
  | 'valid'
  | 'notYetValid'
  | 'expired'
  | 'annualCheckOverdue'
  | 'suspended'
  | 'revoked'
  | 'cancelled';

export const certificateStatusLabels: Record<CertificateStatus, string> = {
  valid: '有效',
  notYetValid: '尚未生效',
  expired: '已过期',
  suspended: '暂停使用',
  revoked: '已吊销/注销',
};

export const certificateReasonLabels: Record<CertificateStatusReason, string> = {
  valid: '有效',
  notYetValid: '尚未生效',
  expired: '已过期',
  annualCheckOverdue: '暂停使用（逾期未年审）',
  suspended: '暂扣',
  revoked: '已吊销',
  cancelled: '已注销',
};

export interface CertificateFacts {
  state: CertificateState;
  revocationKind: RevocationKind | null;
  validFrom: IsoDate;
  validTo: IsoDate;
  annualCheckDue: IsoDate;
}

export interface CertificateStanding {
  status: CertificateStatus;
  reason: CertificateStatusReason;
  /** The Chinese words for the reason: what the public page says. */
  label: string;
}

/** ISO dates compare correctly as strings. */
export function certificateStanding(certificate: CertificateFacts, on: IsoDate): CertificateStanding {
  const standing = (status: CertificateStatus, reason: CertificateStatusReason): CertificateStanding => ({
    status,
    reason,
    label: certificateReasonLabels[reason],
  });
  if (certificate.state === 'revoked')
    return standing('revoked', certificate.revocationKind === 'revoked' ? 'revoked' : 'cancelled');
  if (certificate.state === 'suspended') return standing('suspended', 'suspended');
  if (on < certificate.validFrom) return standing('notYetValid', 'notYetValid');
  if (on > certificate.validTo) return standing('expired', 'expired');
  if (on > certificate.annualCheckDue) return standing('suspended', 'annualCheckOverdue');
  return standing('valid', 'valid');
}

/** The same month and day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

/**
 * After a passed annual check the next one is due a year after the previous due
 * date, keeping the yearly cycle; a check passed more than a year late starts a
 * new cycle a year after the check.
 */
export function nextAnnualCheckDue(previousDue: IsoDate, checkedOn: IsoDate): IsoDate {
  const next = addYears(previousDue, 1);
  return next > checkedOn ? next : addYears(checkedOn, 1);
}

/** Whether a certificate that is still in force runs out within `days` days of `on` (inclusive). */
export function expiresWithin(certificate: CertificateFacts, on: IsoDate, days: number): boolean {
  if (certificate.state === 'revoked') return false;
  return certificate.validTo >= on && certificate.validTo <= addCalendarDays(on, days);
}

/** 行政区划代码 (GB/T 2260): 2 digits province, 2 city, 2 county; trailing zeros mean "the whole". */
export function regionCovers(certificateRegion: string, itemRegion: string): boolean {
  if (!/^\d{6}$/.test(certificateRegion) || !/^\d{6}$/.test(itemRegion)) return false;
  if (certificateRegion.endsWith('0000')) return itemRegion.startsWith(certificateRegion.slice(0, 2));
  if (certificateRegion.endsWith('00')) return itemRegion.startsWith(certificateRegion.slice(0, 4));
  return certificateRegion === itemRegion;
}

export interface HeldCertificate extends CertificateFacts {
  number: string;
  categories: readonly string[];
  /** GB/T 2260 code of the region the certificate covers. */
  regionCode: string;
}

/** The person as the rule needs them: kind from the register, whether still in enforcement work. */
export interface CaseOfficerCandidate {
  kind: 'officer' | 'auxiliary' | 'reviewer' | 'head' | 'staff';
  /** False once the person has left (or is no longer in) enforcement work. */
  active: boolean;
  certificates: readonly HeldCertificate[];
}

/** The enforcement item (or case) to be handled: its category and the region where it is handled. */
export interface EnforcementItemScope {
  category: string;
  regionCode: string;
}

export type CaseOfficerReason =
  | 'allowed'
  | 'auxiliary'
  | 'notInEnforcementWork'
  | 'noCertificate'
  | 'certificateNotValid'
  | 'categoryNotCovered'
  | 'regionNotCovered';

export interface CaseOfficerDecision {
  allowed: boolean;
  reason: CaseOfficerReason;
  message: string;
  /** The certificate that qualifies the person, when allowed. */
  certificateNumber: string | null;
}

/**
 * May this person act as case officer (承办人) for this item today? Q1: only with a
 * certificate valid today that covers the item's category and region; Q2: an
 * auxiliary never, certificate or not. The first failing condition is the answer.
 */
export function mayActAsCaseOfficer(
  person: CaseOfficerCandidate,
  item: EnforcementItemScope,
  today: IsoDate,
): CaseOfficerDecision {
  const refuse = (reason: CaseOfficerReason, message: string): CaseOfficerDecision => ({
    allowed: false,
    reason,
    message,
    certificateNumber: null,
  });
  if (person.kind === 'auxiliary')
    return refuse('auxiliary', '执法辅助人员不得独立执法，不能担任承办人（只能在执法人员带领下协助）');
  if (!person.active) return refuse('notInEnforcementWork', '该人员已不在执法岗位，不能担任承办人');
  if (person.certificates.length === 0)
    return refuse('noCertificate', '该人员未取得行政执法证件，不得独立执法');
  const valid = person.certificates.filter((c) => certificateStanding(c, today).status === 'valid');
  if (valid.length === 0) {
    const latest = [...person.certificates].sort((a, b) => (a.validTo < b.validTo ? 1 : -1))[0]!;
    const standing = certificateStanding(latest, today);
    return refuse(
      'certificateNotValid',
      `该人员的行政执法证件（${latest.number}）${standing.label}，不得独立执法`,
    );
  }
  const inCategory = valid.filter((c) => c.categories.includes(item.category));
  if (inCategory.length === 0)
    return refuse('categoryNotCovered', `该人员的行政执法证件不含执法类别“${item.category}”`);
  const inRegion = inCategory.find((c) => regionCovers(c.regionCode, item.regionCode));
  if (!inRegion) return refuse('regionNotCovered', `该人员的行政执法证件执法区域不含 ${item.regionCode}`);
  return {
    allowed: true,
    reason: 'allowed',
    message: `可以担任承办人（行政执法证件 ${inRegion.number}）`,
    certificateNumber: inRegion.number,
  };
}

/**
 * N1 (行政处罚法 art. 42): an investigation needs at least two people each of whom
 * may act as case officer for the item. The decisions come back per person, in order.
 */
export function mayInvestigateTogether(
  team: readonly CaseOfficerCandidate[],
  item: EnforcementItemScope,
  today: IsoDate,
): { allowed: boolean; message: string; decisions: CaseOfficerDecision[] } {
  const decisions = team.map((person) => mayActAsCaseOfficer(person, item, today));
  const qualified = decisions.filter((d) => d.allowed).length;
  return qualified >= 2
    ? { allowed: true, message: `${qualified} 名持有效证件的执法人员`, decisions }
    : {
        allowed: false,
        message: `调查取证须至少 2 名持有效行政执法证件的执法人员，现有 ${qualified} 名`,
        decisions,
      };
}
