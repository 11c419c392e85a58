/**
 * 审批 at a stage whose published definition names an approval chain (立案 and 结案: 承办机构负责人 →
 * 机关负责人): each approver records their 审批意见, in that order, before the case may leave the stage.
 */
import { approvalChains, nextApproval } from '@zhifa/core';
import type { CurrentUser } from '../../http/session.js';
import type { LoadedCase } from './facts.js';
import { define, type StepDefinition } from './step-kit.js';

/** Whether `user` is the approver whose turn it is at the case's stage. */
export const approvesNext = (loaded: LoadedCase, user: CurrentUser) =>
  typeof nextApproval(loaded.facts, loaded.row.stage, { userId: user.id, roles: user.roles }) === 'string';

export const approvalStep: StepDefinition = define({
  name: 'approval',
  path: 'approvals',
  summary: '审批意见（立案、结案：承办机构负责人 → 机关负责人，依次审批后方可进入下一环节）',
  access: 'case.approve',
  stages: [...new Set(approvalChains.map((chain) => chain.stage))],
  offeredTo: approvesNext,
  apply: ({ loaded, input, user, rule }) => {
    const stage = loaded.row.stage;
    const role = nextApproval(loaded.facts, stage, { userId: user.id, roles: user.roles });
    if (typeof role !== 'string') return { stored: loaded.stored, section: {}, refusals: [role] };
    const approval = {
      stage,
      role,
      userId: user.id,
      name: user.displayName,
      opinion: input.opinion,
      approvedOn: rule.today,
    };
    const approvals = [...(loaded.stored.approvals ?? []), approval];
    return { stored: { ...loaded.stored, approvals }, section: approval, refusals: [] };
  },
});
