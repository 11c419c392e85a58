/**
 * Values the statute fixes, which a jurisdiction setting may only tighten (issue 17): where the
 * value binds the agency (a limit on what it may do, a time it must act within), a setting may be
 * stricter — smaller — never larger; where it is a party's period or protection, a setting may
 * never shorten it. Only what the law delegates (较大数额 thresholds, the 陈述申辩 period the
 * notice grants) is the jurisdiction's alone. A specific law's own value is for the item that law
 * governs, not for the jurisdiction's default.
 */
import { settingLabels } from './settings.js';

const CF = '《中华人民共和国行政处罚法》';
const QZ = '《中华人民共和国行政强制法》';

export interface StatuteBound {
  /** `max`: the setting may not exceed the value; `min`: it may not fall below it. */
  bound: 'max' | 'min';
  value: number;
  article: string;
  /** What the statute says, in a phrase: why this side is the strict one. */
  says: string;
}

export const statuteBounds: Readonly<Record<string, StatuteBound>> = {
  'penalty.simpleProcedureMaxFineIndividual': {
    bound: 'max',
    value: 200,
    article: `${CF}第五十一条`,
    says: '对公民处二百元以下罚款的，可以当场作出行政处罚决定',
  },
  'penalty.simpleProcedureMaxFineOrganisation': {
    bound: 'max',
    value: 3000,
    article: `${CF}第五十一条`,
    says: '对法人或者其他组织处三千元以下罚款的，可以当场作出行政处罚决定',
  },
  'caseHandling.caseTimeLimitDays': {
    bound: 'max',
    value: 90,
    article: `${CF}第六十条`,
    says: '应当自行政处罚案件立案之日起九十日内作出行政处罚决定',
  },
  'caseHandling.serviceDays': {
    bound: 'max',
    value: 7,
    article: `${CF}第六十一条第一款`,
    says: '当事人不在场的，行政机关应当在七日内依照民事诉讼法的有关规定送达',
  },
  'penalty.hearingRequestDays': {
    bound: 'min',
    value: 5,
    article: `${CF}第六十四条第（一）项`,
    says: '当事人要求听证的，应当在行政机关告知后五日内提出',
  },
  'penalty.hearingNoticeDays': {
    bound: 'min',
    value: 7,
    article: `${CF}第六十四条第（二）项`,
    says: '行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点',
  },
  'penalty.paymentDays': {
    bound: 'min',
    value: 15,
    article: `${CF}第六十七条第三款`,
    says: '当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款',
  },
  'penalty.lateFeePercentPerDay': {
    bound: 'max',
    value: 3,
    article: `${CF}第七十二条第一款第（一）项`,
    says: '到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款',
  },
  'penalty.limitationYears': {
    bound: 'max',
    value: 2,
    article: `${CF}第三十六条第一款`,
    says: '违法行为在二年内未被发现的，不再给予行政处罚',
  },
  'penalty.limitationYearsSevere': {
    bound: 'max',
    value: 5,
    article: `${CF}第三十六条第一款`,
    says: '涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年',
  },
  'caseHandling.seizureDays': {
    bound: 'max',
    value: 30,
    article: `${QZ}第二十五条第一款`,
    says: '查封、扣押的期限不得超过三十日',
  },
  'caseHandling.seizureExtensionDays': {
    bound: 'max',
    value: 30,
    article: `${QZ}第二十五条第一款`,
    says: '情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过三十日',
  },
};

export interface StatuteRefusal {
  path: string;
  message: string;
}

/** The settings that loosen what the statute fixes, each with the article that fixes it. */
export function statuteRefusals(settings: object): StatuteRefusal[] {
  const refusals: StatuteRefusal[] = [];
  for (const [path, rule] of Object.entries(statuteBounds)) {
    const value = valueAt(settings, path);
    if (typeof value !== 'number') continue;
    const loosened = rule.bound === 'max' ? value > rule.value : value < rule.value;
    if (!loosened) continue;
    const limit = rule.bound === 'max' ? `不得大于 ${rule.value}` : `不得小于 ${rule.value}`;
    refusals.push({
      path,
      message: `“${settingLabels[path] ?? path}”${limit}：${rule.article}规定“${rule.says}”，辖区设置只能从严，不能放宽`,
    });
  }
  return refusals;
}

/** The settings with every loosened value brought back to the statute's (for values stored before the check). */
export function withinStatute<T extends object>(settings: T): T {
  // Sections copied one level deep: the settings are two levels, section and value.
  const copy = Object.fromEntries(
    Object.entries(settings).map(([section, values]) => [section, { ...values }]),
  ) as T;
  for (const { path } of statuteRefusals(settings)) {
    const [section, key] = path.split('.') as [string, string];
    (copy as Record<string, Record<string, unknown>>)[section]![key] = statuteBounds[path]!.value;
  }
  return copy;
}

function valueAt(settings: object, path: string): unknown {
  const [section, key] = path.split('.') as [string, string];
  return (settings as Record<string, Record<string, unknown> | undefined>)[section]?.[key];
}
