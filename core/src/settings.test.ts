import { describe, expect, it } from 'vitest';
import {
  changedSettingPaths,
  defaultJurisdictionSettings,
  jurisdictionSettingsSchema,
  mergeOverDefaults,
  settingLabels,
} from './settings.js';

describe('jurisdiction settings', () => {
  it('defaults follow REQUIREMENTS.md', () => {
    const s = defaultJurisdictionSettings;
    expect(s.disclosure.licensingPenaltyWorkingDays).toBe(7); // P9
    expect(s.disclosure.otherDecisionWorkingDays).toBe(20); // P9
    expect(s.disclosure.withdrawalDays).toBe(3); // P10
    expect(s.reporting.annualReportDueDayOfJanuary).toBe(31); // P13
    expect(s.reporting.monthlyReportDueDay).toBe(5); // P14
    expect(s.reporting.majorPenaltyFilingDays).toBe(5); // L7
    expect(s.legalReview).toEqual({ reviewerRatioPercent: 5, reviewerMinimum: 2 }); // L2
    expect(s.quality).toEqual({
      trainingHoursPerYear: 60,
      trainingPlanDueMonth: 3,
      evaluationSampleSize: 10,
    }); // Q3, Q4
    expect(s.penalty.simpleProcedureMaxFineIndividual).toBe(200); // N2
    expect(s.penalty.simpleProcedureMaxFineOrganisation).toBe(3000); // N2
    expect(s.penalty.paymentDays).toBe(15); // N8
    expect(s.penalty.lateFeePercentPerDay).toBe(3); // N8
    expect(s.caseHandling).toEqual({
      caseTimeLimitDays: 90,
      serviceDays: 7,
      seizureDays: 30,
      seizureExtensionDays: 30,
    });
    expect(s.security.auditRetentionDays).toBe(184);
    expect(s.security.lockoutFailures).toBe(5);
    expect(s.security.lockoutMinutes).toBe(10);
    expect(s.security.idleTimeoutMinutes).toBe(30);
    expect(jurisdictionSettingsSchema.parse(s)).toEqual(s);
  });

  it('fills keys missing from a stored version with defaults and drops unknown ones', () => {
    const merged = mergeOverDefaults({
      disclosure: { otherDecisionWorkingDays: 15, retired: 1 },
      unknown: {},
    });
    expect(merged.disclosure.otherDecisionWorkingDays).toBe(15);
    expect(merged.disclosure.licensingPenaltyWorkingDays).toBe(7);
    expect(merged).not.toHaveProperty('unknown');
    expect(merged.disclosure).not.toHaveProperty('retired');
  });

  it('rejects values outside their legal range', () => {
    const bad = structuredClone(defaultJurisdictionSettings);
    bad.security.auditRetentionDays = 30;
    expect(jurisdictionSettingsSchema.safeParse(bad).success).toBe(false);
  });

  it('names each changed path', () => {
    const after = structuredClone(defaultJurisdictionSettings);
    after.caseHandling.caseTimeLimitDays = 60;
    expect(changedSettingPaths(defaultJurisdictionSettings, after)).toEqual([
      'caseHandling.caseTimeLimitDays',
    ]);
  });

  it('has a Chinese label for every setting', () => {
    for (const [section, values] of Object.entries(defaultJurisdictionSettings)) {
      for (const key of Object.keys(values)) expect(settingLabels[`${section}.${key}`]).toBeTruthy();
    }
  });
});
