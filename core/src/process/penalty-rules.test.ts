import { describe, expect, it } from 'vitest';
import { buildCalendar, type CalendarEntry } from '../calendar.js';
import { defaultJurisdictionSettings, mergeOverDefaults } from '../settings.js';
import type { CaseFacts, PenaltyContent } from './facts.js';
import {
  checkHearingBeforeDecision,
  checkHearingNotice,
  checkHearingRequest,
  checkHearingRightNotified,
  checkLimitation,
  checkPriorNotice,
  checkSimpleProcedure,
  comparePenalties,
  hearingRight,
} from './penalty-rules.js';
import type { GuardResult, RuleContext } from './result.js';

// 2026 National Day: 1–7 October off; 20 September and 10 October are make-up workdays.
const entries: CalendarEntry[] = [
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
    date: `2026-10-${d}`,
    kind: 'holiday' as const,
    name: '国庆节',
  })),
  { date: '2026-09-20', kind: 'workday', name: '国庆节调休' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休' },
];
const calendar = buildCalendar([2024, 2025, 2026], entries);
const context = (today: string, over: Partial<RuleContext> = {}): RuleContext => ({
  settings: defaultJurisdictionSettings,
  calendar,
  today,
  ...over,
});
const code = (result: GuardResult) => (result.ok ? 'ok' : result.code);
const yuan = (amount: number) => amount * 100;
const fine = (amount: number): PenaltyContent => ({ kinds: ['fine'], fineFen: yuan(amount) });

describe('N2: simple procedure only for a warning or a fine within the limits', () => {
  const simple = (party: 'individual' | 'organisation', proposal: PenaltyContent): CaseFacts => ({
    processKind: 'penaltySimple',
    party: { kind: party },
    proposal,
  });
  it.each([
    ['warning, individual', 'individual', { kinds: ['warning'] }, 'ok'],
    ['200 yuan, individual (以下 includes the limit)', 'individual', fine(200), 'ok'],
    [
      '200.01 yuan, individual',
      'individual',
      { kinds: ['fine'], fineFen: 20_001 },
      'SIMPLE_PROCEDURE_NOT_ALLOWED',
    ],
    ['3000 yuan, organisation', 'organisation', fine(3000), 'ok'],
    ['3001 yuan, organisation', 'organisation', fine(3001), 'SIMPLE_PROCEDURE_NOT_ALLOWED'],
    ['1000 yuan, individual', 'individual', fine(1000), 'SIMPLE_PROCEDURE_NOT_ALLOWED'],
    ['warning and 100 yuan', 'individual', { kinds: ['warning', 'fine'], fineFen: yuan(100) }, 'ok'],
    ['通报批评', 'individual', { kinds: ['publicCriticism'] }, 'SIMPLE_PROCEDURE_NOT_ALLOWED'],
    [
      '没收违法所得',
      'organisation',
      { kinds: ['confiscateIllegalGains'], illegalGainsFen: 100 },
      'SIMPLE_PROCEDURE_NOT_ALLOWED',
    ],
    ['fine without amount', 'individual', { kinds: ['fine'] }, 'INVALID_FACTS'],
    ['fractional fen', 'individual', { kinds: ['fine'], fineFen: 10.5 }, 'INVALID_FACTS'],
  ] as const)('%s', (_name, party, proposal, expected) => {
    expect(code(checkSimpleProcedure(simple(party, proposal as PenaltyContent), context('2026-09-01')))).toBe(
      expected,
    );
  });

  it('reads the limits from settings', () => {
    const settings = mergeOverDefaults({ penalty: { simpleProcedureMaxFineIndividual: 50 } });
    const result = checkSimpleProcedure(simple('individual', fine(51)), context('2026-09-01', { settings }));
    expect(result).toMatchObject({ ok: false, rule: 'N2', field: 'proposal.fineFen', blocking: true });
    expect(!result.ok && result.message).toContain('50元');
  });
});

