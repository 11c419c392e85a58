import { describe, expect, it } from 'vitest';
import { buildCalendar, type CalendarEntry } from '../calendar.js';
import { defaultJurisdictionSettings, mergeOverDefaults } from '../settings.js';
import { daysLeft, latestNoticeDay, periodEnd } from './days.js';
import type { CaseFacts } from './facts.js';
import type { GuardResult, RuleContext } from './result.js';
import {
  caseTimeLimit,
  checkCaseTimeLimit,
  checkService,
  checkTimeLimitExtension,
  majorFilingDeadline,
  serviceDeadline,
} from './time-limits.js';

const entries: CalendarEntry[] = [
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
    date: `2026-10-${d}`,
    kind: 'holiday' as const,
    name: '国庆节',
  })),
  { date: '2026-09-20', kind: 'workday', name: '国庆节调休' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休' },
];
const calendar = buildCalendar([2026], entries);
const context = (today: string, over: Partial<RuleContext> = {}): RuleContext => ({
  settings: defaultJurisdictionSettings,
  calendar,
  today,
  ...over,
});
const code = (result: GuardResult) => (result.ok ? 'ok' : result.code);

describe('day counting per the law (行政处罚法 art. 85, 行政强制法 art. 69)', () => {
  it.each([
    ['service: 7 working days', 'service', '2026-09-28', 7, '2026-10-13'],
    ['hearing request: 5 working days', 'hearingRequest', '2026-09-28', 5, '2026-10-10'],
    ['case limit: 90 calendar days', 'caseTimeLimit', '2026-07-01', 90, '2026-09-29'],
    ['seizure: 30 calendar days, even into a holiday', 'seizure', '2026-09-01', 30, '2026-10-01'],
    ['payment: 15 calendar days', 'payment', '2026-09-28', 15, '2026-10-13'],
    ['payment ending on a holiday moves to the next working day', 'payment', '2026-09-16', 15, '2026-10-08'],
    ['payment ending on a Sunday moves to Monday', 'payment', '2026-08-15', 15, '2026-08-31'],
  ] as const)('%s', (_name, clock, start, days, expected) => {
    expect(periodEnd(clock, start, days, context('2026-09-01'))).toBe(expected);
  });

  it('a jurisdiction may choose calendar days, and may stop moving party deadlines', () => {
    const options = { dayCounting: { service: 'calendar' } as never, rollPartyDeadlinesToWorkingDay: false };
    expect(periodEnd('service', '2026-09-28', 7, context('2026-09-01', { options }))).toBe('2026-10-05');
    expect(periodEnd('payment', '2026-09-16', 15, context('2026-09-01', { options }))).toBe('2026-10-01');
  });

  it.each([
    ['calendar: due today', 'caseTimeLimit', '2026-09-29', '2026-09-29', 0],
    ['calendar: two days ahead', 'caseTimeLimit', '2026-09-29', '2026-09-27', 2],
    ['calendar: a day late', 'caseTimeLimit', '2026-09-29', '2026-09-30', -1],
    ['working: across the holiday and a make-up Saturday', 'service', '2026-10-13', '2026-09-30', 5],
    ['working: due today', 'service', '2026-10-13', '2026-10-13', 0],
    ['working: late over a weekend', 'service', '2026-10-09', '2026-10-11', -1],
    ['working: two working days late', 'service', '2026-10-09', '2026-10-12', -2],
  ] as const)('days left, %s', (_name, clock, due, today, expected) => {
    expect(daysLeft(clock, due, context(today))).toBe(expected);
  });

  it('latest notice day counts back over holidays', () => {
    expect(latestNoticeDay('hearingNotice', '2026-10-13', 7, context('2026-09-01'))).toBe('2026-09-28');
    expect(latestNoticeDay('hearingNotice', '2026-10-16', 1, context('2026-09-01'))).toBe('2026-10-15');
  });
});

