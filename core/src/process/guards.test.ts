import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar.js';
import type { HeldCertificate } from '../certificates.js';
import { defaultJurisdictionSettings } from '../settings.js';
import { penaltyGeneralProcess, processDefinitions } from './definitions.js';
import type { CaseFacts, Investigator } from './facts.js';
import { blockingRefusals, decisionRefusals, stageCompletionRefusals } from './gates.js';
import {
  caseConditions,
  checkCaseTransition,
  checkCollectiveDeliberation,
  checkDecisionReasons,
  checkInvestigators,
  checkLegalReview,
  checkStageRecording,
  checkTransition,
  nextStages,
  type RecordingList,
  stageRecordingRequirement,
  type TransitionFacts,
} from './guards.js';
import { type GuardResult, type RuleContext, refusalToAppError } from './result.js';

const calendar = buildCalendar([2025, 2026], []);
const context = (today: string): RuleContext => ({ settings: defaultJurisdictionSettings, calendar, today });
const code = (result: GuardResult) => (result.ok ? 'ok' : result.code);

describe('PROCESS: a case moves only along the arrows of its definition', () => {
  const move = (facts: TransitionFacts, to: string) =>
    code(checkTransition(penaltyGeneralProcess, facts, to as never));
  it.each([
    ['start at 案件来源登记', {}, 'intake', 'ok'],
    ['cannot start at 立案', {}, 'register', 'TRANSITION_NOT_ALLOWED'],
    [
      '来源登记 → 立案 when registering',
      { currentStage: 'intake', currentOutcome: 'register' },
      'register',
      'ok',
    ],
    [
      '来源登记 → 立案 without a recorded outcome',
      { currentStage: 'intake' },
      'register',
      'OUTCOME_NOT_ALLOWED',
    ],
    [
      '来源登记 → 归档 when not registering',
      { currentStage: 'intake', currentOutcome: 'noRegister' },
      'archive',
      'ok',
    ],
    [
      '来源登记 → 立案 when not registering',
      { currentStage: 'intake', currentOutcome: 'noRegister' },
      'register',
      'OUTCOME_NOT_ALLOWED',
    ],
    [
      '来源登记 → 调查 (no arrow)',
      { currentStage: 'intake', currentOutcome: 'register' },
      'investigate',
      'TRANSITION_NOT_ALLOWED',
    ],
    ['处理意见 → 告知 for a penalty', { currentStage: 'review', currentOutcome: 'penalty' }, 'notify', 'ok'],
    [
      '处理意见 → 决定 for a penalty (skipping notice)',
      { currentStage: 'review', currentOutcome: 'penalty' },
      'decide',
      'OUTCOME_NOT_ALLOWED',
    ],
    ['处理意见 → 决定 for 撤销立案', { currentStage: 'review', currentOutcome: 'cancel' }, 'decide', 'ok'],
    ['告知 → 决定, nothing conditional holds', { currentStage: 'notify' }, 'decide', 'ok'],
    ['告知 → 听证 without a request', { currentStage: 'notify' }, 'hear', 'STAGE_CONDITION_NOT_MET'],
    [
      '告知 → 听证 with a request',
      { currentStage: 'notify', conditions: { hearingRequested: true } },
      'hear',
      'ok',
    ],
    [
      '告知 → 法制审核 skipping a requested hearing',
      { currentStage: 'notify', conditions: { hearingRequested: true, majorDecision: true } },
      'legalReview',
      'CONDITIONAL_STAGE_SKIPPED',
    ],
    [
      'L1: 告知 → 决定 around the legal review of a major case',
      { currentStage: 'notify', conditions: { majorDecision: true } },
      'decide',
      'CONDITIONAL_STAGE_SKIPPED',
    ],
    [
      'L1: 告知 → 集体讨论 around the legal review',
      { currentStage: 'notify', conditions: { majorDecision: true, complexOrMajorCase: true } },
      'deliberate',
      'CONDITIONAL_STAGE_SKIPPED',
    ],
    [
      '法制审核 (passed) → 决定, no deliberation needed',
      { currentStage: 'legalReview', currentOutcome: 'passed', conditions: { majorDecision: true } },
      'decide',
      'ok',
    ],
    [
      '法制审核 (passed) → 决定 around a needed deliberation',
      {
        currentStage: 'legalReview',
        currentOutcome: 'passed',
        conditions: { majorDecision: true, complexOrMajorCase: true },
      },
      'decide',
      'CONDITIONAL_STAGE_SKIPPED',
    ],
    [
      '法制审核 (returned) → 决定',
      { currentStage: 'legalReview', currentOutcome: 'returned', conditions: { majorDecision: true } },
      'decide',
      'OUTCOME_NOT_ALLOWED',
    ],
    [
      '法制审核 (returned) → 调查取证',
      { currentStage: 'legalReview', currentOutcome: 'returned' },
      'investigate',
      'ok',
    ],
    ['决定 (撤销立案) → 结案', { currentStage: 'decide', currentOutcome: 'cancel' }, 'close', 'ok'],
    [
      '决定 (撤销立案) → 送达',
      { currentStage: 'decide', currentOutcome: 'cancel' },
      'serve',
      'OUTCOME_NOT_ALLOWED',
    ],
    [
      '送达 → 结案 around execution of a fine',
      { currentStage: 'serve', conditions: { performanceRequired: true } },
      'close',
      'CONDITIONAL_STAGE_SKIPPED',
    ],
    [
      '送达 → 结案 after execution',
      { currentStage: 'serve', completedStages: ['execute'], conditions: { performanceRequired: true } },
      'close',
      'ok',
    ],
    ['归档 is the end', { currentStage: 'archive' }, 'close', 'TRANSITION_NOT_ALLOWED'],
    ['unknown stage', { currentStage: 'notify' }, 'approve', 'UNKNOWN_STAGE'],
  ] as const)('%s', (_name, facts, to, expected) => {
    expect(move(facts as TransitionFacts, to)).toBe(expected);
  });

  it('derives conditions from the case facts', () => {
    const facts: CaseFacts = {
      processKind: 'penaltyGeneral',
      currentStage: 'notify',
      hearing: { requestedOn: '2026-09-30' },
      major: true,
    };
    expect(caseConditions(facts)).toMatchObject({ hearingRequested: true, majorDecision: true });
    expect(code(checkCaseTransition(facts, 'decide'))).toBe('CONDITIONAL_STAGE_SKIPPED');
    expect(code(checkCaseTransition(facts, 'hear'))).toBe('ok');
    expect(
      code(
        checkCaseTransition(
          { ...facts, currentStage: 'hear', hearing: { requestedOn: '2026-09-30', heldOn: '2026-10-20' } },
          'decide',
        ),
      ),
    ).toBe('CONDITIONAL_STAGE_SKIPPED');
  });

  it('N4: a late hearing request does not oblige a hearing, given the context', () => {
    const late: CaseFacts = {
      processKind: 'penaltyGeneral',
      currentStage: 'notify',
      priorNotice: {
        servedOn: '2026-09-01',
        proposal: { kinds: ['revokeLicence'] },
        hearingRightNotified: true,
      },
      hearing: { requestedOn: '2026-09-30' },
    };
    expect(code(checkCaseTransition(late, 'decide'))).toBe('CONDITIONAL_STAGE_SKIPPED');
    expect(code(checkCaseTransition(late, 'decide', context('2026-09-30')))).toBe('ok');
    expect(code(checkCaseTransition(late, 'hear', context('2026-09-30'), { hearingRequested: true }))).toBe(
      'ok',
    );
  });

  it('lists what the console may offer', () => {
    const offers = nextStages(penaltyGeneralProcess, {
      currentStage: 'notify',
      conditions: { majorDecision: true },
    });
    expect(offers.map((o) => [o.to, o.result.ok])).toEqual([
      ['hear', false],
      ['legalReview', true],
      ['deliberate', false],
      ['decide', false],
    ]);
  });

  it('every definition can be walked from its first stage to 归档', () => {
    for (const definition of Object.values(processDefinitions)) {
      let facts: TransitionFacts = {};
      const seen = new Set<string>();
      let to: string = definition.initial;
      while (true) {
        const stage = definition.stages.find((s) => s.id === to)!;
        const conditions = Object.fromEntries(
          definition.stages.flatMap((s) => (s.condition ? [[s.condition, false]] : [])),
        );
        facts = { ...facts, conditions };
        expect(code(checkTransition(definition, facts, stage.id)), `${definition.id} → ${stage.id}`).toBe(
          'ok',
        );
        seen.add(stage.id);
        if (stage.next.length === 0) break;
        const forward = stage.next.find(
          (t) => !seen.has(t.to) && !definition.stages.find((s) => s.id === t.to)!.condition,
        )!;
        facts = {
          currentStage: stage.id,
          ...(forward.outcomes ? { currentOutcome: forward.outcomes[0]! } : {}),
        };
        to = forward.to;
      }
      expect(seen.has('archive')).toBe(true);
    }
  });
});

