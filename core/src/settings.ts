/**
 * Jurisdiction settings: every value the policy documents leave to a
 * jurisdiction. Defaults come from ../shared/REQUIREMENTS.md (the stricter value
 * where the seeds disagree). Stored values are merged over these defaults, so a
 * key added by a later release takes its default until an administrator sets it.
 */
import { z } from 'zod';

const days = (max: number) => z.number().int().min(1).max(max);
const yuan = z.number().int().min(0).max(100_000_000);

export const jurisdictionSettingsSchema = z
  .object({
    disclosure: z
      .object({
        /** P9: 行政许可、行政处罚 decisions published within 7 working days. */
        licensingPenaltyWorkingDays: days(60),
        /** P9: other decisions within 20 working days. */
        otherDecisionWorkingDays: days(60),
        /** P10 / 行政处罚法 art. 48: a changed decision withdrawn within 3 days. */
        withdrawalDays: days(30),
      })
      .strict(),
    reporting: z
      .object({
        /** P13: last year's statistics published by this day of January ([000] says 10). */
        annualReportDueDayOfJanuary: z.number().int().min(1).max(31),
        /** P14: monthly data report by this day of the month. */
        monthlyReportDueDay: z.number().int().min(1).max(28),
        /** L7: major-penalty filing within this many days of the decision. */
        majorPenaltyFilingDays: days(30),
      })
      .strict(),
    legalReview: z
      .object({
        /** L2: reviewers at least this percentage of officers … */
        reviewerRatioPercent: z.number().min(0).max(100),
        /** … and never fewer than this. */
        reviewerMinimum: z.number().int().min(1).max(100),
      })
      .strict(),
    quality: z
      .object({
        /** Q3: training hours per officer per year. */
        trainingHoursPerYear: z.number().int().min(0).max(1000),
        /** Q3: the yearly training plan is due by the end of this month (3: the end of Q1). */
        trainingPlanDueMonth: z.number().int().min(1).max(12),
        /** Q4: case files sampled per kind in an evaluation (all, if fewer). */
        evaluationSampleSize: z.number().int().min(1).max(1000),
      })
      .strict(),
    penalty: z
      .object({
        /** N2: simple procedure only for fines up to these amounts (yuan). */
        simpleProcedureMaxFineIndividual: yuan,
        simpleProcedureMaxFineOrganisation: yuan,
        /** N4: "large" fines and confiscations that give a hearing right (yuan, inclusive). */
        hearingFineIndividual: yuan,
        hearingFineOrganisation: yuan,
        hearingConfiscationIndividual: yuan,
        hearingConfiscationOrganisation: yuan,
        /** N4: days to request a hearing; days of notice before it. */
        hearingRequestDays: days(30),
        hearingNoticeDays: days(30),
        /** N8: days to pay; late fee percent per day, capped at the fine. */
        paymentDays: days(90),
        lateFeePercentPerDay: z.number().min(0).max(3),
        /** N10: limitation period in years; extended where life, health or financial safety was harmed. */
        limitationYears: z.number().int().min(1).max(20),
        limitationYearsSevere: z.number().int().min(1).max(20),
        /** N3: 陈述申辩期限 after the prior notice; no statute fixes it, so it equals the hearing request period. */
        defenceDays: days(30),
      })
      .strict(),
    caseHandling: z
      .object({
        /** N6: general procedure concluded within this many days of 立案. */
        caseTimeLimitDays: days(365),
        /** N7: decision served within this many days. */
        serviceDays: days(30),
        /** N11: seizure period and its one extension (行政强制法 art. 25). */
        seizureDays: days(30),
        seizureExtensionDays: days(30),
      })
      .strict(),
    calendar: z
      .object({
        /** From this month and day, a missing holiday arrangement for next year is warned about. */
        nextYearWarningMonth: z.number().int().min(1).max(12),
        nextYearWarningDay: z.number().int().min(1).max(28),
      })
      .strict(),
    /** Deadline warnings on cases: lead days before a clock runs out, in the clock's own counting. */
    deadlineWarnings: z
      .object({
        caseTimeLimitDays: z.number().int().min(0).max(90),
        seizureDays: z.number().int().min(0).max(30),
        paymentDays: z.number().int().min(0).max(30),
        /** The party's short periods: 陈述申辩, 听证申请. */
        partyPeriodDays: z.number().int().min(0).max(10),
        /** The agency's short duties: 听证通知, 送达, 重大处罚备案. */
        agencyDutyDays: z.number().int().min(0).max(10),
      })
      .strict(),
    security: z
      .object({
        /** 等保: security audit trail kept at least this many days. */
        auditRetentionDays: z.number().int().min(184).max(36_500),
        lockoutFailures: z.number().int().min(3).max(10),
        lockoutMinutes: z.number().int().min(1).max(1440),
        idleTimeoutMinutes: z.number().int().min(5).max(120),
        absoluteTimeoutHours: z.number().int().min(1).max(24),
        passwordMinLength: z.number().int().min(8).max(64),
        passwordMaxAgeDays: z.number().int().min(1).max(365),
        passwordHistory: z.number().int().min(0).max(24),
        /** 等保: administrators must sign in with a second factor (TOTP). */
        administratorTotpRequired: z.boolean(),
      })
      .strict(),
    ledger: z
      .object({
        /** How often the server signs a checkpoint over the ledger (R7). */
        checkpointIntervalMinutes: z.number().int().min(1).max(1440),
      })
      .strict(),
    evidence: z
      .object({
        /** Largest evidence file accepted in one upload; recordings of a whole day run to gigabytes. */
        maxUploadBytes: z
          .number()
          .int()
          .min(1024 * 1024)
          .max(64 * 1024 ** 3),
      })
      .strict(),
  })
  .strict();