describe('N6: 90 days from 立案, with recorded approved extensions', () => {
  const registered: CaseFacts = { processKind: 'penaltyGeneral', registeredOn: '2026-07-01' };
  it.each([
    ['no extension', {}, '2026-09-29'],
    [
      'approved 30-day extension',
      { timeLimitExtensions: [{ days: 30, approved: true, approvedOn: '2026-09-20', reason: '案情复杂' }] },
      '2026-10-29',
    ],
    [
      'extension not approved',
      { timeLimitExtensions: [{ days: 30, approved: false, reason: '案情复杂' }] },
      '2026-09-29',
    ],
    [
      'extension approved after the limit ran out',
      { timeLimitExtensions: [{ days: 30, approved: true, approvedOn: '2026-09-30', reason: '案情复杂' }] },
      '2026-09-29',
    ],
    [
      'two approved extensions, the second within the first',
      {
        timeLimitExtensions: [
          { days: 30, approved: true, approvedOn: '2026-09-20', reason: 'a' },
          { days: 15, approved: true, approvedOn: '2026-10-25', reason: 'b' },
        ],
      },
      '2026-11-13',
    ],
    [
      'a recorded 10-day pause (鉴定)',
      { pausedPeriods: [{ from: '2026-08-01', to: '2026-08-10', reason: '技术鉴定' }] },
      '2026-10-09',
    ],
  ] as const)('%s', (_name, over, due) => {
    expect(
      caseTimeLimit({ ...registered, ...(over as Partial<CaseFacts>) }, context('2026-09-01'))?.dueOn,
    ).toBe(due);
  });

  it('an open pause moves the due date each day and is reported', () => {
    const facts = { ...registered, pausedPeriods: [{ from: '2026-09-01', reason: '公告' }] };
    expect(caseTimeLimit(facts, context('2026-09-05'))).toMatchObject({
      paused: true,
      pausedDays: 5,
      dueOn: '2026-10-04',
    });
  });

  it.each([
    ['on the last day', '2026-09-29', 'ok'],
    ['the day after', '2026-09-30', 'CASE_TIME_LIMIT_EXCEEDED'],
  ])('deciding %s → %s', (_name, today, expected) => {
    const result = checkCaseTimeLimit(registered, context(today));
    expect(code(result)).toBe(expected);
    if (!result.ok) expect(result).toMatchObject({ rule: 'N6', blocking: false });
  });

  it('reads the limit from settings', () => {
    const settings = mergeOverDefaults({ caseHandling: { caseTimeLimitDays: 60 } });
    expect(caseTimeLimit(registered, context('2026-07-02', { settings }))?.dueOn).toBe('2026-08-30');
  });

  it.each([
    ['approved in time', { days: 30, approved: true, approvedOn: '2026-09-29', reason: '案情复杂' }, 'ok'],
    ['not approved', { days: 30, approved: false, reason: '案情复杂' }, 'TIME_LIMIT_EXTENSION_INVALID'],
    [
      'no reason',
      { days: 30, approved: true, approvedOn: '2026-09-20', reason: ' ' },
      'TIME_LIMIT_EXTENSION_INVALID',
    ],
    [
      'zero days',
      { days: 0, approved: true, approvedOn: '2026-09-20', reason: 'x' },
      'TIME_LIMIT_EXTENSION_INVALID',
    ],
    [
      'approved after expiry',
      { days: 30, approved: true, approvedOn: '2026-09-30', reason: 'x' },
      'TIME_LIMIT_EXTENSION_INVALID',
    ],
  ] as const)('extension %s → %s', (_name, extension, expected) => {
    expect(code(checkTimeLimitExtension(registered, extension, context('2026-09-29')))).toBe(expected);
  });
});

describe('N7: decision served within 7 working days', () => {
  const decided: CaseFacts = {
    processKind: 'penaltyGeneral',
    decision: { outcome: 'penalty', decidedOn: '2026-09-28' },
  };
  it('the 7 working days run over the National Day holiday', () => {
    expect(serviceDeadline(decided, context('2026-09-28'))).toBe('2026-10-13');
  });
  it.each([
    ['on the spot', '2026-09-28', 'ok'],
    ['on the last day', '2026-10-13', 'ok'],
    ['a day late', '2026-10-14', 'SERVICE_OVERDUE'],
    ['before the decision', '2026-09-27', 'INVALID_FACTS'],
  ])('served %s (%s) → %s', (_name, servedOn, expected) => {
    const result = checkService({ ...decided, service: { servedOn } }, context(servedOn));
    expect(code(result)).toBe(expected);
    if (expected === 'SERVICE_OVERDUE') expect(result).toMatchObject({ blocking: false, rule: 'N7' });
  });
});

describe('L7: major penalty filing', () => {
  it('within the settings days of the decision, calendar days', () => {
    const facts: CaseFacts = {
      processKind: 'penaltyGeneral',
      decision: { outcome: 'penalty', decidedOn: '2026-09-28' },
    };
    expect(majorFilingDeadline(facts, context('2026-09-28'))).toBe('2026-10-03');
  });
});
