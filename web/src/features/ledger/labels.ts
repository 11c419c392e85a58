/** Chinese names for what the ledger records: kinds of events, streams, and broken links. */
import type { BreakProblem } from './api';

const kindLabels: Record<string, string> = {
  'settings.changed': '辖区设置变更',
  'calendar.changed': '工作日历变更',
  'agency.created': '新增执法主体',
  'agency.updated': '修改执法主体',
  'unit.created': '新增承办机构',
  'unit.updated': '修改承办机构',
  'person.created': '登记人员',
  'person.updated': '修改人员信息',
  'user.created': '新建用户',
  'user.updated': '修改用户',
  'user.passwordReset': '重置密码',
  'evidence.stored': '证据入库',
  'evidence.accessed': '调阅证据',
  'ledger.exported': '导出校验包',
  'certificate.issued': '发放执法证件',
  'certificate.annualCheck': '证件年审',
  'certificate.suspended': '暂扣证件',
  'certificate.reinstated': '恢复使用证件',
  'certificate.revoked': '吊销或注销证件',
  'certificate.cancellationRequested': '提出证件注销申请',
  'certificate.cancellationCompleted': '办结证件注销',
  'person.leftEnforcement': '调离执法岗位',
  'auxiliary.registered': '登记辅助人员',
  'auxiliary.updated': '修改辅助人员登记',
  'law.created': '新增法律法规',
  'law.updated': '修改法律法规',
  'law.articlesChanged': '录入或修改条文',
  'enforcementItem.created': '新增执法事项',
  'enforcementItem.edited': '修改执法事项',
  'enforcementItem.legalityReviewed': '执法事项合法性审核',
  'publication.submitted': '提交公示审核',
  'publication.returned': '退回公示',
  'publication.published': '发布公示',
  'publication.corrected': '更正公示',
  'publication.withdrawn': '撤下公示',
  'training.planSaved': '保存年度培训计划',
  'training.courseAdded': '新增培训课程',
  'training.courseUpdated': '修改培训课程',
  'training.attendanceRecorded': '登记培训出勤',
  'training.examAdded': '新增培训考试',
  'training.scoresRecorded': '登记考试成绩',
  'reviewer.registered': '登记法制审核人员',
  'reviewer.updated': '修改法制审核人员',
  'agency.profileUpdated': '修改执法主体公示信息',
  'recordingList.changed': '修改音像记录事项清单',
  'windowBoard.created': '新增窗口公示牌',
  'windowBoard.updated': '修改窗口公示牌',
  'windowBoard.removed': '删除窗口公示牌',
  'listEntry.created': '新增公示清单事项',
  'listEntry.edited': '修改公示清单事项',
  'test.note': '测试记录',
};

/** The label of a kind, or nothing for a kind this console does not know yet (the code is shown). */
export const kindLabel = (kind: string): string | undefined => kindLabels[kind];

const streamKinds: [prefix: string, label: string][] = [
  ['settings', '辖区设置'],
  ['calendar', '工作日历'],
  ['agency:', '执法主体'],
  ['unit:', '承办机构'],
  ['person:', '人员'],
  ['user:', '用户'],
  ['case:', '案件'],
  ['evidence:', '证据'],
  ['certificate:', '执法证件'],
  ['law:', '法律法规'],
  ['enforcementItem:', '执法事项'],
  ['training:', '培训台账'],
  ['windowBoard:', '窗口公示牌'],
  ['serviceGuide:', '服务指南'],
  ['inspectionItem:', '随机抽查事项'],
  ['discretionBenchmark:', '裁量基准'],
  ['exemption:', '免罚清单事项'],
];

/** What a stream records, from its id: one stream per aggregate. */
export function streamLabel(streamId: string): string | undefined {
  return streamKinds.find(([prefix]) =>
    prefix.endsWith(':') ? streamId.startsWith(prefix) : streamId === prefix,
  )?.[1];
}

export const problemLabels: Record<BreakProblem, string> = {
  hash: '哈希与内容不符：事件内容在写入后被改动',
  link: '链接断开：上一哈希与前一事件不符',
  sequence: '序号不连续：事件缺失或被插入',
  head: '流头与链尾不符：最新序号或哈希被改动',
};

/** The hash a stream's first event links to. */
export const genesisHash = '0'.repeat(64);
