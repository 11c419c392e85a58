import { describe, expect, it } from 'vitest';
import {
  benchmarkFineRange,
  benchmarkProblems,
  type CircumstanceLevel,
  checkFineAgainstBenchmark,
  checkStatutoryFine,
  type DiscretionBenchmark,
  samplingRatioProblem,
} from './discretion.js';

/** 未取得道路运输经营许可擅自从事道路普通货物运输经营 (statutory 1万–10万 where no illegal gains). */
const benchmark: DiscretionBenchmark = {
  statutoryFineMinYuan: 10_000,
  statutoryFineMaxYuan: 100_000,
  circumstances: [
    { level: 'minor', description: '首次被查处，经营时间短', fineMinYuan: 10_000, fineMaxYuan: 30_000 },
    { level: 'general', description: '经营一个月以上', fineMinYuan: 30_000, fineMaxYuan: 60_000 },
    {
      level: 'severe',
      description: '造成安全事故',
      fineMinYuan: 80_000,
      fineMaxYuan: 100_000,
      otherMeasures: '没收违法所得',
    },
  ],
};

describe('X4: the fine range a benchmark allows for a circumstance', () => {
  const table: [CircumstanceLevel, number | null, number | null][] = [
    ['minor', 10_000, 30_000],
    ['general', 30_000, 60_000],
    ['serious', null, null], // not divided out: no range
    ['severe', 80_000, 100_000],
  ];
  it.each(table)('X4: %s → %s–%s yuan', (level, min, max) => {
    const range = benchmarkFineRange(benchmark, level);
    if (min === null) {
      expect(range).toMatchObject({ ok: false, code: 'CIRCUMSTANCE_NOT_IN_BENCHMARK' });
      if (!range.ok) expect(range.message).toContain('较重');
      return;
    }
    expect(range).toMatchObject({
      ok: true,
      level,
      minYuan: min,
      maxYuan: max,
      minFen: min * 100,
      maxFen: max! * 100,
    });
  });

  it('X4: carries the description and other measures of the circumstance', () => {
    expect(benchmarkFineRange(benchmark, 'severe')).toMatchObject({
      levelLabel: '严重',
      description: '造成安全事故',
      otherMeasures: '没收违法所得',
    });
    expect(benchmarkFineRange(benchmark, 'minor')).toMatchObject({ otherMeasures: '' });
  });

  const fines: [CircumstanceLevel, number, string][] = [
    ['minor', 1_000_000, 'ok'], // 10,000 yuan: the lower bound is inside
    ['minor', 3_000_000, 'ok'], // the upper bound is inside
    ['minor', 999_999, 'FINE_BELOW_BENCHMARK'],
    ['minor', 3_000_001, 'FINE_ABOVE_BENCHMARK'],
    ['general', 4_500_050, 'ok'],
    ['serious', 5_000_000, 'CIRCUMSTANCE_NOT_IN_BENCHMARK'],
    ['severe', 7_999_900, 'FINE_BELOW_BENCHMARK'],
  ];
  it.each(fines)('X4: %s, fine %i fen → %s', (level, fen, expected) => {
    const check = checkFineAgainstBenchmark(benchmark, level, fen);
    if (expected === 'ok') expect(check).toEqual({ ok: true });
    else expect(check).toMatchObject({ ok: false, code: expected });
  });

  it('X4: the refusal names the amount and the allowed range in yuan', () => {
    const check = checkFineAgainstBenchmark(benchmark, 'minor', 3_500_000);
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.message).toBe('拟罚款35,000元高于裁量基准：轻微情节的裁量幅度为10,000元至30,000元');
  });
});

describe('X4: a benchmark is checked before it is saved', () => {
  const c = (level: CircumstanceLevel, min: number, max: number) => ({
    level,
    description: '情形',
    fineMinYuan: min,
    fineMaxYuan: max,
  });
  const cases: [string, DiscretionBenchmark, string[]][] = [
    ['sound', benchmark, []],
    ['empty', { circumstances: [] }, ['circumstances']],
    ['duplicate level', { circumstances: [c('minor', 0, 10), c('minor', 0, 20)] }, ['circumstances.1.level']],
    ['min above max', { circumstances: [c('general', 50, 10)] }, ['circumstances.0.fineMaxYuan']],
    ['negative', { circumstances: [c('general', -1, 10)] }, ['circumstances.0.fineMinYuan']],
    ['fraction', { circumstances: [c('general', 1, 10.5)] }, ['circumstances.0.fineMaxYuan']],
    [
      'outside the statute',
      { statutoryFineMinYuan: 100, statutoryFineMaxYuan: 1000, circumstances: [c('general', 50, 2000)] },
      ['circumstances.0.fineMinYuan', 'circumstances.0.fineMaxYuan'],
    ],
    [
      'heavier allows less (given out of order)',
      { circumstances: [c('serious', 100, 500), c('general', 200, 600)] },
      ['circumstances.0.fineMinYuan'],
    ],
    ['overlap at a bound is fine', { circumstances: [c('minor', 0, 200), c('general', 200, 500)] }, []],
    [
      'open statutory bounds',
      { statutoryFineMinYuan: null, statutoryFineMaxYuan: null, circumstances: [c('severe', 0, 1)] },
      [],
    ],
  ];
  it.each(cases)('X4: %s', (_name, input, fields) => {
    expect(benchmarkProblems(input).map((p) => p.field)).toEqual(fields);
  });
});

describe('P4: sampling ratio', () => {
  it.each([
    [5, null],
    [0.07, null],
    [100, null],
    [0, '抽查比例应大于 0 且不超过 100（%）'],
    [100.01, '抽查比例应大于 0 且不超过 100（%）'],
    [3.333, '抽查比例最多保留两位小数'],
    [Number.NaN, '抽查比例应大于 0 且不超过 100（%）'],
  ])('P4: %s%% → %s', (percent, problem) => {
    expect(samplingRatioProblem(percent)).toBe(problem);
  });
});

// Issue 17: the proposal never leaves the range the item's 罚则 allows (X4).
describe('X4: a proposed fine inside the statutory range of the violation', () => {
  const range = {
    itemName: '未取得许可擅自经营',
    minYuan: 30_000,
    maxYuan: 100_000,
    basis: '《道路运输条例》第六十三条',
  };
  it.each([
    [3_000_000, 'ok'],
    [10_000_000, 'ok'],
    [2_999_999, '低于'],
    [10_000_001, '超出'],
    [500_000_000, '超出'],
  ])('%d fen: %s', (fineFen, expected) => {
    const result = checkStatutoryFine(fineFen, range);
    if (expected === 'ok') expect(result.ok).toBe(true);
    else {
      expect(result).toMatchObject({ ok: false, code: 'FINE_OUTSIDE_STATUTORY_RANGE' });
      expect(!result.ok && result.message).toContain(expected);
      expect(!result.ok && result.message).toContain('《道路运输条例》第六十三条');
    }
  });
  it('a side the law leaves open is not bounded', () => {
    expect(checkStatutoryFine(1, { ...range, minYuan: null }).ok).toBe(true);
    expect(checkStatutoryFine(1e12, { ...range, maxYuan: null }).ok).toBe(true);
  });
});
