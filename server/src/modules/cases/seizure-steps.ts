/**
 * The steps of a seizure (行政强制法 art. 18–28, N11): approval, the decision
 * with its term, the one extension, the disposal.
 */
import { checkSeizureApproval, checkSeizureExtension, checkSeizureTerm } from '@zhifa/core';
import { define, missing, past, refusals, type StepDefinition } from './step-kit.js';

export const seizureSteps: StepDefinition[] = [
  define({
    name: 'seizureApproval',
    path: 'seizure/approval',
    summary: '查封扣押审批（N11：实施前批准；情况紧急的二十四小时内补办）',
    access: 'case.approve',
    processes: ['seizure'],
    stages: ['approve', 'notifyParty', 'record', 'decide'],
    apply: ({ loaded, input, rule }) => {
      past(input.approvedOn, rule, 'approvedOn');
      const seizureApproval = { approvedOn: input.approvedOn, emergency: input.emergency };
      return { stored: { ...loaded.stored, seizureApproval }, section: seizureApproval, refusals: [] };
    },
  }),
  define({
    name: 'seizure',
    path: 'seizure',
    summary: '查封扣押决定：实施日期、期限、财物清单（N11）',
    access: 'case.handle',
    processes: ['seizure'],
    stages: ['decide'],
    apply: ({ loaded, input, rule }) => {
      past(input.decidedOn, rule, 'decidedOn');
      const { version: _v, ...fields } = input;
      const seizure = { ...fields, extensions: [] };
      const stored = { ...loaded.stored, seizure };
      const approval = stored.seizureApproval;
      const core = {
        seizure: {
          approval: approval
            ? { approved: true, approvedOn: approval.approvedOn, emergency: approval.emergency }
            : { approved: false, emergency: input.emergency },
          decidedOn: input.decidedOn,
          termDays: input.termDays,
          extensions: [],
        },
      };
      return {
        stored,
        section: seizure,
        refusals: refusals(checkSeizureApproval(core, rule), checkSeizureTerm(core, rule)),
      };
    },
  }),
  define({
    name: 'seizureExtension',
    path: 'seizure/extension',
    summary: '延长查封扣押期限（N11：经批准，只能延长一次，不超过三十日）',
    access: 'case.approve',
    processes: ['seizure'],
    stages: ['serve', 'extend'],
    apply: ({ loaded, input, rule }) => {
      past(input.approvedOn, rule, 'approvedOn');
      const current = loaded.stored.seizure ?? missing('尚未作出查封扣押决定', 'seizure');
      const extension = { days: input.days, approved: true, approvedOn: input.approvedOn };
      const checks = refusals(checkSeizureExtension(loaded.facts, extension, rule));
      const seizure = { ...current, extensions: [...current.extensions, extension] };
      return {
        stored: { ...loaded.stored, seizure },
        section: { ...extension, reason: input.reason },
        refusals: checks,
      };
    },
  }),
  define({
    name: 'seizureDisposal',
    path: 'seizure/disposal',
    summary: '查封扣押处理决定：解除、没收、销毁或移送',
    access: 'case.approve',
    processes: ['seizure'],
    stages: ['serve', 'extend', 'dispose'],
    apply: ({ loaded, input, rule }) => {
      past(input.disposedOn, rule, 'disposedOn');
      const current = loaded.stored.seizure ?? missing('尚未作出查封扣押决定', 'seizure');
      const seizure = { ...current, disposedOn: input.disposedOn, disposalOutcome: input.outcome };
      return {
        stored: { ...loaded.stored, seizure },
        section: { disposedOn: input.disposedOn, outcome: input.outcome },
        refusals: [],
      };
    },
  }),
];