// Certificates as certificates.ts reads them.
const certificate = (over: Partial<HeldCertificate> = {}): HeldCertificate => ({
  state: 'active',
  revocationKind: null,
  validFrom: '2024-01-01',
  validTo: '2028-12-31',
  annualCheckDue: '2027-03-31',
  number: '99012100001',
  categories: ['交通运输'],
  regionCode: '990121',
  ...over,
});
const person = (id: string, over: Partial<Investigator> = {}): Investigator => ({
  id,
  name: `执法人员${id}`,
  kind: 'officer',
  active: true,
  certificates: [certificate({ number: `9901210000${id}` })],
  ...over,
});
const item = { category: '交通运输', regionCode: '990121' };

describe('N1: at least two officers whose certificates allow this item today', () => {
  it.each([
    ['two certified officers', [person('1'), person('2')], 'ok'],
    [
      'one officer and an auxiliary',
      [person('1'), person('2', { kind: 'auxiliary' })],
      'INVESTIGATORS_INSUFFICIENT',
    ],
    ['two officers and an auxiliary', [person('1'), person('2'), person('3', { kind: 'auxiliary' })], 'ok'],
    [
      'one officer whose certificate expired',
      [person('1'), person('2', { certificates: [certificate({ validTo: '2026-01-01' })] })],
      'INVESTIGATORS_INSUFFICIENT',
    ],
    [
      'one officer without the category',
      [person('1'), person('2', { certificates: [certificate({ categories: ['市场监管'] })] })],
      'INVESTIGATORS_INSUFFICIENT',
    ],
    ['the same officer twice', [person('1'), person('1')], 'INVESTIGATORS_INSUFFICIENT'],
    ['nobody', [], 'INVESTIGATORS_INSUFFICIENT'],
  ] as const)('%s', (_name, investigators, expected) => {
    expect(code(checkInvestigators({ investigators, item }, context('2026-09-01')))).toBe(expected);
  });

  it('names who does not count', () => {
    const result = checkInvestigators(
      { investigators: [person('1'), person('2', { kind: 'auxiliary' })], item },
      context('2026-09-01'),
    );
    expect(result).toMatchObject({ ok: false, rule: 'N1', field: 'investigators' });
    expect(!result.ok && result.details).toEqual([
      { field: 'investigators[1]', message: expect.stringMatching(/^执法人员2：执法辅助人员/) },
    ]);
  });

  it('applies where the definition asks for two officers', () => {
    const facts: CaseFacts = { processKind: 'penaltyGeneral', investigators: [person('1')], item };
    expect(stageCompletionRefusals(facts, 'investigate', context('2026-09-01')).map((r) => r.code)).toEqual([
      'INVESTIGATORS_INSUFFICIENT',
    ]);
    expect(stageCompletionRefusals(facts, 'review', context('2026-09-01'))).toEqual([]);
  });
});

