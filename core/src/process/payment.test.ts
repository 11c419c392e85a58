import { describe, expect, it } from 'vitest';
import { buildCalendar, type CalendarEntry } from '../calendar.js';
import { defaultJurisdictionSettings, mergeOverDefaults } from '../settings.js';
import type { CaseFacts, PaymentFacts } from './facts.js';
import { formatFen, lateFeeFen, yuanToFen } from './money.js';
import {
  checkPaymentPlan,
  checkPaymentPlanApproval,
  checkPaymentRecord,
  paymentSchedule,
  paymentStatus,
} from './payment.js';
import type { GuardResult, RuleContext } from './result.js';

const entries: CalendarEntry[] = [
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
    date: `2026-10-${d}`,
    kind: 'holiday' as const,
    name: '国庆节',
  })),
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休' },
];
const calendar = buildCalendar([2026, 2027], entries);
const context = (today: string, over: Partial<RuleContext> = {}): RuleContext => ({
  settings: defaultJurisdictionSettings,
  calendar,
  today,
  ...over,
});
const code = (result: GuardResult) => (result.ok ? 'ok' : result.code);

// Served Monday 28 September 2026: 15 days → due Tuesday 13 October. Fine 1,000 yuan.
const facts = (payment: Partial<PaymentFacts> = {}): Pick<CaseFacts, 'payment' | 'service'> => ({
  service: { servedOn: '2026-09-28' },
  payment: { fineFen: 100_000, payments: [], ...payment },
});
const paid = (paidOn: string, amountFen: number) => ({ paidOn, amountFen, bankReference: `BK${paidOn}` });

describe('N8: late fee 3% a day, capped at the fine, in integer fen', () => {
  it.each([
    ['not late', 100_000, 3, 0, 0],
    ['one day', 100_000, 3, 1, 3_000],
    ['33 days', 100_000, 3, 33, 99_000],
    ['34 days hits the cap', 100_000, 3, 34, 100_000],
    ['a year: still the fine', 100_000, 3, 365, 100_000],
    ['rounds down to the fen', 33_333, 3, 1, 999],
    ['fractional percent', 100_001, 0.05, 1, 50],
    ['largest fine, no float overflow', 10_000_000_000, 3, 20, 6_000_000_000],
    ['zero percent', 100_000, 0, 10, 0],
  ])('%s', (_name, amount, percent, days, expected) => {
    const fee = lateFeeFen(amount, percent, days);
    expect(fee).toBe(expected);
    expect(Number.isInteger(fee)).toBe(true);
  });

  it('formats fen for messages', () => {
    expect(formatFen(123_456_789)).toBe('1,234,567.89元');
    expect(formatFen(yuanToFen(200))).toBe('200元');
    expect(formatFen(5)).toBe('0.05元');
  });
});

describe('N8: payment within 15 days, deferral and instalments, late fee on what is overdue', () => {
  it.each([
    [
      'due date, nothing paid',
      {},
      '2026-10-13',
      { nextDueOn: '2026-10-13', lateFeeFen: 0, daysLate: 0, settled: false },
    ],
    ['one day late, unpaid', {}, '2026-10-14', { lateFeeFen: 3_000, daysLate: 1 }],
    [
      'paid on the due date',
      { payments: [paid('2026-10-13', 100_000)] },
      '2026-10-20',
      { lateFeeFen: 0, settled: true },
    ],
    [
      'paid a day late',
      { payments: [paid('2026-10-14', 100_000)] },
      '2026-10-20',
      { lateFeeFen: 3_000, fineOutstandingFen: 0, lateFeeOutstandingFen: 3_000, settled: false },
    ],
    [
      'paid a day late with the fee',
      { payments: [paid('2026-10-14', 103_000)] },
      '2026-10-20',
      { lateFeeFen: 3_000, settled: true },
    ],
    [
      'half paid late, rest two days later',
      { payments: [paid('2026-10-14', 50_000), paid('2026-10-16', 50_000)] },
      '2026-10-30',
      { lateFeeFen: 6_000, fineOutstandingFen: 0 },
    ],
    ['never paid: capped', {}, '2027-03-01', { lateFeeFen: 100_000, fineOutstandingFen: 100_000 }],
    [
      'approved deferral',
      { deferral: { approved: true, until: '2026-12-31' } },
      '2026-12-31',
      { nextDueOn: '2026-12-31', lateFeeFen: 0 },
    ],
    [
      'deferral earlier than the statute is ignored',
      { deferral: { approved: true, until: '2026-10-01' } },
      '2026-10-13',
      { nextDueOn: '2026-10-13' },
    ],
    [
      'instalments: second part late',
      {
        instalments: {
          approved: true,
          parts: [
            { dueOn: '2026-10-13', amountFen: 40_000 },
            { dueOn: '2026-11-13', amountFen: 60_000 },
          ],
        },
        payments: [paid('2026-10-13', 40_000)],
      },
      '2026-11-15',
      { nextDueOn: '2026-11-13', lateFeeFen: 3_600, daysLate: 2 },
    ],
  ] as const)('%s', (_name, payment, today, expected) => {
    expect(paymentStatus(facts(payment as Partial<PaymentFacts>), context(today))).toMatchObject(expected);
  });

  it('the 15 days count from service, moving off a holiday', () => {
    expect(
      paymentSchedule({ ...facts(), service: { servedOn: '2026-09-16' } }, context('2026-09-16')),
    ).toEqual([{ dueOn: '2026-10-08', amountFen: 100_000 }]);
  });

  it('reads the days and the rate from settings', () => {
    const settings = mergeOverDefaults({ penalty: { paymentDays: 30, lateFeePercentPerDay: 1 } });
    expect(paymentStatus(facts(), context('2026-10-30', { settings }))).toMatchObject({
      nextDueOn: '2026-10-28',
      lateFeeFen: 2_000,
    });
  });

  it.each([
    ['no plan', {}, 'ok'],
    ['unapproved deferral', { deferral: { approved: false, until: '2026-12-31' } }, 'PAYMENT_PLAN_INVALID'],
    [
      'unapproved instalments',
      { instalments: { approved: false, parts: [{ dueOn: '2026-10-13', amountFen: 100_000 }] } },
      'PAYMENT_PLAN_INVALID',
    ],
    [
      'instalments not adding up',
      { instalments: { approved: true, parts: [{ dueOn: '2026-10-13', amountFen: 40_000 }] } },
      'PAYMENT_PLAN_INVALID',
    ],
    ['fine in fractions of a fen', { fineFen: 0.5 }, 'PAYMENT_AMOUNT_INVALID'],
  ] as const)('plan: %s', (_name, payment, expected) => {
    expect(code(checkPaymentPlan(facts(payment as Partial<PaymentFacts>).payment!))).toBe(expected);
  });

  it.each([
    ['with a bank reference', paid('2026-10-10', 100_000), 'ok'],
    [
      'without a bank reference (罚缴分离)',
      { paidOn: '2026-10-10', amountFen: 100_000, bankReference: ' ' },
      'PAYMENT_BANK_REFERENCE_MISSING',
    ],
    ['more than owed', paid('2026-10-10', 100_001), 'PAYMENT_AMOUNT_INVALID'],
    ['fine plus late fee owed', paid('2026-10-14', 103_000), 'ok'],
    [
      'float amount',
      { paidOn: '2026-10-10', amountFen: 99.5, bankReference: 'BK1' },
      'PAYMENT_AMOUNT_INVALID',
    ],
    ['in the future', paid('2026-10-21', 100_000), 'INVALID_FACTS'],
  ] as const)('record: %s', (_name, record, expected) => {
    expect(code(checkPaymentRecord(facts(), record, context('2026-10-20')))).toBe(expected);
  });
});

