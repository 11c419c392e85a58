/** Chinese names for case data: from core's published process definitions where they exist. */
import {
  caseProcessKinds,
  type ProcessKind,
  penaltyKindLabels,
  processDefinitions,
  processKinds,
} from '@zhifa/core';

/** The processes a case is registered in (行政许可 and 行政征收 are not handled as cases yet). */
export const processOptions = caseProcessKinds.map((kind) => ({
  value: kind,
  label: processDefinitions[kind].title.replace(/流程$/, ''),
}));

/** Every stage of every process, once, labelled as the first process that names it. */
export const stageOptions = (() => {
  const seen = new Map<string, string>();
  for (const kind of processKinds)
    for (const stage of processDefinitions[kind].stages)
      if (!seen.has(stage.id)) seen.set(stage.id, stage.label);
  return [...seen].map(([value, label]) => ({ value, label }));
})();

export function stagesOf(kind: string) {
  const definition = processDefinitions[kind as ProcessKind];
  return definition?.stages ?? [];
}

/** The sources a process accepts at its first stage (案件来源登记 lists them). */
export function sourceOptions(kind: string) {
  const definition = processDefinitions[kind as ProcessKind];
  const first = definition?.stages.find((s) => s.id === definition.initial);
  return (first?.sources ?? []).map((s) => ({ value: s.id, label: s.label }));
}

/** A source's label: from the case's own process, else from any process that names it. */
export function sourceLabel(kind: string, source: string): string {
  const all = [kind, ...processKinds].flatMap((k) => sourceOptions(k));
  return all.find((s) => s.value === source)?.label ?? source;
}

export const penaltyOptions = Object.entries(penaltyKindLabels).map(([value, label]) => ({ value, label }));

export const roleLabels: Record<string, string> = {
  lead: '主办',
  assisting: '协办',
  assistant: '协助（辅助人员）',
};

export const recordKindLabels: Record<string, string> = {
  inquiry: '询问笔录',
  onSite: '现场检查笔录',
  hearing: '听证笔录',
  defence: '陈述申辩笔录',
};

export const recordingKindLabels: Record<string, string> = { video: '录像', audio: '录音', photo: '照片' };

const eventLabels: Record<string, string> = {
  'case.registered': '案件来源登记',
  'case.officersAssigned': '指定承办人员',
  'case.transitioned': '进入下一环节',
  'case.factsRecorded': '记录办案事实',
  'case.recordAdded': '制作笔录',
  'case.evidenceLinked': '关联证据',
  'case.evidenceAccessed': '调阅证据',
  'document.rendered': '生成文书',
  'document.accessed': '下载文书',
  'evidence.accessed': '调阅证据',
};

export const eventLabel = (kind: string) => eventLabels[kind] ?? kind;

export const yuan = (fen: number) =>
  `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const dateTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
