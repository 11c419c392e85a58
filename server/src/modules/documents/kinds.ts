/**
 * The kinds of 执法文书 the platform renders, with the fields each template may
 * use. This table is the documented field list: a template (default or an
 * agency's own) may use exactly these names, and the data a caller passes is
 * checked against them before anything is numbered or rendered.
 *
 * Fields come in two groups:
 * - filled by the server from records (never typed by the caller): see `serverFields`;
 * - passed by the caller as structured data (the case module passes case data):
 *   `fields` (text) and `lists` (repeated rows, e.g. the 查封扣押清单).
 *
 * `code` is the character of the kind in the document number
 * (示县交罚〔2026〕17号: agency prefix 示县交, code 罚, year, serial); kinds without a code
 * (笔录, 送达回证) are not numbered. `signerRoles` are the roles whose holder may sign.
 */
import type { Role } from '@zhifa/core';

export interface FieldSpec {
  name: string;
  label: string;
  required: boolean;
  /** Longest accepted text, in characters. */
  max: number;
}

export interface ListSpec {
  name: string;
  label: string;
  required: boolean;
  maxItems: number;
  items: readonly FieldSpec[];
}

export interface DocumentKindSpec {
  title: string;
  code: string | null;
  signerRoles: readonly Role[];
  fields: readonly FieldSpec[];
  lists: readonly ListSpec[];
}

const short = 200;
const long = 5000;
const req = (name: string, label: string, max = short): FieldSpec => ({ name, label, required: true, max });
const opt = (name: string, label: string, max = short): FieldSpec => ({ name, label, required: false, max });

/** Filled by the server for every kind; a caller may not pass them. */
export const serverFields: readonly { name: string; label: string }[] = [
  { name: 'agencyName', label: '执法机关名称（机关记录）' },
  { name: 'agencyAddress', label: '执法机关地址（机关公示信息）' },
  { name: 'agencyPhone', label: '执法机关电话（机关公示信息）' },
  { name: 'reconsiderationBody', label: '行政复议机关（机关公示信息）' },
  { name: 'litigationCourt', label: '行政诉讼法院（机关公示信息）' },
  { name: 'documentNumber', label: '文号（不编号的文书为空）' },
  { name: 'issuedOn', label: '制作日期（如 2026年11月24日）' },
  { name: 'signerName', label: '签署人姓名' },
];

/** Who signs a decision in the agency's name, who signs a notice, who signs a record. */
const head: readonly Role[] = ['agency_head'];
const heads: readonly Role[] = ['agency_head', 'unit_head'];
const handlers: readonly Role[] = ['officer', 'unit_head', 'agency_head'];

const party = [req('partyName', '当事人'), opt('partyId', '当事人身份证件号码或统一社会信用代码', 50)];
const seizedItems: ListSpec = {
  name: 'items',
  label: '查封扣押财物清单',
  required: true,
  maxItems: 200,
  items: [req('name', '名称'), opt('specification', '规格'), req('quantity', '数量', 50)],
};

