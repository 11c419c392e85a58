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
