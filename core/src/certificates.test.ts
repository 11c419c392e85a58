import { describe, expect, it } from 'vitest';
import {
  addYears,
  type CaseOfficerCandidate,
  type CertificateFacts,
  certificateStanding,
  expiresWithin,
  type HeldCertificate,
  mayActAsCaseOfficer,
  mayInvestigateTogether,
  nextAnnualCheckDue,
  regionCovers,
} from './certificates.js';

const base: CertificateFacts = {
  state: 'active',
  revocationKind: null,
  validFrom: '2024-01-01',
  validTo: '2028-12-31',
  annualCheckDue: '2027-03-31',
};
const held = (over: Partial<HeldCertificate> = {}): HeldCertificate => ({
  ...base,
  number: '99012100001',
  categories: ['交通运输'],
  regionCode: '990121',
  ...over,
});
const officer = (over: Partial<CaseOfficerCandidate> = {}): CaseOfficerCandidate => ({
  kind: 'officer',
  active: true,
  certificates: [held()],
  ...over,
});
const item = { category: '交通运输', regionCode: '990121' };

describe('Q1: certificate status on a date', () => {
  it.each([
    ['before valid_from', base, '2023-12-31', 'notYetValid', 'notYetValid'],
    ['valid_from itself', base, '2024-01-01', 'valid', 'valid'],
    ['an ordinary day', base, '2026-11-24', 'valid', 'valid'],
    ['the annual check due day itself', base, '2027-03-31', 'valid', 'valid'],
    ['the day after the annual check due day', base, '2027-04-01', 'suspended', 'annualCheckOverdue'],
    ['valid_to itself', { ...base, annualCheckDue: '2029-03-31' }, '2028-12-31', 'valid', 'valid'],
    ['the day after valid_to', { ...base, annualCheckDue: '2029-03-31' }, '2029-01-01', 'expired', 'expired'],
    ['after valid_to with the check also overdue: expired wins', base, '2030-01-01', 'expired', 'expired'],
    ['suspended (暂扣)', { ...base, state: 'suspended' }, '2026-11-24', 'suspended', 'suspended'],
    [
      'suspended after expiry still says suspended',
      { ...base, state: 'suspended' },
      '2030-01-01',
      'suspended',
      'suspended',
    ],
    [
      'revoked (吊销)',
      { ...base, state: 'revoked', revocationKind: 'revoked' },
      '2026-11-24',
      'revoked',
      'revoked',
    ],
    [
      'cancelled on leaving (注销)',
      { ...base, state: 'revoked', revocationKind: 'cancelled' },
      '2026-11-24',
      'revoked',
      'cancelled',
    ],
    [
      'revoked before it was valid',
      { ...base, state: 'revoked', revocationKind: 'revoked' },
      '2023-01-01',
      'revoked',
      'revoked',
    ],
  ] as const)('Q1: %s', (_, facts, on, status, reason) => {
    const standing = certificateStanding(facts as CertificateFacts, on);
    expect(standing).toMatchObject({ status, reason });
    expect(standing.label).toMatch(/\p{Script=Han}/u);
  });

  it('Q1: labels say 有效, 已吊销 and 已注销 in words', () => {
    expect(certificateStanding(base, '2026-11-24').label).toBe('有效');
    expect(
      certificateStanding({ ...base, state: 'revoked', revocationKind: 'revoked' }, '2026-11-24').label,
    ).toBe('已吊销');
    expect(
      certificateStanding({ ...base, state: 'revoked', revocationKind: 'cancelled' }, '2026-11-24').label,
    ).toBe('已注销');
  });
});

describe('Q1: annual check cycle and expiry warnings', () => {
  it.each([
    ['2026-03-31', 1, '2027-03-31'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
  ])('addYears(%s, %d) = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    ['checked on time keeps the cycle', '2027-03-31', '2027-03-10', '2028-03-31'],
    ['checked a little late keeps the cycle', '2027-03-31', '2027-05-01', '2028-03-31'],
    ['checked more than a year late starts a new cycle', '2025-03-31', '2026-11-24', '2027-11-24'],
  ])('Q1: %s', (_, due, checkedOn, next) => {
    expect(nextAnnualCheckDue(due, checkedOn)).toBe(next);
  });

  it.each([
    ['valid_to exactly N days ahead', { ...base, validTo: '2026-12-24' }, true],
    ['valid_to one day further', { ...base, validTo: '2026-12-25' }, false],
    ['valid_to today', { ...base, validTo: '2026-11-24' }, true],
    ['already expired', { ...base, validTo: '2026-11-23' }, false],
    ['revoked', { ...base, validTo: '2026-12-01', state: 'revoked', revocationKind: 'revoked' }, false],
  ] as const)('Q1: expiring within 30 days — %s', (_, facts, expected) => {
    expect(expiresWithin(facts as CertificateFacts, '2026-11-24', 30)).toBe(expected);
  });
});

