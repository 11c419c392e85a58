import { describe, expect, it } from 'vitest';
import { buildCalendar, type CalendarEntry } from '../calendar.js';
import { defaultJurisdictionSettings } from '../settings.js';
import { caseDeadlines } from './deadlines.js';
import type { CaseFacts } from './facts.js';
import type { RuleContext } from './result.js';

const entries: CalendarEntry[] = [
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
    date: `2026-10-${d}`,
    kind: 'holiday' as const,
    name: '国庆节',
  })),
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休' },
];
const calendar = buildCalendar([2026], entries);
const context = (today: string): RuleContext => ({ settings: defaultJurisdictionSettings, calendar, today });

describe('N3 N4 N6 N7 N8 N11 L7: every running clock of a case', () => {
  const noticed: CaseFacts = {
    processKind: 'penaltyGeneral',
    party: { kind: 'individual' },
    registeredOn: '2026-07-15',
    priorNotice: {
      servedOn: '2026-09-28',
      proposal: { kinds: ['fine'], fineFen: 2_000_000 },
      hearingRightNotified: true,
    },
  };

  it('before the decision: defence, hearing request, case limit — soonest first, warnings at lead times', () => {
    const { clocks, problems } = caseDeadlines(noticed, context('2026-10-09'));
    expect(problems).toEqual([]);
    expect(
      clocks.map((c) => [c.id, c.rule, c.dueOn, c.counting, c.daysLeft, c.warning, c.overdue, c.owner]),
    ).toEqual([
      ['defence', 'N3', '2026-10-10', 'working', 1, true, false, 'party'],
      ['hearingRequest', 'N4', '2026-10-10', 'working', 1, true, false, 'party'],
      ['caseTimeLimit', 'N6', '2026-10-13', 'calendar', 4, true, false, 'agency'],
    ]);
    expect(clocks[0]!.label).toBe('陈述申辩期限');
  });

  it('lead times are a parameter', () => {
    const { clocks } = caseDeadlines(noticed, context('2026-10-09'), { caseTimeLimit: 3, defence: 0 });
    expect(clocks.map((c) => [c.id, c.warning])).toEqual([
      ['defence', false],
      ['hearingRequest', true],
      ['caseTimeLimit', false],
    ]);
  });

  it('party periods end; an overdue agency clock stays, flagged', () => {
    const { clocks } = caseDeadlines(noticed, context('2026-10-14'));
    expect(clocks.map((c) => [c.id, c.daysLeft, c.overdue])).toEqual([['caseTimeLimit', -1, true]]);
  });

  it('a scheduled hearing: the latest day to send its notice', () => {
    const facts: CaseFacts = {
      ...noticed,
      hearing: { requestedOn: '2026-09-30', scheduledOn: '2026-10-13' },
    };
    const clock = caseDeadlines(facts, context('2026-09-28')).clocks.find((c) => c.id === 'hearingNotice');
    expect(clock).toMatchObject({
      dueOn: '2026-09-28',
      daysLeft: 0,
      warning: true,
      note: '听证定于2026-10-13',
    });
  });

  it('after the decision: service, payment, major filing; the case limit stops', () => {
    const decided: CaseFacts = {
      ...noticed,
      major: true,
      decision: {
        outcome: 'penalty',
        decidedOn: '2026-09-28',
        penalty: { kinds: ['fine'], fineFen: 2_000_000 },
      },
    };
    expect(caseDeadlines(decided, context('2026-09-29')).clocks.map((c) => [c.id, c.dueOn])).toEqual([
      ['majorFiling', '2026-10-03'],
      ['service', '2026-10-13'],
    ]);
    const served: CaseFacts = {
      ...decided,
      majorFiledOn: '2026-09-30',
      service: { servedOn: '2026-09-30' },
      payment: { fineFen: 2_000_000, payments: [] },
    };
    const [payment] = caseDeadlines(served, context('2026-10-16')).clocks;
    expect(payment).toMatchObject({
      id: 'payment',
      dueOn: '2026-10-15',
      daysLeft: -1,
      overdue: true,
      rule: 'N8',
    });
    expect(payment!.note).toBe('未缴罚款20,000元，加处罚款600元');
    const settled = {
      ...served,
      payment: {
        fineFen: 2_000_000,
        payments: [{ paidOn: '2026-10-12', amountFen: 2_000_000, bankReference: 'BK1' }],
      },
    };
    expect(caseDeadlines(settled, context('2026-10-16')).clocks).toEqual([]);
  });

  it('a seizure runs until it is dealt with', () => {
    const facts: CaseFacts = {
      processKind: 'seizure',
      seizure: {
        approval: { approved: true, approvedOn: '2026-09-01' },
        decidedOn: '2026-09-01',
        termDays: 30,
        extensions: [{ days: 30, approved: true, approvedOn: '2026-09-25' }],
      },
    };
    expect(caseDeadlines(facts, context('2026-10-28')).clocks).toEqual([
      expect.objectContaining({
        id: 'seizure',
        rule: 'N11',
        dueOn: '2026-10-31',
        daysLeft: 3,
        warning: true,
        note: '含延长30日',
      }),
    ]);
    expect(
      caseDeadlines(
        { ...facts, seizure: { ...facts.seizure!, disposedOn: '2026-10-20' } },
        context('2026-10-28'),
      ).clocks,
    ).toEqual([]);
  });

  it("N3 N4: a party's period that runs into a year without data is 暂定, due on its latest plausible end", () => {
    const late: CaseFacts = { ...noticed, priorNotice: { ...noticed.priorNotice!, servedOn: '2026-12-29' } };
    const { clocks, problems } = caseDeadlines(late, context('2026-12-30'));
    expect(problems).toEqual([]);
    const defence = clocks.find((c) => c.id === 'defence')!;
    expect(defence).toMatchObject({
      dueOn: '2027-01-08',
      provisional: { earliestOn: '2027-01-04', latestOn: '2027-01-08' },
    });
    expect(defence.provisional!.reason).toContain('2027 年节假日安排尚未导入');
    // The 90-day case limit counts calendar days: it reaches 2027 but nothing in it is provisional.
    expect(clocks.find((c) => c.id === 'caseTimeLimit')!.provisional).toBeUndefined();
  });

  it("N7: an agency's duty in a year without data is due on its earliest plausible end", () => {
    const decided: CaseFacts = {
      ...noticed,
      decision: { outcome: 'penalty', decidedOn: '2026-12-29', penalty: noticed.priorNotice!.proposal },
    };
    const service = caseDeadlines(decided, context('2026-12-30')).clocks.find((c) => c.id === 'service')!;
    // 7 working days after Tuesday 29 December: 30, 31 December, then 2–6 January at the
    // earliest (the weekend may be made working days), 12 January at the latest (4–5 January may be bridging days off).
    expect(service).toMatchObject({
      dueOn: '2027-01-06',
      provisional: { earliestOn: '2027-01-06', latestOn: '2027-01-12' },
    });
  });

  it('a clock in a year the law cannot be computed for is reported, not thrown', () => {
    const far: CaseFacts = { ...noticed, priorNotice: { ...noticed.priorNotice!, servedOn: '2099-12-29' } };
    const { problems } = caseDeadlines(far, context('2099-12-30'));
    expect(problems.map((p) => p.id)).toContain('defence');
    expect(problems[0]!.message).toContain('2100');
  });
});
