import { describe, expect, it } from 'vitest';
import { findStage, processDefinitions } from './definitions.js';
import {
  checkArchiveComplete,
  documentKindIds,
  documentKindsPossible,
  documentKindsProduced,
  documentKindTitles,
  factDocumentKinds,
  missingDocuments,
  requiredDocuments,
  stageDocumentKinds,
} from './documents.js';
import { isRefusal } from './result.js';
import { processKinds } from './types.js';

/** How a stage's definition may name a kind: its title, with or without （）, or a longer usual name. */
const aliases: Partial<Record<(typeof documentKindIds)[number], string[]>> = {
  sceneRecord: ['现场检查（勘验）笔录', '现场检查笔录'],
};
const plain = (name: string) => name.replace(/[（）]/g, '');

describe('PROCESS: the documents each stage produces', () => {
  it('names only documents the stage lists in the published definition', () => {
    for (const kind of processKinds) {
      const definition = processDefinitions[kind];
      for (const [stageId, kinds] of Object.entries(stageDocumentKinds[kind])) {
        const stage = findStage(definition, stageId as never);
        expect(stage, `${kind}.${stageId}`).toBeDefined();
        const listed = stage!.documents.map(plain);
        for (const documentKind of kinds ?? []) {
          const names = [documentKindTitles[documentKind], ...(aliases[documentKind] ?? [])].map(plain);
          expect(
            names.some((n) => listed.includes(n)),
            `${kind}.${stageId} lists ${documentKindTitles[documentKind]}`,
          ).toBe(true);
        }
      }
    }
  });

  it('gives the kinds of the stages reached, once each', () => {
    expect(documentKindsProduced('penaltyGeneral', ['intake'])).toEqual([]);
    expect(documentKindsProduced('penaltyGeneral', ['intake', 'register', 'investigate'])).toEqual([
      'filingApproval',
      'inquiryRecord',
      'sceneRecord',
    ]);
    expect(documentKindsProduced('penaltyGeneral', ['notify', 'serve'])).toEqual([
      'priorNotice',
      'serviceReceipt',
    ]);
    expect(documentKindsProduced('seizure', ['dispose'])).toEqual(['seizureRelease']);
  });

  it('adds the kinds a recorded fact may call for: a payment plan from 送达, the L7 备案表 after the decision', () => {
    expect(documentKindsPossible('penaltyGeneral', ['decide'])).not.toContain('majorFilingReport');
    expect(documentKindsPossible('penaltyGeneral', ['serve'])).toEqual([
      'serviceReceipt',
      'paymentPlanApproval',
      'majorFilingReport',
    ]);
    expect(documentKindsProduced('penaltyGeneral', ['serve', 'execute'])).toEqual([
      'serviceReceipt',
      'paymentPlanApproval',
      'performanceReminder',
      'courtEnforcementApplication',
    ]);
    expect(documentKindsPossible('penaltyGeneral', ['serve', 'execute'])).toEqual([
      'serviceReceipt',
      'paymentPlanApproval',
      'performanceReminder',
      'courtEnforcementApplication',
      'majorFilingReport',
    ]);
    expect(documentKindsPossible('penaltySimple', ['execute'])).toEqual([]);
  });

  it('every kind has a title and is produced somewhere', () => {
    for (const kind of documentKindIds) {
      expect(documentKindTitles[kind]).toMatch(/[\u4e00-\u9fff]/);
      expect(
        processKinds.some((p) =>
          [stageDocumentKinds[p], factDocumentKinds[p]].some((byStage) =>
            Object.values(byStage).some((list) => list?.includes(kind)),
          ),
        ),
        kind,
      ).toBe(true);
    }
  });
});

const labels = (list: ReturnType<typeof requiredDocuments>) => list.map((r) => r.label);
const generalToClose = [
  'intake',
  'register',
  'investigate',
  'review',
  'notify',
  'decide',
  'serve',
  'execute',
  'close',
] as const;