describe('R2: a general-procedure decision states all three reasons', () => {
  const reasons = {
    evidence: '现场检查笔录等证据相互印证',
    basis: '依据《道路运输条例》第六十三条',
    discretion: '初次违法，按裁量基准从轻',
  };
  it.each([
    ['all three', reasons, 'penalty', 'ok'],
    ['missing discretion', { ...reasons, discretion: '' }, 'penalty', 'DECISION_REASONS_MISSING'],
    ['whitespace basis', { ...reasons, basis: '   ' }, 'penalty', 'DECISION_REASONS_MISSING'],
    ['none', {}, 'noPenalty', 'DECISION_REASONS_MISSING'],
    ['撤销立案 has no decision document', {}, 'cancel', 'ok'],
  ] as const)('%s', (_name, given, outcome, expected) => {
    const facts: CaseFacts = {
      processKind: 'penaltyGeneral',
      decision: { outcome, decidedOn: '2026-09-01', reasons: given },
    };
    expect(code(checkDecisionReasons(facts))).toBe(expected);
  });

  it('names each missing reason', () => {
    const result = checkDecisionReasons({
      processKind: 'penaltyGeneral',
      decision: { outcome: 'penalty', decidedOn: '2026-09-01', reasons: { evidence: 'x' } },
    });
    expect(result).toMatchObject({ ok: false, field: 'decision.reasons.basis' });
    expect(!result.ok && result.details?.map((d) => d.field)).toEqual([
      'decision.reasons.basis',
      'decision.reasons.discretion',
    ]);
  });
});

