/**
 * Issue 17: a value the statute fixes can be tightened by a jurisdiction, never loosened, and a
 * refusal names the article. One row per bound: the loosening refused, the tightening accepted.
 */
import { describe, expect, it } from 'vitest';
import { defaultJurisdictionSettings, type JurisdictionSettings } from './settings.js';
import { statuteBounds, statuteRefusals, withinStatute } from './statute-bounds.js';

const setting = (path: string, value: number): JurisdictionSettings => {
  const [section, key] = path.split('.') as [keyof JurisdictionSettings, string];
  return {
    ...defaultJurisdictionSettings,
    [section]: { ...defaultJurisdictionSettings[section], [key]: value },
  };
};

// [path, loosened, tightened, the article the refusal cites]
const rows: [string, number, number, RegExp][] = [
  ['penalty.simpleProcedureMaxFineIndividual', 500, 100, /行政处罚法》第五十一条/],
  ['penalty.simpleProcedureMaxFineOrganisation', 5000, 1000, /行政处罚法》第五十一条/],
  ['caseHandling.caseTimeLimitDays', 120, 60, /行政处罚法》第六十条/],
  ['caseHandling.serviceDays', 10, 5, /行政处罚法》第六十一条第一款/],
  ['penalty.hearingRequestDays', 3, 10, /行政处罚法》第六十四条第（一）项/],
  ['penalty.hearingNoticeDays', 3, 10, /行政处罚法》第六十四条第（二）项/],
  ['penalty.paymentDays', 10, 20, /行政处罚法》第六十七条第三款/],
  ['penalty.lateFeePercentPerDay', 3.5, 1, /行政处罚法》第七十二条第一款第（一）项/],
  ['penalty.limitationYears', 3, 1, /行政处罚法》第三十六条第一款/],
  ['penalty.limitationYearsSevere', 6, 5, /行政处罚法》第三十六条第一款/],
  ['caseHandling.seizureDays', 45, 20, /行政强制法》第二十五条第一款/],
  ['caseHandling.seizureExtensionDays', 60, 15, /行政强制法》第二十五条第一款/],
];

describe('statute bounds on the jurisdiction settings', () => {
  it.each(rows)('%s: %d is refused citing the article, %d accepted', (path, loosened, tightened, article) => {
    const refusals = statuteRefusals(setting(path, loosened));
    expect(refusals.map((r) => r.path)).toEqual([path]);
    expect(refusals[0]!.message).toMatch(article);
    expect(refusals[0]!.message).toContain('只能从严');
    expect(statuteRefusals(setting(path, tightened))).toEqual([]);
    expect(statuteRefusals(setting(path, statuteBounds[path]!.value))).toEqual([]);
  });

  it('every bound has its row, and the defaults are the statute’s own values', () => {
    expect(rows.map(([path]) => path).sort()).toEqual(Object.keys(statuteBounds).sort());
    expect(statuteRefusals(defaultJurisdictionSettings)).toEqual([]);
  });

  it('a loosened value stored before the check is read as the statute fixes it; a tightened one kept', () => {
    const stored = {
      ...setting('penalty.paymentDays', 10),
      caseHandling: { ...defaultJurisdictionSettings.caseHandling, serviceDays: 5 },
    };
    const read = withinStatute(stored);
    expect(read.penalty.paymentDays).toBe(15);
    expect(read.caseHandling.serviceDays).toBe(5);
    expect(stored.penalty.paymentDays).toBe(10);
  });

  it('what the law delegates stays the jurisdiction’s: 较大数额 and the defence period', () => {
    expect(statuteRefusals(setting('penalty.hearingFineIndividual', 50_000))).toEqual([]);
    expect(statuteRefusals(setting('penalty.defenceDays', 10))).toEqual([]);
  });
});
