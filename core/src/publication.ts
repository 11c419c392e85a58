/**
 * The publication workflow (P1 谁执法谁公示, P10, P11 审核、纠错), generic over what
 * is published: a subject (kind + id) has numbered versions, each with a state.
 *
 *   draft ──submit──▶ submitted ──publish──▶ published ──withdraw──▶ withdrawn
 *     ▲                  │                       │
 *     └──────return──────┘                       └─(a newer version is published)─▶ superseded
 *
 * Staff draft and submit; the disclosure officer (公示管理员) reviews, then
 * publishes or returns with a reason. Publishing a version while another one is
 * published is a correction (更正): it needs a note, and the old version stays
 * readable as superseded. Withdrawing (撤下) needs a reason. At most one version
 * of a subject is published, and at most one is in draft or submitted.
 */

export const publicationStates = ['draft', 'submitted', 'published', 'superseded', 'withdrawn'] as const;
export type PublicationState = (typeof publicationStates)[number];

export const publicationStateLabels: Record<PublicationState, string> = {
  draft: '草稿',
  submitted: '待审核',
  published: '已发布',
  superseded: '已被更正',
  withdrawn: '已撤下',
};

/** What a person does to a version; `supersede` happens to the old version when a new one is published. */
export const publicationActions = ['submit', 'return', 'publish', 'withdraw', 'supersede'] as const;
export type PublicationAction = (typeof publicationActions)[number];

export const publicationActionLabels: Record<PublicationAction, string> = {
  submit: '提交审核',
  return: '退回修改',
  publish: '发布',
  withdraw: '撤下',
  supersede: '以新版本更正',
};

const transitions: Record<PublicationAction, { from: readonly PublicationState[]; to: PublicationState }> = {
  submit: { from: ['draft'], to: 'submitted' },
  return: { from: ['submitted'], to: 'draft' },
  publish: { from: ['submitted'], to: 'published' },
  withdraw: { from: ['published'], to: 'withdrawn' },
  supersede: { from: ['published'], to: 'superseded' },
};

export type TransitionOutcome = { allowed: true; to: PublicationState } | { allowed: false; message: string };

/** Whether the action may be taken on a version in this state; the refusal names the state. */
export function publicationTransition(state: PublicationState, action: PublicationAction): TransitionOutcome {
  const rule = transitions[action];
  if (rule.from.includes(state)) return { allowed: true, to: rule.to };
  const allowedFrom = rule.from.map((s) => `“${publicationStateLabels[s]}”`).join('或');
  return {
    allowed: false,
    message: `当前状态为“${publicationStateLabels[state]}”，不能${publicationActionLabels[action]}（仅${allowedFrom}状态可以）`,
  };
}

/** The actions open on a version in a state, for presenters to offer. */
export function availablePublicationActions(state: PublicationState): PublicationAction[] {
  return (['submit', 'return', 'publish', 'withdraw'] as const).filter(
    (action) => publicationTransition(state, action).allowed,
  );
}

/** A version may be edited in place only as a draft; a published or withdrawn one gets a new version. */
export type EditOutcome = 'inPlace' | 'newVersion' | 'refused';

export function editOutcome(latestState: PublicationState): EditOutcome {
  if (latestState === 'draft') return 'inPlace';
  if (latestState === 'submitted') return 'refused';
  return 'newVersion';
}

/** The kinds of things the platform publishes; more join as their modules arrive. */
export const publicationSubjectKinds = [
  'enforcementItem',
  // 事前公开 lists (migration 0009): service guides, random-inspection items, discretion benchmarks, exemptions.
  'serviceGuide',
  'inspectionItem',
  'discretionBenchmark',
  'exemption',
] as const;
export type PublicationSubjectKind = (typeof publicationSubjectKinds)[number];

export const publicationSubjectKindLabels: Record<PublicationSubjectKind, string> = {
  enforcementItem: '行政执法事项',
  serviceGuide: '服务指南',
  inspectionItem: '随机抽查事项',
  discretionBenchmark: '行政处罚裁量基准',
  exemption: '免罚清单事项',
};