describe('R4/R5: a stage that requires a recording cannot complete without one', () => {
  const list: RecordingList = [
    {
      processKind: 'penaltyGeneral',
      stage: 'investigate',
      requirement: 'mandatory',
      kinds: ['video', 'audio'],
    },
    { processKind: 'seizure', stage: 'record', requirement: 'none', kinds: [] },
  ];
  it.each([
    ['seizure on-site record without recording', 'seizure', 'record', [], [], 'RECORDING_MISSING'],
    [
      'seizure on-site record with video',
      'seizure',
      'record',
      [{ id: 'v1', stage: 'record', kind: 'video' }],
      [],
      'ok',
    ],
    [
      'seizure on-site record with a photo only',
      'seizure',
      'record',
      [{ id: 'p1', stage: 'record', kind: 'photo' }],
      [],
      'RECORDING_MISSING',
    ],
    [
      'video linked to another stage',
      'seizure',
      'record',
      [{ id: 'v1', stage: 'approve', kind: 'video' }],
      [],
      'RECORDING_MISSING',
    ],
    ['a list cannot lower a mandatory recording', 'seizure', 'record', [], list, 'RECORDING_MISSING'],
    ['investigation: as needed by default', 'penaltyGeneral', 'investigate', [], [], 'ok'],
    [
      'investigation: mandatory in the agency list',
      'penaltyGeneral',
      'investigate',
      [],
      list,
      'RECORDING_MISSING',
    ],
    [
      'investigation: audio satisfies the list',
      'penaltyGeneral',
      'investigate',
      [{ id: 'a1', stage: 'investigate', kind: 'audio' }],
      list,
      'ok',
    ],
    ['inspection: as needed', 'inspection', 'inspect', [], [], 'ok'],
  ] as const)('%s', (_name, processKind, stage, recordings, recordingList, expected) => {
    expect(code(checkStageRecording({ processKind, recordings }, stage, recordingList))).toBe(expected);
  });

  it('tells where the requirement comes from', () => {
    expect(stageRecordingRequirement('seizure', 'record')).toMatchObject({
      requirement: 'mandatory',
      source: 'definition',
    });
    expect(stageRecordingRequirement('penaltyGeneral', 'investigate', list)).toMatchObject({
      requirement: 'mandatory',
      kinds: ['video', 'audio'],
      source: 'list',
    });
  });
});

describe('L1: a major case is decided only after a passed legal review — no bypass', () => {
  const major: CaseFacts = {
    processKind: 'penaltyGeneral',
    major: true,
    proposalRevision: 2,
    investigators: [person('1'), person('2')],
    legalReview: { outcome: 'passed', reviewedOn: '2026-09-01', reviewerId: 'r1', proposalRevision: 2 },
  };
  it.each([
    ['not major, no review', { major: false, legalReview: undefined }, 'ok'],
    ['major, passed', {}, 'ok'],
    ['major, no review', { legalReview: undefined }, 'LEGAL_REVIEW_NOT_PASSED'],
    ['major, pending', { legalReview: { outcome: 'pending' } }, 'LEGAL_REVIEW_NOT_PASSED'],
    [
      'major, failed',
      { legalReview: { outcome: 'failed', reviewedOn: '2026-09-01' } },
      'LEGAL_REVIEW_NOT_PASSED',
    ],
    [
      'major, passed tomorrow',
      { legalReview: { outcome: 'passed', reviewedOn: '2026-09-03', proposalRevision: 2 } },
      'LEGAL_REVIEW_NOT_PASSED',
    ],
    ['major, proposal changed after review', { proposalRevision: 3 }, 'LEGAL_REVIEW_NOT_PASSED'],
    [
      'reviewer handles the case',
      { legalReview: { outcome: 'passed', reviewedOn: '2026-09-01', reviewerId: '2', proposalRevision: 2 } },
      'LEGAL_REVIEWER_CONFLICT',
    ],
    [
      'not flagged, but decided after a hearing',
      { major: false, legalReview: undefined, hearing: { heldOn: '2026-08-20' } },
      'LEGAL_REVIEW_NOT_PASSED',
    ],
  ] as const)('%s', (_name, over, expected) => {
    expect(code(checkLegalReview({ ...major, ...(over as Partial<CaseFacts>) }, context('2026-09-02')))).toBe(
      expected,
    );
  });

  it('is blocking and becomes a RULE_VIOLATION error', () => {
    const result = checkLegalReview({ ...major, legalReview: undefined }, context('2026-09-02'));
    expect(result).toMatchObject({ blocking: true, rule: 'L1' });
    if (!result.ok) {
      const error = refusalToAppError(result);
      expect(error.code).toBe('RULE_VIOLATION');
      expect(error.message).toMatch(/不得作出决定（L1）$/);
      expect(error.field).toBe('legalReview');
    }
  });
});

