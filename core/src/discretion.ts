/**
 * 行政处罚裁量基准 (X4, 行政处罚法 art. 34) and the minor-violation exemption
 * list (免罚清单, Q8, art. 33), plus the vocabulary of the random-inspection
 * item list (P4, Q9).
 *
 * A benchmark splits one violation's statutory range into circumstances
 * (情节: 轻微 · 一般 · 较重 · 严重), each with its own fine range in whole yuan
 * (ranges, like the power list; amounts charged are fen in case handling).
 * `benchmarkFineRange` is what case handling asks: given the benchmark and the
 * circumstance found, which fines are allowed.
 */
import type { ErrorDetail } from './errors.js';

export const circumstanceLevels = ['minor', 'general', 'serious', 'severe'] as const;
export type CircumstanceLevel = (typeof circumstanceLevels)[number];

export const circumstanceLevelLabels: Record<CircumstanceLevel, string> = {
  minor: '轻微',
  general: '一般',
  serious: '较重',
  severe: '严重',
};

export interface BenchmarkCircumstance {
  level: CircumstanceLevel;
  /** 情形: the facts that make the circumstance, as published. */
  description: string;
  fineMinYuan: number;
  fineMaxYuan: number;
  /** Other penalties or measures at this circumstance (责令停止经营, 没收违法所得…). */
  otherMeasures?: string;
}

export interface DiscretionBenchmark {
  circumstances: readonly BenchmarkCircumstance[];
  /** The statutory range the benchmark divides (from the enforcement item, when linked). */
  statutoryFineMinYuan?: number | null;
  statutoryFineMaxYuan?: number | null;
}

/** The largest fine a benchmark accepts (yuan): beyond any statutory range, below 2^53 fen. */
export const maxBenchmarkFineYuan = 10_000_000_000;

export type FineRangeResult =
  | {
      ok: true;
      level: CircumstanceLevel;
      levelLabel: string;
      description: string;
      minYuan: number;
      maxYuan: number;
      minFen: number;
      maxFen: number;
      otherMeasures: string;
    }
  | { ok: false; code: 'CIRCUMSTANCE_NOT_IN_BENCHMARK'; message: string };

/**
 * X4: the fine range the benchmark allows for a circumstance. A circumstance the
 * benchmark does not divide out has no range: the handler may not guess one.
 */
export function benchmarkFineRange(
  benchmark: DiscretionBenchmark,
  level: CircumstanceLevel,
): FineRangeResult {
  const circumstance = benchmark.circumstances.find((c) => c.level === level);
  if (!circumstance)
    return {
      ok: false,
      code: 'CIRCUMSTANCE_NOT_IN_BENCHMARK',
      message: `裁量基准未规定“${circumstanceLevelLabels[level]}”情节的处罚幅度`,
    };
  return {
    ok: true,
    level,
    levelLabel: circumstanceLevelLabels[level],
    description: circumstance.description,
    minYuan: circumstance.fineMinYuan,
    maxYuan: circumstance.fineMaxYuan,
    minFen: circumstance.fineMinYuan * 100,
    maxFen: circumstance.fineMaxYuan * 100,
    otherMeasures: circumstance.otherMeasures ?? '',
  };
}

export type FineCheck =
  | { ok: true }
  | {
      ok: false;
      code: 'CIRCUMSTANCE_NOT_IN_BENCHMARK' | 'FINE_BELOW_BENCHMARK' | 'FINE_ABOVE_BENCHMARK';
      message: string;
    };

const yuanText = (fen: number) => `${(fen / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}元`;

/** X4: whether a proposed fine (fen) lies inside the range of the circumstance found. */
export function checkFineAgainstBenchmark(
  benchmark: DiscretionBenchmark,
  level: CircumstanceLevel,
  fineFen: number,
): FineCheck {
  const range = benchmarkFineRange(benchmark, level);
  if (!range.ok) return range;
  const span = `${range.levelLabel}情节的裁量幅度为${yuanText(range.minFen)}至${yuanText(range.maxFen)}`;
  if (fineFen < range.minFen)
    return {
      ok: false,
      code: 'FINE_BELOW_BENCHMARK',
      message: `拟罚款${yuanText(fineFen)}低于裁量基准：${span}`,
    };
  if (fineFen > range.maxFen)
    return {
      ok: false,
      code: 'FINE_ABOVE_BENCHMARK',
      message: `拟罚款${yuanText(fineFen)}高于裁量基准：${span}`,
    };
  return { ok: true };
}

/** The fine an enforcement item's 罚则 allows (whole yuan; null: the law sets no bound on that side). */
export interface StatutoryFineRange {
  itemName: string;
  minYuan: number | null;
  maxYuan: number | null;
  /** Where the range is written, as cited (《…》第X条). */
  basis: string;
}

/**
 * Issue 17: a proposed fine never leaves the range the law allows for the violation — the item's
 * 罚则 — whatever the benchmark or the reasons; below it is not lighter discretion but another
 * act (减轻处罚 has its own grounds, art. 32, and is not a fine outside the 罚则 here).
 */