describe('N8: an approved deferral or instalment plan gives time, on a served, unpaid fine', () => {
  const field = (result: GuardResult) => (result.ok ? undefined : result.field);
  const parts = (...list: [string, number][]) => ({
    parts: list.map(([dueOn, amountFen]) => ({ dueOn, amountFen })),
  });
  it.each([
    ['deferral after the statutory date', { deferral: { until: '2026-12-31' } }, 'ok', undefined],
    [
      'deferral not after the statutory date (13 October)',
      { deferral: { until: '2026-10-13' } },
      'PAYMENT_PLAN_INVALID',
      'payment.deferral.until',
    ],
    [
      'instalments adding up, none before the statutory date',
      { instalments: parts(['2026-10-13', 40_000], ['2026-11-13', 60_000]) },
      'ok',
      undefined,
    ],
    [
      'instalments not adding up to the fine',
      { instalments: parts(['2026-10-13', 40_000], ['2026-11-13', 50_000]) },
      'PAYMENT_PLAN_INVALID',
      'payment.instalments.parts',
    ],
    [
      'an instalment before the statutory date',
      { instalments: parts(['2026-10-12', 40_000], ['2026-11-13', 60_000]) },
      'PAYMENT_PLAN_INVALID',
      'payment.instalments.parts[0].dueOn',
    ],
    [
      'a zero instalment',
      { instalments: parts(['2026-10-13', 0], ['2026-11-13', 100_000]) },
      'PAYMENT_PLAN_INVALID',
      'payment.instalments.parts[0].amountFen',
    ],
  ] as const)('%s', (_name, plan, expected, at) => {
    const result = checkPaymentPlanApproval(
      facts(),
      { ...plan, approvedOn: '2026-10-09' },
      context('2026-10-09'),
    );
    expect(code(result)).toBe(expected);
    expect(field(result)).toBe(at);
  });

  it('approved before service, before any service, without a fine, or once paid: refused', () => {
    const plan = { deferral: { until: '2026-12-31' }, approvedOn: '2026-09-27' };
    expect(field(checkPaymentPlanApproval(facts(), plan, context('2026-10-09')))).toBe('payment.approvedOn');
    const later = { ...plan, approvedOn: '2026-10-09' };
    expect(field(checkPaymentPlanApproval({ payment: facts().payment }, later, context('2026-10-09')))).toBe(
      'service.servedOn',
    );
    expect(field(checkPaymentPlanApproval({ service: facts().service }, later, context('2026-10-09')))).toBe(
      'payment',
    );
    const settled = facts({ payments: [paid('2026-10-01', 100_000)] });
    expect(code(checkPaymentPlanApproval(settled, later, context('2026-10-09')))).toBe(
      'PAYMENT_PLAN_INVALID',
    );
  });

  it('approved after the due date, when late fees already accrue: refused; on the due date: allowed', () => {
    const plan = { deferral: { until: '2026-12-31' } };
    const late = checkPaymentPlanApproval(
      facts(),
      { ...plan, approvedOn: '2026-10-14' },
      context('2026-10-14'),
    );
    expect(code(late)).toBe('PAYMENT_PLAN_INVALID');
    expect(field(late)).toBe('payment.approvedOn');
    const onTime = checkPaymentPlanApproval(
      facts(),
      { ...plan, approvedOn: '2026-10-13' },
      context('2026-10-13'),
    );
    expect(code(onTime)).toBe('ok');
  });
});
