/**
 * N8 — payment of fines (行政处罚法 art. 66, 67, 72): paid within the settings'
 * days (15) of receiving the decision, to a bank or e-payment system, never to
 * the agency (罚缴分离); an approved deferral or instalment plan replaces the
 * due date; late payment adds a fee per day (3 %, settings) capped at the fine.
 * All amounts are integer fen.
 */
import { addCalendarDays, compareDates, type IsoDate } from '../dates.js';
import { calendarDaysBetween, periodEnd } from './days.js';
import type { CaseFacts, PaymentFacts, PaymentRecord } from './facts.js';
import { formatFen, isFen, percentToBasisPoints } from './money.js';
import { allowed, type GuardResult, guarded, type RuleContext, refuse } from './result.js';

export interface PaymentPart {
  dueOn: IsoDate;
  amountFen: number;
}

/** N8: whether an instalment plan or deferral is usable: approved, and instalments adding up to the fine. */
export function checkPaymentPlan(payment: PaymentFacts): GuardResult {
  if (!isFen(payment.fineFen) || payment.fineFen === 0)
    return refuse('N8', 'PAYMENT_AMOUNT_INVALID', '罚款数额应为以“分”计的正整数', {
      field: 'payment.fineFen',
    });
  if (payment.deferral && !payment.deferral.approved)
    return refuse('N8', 'PAYMENT_PLAN_INVALID', '延期缴纳罚款须经当事人申请和行政机关批准', {
      field: 'payment.deferral.approved',
    });
  const plan = payment.instalments;
  if (plan) {
    if (!plan.approved)
      return refuse('N8', 'PAYMENT_PLAN_INVALID', '分期缴纳罚款须经当事人申请和行政机关批准', {
        field: 'payment.instalments.approved',
      });
    if (plan.parts.length === 0)
      return refuse('N8', 'PAYMENT_PLAN_INVALID', '分期缴纳应当列明各期数额和期限', {
        field: 'payment.instalments.parts',
      });
    const bad = plan.parts.findIndex((part) => !isFen(part.amountFen) || part.amountFen === 0);
    if (bad >= 0)
      return refuse('N8', 'PAYMENT_PLAN_INVALID', '各期数额应为以“分”计的正整数', {
        field: `payment.instalments.parts[${bad}].amountFen`,
      });
    const total = plan.parts.reduce((sum, part) => sum + part.amountFen, 0);
    if (total !== payment.fineFen)
      return refuse(
        'N8',
        'PAYMENT_PLAN_INVALID',
        `各期数额合计${formatFen(total)}，与罚款数额${formatFen(payment.fineFen)}不符`,
        { field: 'payment.instalments.parts' },
      );
  }
  return allowed;
}

/** An approved deferral or instalment plan as the agency head records it (N8, art. 66). */
export interface PaymentPlanApproval {
  deferral?: { until: IsoDate };
  instalments?: { parts: readonly PaymentPart[] };
  approvedOn: IsoDate;
}

/**
 * N8: may this plan be recorded on the case's fine? There is a fine, the
 * decision has been served (the statutory due date counts from service), it is
 * not fully paid, the plan is approved on or after service and is a valid plan
 * (`checkPaymentPlan`), and it gives time rather than taking it: a deferral
 * ends after the statutory due date and no instalment falls before it.
 */