describe('N3: severity order and "no heavier penalty than notified"', () => {
  it.each([
    ['same fine', fine(5000), fine(5000), false],
    ['lower fine', fine(5000), fine(4000), false],
    ['higher fine', fine(5000), fine(6000), true],
    [
      'fine plus a new kind of the same rank',
      fine(5000),
      { kinds: ['fine', 'confiscateIllegalGains'], fineFen: yuan(5000), illegalGainsFen: 1 },
      true,
    ],
    [
      '暂扣 instead of 吊销 (lighter rank)',
      { kinds: ['revokeLicence'] },
      { kinds: ['suspendLicence'] },
      false,
    ],
    [
      '吊销 instead of 暂扣 (heavier rank)',
      { kinds: ['suspendLicence'] },
      { kinds: ['revokeLicence'] },
      true,
    ],
    ['a fine instead of 吊销', { kinds: ['revokeLicence'] }, fine(20_000), false],
    ['通报批评 instead of 警告 (same rank)', { kinds: ['warning'] }, { kinds: ['publicCriticism'] }, true],
    ['dropping a kind', { kinds: ['fine', 'revokeLicence'], fineFen: yuan(100) }, fine(100), false],
    [
      'dropping 吊销 but raising the fine',
      { kinds: ['fine', 'revokeLicence'], fineFen: yuan(100) },
      fine(200),
      true,
    ],
    [
      'longer 责令停产停业',
      { kinds: ['orderSuspension'], durationDays: { orderSuspension: 30 } },
      { kinds: ['orderSuspension'], durationDays: { orderSuspension: 60 } },
      true,
    ],
    [
      'shorter 责令停产停业',
      { kinds: ['orderSuspension'], durationDays: { orderSuspension: 30 } },
      { kinds: ['orderSuspension'], durationDays: { orderSuspension: 10 } },
      false,
    ],
    ['a statute-only kind is never lighter', { kinds: ['detention'] }, { kinds: ['other'] }, true],
    [
      'more property confiscated',
      { kinds: ['confiscateIllegalProperty'], illegalPropertyValueFen: 100 },
      { kinds: ['confiscateIllegalProperty'], illegalPropertyValueFen: 101 },
      true,
    ],
  ] as const)('%s', (_name, notified, decided, heavier) => {
    expect(comparePenalties(notified as PenaltyContent, decided as PenaltyContent).heavier).toBe(heavier);
  });

  // Notice served Monday 28 September 2026; defence period 5 working days:
  // 29, 30 September, 8, 9, 10 October (1–7 October are holidays, 10 October a make-up workday).
  const base: CaseFacts = {
    processKind: 'penaltyGeneral',
    party: { kind: 'individual' },
    priorNotice: { servedOn: '2026-09-28', proposal: fine(1000), hearingRightNotified: false },
    decision: { outcome: 'penalty', decidedOn: '2026-10-12', penalty: fine(1000) },
  };
  it.each([
    ['no prior notice', { priorNotice: undefined }, '2026-10-12', 'PRIOR_NOTICE_MISSING'],
    ['notice not yet served', {}, '2026-09-27', 'PRIOR_NOTICE_MISSING'],
    ['on the notice day', {}, '2026-09-28', 'DEFENCE_PERIOD_RUNNING'],
    ['during the National Day holiday', {}, '2026-10-05', 'DEFENCE_PERIOD_RUNNING'],
    ['on the last day of the period (make-up Saturday)', {}, '2026-10-10', 'DEFENCE_PERIOD_RUNNING'],
    ['the day after the period', {}, '2026-10-11', 'ok'],
    ['defence waived', { defence: { waived: true } }, '2026-09-29', 'ok'],
    [
      'defence heard but not waived',
      { defence: { heardOn: '2026-09-29' } },
      '2026-09-30',
      'DEFENCE_PERIOD_RUNNING',
    ],
    [
      'heavier than notified',
      { decision: { outcome: 'penalty', decidedOn: '2026-10-12', penalty: fine(1500) } },
      '2026-10-12',
      'PENALTY_HEAVIER_THAN_NOTIFIED',
    ],
    [
      '不予处罚 needs no notice',
      { priorNotice: undefined, decision: { outcome: 'noPenalty', decidedOn: '2026-10-12' } },
      '2026-10-12',
      'ok',
    ],
    [
      '撤销立案 needs no notice',
      { priorNotice: undefined, decision: { outcome: 'cancel', decidedOn: '2026-10-12' } },
      '2026-10-12',
      'ok',
    ],
  ] as const)('%s', (_name, over, today, expected) => {
    expect(code(checkPriorNotice({ ...base, ...(over as Partial<CaseFacts>) }, context(today)))).toBe(
      expected,
    );
  });

  it('N3: the simple procedure hears the defence on the spot, with no period', () => {
    const simple: CaseFacts = {
      processKind: 'penaltySimple',
      party: { kind: 'individual' },
      priorNotice: { servedOn: '2026-09-28', proposal: fine(100), hearingRightNotified: false },
      decision: { outcome: 'penalty', decidedOn: '2026-09-28', penalty: fine(100) },
    };
    expect(code(checkPriorNotice(simple, context('2026-09-28')))).toBe('DEFENCE_NOT_HEARD');
    expect(
      code(checkPriorNotice({ ...simple, defence: { heardOn: '2026-09-28' } }, context('2026-09-28'))),
    ).toBe('ok');
  });

  it('N3: the defence period can be set apart from the hearing request period', () => {
    const over = context('2026-09-30', { options: { defenceDays: 2 } });
    expect(code(checkPriorNotice(base, over))).toBe('DEFENCE_PERIOD_RUNNING');
    expect(code(checkPriorNotice(base, { ...over, today: '2026-10-01' }))).toBe('ok');
  });

  it("N3: without next year's data the defence period runs to its latest plausible end, and the refusal names both", () => {
    const late = { ...base, priorNotice: { ...base.priorNotice!, servedOn: '2026-12-29' } };
    const refused = checkPriorNotice(late, context('2026-12-30'));
    expect(refused).toMatchObject({ ok: false, code: 'DEFENCE_PERIOD_RUNNING' });
    expect(refused.ok ? '' : refused.message).toMatch(/最早于2027-01-04、最迟于2027-01-08届满（暂定/);
    expect(code(checkPriorNotice(late, context('2027-01-08')))).toBe('DEFENCE_PERIOD_RUNNING');
    expect(code(checkPriorNotice(late, context('2027-01-09')))).toBe('ok');
  });

  it('N3: a year the law cannot be computed for is a refusal, not an exception', () => {
    const far = { ...base, priorNotice: { ...base.priorNotice!, servedOn: '2099-12-29' } };
    expect(checkPriorNotice(far, context('2099-12-30'))).toMatchObject({
      ok: false,
      code: 'CALENDAR_YEAR_MISSING',
    });
  });
});