export type JurisdictionSettings = z.infer<typeof jurisdictionSettingsSchema>;

export const defaultJurisdictionSettings: JurisdictionSettings = {
  disclosure: { licensingPenaltyWorkingDays: 7, otherDecisionWorkingDays: 20, withdrawalDays: 3 },
  reporting: { annualReportDueDayOfJanuary: 31, monthlyReportDueDay: 5, majorPenaltyFilingDays: 5 },
  legalReview: { reviewerRatioPercent: 5, reviewerMinimum: 2 },
  quality: { trainingHoursPerYear: 60, trainingPlanDueMonth: 3, evaluationSampleSize: 10 },
  penalty: {
    simpleProcedureMaxFineIndividual: 200,
    simpleProcedureMaxFineOrganisation: 3000,
    hearingFineIndividual: 10_000,
    hearingFineOrganisation: 100_000,
    hearingConfiscationIndividual: 10_000,
    hearingConfiscationOrganisation: 100_000,
    hearingRequestDays: 5,
    hearingNoticeDays: 7,
    paymentDays: 15,
    lateFeePercentPerDay: 3,
    limitationYears: 2,
    limitationYearsSevere: 5,
    defenceDays: 5,
  },
  caseHandling: { caseTimeLimitDays: 90, serviceDays: 7, seizureDays: 30, seizureExtensionDays: 30 },
  calendar: { nextYearWarningMonth: 11, nextYearWarningDay: 1 },
  deadlineWarnings: {
    caseTimeLimitDays: 15,
    seizureDays: 5,
    paymentDays: 3,
    partyPeriodDays: 1,
    agencyDutyDays: 2,
  },
  security: {
    auditRetentionDays: 184,
    lockoutFailures: 5,
    lockoutMinutes: 10,
    idleTimeoutMinutes: 30,
    absoluteTimeoutHours: 12,
    passwordMinLength: 10,
    passwordMaxAgeDays: 90,
    passwordHistory: 5,
    administratorTotpRequired: true,
  },
  ledger: { checkpointIntervalMinutes: 60 },
  evidence: { maxUploadBytes: 4 * 1024 ** 3 },
};

type Section = keyof JurisdictionSettings;

/** Stored values over the defaults, one section at a time; unknown stored keys are dropped. */
export function mergeOverDefaults(stored: unknown): JurisdictionSettings {
  const merged: Record<string, unknown> = {};
  const source = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  for (const section of Object.keys(defaultJurisdictionSettings) as Section[]) {
    const defaults = defaultJurisdictionSettings[section] as Record<string, unknown>;
    const saved = (source[section] && typeof source[section] === 'object' ? source[section] : {}) as Record<
      string,
      unknown
    >;
    const values: Record<string, unknown> = {};
    for (const key of Object.keys(defaults)) values[key] = key in saved ? saved[key] : defaults[key];
    merged[section] = values;
  }
  return jurisdictionSettingsSchema.parse(merged);
}

/** Dotted paths whose values differ between two settings sets, for the change history. */
export function changedSettingPaths(before: JurisdictionSettings, after: JurisdictionSettings): string[] {
  const paths: string[] = [];
  for (const section of Object.keys(after) as Section[]) {
    const a = before[section] as Record<string, unknown>;
    const b = after[section] as Record<string, unknown>;
    for (const key of Object.keys(b)) if (a[key] !== b[key]) paths.push(`${section}.${key}`);
  }
  return paths;
}