describe('ARCHIVE: required documents per kind and outcome', () => {
  it.each([
    [
      'general penalty, penalty',
      { processKind: 'penaltyGeneral', stagesReached: generalToClose, decisionOutcome: 'penalty' },
      ['立案审批表', '询问笔录或现场笔录', '行政处罚事先告知书', '行政处罚决定书', '送达回证', '结案报告'],
    ],
    [
      'general penalty, no penalty',
      { processKind: 'penaltyGeneral', stagesReached: generalToClose, decisionOutcome: 'noPenalty' },
      ['立案审批表', '询问笔录或现场笔录', '不予行政处罚决定书', '送达回证', '结案报告'],
    ],
    [
      'general penalty after a hearing',
      {
        processKind: 'penaltyGeneral',
        stagesReached: [...generalToClose, 'hear'],
        decisionOutcome: 'penalty',
        hearingHeld: true,
      },
      [
        '立案审批表',
        '询问笔录或现场笔录',
        '听证通知书',
        '行政处罚事先告知书',
        '行政处罚决定书',
        '送达回证',
        '结案报告',
      ],
    ],
    ['not registered (不予立案)', { processKind: 'penaltyGeneral', stagesReached: ['intake'] }, []],
    [
      'simple procedure',
      { processKind: 'penaltySimple', stagesReached: ['identify', 'notify', 'defence', 'decide', 'serve'] },
      ['当场行政处罚决定书'],
    ],
    [
      'seizure released after an extension',
      {
        processKind: 'seizure',
        stagesReached: ['approve', 'notifyParty', 'record', 'decide', 'serve', 'extend', 'dispose', 'close'],
        seizureExtended: true,
        disposalOutcome: 'release',
      },
      ['现场笔录', '查封扣押决定书', '送达回证', '延长查封扣押期限决定书', '解除查封扣押决定书', '结案报告'],
    ],
    [
      'seizure ending in confiscation',
      {
        processKind: 'seizure',
        stagesReached: ['approve', 'notifyParty', 'record', 'decide', 'serve', 'dispose', 'close'],
        disposalOutcome: 'confiscate',
      },
      ['现场笔录', '查封扣押决定书', '送达回证', '结案报告'],
    ],
    [
      'inspection ordering correction',
      {
        processKind: 'inspection',
        stagesReached: ['plan', 'identify', 'inspect', 'record', 'handle'],
        inspectionOutcome: 'rectify',
      },
      ['现场笔录', '责令改正通知书'],
    ],
  ] as const)('%s', (_name, facts, expected) => {
    expect(labels(requiredDocuments(facts as never))).toEqual(expected);
  });

  it('ARCHIVE: refused listing every missing document; one of the alternatives is enough', () => {
    const facts = {
      processKind: 'penaltyGeneral',
      stagesReached: generalToClose,
      decisionOutcome: 'penalty',
    } as const;
    const refusal = checkArchiveComplete(facts, ['filingApproval', 'penaltyDecision']);
    expect(isRefusal(refusal)).toBe(true);
    if (!isRefusal(refusal)) return;
    expect(refusal).toMatchObject({ rule: 'ARCHIVE', code: 'ARCHIVE_DOCUMENTS_MISSING', blocking: true });
    expect(refusal.message).toBe(
      '案卷不完整，不能归档：缺少询问笔录或现场笔录、行政处罚事先告知书、送达回证、结案报告',
    );
    expect(refusal.details).toHaveLength(4);
    const all = [
      'filingApproval',
      'sceneRecord',
      'priorNotice',
      'penaltyDecision',
      'serviceReceipt',
      'closingReport',
    ];
    expect(checkArchiveComplete(facts, all)).toEqual({ ok: true });
    expect(missingDocuments(requiredDocuments(facts), [...all, 'inquiryRecord'])).toEqual([]);
  });
});