describe('N4: hearing right, request window, notice period', () => {
  const s = defaultJurisdictionSettings;
  it.each([
    ['individual fine 9,999 yuan', 'individual', fine(9_999), false],
    ['individual fine 10,000 yuan (threshold inclusive)', 'individual', fine(10_000), true],
    ['organisation fine 99,999 yuan', 'organisation', fine(99_999), false],
    ['organisation fine 100,000 yuan', 'organisation', fine(100_000), true],
    [
      'gains 6,000 + property 4,000 yuan (added)',
      'individual',
      {
        kinds: ['confiscateIllegalGains', 'confiscateIllegalProperty'],
        illegalGainsFen: yuan(6000),
        illegalPropertyValueFen: yuan(4000),
      },
      true,
    ],
    ['吊销许可证件', 'organisation', { kinds: ['revokeLicence'] }, true],
    ['降低资质等级', 'organisation', { kinds: ['lowerQualification'] }, true],
    ['责令关闭', 'organisation', { kinds: ['orderClosure'] }, true],
    ['限制从业', 'individual', { kinds: ['restrictPractice'] }, true],
    ['暂扣许可证件 (其他较重)', 'individual', { kinds: ['suspendLicence'] }, true],
    ['警告', 'individual', { kinds: ['warning'] }, false],
  ] as const)('%s', (_name, party, penalty, expected) => {
    expect(hearingRight(penalty as PenaltyContent, party, s).applies).toBe(expected);
  });

  it('reads thresholds from settings', () => {
    const settings = mergeOverDefaults({ penalty: { hearingFineIndividual: 2000 } });
    expect(hearingRight(fine(2000), 'individual', settings).applies).toBe(true);
  });

  const notified: CaseFacts = {
    processKind: 'penaltyGeneral',
    party: { kind: 'individual' },
    priorNotice: { servedOn: '2026-09-28', proposal: fine(20_000), hearingRightNotified: true },
    decision: { outcome: 'penalty', decidedOn: '2026-10-12', penalty: fine(20_000) },
  };

  it('a notice for a large fine must state the hearing right', () => {
    const silent = { ...notified, priorNotice: { ...notified.priorNotice!, hearingRightNotified: false } };
    expect(code(checkHearingRightNotified(silent, context('2026-09-28')))).toBe('HEARING_RIGHT_NOT_NOTIFIED');
    expect(code(checkHearingRightNotified(notified, context('2026-09-28')))).toBe('ok');
  });

  // 5 working days after 28 September 2026 end on 10 October (art. 64(一) + art. 85).
  it.each([
    ['on the fifth working day', '2026-10-10', 'ok'],
    ['during the holiday', '2026-10-03', 'ok'],
    ['after the period', '2026-10-12', 'HEARING_REQUEST_LATE'],
  ])('request %s (%s) → %s', (_name, requestedOn, expected) => {
    const result = checkHearingRequest({ ...notified, hearing: { requestedOn } }, context(requestedOn));
    expect(code(result)).toBe(expected);
    if (!result.ok) expect(result.blocking).toBe(false);
  });

  // Hearing on Tuesday 13 October: 7 working days before it → notice by 28 September.
  it.each([
    ['28 September', '2026-09-28', 'ok'],
    ['29 September', '2026-09-29', 'HEARING_NOTICE_TOO_SHORT'],
  ])('hearing notice on %s for a hearing on 13 October → %s', (_name, noticeServedOn, expected) => {
    const facts = { ...notified, hearing: { scheduledOn: '2026-10-13', noticeServedOn } };
    expect(code(checkHearingNotice(facts, context(noticeServedOn)))).toBe(expected);
  });

  it('hearing notice days follow settings and the chosen day counting', () => {
    const facts = { ...notified, hearing: { scheduledOn: '2026-10-13', noticeServedOn: '2026-10-06' } };
    const calendarDays = context('2026-10-06', {
      options: { dayCounting: { hearingNotice: 'calendar' } as never },
    });
    expect(code(checkHearingNotice(facts, calendarDays))).toBe('ok');
    // 3 working days before 13 October: 12 October, 10 October (make-up), then 9 October is the latest notice day.
    const settings = mergeOverDefaults({ penalty: { hearingNoticeDays: 3 } });
    const on = (noticeServedOn: string) => ({
      ...notified,
      hearing: { scheduledOn: '2026-10-13', noticeServedOn },
    });
    expect(code(checkHearingNotice(on('2026-10-09'), context('2026-10-09', { settings })))).toBe('ok');
    expect(code(checkHearingNotice(on('2026-10-10'), context('2026-10-10', { settings })))).toBe(
      'HEARING_NOTICE_TOO_SHORT',
    );
  });

  it.each([
    ['request period still running', {}, '2026-10-10', 'HEARING_REQUEST_PERIOD_RUNNING'],
    ['period over, no request', {}, '2026-10-12', 'ok'],
    ['hearing waived', { hearing: { waived: true } }, '2026-10-12', 'ok'],
    [
      'timely request, no hearing held',
      { hearing: { requestedOn: '2026-09-30' } },
      '2026-10-12',
      'HEARING_NOT_HELD',
    ],
    [
      'timely request, hearing held',
      { hearing: { requestedOn: '2026-09-30', heldOn: '2026-10-20' } },
      '2026-10-21',
      'ok',
    ],
    ['late request needs no hearing', { hearing: { requestedOn: '2026-10-12' } }, '2026-10-13', 'ok'],
    [
      'right not notified',
      { priorNotice: { servedOn: '2026-09-28', proposal: fine(20_000), hearingRightNotified: false } },
      '2026-10-12',
      'HEARING_RIGHT_NOT_NOTIFIED',
    ],
    [
      'no right: small fine',
      { priorNotice: { servedOn: '2026-09-28', proposal: fine(100), hearingRightNotified: false } },
      '2026-10-12',
      'ok',
    ],
  ] as const)('before the decision: %s', (_name, over, today, expected) => {
    expect(
      code(checkHearingBeforeDecision({ ...notified, ...(over as Partial<CaseFacts>) }, context(today))),
    ).toBe(expected);
  });
});

