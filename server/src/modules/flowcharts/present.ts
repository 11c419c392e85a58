/**
 * 执法流程图 (P6): the process definitions case handling enforces, presented for
 * the portal and the console. Nothing here is typed in: the chart and the text
 * list of stages are both drawn from core's definitions, so what is published
 * is what the system does.
 */
import {
  type ActKind,
  actKindLabels,
  actKinds,
  conditionLabels,
  type ProcessDefinition,
  type ProcessKind,
  processDefinitions,
  processKinds,
  recordingRequirementLabels,
  renderFlowchart,
  roleLabels,
} from '@zhifa/core';

const roleNames = (roles: readonly string[] | undefined) =>
  (roles ?? []).map((role) => roleLabels[role as keyof typeof roleLabels] ?? role);

export function isProcessKind(value: string): value is ProcessKind {
  return (processKinds as readonly string[]).includes(value);
}

export interface FlowchartSummary {
  kind: ProcessKind;
  title: string;
  summary: string;
}

/** Every kind of enforcement act with its published flowcharts (none yet for 其他). */
export function flowchartIndex(): { actKind: ActKind; label: string; flowcharts: FlowchartSummary[] }[] {
  return actKinds.map((actKind) => ({
    actKind,
    label: actKindLabels[actKind],
    flowcharts: processKinds
      .map((kind) => processDefinitions[kind])
      .filter((definition) => definition.actKind === actKind)
      .map((definition) => ({ kind: definition.id, title: definition.title, summary: definition.summary })),
  }));
}

export interface PresentedStage {
  id: string;
  label: string;
  conditional: boolean;
  condition: string | null;
  actors: string[];
  approvers: string[];
  assistants: string[];
  documents: string[];
  recording: string;
  legalBasis: string[];
  note: string | null;
  next: { to: string; label: string; note: string | null }[];
}

export interface PresentedFlowchart extends FlowchartSummary {
  actKind: ActKind;
  actKindLabel: string;
  legalBasis: string[];
  svg: string;
  stages: PresentedStage[];
}

export function presentFlowchart(kind: ProcessKind): PresentedFlowchart {
  const definition: ProcessDefinition = processDefinitions[kind];
  const labelOf = new Map(definition.stages.map((stage) => [stage.id, stage.label]));
  return {
    kind: definition.id,
    actKind: definition.actKind,
    actKindLabel: actKindLabels[definition.actKind],
    title: definition.title,
    summary: definition.summary,
    legalBasis: [...definition.legalBasis],
    svg: renderFlowchart(definition, { idPrefix: `flowchart-${definition.id}` }),
    stages: definition.stages.map((stage) => ({
      id: stage.id,
      label: stage.label,
      conditional: stage.condition !== undefined,
      condition: stage.condition ? conditionLabels[stage.condition] : null,
      actors: roleNames(stage.actors),
      approvers: roleNames(stage.approvers),
      assistants: roleNames(stage.assistants),
      documents: [...stage.documents],
      recording: recordingRequirementLabels[stage.recording.requirement],
      legalBasis: [...stage.legalBasis],
      note: stage.note ?? null,
      next: stage.next.map((transition) => ({
        to: transition.to,
        label: labelOf.get(transition.to) ?? transition.to,
        note: transition.label ?? null,
      })),
    })),
  };
}
