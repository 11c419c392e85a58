import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar.js';
import { defaultJurisdictionSettings, mergeOverDefaults } from '../settings.js';
import type { SeizureFacts } from './facts.js';
import type { GuardResult, RuleContext } from './result.js';
import {
  checkSeizureApproval,
  checkSeizureExtension,
  checkSeizureInForce,
  checkSeizureTerm,
  seizureTerm,
} from './seizure.js';

const calendar = buildCalendar([2026], []);
const context = (today: string, over: Partial<RuleContext> = {}): RuleContext => ({
  settings: defaultJurisdictionSettings,
  calendar,
  today,
  ...over,
});
const code = (result: GuardResult) => (result.ok ? 'ok' : result.code);

const seizure = (over: Partial<SeizureFacts> = {}): SeizureFacts => ({
  approval: { approved: true, approvedOn: '2026-09-01' },
  decidedOn: '2026-09-01',
  termDays: 30,
  extensions: [],
  ...over,
});

describe('N11: seizure ≤ 30 days, one approved extension ≤ 30 days', () => {
  it.each([
    ['30 days from 1 September', {}, '2026-10-01'],
    ['a shorter term', { termDays: 10 }, '2026-09-11'],
    ['a term over the maximum counts only the maximum', { termDays: 45 }, '2026-10-01'],
    [
      'approved extension of 30 days',
      { extensions: [{ days: 30, approved: true, approvedOn: '2026-09-25' }] },
      '2026-10-31',
    ],
    ['unapproved extension', { extensions: [{ days: 30, approved: false }] }, '2026-10-01'],
    [
      'extension approved after expiry',
      { extensions: [{ days: 30, approved: true, approvedOn: '2026-10-02' }] },
      '2026-10-01',
    ],
    [
      'only the first extension counts',
      {
        extensions: [
          { days: 10, approved: true, approvedOn: '2026-09-25' },
          { days: 20, approved: true, approvedOn: '2026-10-05' },
        ],
      },
      '2026-10-11',
    ],
    [
      'testing period told to the party is not counted',
      { testingPeriods: [{ from: '2026-09-10', to: '2026-09-14', partyNotified: true }] },
      '2026-10-06',
    ],
    [
      'testing period not told to the party counts',
      { testingPeriods: [{ from: '2026-09-10', to: '2026-09-14', partyNotified: false }] },
      '2026-10-01',
    ],
    [
      'open-ended testing period counts',
      { testingPeriods: [{ from: '2026-09-10', partyNotified: true }] },
      '2026-10-01',
    ],
  ] as const)('%s', (_name, over, expected) => {
    expect(seizureTerm(seizure(over as Partial<SeizureFacts>), context('2026-09-01')).endOn).toBe(expected);
  });

  it.each([
    ['30 days', 30, 'ok'],
    ['31 days', 31, 'SEIZURE_TERM_TOO_LONG'],
    ['half a day', 0.5, 'INVALID_FACTS'],
  ])('term of %s', (_name, termDays, expected) => {
    expect(code(checkSeizureTerm({ seizure: seizure({ termDays }) }, context('2026-09-01')))).toBe(expected);
  });

  it('reads the maximum from settings', () => {
    const settings = mergeOverDefaults({ caseHandling: { seizureDays: 15 } });
    expect(
      code(checkSeizureTerm({ seizure: seizure({ termDays: 20 }) }, context('2026-09-01', { settings }))),
    ).toBe('SEIZURE_TERM_TOO_LONG');
  });

  it.each([
    [
      '30 days, approved before expiry',
      seizure(),
      { days: 30, approved: true, approvedOn: '2026-10-01' },
      'ok',
    ],
    [
      '31 days',
      seizure(),
      { days: 31, approved: true, approvedOn: '2026-09-25' },
      'SEIZURE_EXTENSION_INVALID',
    ],
    ['not approved', seizure(), { days: 10, approved: false }, 'SEIZURE_EXTENSION_INVALID'],
    [
      'after expiry',
      seizure(),
      { days: 10, approved: true, approvedOn: '2026-10-02' },
      'SEIZURE_EXTENSION_INVALID',
    ],
    [
      'a second extension',
      seizure({ extensions: [{ days: 10, approved: true, approvedOn: '2026-09-20' }] }),
      { days: 10, approved: true, approvedOn: '2026-10-05' },
      'SEIZURE_EXTENSION_INVALID',
    ],
  ] as const)('extension: %s', (_name, facts, extension, expected) => {
    expect(code(checkSeizureExtension({ seizure: facts }, extension, context('2026-09-25')))).toBe(expected);
  });

  it.each([
    ['on the last day', {}, '2026-10-01', 'ok'],
    ['the day after', {}, '2026-10-02', 'SEIZURE_EXPIRED'],
    ['dealt with', { disposedOn: '2026-09-20' }, '2026-12-01', 'ok'],
  ] as const)('in force %s', (_name, over, today, expected) => {
    expect(code(checkSeizureInForce({ seizure: seizure(over) }, context(today)))).toBe(expected);
  });

  it.each([
    ['approved beforehand', { approved: true, approvedOn: '2026-09-01' }, '2026-09-01', 'ok'],
    [
      'approved afterwards, not urgent',
      { approved: true, approvedOn: '2026-09-02' },
      '2026-09-02',
      'SEIZURE_NOT_APPROVED',
    ],
    [
      'urgent, approved the next day',
      { approved: true, approvedOn: '2026-09-02', emergency: true },
      '2026-09-02',
      'ok',
    ],
    [
      'urgent, approved two days later',
      { approved: true, approvedOn: '2026-09-03', emergency: true },
      '2026-09-03',
      'SEIZURE_NOT_APPROVED',
    ],
    ['urgent, approval pending within 24 hours', { approved: false, emergency: true }, '2026-09-02', 'ok'],
    [
      'urgent, approval still missing',
      { approved: false, emergency: true },
      '2026-09-03',
      'SEIZURE_NOT_APPROVED',
    ],
    ['never approved', { approved: false }, '2026-09-01', 'SEIZURE_NOT_APPROVED'],
  ] as const)('approval: %s', (_name, approval, today, expected) => {
    expect(code(checkSeizureApproval({ seizure: seizure({ approval }) }, context(today)))).toBe(expected);
  });
});
