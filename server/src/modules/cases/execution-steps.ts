/**
 * The steps of a penalty's execution (N8): payments to the bank, the agency head's deferral or
 * instalments, and 执行终结 — how a fine not paid in full lets the case close.
 */
import { AppError, checkPaymentPlanApproval, checkPaymentRecord } from '@zhifa/core';
import { define, missing, past, penalty, refusals, type StepDefinition } from './step-kit.js';

export const executionSteps: readonly StepDefinition[] = [
  define({
    name: 'payment',
    path: 'payments',
    summary: '缴款登记（N8：罚缴分离，须登记银行或电子支付流水号）',
    access: 'case.handle',
    processes: penalty,
    stages: ['serve', 'execute', 'file', 'close'],
    apply: ({ loaded, input, rule }) => {
      const record = { paidOn: input.paidOn, amountFen: input.amountFen, bankReference: input.bankReference };
      const checks = refusals(checkPaymentRecord(loaded.facts, record, rule));
      const payment = loaded.stored.payment ?? { fineFen: 0, payments: [] };
      const entry = { ...record, channel: input.channel };
      const stored = { ...loaded.stored, payment: { ...payment, payments: [...payment.payments, entry] } };
      return { stored, section: entry, refusals: checks };
    },
  }),
  define({
    name: 'paymentPlan',
    path: 'payment-plan',
    summary: '批准暂缓（延期）或分期缴纳罚款（N8：当事人确有经济困难，经申请和行政机关负责人批准）',
    access: 'case.approve',
    processes: penalty,
    stages: ['serve', 'execute', 'file'],
    apply: ({ loaded, input, rule }) => {
      past(input.approvedOn, rule, 'approvedOn');
      const approval = { approvedOn: input.approvedOn, reason: input.reason };
      const plan =
        input.kind === 'deferral'
          ? { deferral: { until: input.until, ...approval } }
          : { instalments: { parts: input.parts, ...approval } };
      const checks = refusals(
        checkPaymentPlanApproval(loaded.facts, { ...plan, approvedOn: input.approvedOn }, rule),
      );
      const current = loaded.stored.payment ?? { fineFen: 0, payments: [] };
      // A plan approved later replaces the one before it (deferral or instalments).
      const { deferral: _d, instalments: _i, ...rest } = current;
      const stored = { ...loaded.stored, payment: { ...rest, ...plan } };
      return { stored, section: { kind: input.kind, ...plan }, refusals: checks };
    },
  }),
  define({
    name: 'executionEnded',
    path: 'execution-ended',
    summary:
      '执行终结：人民法院强制执行完毕或者依法终结执行（N8：经行政机关负责人批准；罚款未缴清的案件据此方可结案）',
    access: 'case.decide',
    processes: penalty,
    stages: ['execute', 'file'],
    apply: ({ loaded, input, rule }) => {
      past(input.endedOn, rule, 'endedOn');
      const { decision, payment, service } = loaded.stored;
      if (decision?.outcome !== 'penalty' || !payment?.fineFen)
        missing('该案没有待执行的罚款', 'executionEnded');
      if (service && input.endedOn < service.servedOn)
        throw new AppError('VALIDATION_FAILED', `执行终结日期早于决定书送达日期（${service.servedOn}）`, {
          field: 'body.endedOn',
        });
      const executionEnded = { endedOn: input.endedOn, reason: input.reason, note: input.note };
      return { stored: { ...loaded.stored, executionEnded }, section: executionEnded, refusals: [] };
    },
  }),
];