describe('N5: complex or major violations are decided collectively', () => {
  it.each([
    ['not complex', { complexOrMajor: false }, 'ok'],
    ['complex, no deliberation', { complexOrMajor: true }, 'COLLECTIVE_DELIBERATION_MISSING'],
    [
      'complex, deliberated',
      { complexOrMajor: true, deliberation: { heldOn: '2026-09-01', chairedByAgencyHead: true } },
      'ok',
    ],
    [
      'complex, not chaired by the head',
      { complexOrMajor: true, deliberation: { heldOn: '2026-09-01', chairedByAgencyHead: false } },
      'COLLECTIVE_DELIBERATION_MISSING',
    ],
    [
      'complex, 不予处罚',
      { complexOrMajor: true, decision: { outcome: 'noPenalty', decidedOn: '2026-09-02' } },
      'ok',
    ],
  ] as const)('%s', (_name, facts, expected) => {
    expect(code(checkCollectiveDeliberation(facts as CaseFacts, context('2026-09-02')))).toBe(expected);
  });
});

describe('decision bundle: every rule that stands in the way of deciding', () => {
  const ready: CaseFacts = {
    processKind: 'penaltyGeneral',
    party: { kind: 'organisation' },
    registeredOn: '2026-08-01',
    investigators: [person('1'), person('2')],
    priorNotice: {
      servedOn: '2026-09-01',
      proposal: { kinds: ['fine'], fineFen: 500_000 },
      hearingRightNotified: false,
    },
    decision: {
      outcome: 'penalty',
      decidedOn: '2026-09-15',
      penalty: { kinds: ['fine'], fineFen: 500_000 },
      reasons: { evidence: '证据', basis: '依据', discretion: '裁量' },
    },
  };
  it('a ready case has none', () => {
    expect(decisionRefusals(ready, context('2026-09-15'))).toEqual([]);
  });
  it('collects them all, blocking and not', () => {
    const refusals = decisionRefusals(
      { ...ready, major: true, decision: { ...ready.decision!, reasons: {} } },
      context('2026-11-15'),
    );
    expect(refusals.map((r) => `${r.rule}:${r.code}`)).toEqual([
      'L1:LEGAL_REVIEW_NOT_PASSED',
      'R2:DECISION_REASONS_MISSING',
      'N6:CASE_TIME_LIMIT_EXCEEDED',
    ]);
    expect(blockingRefusals(refusals).map((r) => r.rule)).toEqual(['L1', 'R2']);
  });
  it('simple procedure: N2 and N3', () => {
    const simple: CaseFacts = {
      processKind: 'penaltySimple',
      party: { kind: 'individual' },
      priorNotice: {
        servedOn: '2026-09-01',
        proposal: { kinds: ['fine'], fineFen: 50_000 },
        hearingRightNotified: false,
      },
      decision: {
        outcome: 'penalty',
        decidedOn: '2026-09-01',
        penalty: { kinds: ['fine'], fineFen: 50_000 },
      },
    };
    expect(decisionRefusals(simple, context('2026-09-01')).map((r) => r.code)).toEqual([
      'SIMPLE_PROCEDURE_NOT_ALLOWED',
      'DEFENCE_NOT_HEARD',
    ]);
  });
});
