import { describe, expect, it } from 'vitest';
import { formatFineRange, legalityGate, mayReviewLegality, penaltyRangeProblems } from './power-list.js';

describe('P3: penalty ranges', () => {
  it('P3: a penalty item names its kinds; fines only with 罚款, min ≤ max', () => {
    expect(
      penaltyRangeProblems('penalty', {
        kinds: ['fine', 'confiscateIllegalGains'],
        fineMinYuan: 10_000,
        fineMaxYuan: 100_000,
      }),
    ).toEqual([]);
    expect(penaltyRangeProblems('penalty', { kinds: [], fineMinYuan: null, fineMaxYuan: null })).toEqual([
      { field: 'penaltyKinds', message: '行政处罚事项至少填写一种处罚种类' },
    ]);
    expect(
      penaltyRangeProblems('penalty', { kinds: ['warning'], fineMinYuan: 200, fineMaxYuan: null }).map(
        (p) => p.field,
      ),
    ).toEqual(['penaltyKinds']);
    expect(
      penaltyRangeProblems('penalty', { kinds: ['fine'], fineMinYuan: 5000, fineMaxYuan: 200 }).map(
        (p) => p.field,
      ),
    ).toEqual(['fineMaxYuan']);
    expect(
      penaltyRangeProblems('penalty', { kinds: ['fine'], fineMinYuan: -1, fineMaxYuan: 1.5 }).map(
        (p) => p.field,
      ),
    ).toEqual(['fineMinYuan', 'fineMaxYuan']);
  });
  it('P3: other items carry no penalty range', () => {
    expect(
      penaltyRangeProblems('inspection', { kinds: ['fine'], fineMinYuan: 1, fineMaxYuan: null }).map(
        (p) => p.field,
      ),
    ).toEqual(['penaltyKinds', 'fineMinYuan']);
    expect(penaltyRangeProblems('licensing', { kinds: [], fineMinYuan: null, fineMaxYuan: null })).toEqual(
      [],
    );
  });
  it('reads ranges in Chinese', () => {
    expect(formatFineRange(10_000, 100_000)).toBe('1万元以上10万元以下');
    expect(formatFineRange(200, 2000)).toBe('200元以上2,000元以下');
    expect(formatFineRange(null, 3000)).toBe('3,000元以下');
    expect(formatFineRange(null, null)).toBe('');
  });
});

describe('P3: the legality review gate', () => {
  it('P3: no review, a failed one, or one of an earlier edit keeps the version unpublished', () => {
    expect(legalityGate(1, []).passed).toBe(false);
    expect(legalityGate(1, [{ revision: 1, result: 'failed', opinion: '依据不当' }])).toEqual({
      passed: false,
      state: 'failed',
      message: '该版本合法性审核未通过，不能发布（审核意见：依据不当）',
    });
    expect(legalityGate(2, [{ revision: 1, result: 'passed', opinion: '同意' }]).message).toContain(
      '重新进行合法性审核',
    );
  });
  it('P3: the latest review of the current text decides', () => {
    const reviews = [
      { revision: 1, result: 'failed' as const, opinion: '依据不当' },
      { revision: 2, result: 'passed' as const, opinion: '同意' },
    ];
    expect(legalityGate(2, reviews).passed).toBe(true);
    expect(
      legalityGate(2, [...reviews, { revision: 2, result: 'failed' as const, opinion: '复核不同意' }]).passed,
    ).toBe(false);
  });
  it('P3: the drafter or last editor never reviews the version', () => {
    expect(mayReviewLegality('u1', { createdBy: 'u1', updatedBy: 'u2' }).allowed).toBe(false);
    expect(mayReviewLegality('u2', { createdBy: 'u1', updatedBy: 'u2' }).allowed).toBe(false);
    expect(mayReviewLegality('u3', { createdBy: 'u1', updatedBy: 'u2' }).allowed).toBe(true);
  });
});
