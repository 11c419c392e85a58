/**
 * The fields of a case's 执法文书 filled from what the case already holds
 * (docs/decisions/0013): its party, decision, payments, reviews and 笔录 —
 * never typed again; the caller supplies only the rest (`mergeCaseData`).
 */
import {
  AppError,
  type DocumentKindId,
  findStage,
  formatFen,
  hearingRight,
  mayActAsCaseOfficer,
  paymentStatus,
  penaltyKindLabels,
  processDefinition,
  type Role,
  type RuleContext,
  roleLabels,
  type StageId,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import type { DB } from '../../db/schema.js';
import { documentKinds } from '../documents/kinds.js';
import { chineseDate } from '../documents/service.js';
import { deadlinesOf } from './clocks.js';
import type { LoadedCase } from './facts.js';
import { partyAddressOf } from './party.js';
import type { StoredFacts } from './schema.js';
import { caseStream } from './service.js';

const names = (list: readonly { name: string }[]) => list.map((m) => m.name).join('、');
/** Recorded text that ends a sentence of the template: with its full stop, typed or not. */
const sentence = (text: string | undefined) =>
  text ? (/[。！？；]$/.test(text) ? text : `${text}。`) : undefined;

function penaltyText(penalty: NonNullable<StoredFacts['proposal']>): string {
  return penalty.kinds
    .map((kind) => {
      const label = penaltyKindLabels[kind];
      if (kind === 'fine' && penalty.fineFen !== undefined)
        return `${label}人民币${formatFen(penalty.fineFen)}`;
      if (kind === 'confiscateIllegalGains' && penalty.illegalGainsFen !== undefined)
        return `${label}人民币${formatFen(penalty.illegalGainsFen)}`;
      const days = penalty.durationDays?.[kind];
      return days ? `${label}${days}日` : label;
    })
    .join('；');
}

const serviceMethods: Record<string, string> = {
  direct: '直接送达',
  onTheSpot: '当场交付',
  leftAtResidence: '留置送达',
  mail: '邮寄送达',
  electronic: '电子送达',
  publication: '公告送达',
};
const decisionOutcomeText: Record<string, string> = {
  penalty: '给予行政处罚',
  noPenalty: '不予行政处罚',
  cancel: '撤销立案',
  transfer: '移送有权机关',
};
const reviewOutcomeText: Record<string, string> = {
  passed: '审核通过',
  failed: '审核不通过',
  returned: '退回补充调查',
};
const disposalText: Record<string, string> = {
  release: '解除查封、扣押',
  confiscate: '依法没收',
  destroy: '依法销毁',
  transfer: '移送有关机关',
};

export interface FillContext {
  db: Kysely<DB>;
  cipher: FieldCipher;
  rule: RuleContext;
}

/**
 * The fields of `kind` the case holds, by name. Only values the case has are
 * given; the caller supplies the rest, and may not pass these (no re-typing).
 */
export async function caseFields(
  kind: DocumentKindId,
  loaded: LoadedCase,
  ctx: FillContext,
  record?: CaseRecordRow,
): Promise<Record<string, unknown>> {
  const { row, stored, team, facts } = loaded;
  const definition = processDefinition(row.process_kind);
  const officers = team.filter((m) => m.role !== 'assistant');
  const withCertificates = officers
    .map((m) => {
      const number = facts.item
        ? mayActAsCaseOfficer(m, facts.item, ctx.rule.today).certificateNumber
        : (m.certificates[0]?.number ?? null);
      return number ? `${m.name}（执法证号 ${number}）` : m.name;
    })
    .join('、');
  const partyId = row.party_id_number_cipher ? ctx.cipher.decrypt(row.party_id_number_cipher) : undefined;
  const source =
    findStage(definition, definition.initial)?.sources?.find((s) => s.id === row.source)?.label ?? row.source;
  const decision = stored.decision;
  const reasons = decision?.reasons;
  const out: Record<string, unknown> = {};
  const party = () => {
    out.partyName = row.party_name;
    out.partyId = partyId;
    if (documentKinds[kind].fields.some((f) => f.name === 'partyAddress'))
      out.partyAddress = partyAddressOf(row, ctx.cipher);
  };
  /** The number of the case's latest document of a kind (the decision a later document refers to). */
  const numberOf = async (of: DocumentKindId) => {
    const original = await ctx.db
      .selectFrom('document')
      .select('number')
      .where('stream_id', '=', caseStream(row.id))
      .where('kind', '=', of)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return original?.number ?? undefined;
  };
  const seizureNumber = () => numberOf('seizureDecision');
  /** The penalty decision a document of the execution stage or the L7 filing refers to. */
  const penaltyDecision = async () => {
    party();
    out.decisionNumber = await numberOf('penaltyDecision');
    if (decision) out.decidedOn = chineseDate(decision.decidedOn);
  };
  const obligation = () => {
    if (decision?.penalty) out.obligation = penaltyText(decision.penalty);
  };
  /** What is owed today (N8: the fine unpaid and the late fee, art. 72), or nothing before service. */
  const owed = () => {
    const status = paymentStatus(facts, ctx.rule);
    if (!status) return undefined;
    const asOf = `（截至${chineseDate(ctx.rule.today)}）`;
    return {
      fine: `人民币${formatFen(status.fineOutstandingFen)}`,
      lateFee: `人民币${formatFen(status.lateFeeOutstandingFen)}${asOf}`,
      status,
    };
  };
  if (record) Object.assign(out, recordFields(kind, record, withCertificates));
  switch (kind) {
    case 'filingApproval':
      party();
      out.caseTitle = row.title;
      out.source = source;
      out.handlers = names(officers) || undefined;
      out.unitOpinion = approvalText(stored, 'register', 'unit_head');
      out.approvalOpinion = approvalText(stored, 'register', 'agency_head');
      break;
    case 'inquiryRecord':
      out.inquirers ??= withCertificates || undefined;
      break;
    case 'sceneRecord':
      out.officers ??= withCertificates || undefined;
      out.partyName = row.party_name;
      break;
    case 'seizureDecision':
      party();
      if (stored.seizure) out.period = `${stored.seizure.termDays}日`;
      break;
    case 'seizureExtension':
      party();
      out.originalNumber = await seizureNumber();
      break;
    case 'seizureRelease':
      party();
      out.originalNumber = await seizureNumber();
      break;
    case 'correctionNotice':
      out.partyName = row.party_name;
      break;
    case 'priorNotice': {
      out.partyName = row.party_name;
      if (stored.proposal) out.proposedPenalty = sentence(penaltyText(stored.proposal));
      // N4: where the proposal gives a hearing right the notice says so — filled, never left to be typed.
      if (stored.proposal && hearingRight(stored.proposal, row.party_kind, ctx.rule.settings).applies)
        out.hearingRight = `根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求听证。如要求听证，应当在收到本告知书之日起${ctx.rule.settings.penalty.hearingRequestDays}个工作日内向本机关提出；逾期未提出的，视为放弃听证权利。`;
      const defence = deadlinesOf(loaded, ctx.rule).clocks.find((c) => c.id === 'defence');
      // 请于{replyDeadline}向本机关提出. Without next year's arrangement the party is given the
      // latest plausible end, said to be provisional (the agency decides nothing before it).
      if (defence)
        out.replyDeadline = defence.provisional
          ? `${chineseDate(defence.dueOn)}前（暂定：${defence.provisional.reason}的最迟日期）`
          : `${chineseDate(defence.dueOn)}前`;
      break;
    }
    case 'hearingNotice':
      out.partyName = row.party_name;
      out.caseTitle = row.title;
      if (stored.hearing?.scheduledOn) out.hearingAt = chineseDate(stored.hearing.scheduledOn);
      break;
    case 'penaltyDecision':
      party();
      out.evidence = sentence(reasons?.evidence);
      out.basis = reasons?.basis || undefined;
      out.discretion = sentence(reasons?.discretion);
      if (decision?.penalty) out.penalty = sentence(penaltyText(decision.penalty));
      if (stored.defence?.waived) out.defence = '当事人在法定期限内未提出陈述、申辩。';
      break;
    case 'noPenaltyDecision':
      party();
      out.basis = reasons?.basis || undefined;
      break;
    case 'summaryPenaltyDecision':
      party();
      if (stored.violation) out.occurredAt = chineseDate(stored.violation.occurredOn);
      if (decision?.penalty) out.penalty = sentence(penaltyText(decision.penalty));
      out.basis = reasons?.basis || undefined;
      out.officers = withCertificates || undefined;
      break;
    case 'serviceReceipt':
      out.recipient = row.party_name;
      if (stored.service) {
        out.servedAt = chineseDate(stored.service.servedOn);
        out.method = serviceMethods[stored.service.method] ?? stored.service.method;
      }
      out.servers = names(officers) || undefined;
      break;
    case 'paymentPlanApproval': {
      await penaltyDecision();
      const payment = stored.payment;
      if (payment?.fineFen) out.fine = `人民币${formatFen(payment.fineFen)}`;
      const plan = payment?.instalments ?? payment?.deferral;
      if (plan) {
        out.reason = plan.reason || undefined;
        out.approvedOn = chineseDate(plan.approvedOn);
      }
      if (payment?.instalments) {
        const parts = payment.instalments.parts;
        out.plan = `分${parts.length}期缴纳：${parts
          .map((p, i) => `第${i + 1}期于${chineseDate(p.dueOn)}前缴纳人民币${formatFen(p.amountFen)}`)
          .join('；')}`;
      } else if (payment?.deferral)
        out.plan = `暂缓至${chineseDate(payment.deferral.until)}前一次缴纳人民币${formatFen(payment.fineFen)}`;
      break;
    }
    case 'performanceReminder': {
      await penaltyDecision();
      obligation();
      const due = owed();
      if (due) {
        out.fineOutstanding = due.fine;
        out.lateFee = due.lateFee;
      }
      break;
    }
    case 'courtEnforcementApplication': {
      await penaltyDecision();
      obligation();
      if (stored.service) out.servedOn = chineseDate(stored.service.servedOn);
      const due = owed();
      if (due && !due.status.settled) out.unperformed = `尚未缴纳罚款${due.fine}，加处罚款${due.lateFee}`;
      break;
    }
    case 'majorFilingReport': {
      party();
      out.caseTitle = row.title;
      out.caseNumber = row.case_number ?? undefined;
      out.decisionNumber = await numberOf('penaltyDecision');
      if (decision) out.decidedOn = chineseDate(decision.decidedOn);
      if (decision?.penalty) out.penalty = penaltyText(decision.penalty);
      const review = stored.legalReview;
      if (review)
        out.review = `${reviewOutcomeText[review.outcome] ?? review.outcome}（${chineseDate(review.reviewedOn)}，审核人员${review.reviewerName}）${review.opinion ? `：${review.opinion}` : ''}`;
      out.recipients = stored.majorFiling?.recipients || undefined;
      break;
    }
    case 'closingReport': {
      out.caseTitle = row.title;
      out.partyName = row.party_name;
      out.handlers = names(officers) || undefined;
      if (decision)
        out.outcome = [
          decisionOutcomeText[decision.outcome],
          decision.penalty && penaltyText(decision.penalty),
        ]
          .filter(Boolean)
          .join('：');
      else if (stored.seizure?.disposalOutcome) out.outcome = disposalText[stored.seizure.disposalOutcome];
      out.approvalOpinion =
        [approvalText(stored, 'close', 'unit_head', true), approvalText(stored, 'close', 'agency_head', true)]
          .filter(Boolean)
          .join('；') || undefined;
      const paid = stored.payment?.payments ?? [];
      if (paid.length)
        out.execution = paid
          .map(
            (p) =>
              `${chineseDate(p.paidOn)}缴纳人民币${formatFen(p.amountFen)}（银行流水号 ${p.bankReference}）`,
          )
          .join('；');
      break;
    }
  }
  return Object.fromEntries(Object.entries(out).filter(([, value]) => value !== undefined && value !== ''));
}

/** A 笔录 of the case, as stored. */
export interface CaseRecordRow {
  kind: string;
  content: unknown;
  made_at: Date;
}

const shanghaiTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** 2026年6月1日 9时05分 (Asia/Shanghai). */
export function chineseDateTime(at: Date): string {
  const part = (type: string) => shanghaiTime.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}年${part('month')}月${part('day')}日 ${Number(part('hour'))}时${part('minute')}分`;
}

const relationText: Record<string, string> = { party: '当事人', witness: '证人', other: '其他' };

/** The record's kind for each document made from a 笔录. */
export const recordKindOf: Partial<Record<DocumentKindId, string>> = {
  inquiryRecord: 'inquiry',
  sceneRecord: 'onSite',
};

/** The fields of a 询问笔录 or 现场笔录 document taken from the structured 笔录 the case holds. */
function recordFields(
  kind: DocumentKindId,
  record: CaseRecordRow,
  withCertificates: string,
): Record<string, unknown> {
  const content = (
    typeof record.content === 'string' ? JSON.parse(record.content) : record.content
  ) as Record<string, never>;
  // Officers named in the record, with their certificate numbers where the team has them.
  const certified = (list: readonly string[]) =>
    list
      .map((name) => withCertificates.split('、').find((entry) => entry.startsWith(`${name}（`)) ?? name)
      .join('、');
  if (kind === 'inquiryRecord' && record.kind === 'inquiry') {
    const c = content as unknown as {
      place: string;
      interviewee: { name: string; relation: string };
      inquirers: string[];
      recorder: string;
      questions: { question: string; answer: string }[];
    };
    return {
      startedAt: chineseDateTime(record.made_at),
      place: c.place,
      inquirers: certified(c.inquirers),
      recorder: c.recorder,
      intervieweeName: c.interviewee.name,
      relation: relationText[c.interviewee.relation] ?? c.interviewee.relation,
      qa: c.questions.map((q) => ({ question: q.question, answer: q.answer })),
    };
  }
  if (kind === 'sceneRecord' && record.kind === 'onSite') {
    const c = content as unknown as {
      place: string;
      inspectors: string[];
      present: string[];
      findings: string;
      measures?: string;
    };
    return {
      startedAt: chineseDateTime(record.made_at),
      place: c.place,
      officers: certified(c.inspectors),
      presentPerson: c.present.join('、') || undefined,
      observations: c.findings,
      measures: c.measures || undefined,
    };
  }
  return {};
}

/**
 * One rule for every document of a case: case data wins. A field the case
 * fills is never taken from the caller — naming one is refused (400 on
 * `body.data.<field>`), so nothing the case holds is typed again or
 * overwritten; the plan (`documentPlan`) tells the console which fields those are.
 */
export function mergeCaseData(filled: Record<string, unknown>, given: Record<string, unknown> | undefined) {
  for (const name of Object.keys(given ?? {}))
    if (Object.hasOwn(filled, name))
      throw new AppError('VALIDATION_FAILED', '该项由案件记录自动填写，不能另行填写', {
        field: `body.data.${name}`,
      });
  return { ...given, ...filled };
}

/** An approver's 审批意见 as the form states it: the opinion, who gave it and when (from the approval chain). */
function approvalText(stored: StoredFacts, stage: StageId, role: Role, named = false): string | undefined {
  const approval = stored.approvals?.find((a) => a.stage === stage && a.role === role);
  if (!approval) return undefined;
  const who = `${approval.name}，${chineseDate(approval.approvedOn)}`;
  return `${named ? `${roleLabels[role]}：` : ''}${approval.opinion}（${who}）`;
}