/** Chinese titles of the sections, in the order the console shows them. */
export const settingSectionLabels: Record<keyof JurisdictionSettings, string> = {
  disclosure: '公示期限',
  reporting: '报告与备案',
  legalReview: '法制审核',
  quality: '执法质量',
  penalty: '行政处罚',
  caseHandling: '案件办理',
  calendar: '工作日历',
  deadlineWarnings: '案件期限预警',
  security: '安全策略',
  ledger: '全过程记录',
  evidence: '证据存储',
};

/** Chinese labels for the console and the change history. */
export const settingLabels: Record<string, string> = {
  'disclosure.licensingPenaltyWorkingDays': '行政许可、行政处罚决定公示期限（工作日）',
  'disclosure.otherDecisionWorkingDays': '其他执法决定公示期限（工作日）',
  'disclosure.withdrawalDays': '决定变更后撤回公示期限（日）',
  'reporting.annualReportDueDayOfJanuary': '年度统计年报公布截止（1月第几日）',
  'reporting.monthlyReportDueDay': '月度数据报送截止（每月第几日）',
  'reporting.majorPenaltyFilingDays': '重大行政处罚备案期限（日）',
  'legalReview.reviewerRatioPercent': '法制审核人员不少于执法人员的百分比',
  'legalReview.reviewerMinimum': '法制审核人员最少人数',
  'quality.trainingHoursPerYear': '执法人员年度培训学时',
  'quality.trainingPlanDueMonth': '年度培训计划报送截止（第几月末）',
  'quality.evaluationSampleSize': '案卷评查每类抽查份数',
  'penalty.simpleProcedureMaxFineIndividual': '简易程序罚款上限：公民（元）',
  'penalty.simpleProcedureMaxFineOrganisation': '简易程序罚款上限：法人或其他组织（元）',
  'penalty.hearingFineIndividual': '听证较大数额罚款：公民（元）',
  'penalty.hearingFineOrganisation': '听证较大数额罚款：法人或其他组织（元）',
  'penalty.hearingConfiscationIndividual': '听证较大数额没收：公民（元）',
  'penalty.hearingConfiscationOrganisation': '听证较大数额没收：法人或其他组织（元）',
  'penalty.hearingRequestDays': '听证申请期限（日）',
  'penalty.hearingNoticeDays': '听证通知提前天数（日）',
  'penalty.paymentDays': '罚款缴纳期限（日）',
  'penalty.lateFeePercentPerDay': '加处罚款比例（每日百分比）',
  'penalty.limitationYears': '行政处罚追责时效（年）',
  'penalty.limitationYearsSevere': '涉及生命健康、金融安全的追责时效（年）',
  'penalty.defenceDays': '陈述申辩期限（工作日）',
  'caseHandling.caseTimeLimitDays': '普通程序办案期限（日）',
  'caseHandling.serviceDays': '决定书送达期限（日）',
  'caseHandling.seizureDays': '查封扣押期限（日）',
  'caseHandling.seizureExtensionDays': '查封扣押延长期限（日）',
  'calendar.nextYearWarningMonth': '次年节假日安排未导入时开始提醒（月）',
  'calendar.nextYearWarningDay': '次年节假日安排未导入时开始提醒（日）',
  'deadlineWarnings.caseTimeLimitDays': '办案期限提前预警天数',
  'deadlineWarnings.seizureDays': '查封扣押期限提前预警天数',
  'deadlineWarnings.paymentDays': '罚款缴纳期限提前预警天数',
  'deadlineWarnings.partyPeriodDays': '陈述申辩、听证申请期限提前预警天数',
  'deadlineWarnings.agencyDutyDays': '听证通知、送达、备案期限提前预警天数',
  'security.auditRetentionDays': '安全审计记录保存期限（日）',
  'security.lockoutFailures': '登录失败锁定次数',
  'security.lockoutMinutes': '账户锁定时长（分钟）',
  'security.idleTimeoutMinutes': '会话空闲超时（分钟）',
  'security.absoluteTimeoutHours': '会话最长有效期（小时）',
  'security.passwordMinLength': '密码最小长度',
  'security.passwordMaxAgeDays': '密码有效期（日）',
  'security.passwordHistory': '不得与最近几次密码相同',
  'security.administratorTotpRequired': '管理员必须启用双因素认证（TOTP）',
  'ledger.checkpointIntervalMinutes': '账本检查点签名间隔（分钟）',
  'evidence.maxUploadBytes': '单个证据文件上传上限（字节）',
};