describe('N10: limitation at registration', () => {
  const facts = (over: Partial<CaseFacts>): CaseFacts => ({
    processKind: 'penaltyGeneral',
    violation: { occurredOn: '2024-03-10', continuing: false, severeHarm: false },
    ...over,
  });
  it.each([
    ['discovered on the last day of 2 years', { discoveredOn: '2026-03-10' }, 'ok'],
    ['discovered the day after', { discoveredOn: '2026-03-11' }, 'LIMITATION_EXPIRED'],
    [
      'severe harm: 5 years',
      {
        discoveredOn: '2029-03-10',
        violation: { occurredOn: '2024-03-10', continuing: false, severeHarm: true },
      },
      'ok',
    ],
    [
      'severe harm: after 5 years',
      {
        discoveredOn: '2029-03-11',
        violation: { occurredOn: '2024-03-10', continuing: false, severeHarm: true },
      },
      'LIMITATION_EXPIRED',
    ],
    [
      'continuing act still going on',
      {
        discoveredOn: '2029-01-01',
        violation: { occurredOn: '2020-01-01', continuing: true, endedOn: null, severeHarm: false },
      },
      'ok',
    ],
    [
      'continuing act: from its end',
      {
        discoveredOn: '2026-12-31',
        violation: { occurredOn: '2020-01-01', continuing: true, endedOn: '2025-01-01', severeHarm: false },
      },
      'ok',
    ],
    [
      'continuing act: 2 years after its end',
      {
        discoveredOn: '2027-01-02',
        violation: { occurredOn: '2020-01-01', continuing: true, endedOn: '2025-01-01', severeHarm: false },
      },
      'LIMITATION_EXPIRED',
    ],
    [
      '29 February: ends 28 February',
      {
        discoveredOn: '2026-03-01',
        violation: { occurredOn: '2024-02-29', continuing: false, severeHarm: false },
      },
      'LIMITATION_EXPIRED',
    ],
    ['no discovery date', {}, 'INVALID_FACTS'],
  ] as const)('%s', (_name, over, expected) => {
    expect(code(checkLimitation(facts(over as Partial<CaseFacts>), context('2026-09-01')))).toBe(expected);
  });

  it('reads the years from settings', () => {
    const settings = mergeOverDefaults({ penalty: { limitationYears: 3 } });
    expect(
      code(checkLimitation(facts({ discoveredOn: '2027-03-10' }), context('2027-03-10', { settings }))),
    ).toBe('ok');
  });
});