export function checkPaymentPlanApproval(
  facts: Pick<CaseFacts, 'payment' | 'service'>,
  plan: PaymentPlanApproval,
  context: RuleContext,
): GuardResult {
  return guarded('N8', () => {
    const current = facts.payment;
    if (!current || !isFen(current.fineFen) || current.fineFen === 0)
      return refuse('N8', 'INVALID_FACTS', '该案没有待缴罚款，不能批准延期或分期缴纳', { field: 'payment' });
    const servedOn = facts.service?.servedOn;
    if (!servedOn)
      return refuse('N8', 'INVALID_FACTS', '决定书尚未送达，无从计算缴款期限', { field: 'service.servedOn' });
    if (plan.approvedOn < servedOn)
      return refuse('N8', 'PAYMENT_PLAN_INVALID', `批准日期早于决定书送达日期（${servedOn}）`, {
        field: 'payment.approvedOn',
      });
    const { deferral: _d, instalments: _i, ...rest } = current;
    const proposed: PaymentFacts = {
      ...rest,
      ...(plan.deferral && { deferral: { approved: true, until: plan.deferral.until } }),
      ...(plan.instalments && { instalments: { approved: true, parts: plan.instalments.parts } }),
    };
    const valid = checkPaymentPlan(proposed);
    if (!valid.ok) return valid;
    const paidFen = current.payments.reduce((sum, p) => sum + p.amountFen, 0);
    if (paidFen >= current.fineFen)
      return refuse('N8', 'PAYMENT_PLAN_INVALID', '罚款已缴清，无需延期或分期缴纳', { field: 'payment' });
    const statutory = periodEnd('payment', servedOn, context.settings.penalty.paymentDays, context);
    // Late fees accrue from the day after the due date (art. 72); a plan approved after it
    // would recompute them as if it had always applied, erasing fees already owed.
    const due = paymentSchedule(facts, context)?.at(-1)?.dueOn ?? statutory;
    if (plan.approvedOn > due)
      return refuse(
        'N8',
        'PAYMENT_PLAN_INVALID',
        `缴款期限（${due}）已届满并产生加处罚款，延期或分期缴纳应当在期限届满前批准`,
        { field: 'payment.approvedOn' },
      );
    if (plan.deferral && plan.deferral.until <= statutory)
      return refuse('N8', 'PAYMENT_PLAN_INVALID', `暂缓缴纳的期限应当晚于法定缴款期限（${statutory}）`, {
        field: 'payment.deferral.until',
      });
    const early = plan.instalments?.parts.findIndex((part) => part.dueOn < statutory) ?? -1;
    if (early >= 0)
      return refuse('N8', 'PAYMENT_PLAN_INVALID', `分期缴纳的各期期限不得早于法定缴款期限（${statutory}）`, {
        field: `payment.instalments.parts[${early}].dueOn`,
      });
    return allowed;
  });
}

/**
 * The due dates and amounts: approved instalments; else an approved deferral
 * (never earlier than the statutory due date); else the whole fine on the last
 * day of the payment period counted from service of the decision.
 */
export function paymentSchedule(
  facts: Pick<CaseFacts, 'payment' | 'service'>,
  context: RuleContext,
): PaymentPart[] | undefined {
  const payment = facts.payment;
  const servedOn = facts.service?.servedOn;
  if (!payment || !servedOn || !checkPaymentPlan(payment).ok) return undefined;
  const statutory = periodEnd('payment', servedOn, context.settings.penalty.paymentDays, context);
  if (payment.instalments)
    return [...payment.instalments.parts]
      .map((part) => ({ dueOn: part.dueOn, amountFen: part.amountFen }))
      .sort((a, b) => compareDates(a.dueOn, b.dueOn));
  if (payment.deferral) {
    const until = [payment.deferral.until, statutory].sort()[1]!; // ISO dates: the later one
    return [{ dueOn: until, amountFen: payment.fineFen }];
  }
  return [{ dueOn: statutory, amountFen: payment.fineFen }];
}

export interface PaymentStatus {
  schedule: PaymentPart[];
  /** Everything paid, fine and late fee. */
  paidFen: number;
  /** Payments go to the fine first (in the party's favour), the rest to the late fee. */
  finePaidFen: number;
  fineOutstandingFen: number;
  /** Late fee accrued up to today (or until the fine was paid), capped at the fine. */
  lateFeeFen: number;
  lateFeeOutstandingFen: number;
  /** The next part not fully paid. */
  nextDueOn: IsoDate | undefined;
  /** Calendar days since the earliest overdue part's due date (0 when none is overdue). */
  daysLate: number;
  settled: boolean;
}

/**
 * N8: where the fine stands today. The late fee accrues for each calendar day
 * after a part's due date on the part of the fine then due and unpaid; a payment
 * made on a day counts from the next day (paying one day late costs one day).
 * The sum of day fees is rounded down to the fen once and capped at the fine.
 */