export function checkStatutoryFine(
  fineFen: number,
  range: StatutoryFineRange,
): { ok: true } | { ok: false; code: 'FINE_OUTSIDE_STATUTORY_RANGE'; message: string } {
  const below = range.minYuan !== null && fineFen < range.minYuan * 100;
  const above = range.maxYuan !== null && fineFen > range.maxYuan * 100;
  if (!below && !above) return { ok: true };
  const span =
    range.minYuan !== null && range.maxYuan !== null
      ? `${yuanText(range.minYuan * 100)}至${yuanText(range.maxYuan * 100)}`
      : range.minYuan !== null
        ? `不低于${yuanText(range.minYuan * 100)}`
        : `不超过${yuanText((range.maxYuan ?? 0) * 100)}`;
  return {
    ok: false,
    code: 'FINE_OUTSIDE_STATUTORY_RANGE',
    message: `拟罚款${yuanText(fineFen)}${below ? '低于' : '超出'}法定幅度：执法事项“${range.itemName}”的罚款为${span}${range.basis ? `（${range.basis}）` : ''}`,
  };
}

/**
 * What is wrong with a benchmark, fields relative to it (`circumstances.1.fineMaxYuan`):
 * at least one circumstance, each level once, whole non-negative yuan, min ≤ max,
 * inside the statutory range, and a heavier circumstance never allows less than a
 * lighter one (neither its minimum nor its maximum is lower).
 */
export function benchmarkProblems(benchmark: DiscretionBenchmark): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const list = benchmark.circumstances;
  if (list.length === 0) problems.push({ field: 'circumstances', message: '至少规定一种情节的裁量幅度' });
  const seen = new Set<CircumstanceLevel>();
  list.forEach((c, index) => {
    const at = (name: string) => `circumstances.${index}.${name}`;
    if (seen.has(c.level))
      problems.push({ field: at('level'), message: `“${circumstanceLevelLabels[c.level]}”情节重复` });
    seen.add(c.level);
    for (const name of ['fineMinYuan', 'fineMaxYuan'] as const) {
      const value = c[name];
      if (!Number.isSafeInteger(value) || value < 0 || value > maxBenchmarkFineYuan)
        problems.push({ field: at(name), message: '罚款金额应为不小于 0 的整数（元）' });
    }
    if (c.fineMinYuan > c.fineMaxYuan)
      problems.push({ field: at('fineMaxYuan'), message: '罚款上限不能低于下限' });
    const { statutoryFineMinYuan: low, statutoryFineMaxYuan: high } = benchmark;
    if (low != null && c.fineMinYuan < low)
      problems.push({ field: at('fineMinYuan'), message: `低于法定罚款下限 ${low} 元` });
    if (high != null && c.fineMaxYuan > high)
      problems.push({ field: at('fineMaxYuan'), message: `高于法定罚款上限 ${high} 元` });
  });
  const rank = (level: CircumstanceLevel) => circumstanceLevels.indexOf(level);
  const ordered = list.map((c, index) => ({ c, index })).sort((a, b) => rank(a.c.level) - rank(b.c.level));
  for (let i = 1; i < ordered.length; i += 1) {
    const lighter = ordered[i - 1]!.c;
    const { c: heavier, index } = ordered[i]!;
    if (heavier.level === lighter.level) continue;
    if (heavier.fineMinYuan < lighter.fineMinYuan || heavier.fineMaxYuan < lighter.fineMaxYuan)
      problems.push({
        field: `circumstances.${index}.fineMinYuan`,
        message: `“${circumstanceLevelLabels[heavier.level]}”情节的幅度不能低于“${circumstanceLevelLabels[lighter.level]}”情节`,
      });
  }
  return problems;
}

/** Q8, 行政处罚法 art. 33: the three grounds of no penalty. */
export const exemptionKinds = ['minorViolation', 'firstViolation', 'noFault'] as const;
export type ExemptionKind = (typeof exemptionKinds)[number];

export const exemptionKindLabels: Record<ExemptionKind, string> = {
  minorViolation: '轻微不罚',
  firstViolation: '首违不罚',
  noFault: '无主观过错不罚',
};

/** The statutory conditions of each ground, as art. 33 words them. */
export const exemptionKindConditions: Record<ExemptionKind, string> = {
  minorViolation: '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚',
  firstViolation: '初次违法且危害后果轻微并及时改正的，可以不予行政处罚',
  noFault: '当事人有证据足以证明没有主观过错的，不予行政处罚（法律、行政法规另有规定的，从其规定）',
};

export const exemptionKindBasis: Record<ExemptionKind, string> = {
  minorViolation: '《中华人民共和国行政处罚法》第三十三条第一款',
  firstViolation: '《中华人民共和国行政处罚法》第三十三条第一款',
  noFault: '《中华人民共和国行政处罚法》第三十三条第二款',
};

/** P4: how a random inspection is carried out. */
export const inspectionMethods = [
  'onSite',
  'documentary',
  'onlineMonitoring',
  'samplingTest',
  'other',
] as const;
export type InspectionMethod = (typeof inspectionMethods)[number];

export const inspectionMethodLabels: Record<InspectionMethod, string> = {
  onSite: '现场检查',
  documentary: '书面检查',
  onlineMonitoring: '网络监测',
  samplingTest: '抽样检测',
  other: '其他方式',
};

/** P4: a sampling ratio is a percentage above 0 and at most 100, to two decimals. */
export function samplingRatioProblem(percent: number): string | null {
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100) return '抽查比例应大于 0 且不超过 100（%）';
  if (Math.abs(Math.round(percent * 100) - percent * 100) > 1e-9) return '抽查比例最多保留两位小数';
  return null;
}