export const documentKinds = {
  filingApproval: {
    title: '立案审批表',
    code: '立',
    signerRoles: head,
    fields: [
      req('caseTitle', '案由'),
      ...party,
      opt('partyAddress', '当事人地址'),
      req('source', '案件来源'),
      req('facts', '简要案情', long),
      req('handlers', '承办人'),
      opt('unitOpinion', '承办机构意见', long),
      req('approvalOpinion', '负责人审批意见', long),
    ],
    lists: [],
  },
  inquiryRecord: {
    title: '询问笔录',
    code: null,
    signerRoles: handlers,
    fields: [
      req('startedAt', '询问时间'),
      req('place', '询问地点'),
      req('inquirers', '询问人及执法证件号'),
      req('recorder', '记录人'),
      req('intervieweeName', '被询问人'),
      opt('intervieweeId', '被询问人身份证件号码', 50),
      opt('intervieweeAddress', '被询问人住址'),
      opt('relation', '与案件关系'),
    ],
    lists: [
      {
        name: 'qa',
        label: '问答',
        required: true,
        maxItems: 500,
        items: [req('question', '问', long), req('answer', '答', long)],
      },
    ],
  },
  sceneRecord: {
    title: '现场笔录',
    code: null,
    signerRoles: handlers,
    fields: [
      req('startedAt', '检查时间'),
      req('place', '检查地点'),
      req('officers', '执法人员及执法证件号'),
      req('partyName', '当事人'),
      opt('presentPerson', '在场人'),
      req('observations', '现场情况', long),
      opt('measures', '采取的措施', long),
    ],
    lists: [],
  },
  seizureDecision: {
    title: '查封扣押决定书',
    code: '强',
    signerRoles: head,
    fields: [
      ...party,
      opt('partyAddress', '当事人地址'),
      req('facts', '查封扣押的理由（违法事实）', long),
      req('basis', '法律依据', long),
      req('measure', '措施（查封或扣押）', 10),
      req('period', '期限'),
      opt('storagePlace', '存放地点'),
    ],
    lists: [seizedItems],
  },
  seizureExtension: {
    title: '延长查封扣押期限决定书',
    code: '延',
    signerRoles: head,
    fields: [
      ...party,
      req('originalNumber', '原查封扣押决定书文号', 50),
      req('reason', '延长理由', long),
      req('basis', '法律依据', long),
      req('extendedTo', '延长至'),
    ],
    lists: [],
  },
  seizureRelease: {
    title: '解除查封扣押决定书',
    code: '解',
    signerRoles: head,
    fields: [
      ...party,
      req('originalNumber', '原查封扣押决定书文号', 50),
      req('reason', '解除理由', long),
      req('basis', '法律依据', long),
    ],
    lists: [seizedItems],
  },
  correctionNotice: {
    title: '责令改正通知书',
    code: '改',
    signerRoles: heads,
    fields: [
      req('partyName', '当事人'),
      req('facts', '违法事实', long),
      req('basis', '法律依据', long),
      req('requirements', '改正要求', long),
      req('correctionDeadline', '改正期限'),
    ],
    lists: [],
  },
  priorNotice: {
    title: '行政处罚事先告知书',
    code: '告',
    signerRoles: heads,
    fields: [
      req('partyName', '当事人'),
      req('facts', '违法事实', long),
      req('evidence', '证据', long),
      req('basis', '法律依据', long),
      req('proposedPenalty', '拟作出的行政处罚', long),
      opt('hearingRight', '听证权利告知（符合听证条件时）', long),
      req('replyDeadline', '陈述申辩期限'),
    ],
    lists: [],
  },
  hearingNotice: {
    title: '听证通知书',
    code: '听',
    signerRoles: heads,
    fields: [
      req('partyName', '当事人'),
      req('caseTitle', '案由'),
      req('hearingAt', '听证时间'),
      req('hearingPlace', '听证地点'),
      req('presidingOfficer', '听证主持人'),
      opt('hearingOfficers', '听证员'),
      req('clerk', '记录员'),
      opt('openness', '公开或不公开举行及理由'),
    ],
    lists: [],
  },
  penaltyDecision: {
    title: '行政处罚决定书',
    code: '罚',
    signerRoles: head,
    fields: [
      ...party,
      opt('partyAddress', '当事人地址'),
      req('facts', '违法事实', long),
      req('evidence', '采纳的证据', long),
      req('basis', '法律依据', long),
      req('discretion', '裁量理由（适用的裁量基准）', long),
      opt('defence', '陈述申辩或听证意见及采纳情况', long),
      req('penalty', '处罚内容', long),
      req('payment', '履行方式和期限（缴款银行、账号）', long),
    ],
    lists: [],
  },
  noPenaltyDecision: {
    title: '不予行政处罚决定书',
    code: '不罚',
    signerRoles: head,
    fields: [
      ...party,
      opt('partyAddress', '当事人地址'),
      req('facts', '查明的事实', long),
      req('reason', '不予处罚的理由', long),
      req('basis', '法律依据', long),
    ],
    lists: [],
  },
  summaryPenaltyDecision: {
    title: '当场行政处罚决定书',
    code: '简',
    signerRoles: handlers,
    fields: [
      ...party,
      opt('partyAddress', '当事人地址'),
      req('occurredAt', '违法时间'),
      req('place', '违法地点'),
      req('facts', '违法事实', long),
      req('basis', '法律依据', long),
      req('penalty', '处罚内容'),
      req('payment', '履行方式和期限'),
      req('officers', '执法人员及执法证件号'),
    ],
    lists: [],
  },
  serviceReceipt: {
    title: '送达回证',
    code: null,
    signerRoles: handlers,
    fields: [
      req('servedDocument', '送达文书名称及文号'),
      req('recipient', '受送达人'),
      req('servedAt', '送达时间'),
      req('place', '送达地点'),
      req('method', '送达方式'),
      req('servers', '送达人'),
      opt('note', '备注', long),
    ],
    lists: [],
  },
  paymentPlanApproval: {
    title: '延期（分期）缴纳罚款审批表',
    code: '缓',
    signerRoles: head,
    fields: [
      ...party,
      req('decisionNumber', '行政处罚决定书文号', 50),
      req('decidedOn', '处罚决定日期'),
      req('fine', '罚款数额'),
      req('reason', '当事人申请理由（经济困难情况）', long),
      req('plan', '批准的缴纳方式和期限', long),
      req('approvedOn', '批准日期'),
      opt('approvalOpinion', '负责人审批意见', long),
    ],
    lists: [],
  },
  performanceReminder: {
    title: '催告书',
    code: '催',
    signerRoles: head,
    fields: [
      ...party,
      opt('partyAddress', '当事人地址'),
      req('decisionNumber', '行政处罚决定书文号', 50),
      req('decidedOn', '处罚决定日期'),
      req('obligation', '决定的内容', long),
      req('fineOutstanding', '尚未缴纳的罚款'),
      req('lateFee', '加处罚款'),
      req('performBy', '履行期限'),
      opt('paymentMethod', '履行方式（缴款银行、账号）', long),
    ],
    lists: [],
  },
  courtEnforcementApplication: {
    title: '强制执行申请书',
    code: '执',
    signerRoles: head,
    fields: [
      req('court', '受理申请的人民法院'),
      ...party,
      opt('partyAddress', '当事人地址'),
      req('decisionNumber', '行政处罚决定书文号', 50),
      req('decidedOn', '处罚决定日期'),
      req('servedOn', '决定书送达日期'),
      req('obligation', '决定的内容', long),
      req('unperformed', '当事人未履行的义务', long),
      req('reminderServedOn', '催告书送达日期'),
      opt('evidence', '随附材料', long),
    ],
    lists: [],
  },
  majorFilingReport: {
    title: '重大行政处罚备案表',
    code: '备',
    signerRoles: head,
    fields: [
      req('caseTitle', '案由'),
      opt('caseNumber', '案件编号', 50),
      ...party,
      req('decisionNumber', '行政处罚决定书文号', 50),
      req('decidedOn', '处罚决定日期'),
      req('penalty', '处罚内容', long),
      req('review', '法制审核情况', long),
      req('recipients', '报送机关（上级主管部门、同级司法行政机关）'),
      opt('note', '备注', long),
    ],
    lists: [],
  },
  closingReport: {
    title: '结案报告',
    code: '结',
    signerRoles: head,
    fields: [
      req('caseTitle', '案由'),
      req('partyName', '当事人'),
      req('summary', '案件办理经过', long),
      req('outcome', '处理结果', long),
      req('execution', '执行情况', long),
      req('handlers', '承办人'),
      opt('approvalOpinion', '负责人审批意见', long),
    ],
    lists: [],
  },
} as const satisfies Record<string, DocumentKindSpec>;

export type DocumentKind = keyof typeof documentKinds;
export const documentKindNames = Object.keys(documentKinds) as [DocumentKind, ...DocumentKind[]];

/** Every tag a template of the kind may use: server fields, text fields, lists and their item fields. */
export function allowedTags(kind: DocumentKind): Set<string> {
  const spec: DocumentKindSpec = documentKinds[kind];
  return new Set([
    ...serverFields.map((f) => f.name),
    ...spec.fields.map((f) => f.name),
    ...spec.lists.flatMap((l) => [l.name, ...l.items.map((i) => i.name)]),
  ]);
}