export function paymentStatus(
  facts: Pick<CaseFacts, 'payment' | 'service'>,
  context: RuleContext,
): PaymentStatus | undefined {
  const schedule = paymentSchedule(facts, context);
  const payment = facts.payment;
  if (!schedule || !payment) return undefined;
  const fine = payment.fineFen;
  const payments = payment.payments
    .filter((p) => p.paidOn <= context.today && isFen(p.amountFen))
    .sort((a, b) => compareDates(a.paidOn, b.paidOn));
  const paidBefore = (day: IsoDate) =>
    Math.min(
      fine,
      payments.filter((p) => p.paidOn < day).reduce((sum, p) => sum + p.amountFen, 0),
    );
  const dueBefore = (day: IsoDate) =>
    schedule.filter((part) => part.dueOn < day).reduce((sum, part) => sum + part.amountFen, 0);

  const basisPoints = BigInt(percentToBasisPoints(context.settings.penalty.lateFeePercentPerDay));
  const cap = BigInt(fine) * 10_000n;
  let numerator = 0n;
  const first = schedule[0]!.dueOn;
  if (basisPoints > 0n) {
    for (let day = addCalendarDays(first, 1); day <= context.today; day = addCalendarDays(day, 1)) {
      const paid = paidBefore(day);
      if (paid >= fine) break;
      const overdue = dueBefore(day) - paid;
      if (overdue > 0) numerator += BigInt(overdue) * basisPoints;
      if (numerator >= cap) break;
    }
  }
  const lateFeeFen = numerator >= cap ? fine : Number(numerator / 10_000n);

  const paidFen = payments.reduce((sum, p) => sum + p.amountFen, 0);
  const finePaidFen = Math.min(fine, paidFen);
  const fineOutstandingFen = fine - finePaidFen;
  const lateFeeOutstandingFen = Math.max(0, lateFeeFen - (paidFen - finePaidFen));
  let cumulative = 0;
  let nextDueOn: IsoDate | undefined;
  for (const part of schedule) {
    cumulative += part.amountFen;
    if (cumulative > finePaidFen) {
      nextDueOn = part.dueOn;
      break;
    }
  }
  const daysLate = nextDueOn && nextDueOn < context.today ? calendarDaysBetween(nextDueOn, context.today) : 0;
  return {
    schedule,
    paidFen,
    finePaidFen,
    fineOutstandingFen,
    lateFeeFen,
    lateFeeOutstandingFen,
    nextDueOn,
    daysLate,
    settled: fineOutstandingFen === 0 && lateFeeOutstandingFen === 0,
  };
}

/**
 * N8: may this payment be recorded? It carries the bank's (or e-payment
 * system's) reference — 罚缴分离: the agency never takes the money itself; where
 * the law lets an officer collect on the spot (art. 68, 69), the money reaches
 * the bank within days and that deposit's reference is what is recorded. The
 * amount is positive fen, not in the future, and not more than is owed that day.
 */
export function checkPaymentRecord(
  facts: Pick<CaseFacts, 'payment' | 'service'>,
  record: PaymentRecord,
  context: RuleContext,
): GuardResult {
  return guarded('N8', () => {
    if (!record.bankReference?.trim())
      return refuse(
        'N8',
        'PAYMENT_BANK_REFERENCE_MISSING',
        '罚缴分离：罚款应当缴至指定银行或者通过电子支付系统缴纳，须登记银行或支付流水号；行政机关不得自行收缴',
        { field: 'payment.bankReference' },
      );
    if (!isFen(record.amountFen) || record.amountFen === 0)
      return refuse('N8', 'PAYMENT_AMOUNT_INVALID', '缴款金额应为以“分”计的正整数', {
        field: 'payment.amountFen',
      });
    if (record.paidOn > context.today)
      return refuse('N8', 'INVALID_FACTS', '缴款日期不能晚于今天', { field: 'payment.paidOn' });
    if (!facts.payment) return refuse('N8', 'INVALID_FACTS', '该案没有待缴罚款', { field: 'payment' });
    const plan = checkPaymentPlan(facts.payment);
    if (!plan.ok) return plan;
    const status = paymentStatus(facts, { ...context, today: record.paidOn });
    if (!status)
      return refuse('N8', 'INVALID_FACTS', '决定书尚未送达，无从计算缴款期限', { field: 'service.servedOn' });
    const owed = status.fineOutstandingFen + status.lateFeeOutstandingFen;
    if (record.amountFen > owed)
      return refuse(
        'N8',
        'PAYMENT_AMOUNT_INVALID',
        `缴款${formatFen(record.amountFen)}超过截至${record.paidOn}应缴的${formatFen(owed)}`,
        { field: 'payment.amountFen' },
      );
    return allowed;
  });
}
