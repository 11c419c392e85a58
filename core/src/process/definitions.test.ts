import { describe, expect, it } from 'vitest';
import { roles } from '../roles.js';
import {
  definitionProblems,
  findStage,
  penaltyGeneralProcess,
  penaltySimpleProcess,
  processDefinitions,
  seizureProcess,
} from './definitions.js';
import { actKinds, conditionIds, conditionLabels, processKinds, stageIds } from './types.js';

const all = Object.values(processDefinitions);
const cjk = /[\u4e00-\u9fff]/;

/** The main path through a definition, following the listed arrows. */
function walk(definitionId: keyof typeof processDefinitions, path: string[]): void {
  const definition = processDefinitions[definitionId];
  for (let i = 0; i + 1 < path.length; i += 1) {
    const stage = findStage(definition, path[i] as never);
    expect(stage, path[i]).toBeDefined();
    expect(
      stage!.next.map((t) => t.to),
      `${path[i]} → ${path[i + 1]}`,
    ).toContain(path[i + 1]);
  }
}

describe('P6: process definitions as data', () => {
  it('define every process kind, each with a kind of act', () => {
    expect(Object.keys(processDefinitions).sort()).toEqual([...processKinds].sort());
    for (const definition of all) expect(actKinds).toContain(definition.actKind);
  });

  it.each(all.map((d) => [d.id, d]))('%s is structurally sound', (_id, definition) => {
    expect(definitionProblems(definition)).toEqual([]);
  });

  it.each(all.map((d) => [d.id, d]))(
    '%s: every stage is labelled in Chinese, acted by known roles, with legal basis',
    (_id, definition) => {
      for (const stage of definition.stages) {
        expect(stageIds).toContain(stage.id);
        expect(stage.label).toMatch(cjk);
        for (const role of [...stage.actors, ...(stage.approvers ?? []), ...(stage.assistants ?? [])])
          expect(roles).toContain(role);
        expect(stage.actors).not.toContain('auxiliary');
        for (const basis of stage.legalBasis) expect(basis).toMatch(/^《.+》/);
        for (const document of stage.documents) expect(document).toMatch(cjk);
        if (stage.condition) expect(conditionLabels[stage.condition]).toMatch(cjk);
      }
    },
  );

  it('every condition is labelled', () => {
    for (const id of conditionIds) expect(conditionLabels[id]).toMatch(cjk);
  });

  it('general procedure runs 来源登记 → 立案 → 调查 → 处理意见 → 告知 → [听证] → [法制审核] → [集体讨论] → 决定 → 送达 → 执行 → 结案 → 归档', () => {
    walk('penaltyGeneral', [
      'intake',
      'register',
      'investigate',
      'review',
      'notify',
      'hear',
      'legalReview',
      'deliberate',
      'decide',
      'serve',
      'execute',
      'close',
      'archive',
    ]);
    const intake = findStage(penaltyGeneralProcess, 'intake')!;
    expect(intake.sources?.map((s) => s.label)).toEqual([
      '检查发现',
      '投诉举报',
      '移送',
      '非现场监控',
      '上级交办',
    ]);
    expect(findStage(penaltyGeneralProcess, 'decide')!.outcomes?.map((o) => o.label)).toEqual([
      '处罚',
      '不予处罚',
      '撤销立案',
      '移送',
    ]);
    expect(findStage(penaltyGeneralProcess, 'hear')!.condition).toBe('hearingRequested');
    expect(findStage(penaltyGeneralProcess, 'legalReview')!.condition).toBe('majorDecision');
    expect(findStage(penaltyGeneralProcess, 'deliberate')!.condition).toBe('complexOrMajorCase');
    expect(findStage(penaltyGeneralProcess, 'register')!.approvers).toEqual(['unit_head', 'agency_head']);
    expect(findStage(penaltyGeneralProcess, 'notify')!.documents).toContain('行政处罚事先告知书');
    expect(findStage(penaltyGeneralProcess, 'notify')!.legalBasis).toContain(
      '《中华人民共和国行政处罚法》第四十四条',
    );
  });

  it('N1: the stages where officers act in the field ask for two officers', () => {
    expect(findStage(penaltyGeneralProcess, 'investigate')!.twoOfficers).toBe(true);
    expect(findStage(penaltySimpleProcess, 'identify')!.twoOfficers).toBe(true);
    expect(findStage(seizureProcess, 'record')!.twoOfficers).toBe(true);
  });

  it('simple procedure runs 表明身份 → 告知 → 陈述申辩 → 当场决定 → 当场交付 → 备案 → 归档', () => {
    walk('penaltySimple', ['identify', 'notify', 'defence', 'decide', 'serve', 'file', 'archive']);
  });

  it('R4: seizure runs 报批 → 通知到场 → 现场笔录 → 决定书/清单 → 送达 → [延长] → 处理 → 结案 → 归档, recorded in full on site', () => {
    walk('seizure', [
      'approve',
      'notifyParty',
      'record',
      'decide',
      'serve',
      'extend',
      'dispose',
      'close',
      'archive',
    ]);
    for (const id of ['notifyParty', 'record', 'decide'] as const)
      expect(findStage(seizureProcess, id)!.recording.requirement).toBe('mandatory');
    expect(findStage(seizureProcess, 'dispose')!.outcomes?.map((o) => o.id)).toEqual([
      'release',
      'confiscate',
      'destroy',
      'transfer',
    ]);
  });

  it('inspection runs 计划 → 表明身份 → 检查 → 笔录 → 处理 → 归档', () => {
    walk('inspection', ['plan', 'identify', 'inspect', 'record', 'handle', 'archive']);
    expect(findStage(processDefinitions.inspection, 'handle')!.outcomes?.map((o) => o.label)).toEqual([
      '未发现问题',
      '责令改正',
      '转立案',
    ]);
  });

  it('reports structural problems', () => {
    const broken = {
      ...penaltySimpleProcess,
      stages: [
        ...penaltySimpleProcess.stages.map((s) =>
          s.id === 'file' ? { ...s, next: [{ to: 'hear' as const }] } : s,
        ),
        { ...penaltySimpleProcess.stages[0]!, id: 'plan' as const },
      ],
    };
    expect(definitionProblems(broken)).toEqual(
      expect.arrayContaining(['file → hear: unknown target', 'plan: unreachable', 'execute: unreachable']),
    );
  });
});