describe('Q1: regions (GB/T 2260)', () => {
  it.each([
    ['990121', '990121', true],
    ['990121', '990122', false],
    ['990100', '990121', true],
    ['990100', '990221', false],
    ['990000', '990221', true],
    ['990000', '980121', false],
    ['99012', '990121', false],
  ])('%s covers %s: %s', (certificate, region, expected) => {
    expect(regionCovers(certificate, region)).toBe(expected);
  });
});

describe('Q1, Q2: may this person act as case officer for this item today?', () => {
  it.each([
    ['Q1: a valid certificate covering category and region', officer(), 'allowed'],
    ['Q2: an auxiliary, even holding a valid certificate', officer({ kind: 'auxiliary' }), 'auxiliary'],
    ['Q2: an auxiliary without a certificate', officer({ kind: 'auxiliary', certificates: [] }), 'auxiliary'],
    ['Q1: someone who left enforcement work', officer({ active: false }), 'notInEnforcementWork'],
    ['Q1: no certificate', officer({ certificates: [] }), 'noCertificate'],
    [
      'Q1: a suspended certificate',
      officer({ certificates: [held({ state: 'suspended' })] }),
      'certificateNotValid',
    ],
    [
      'Q1: a revoked certificate',
      officer({ certificates: [held({ state: 'revoked', revocationKind: 'revoked' })] }),
      'certificateNotValid',
    ],
    [
      'Q1: an expired certificate (valid_to yesterday)',
      officer({ certificates: [held({ validTo: '2026-11-23' })] }),
      'certificateNotValid',
    ],
    [
      'Q1: a certificate not yet valid (valid_from tomorrow)',
      officer({ certificates: [held({ validFrom: '2026-11-25' })] }),
      'certificateNotValid',
    ],
    [
      'Q1: an overdue annual check',
      officer({ certificates: [held({ annualCheckDue: '2026-11-23' })] }),
      'certificateNotValid',
    ],
    [
      'Q1: valid_to today is still valid',
      officer({ certificates: [held({ validTo: '2026-11-24', annualCheckDue: '2026-11-24' })] }),
      'allowed',
    ],
    [
      'Q1: another category',
      officer({ certificates: [held({ categories: ['市场监管'] })] }),
      'categoryNotCovered',
    ],
    ['Q1: another county', officer({ certificates: [held({ regionCode: '990122' })] }), 'regionNotCovered'],
    [
      'Q1: a city-wide certificate covers the county',
      officer({ certificates: [held({ regionCode: '990100' })] }),
      'allowed',
    ],
    [
      'Q1: an old revoked certificate beside a valid new one',
      officer({
        certificates: [
          held({ number: 'OLD', state: 'revoked', revocationKind: 'cancelled' }),
          held({ number: 'NEW' }),
        ],
      }),
      'allowed',
    ],
  ] as const)('%s', (_, person, reason) => {
    const decision = mayActAsCaseOfficer(person, item, '2026-11-24');
    expect(decision.reason).toBe(reason);
    expect(decision.allowed).toBe(reason === 'allowed');
    expect(decision.message).toMatch(/\p{Script=Han}/u);
    expect(decision.certificateNumber).toEqual(reason === 'allowed' ? expect.any(String) : null);
  });

  it('Q1: names the certificate that qualifies, and the one that does not', () => {
    const two = officer({
      certificates: [
        held({ number: 'OLD', state: 'revoked', revocationKind: 'cancelled' }),
        held({ number: 'NEW' }),
      ],
    });
    expect(mayActAsCaseOfficer(two, item, '2026-11-24').certificateNumber).toBe('NEW');
    const suspended = officer({ certificates: [held({ number: 'S1', state: 'suspended' })] });
    expect(mayActAsCaseOfficer(suspended, item, '2026-11-24').message).toContain('S1');
    expect(mayActAsCaseOfficer(suspended, item, '2026-11-24').message).toContain('暂扣');
  });

  it('N1: an investigation needs two people who may each act; an auxiliary does not count', () => {
    expect(mayInvestigateTogether([officer(), officer()], item, '2026-11-24').allowed).toBe(true);
    const withAuxiliary = mayInvestigateTogether(
      [officer(), officer({ kind: 'auxiliary' })],
      item,
      '2026-11-24',
    );
    expect(withAuxiliary.allowed).toBe(false);
    expect(withAuxiliary.message).toContain('至少 2 名');
    expect(withAuxiliary.decisions.map((d) => d.reason)).toEqual(['allowed', 'auxiliary']);
  });
});
