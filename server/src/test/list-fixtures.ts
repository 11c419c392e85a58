/**
 * Fixtures of the 事前公开 lists for tests that need one entry of each kind in
 * an agency (the authorization matrix, the bad-input test): well-formed bodies,
 * and entries written through the services as that agency's drafter and
 * disclosure officer would.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { appendEvent } from '../ledger/append.js';
import { bodySchemas, kindInfo, type ListKind, listKinds } from '../modules/lists/kinds.js';
import { createEntry, moveEntry } from '../modules/lists/service.js';
import type { Recorder } from '../modules/publication/service.js';

export const listExampleBodies: Record<ListKind, Record<string, unknown>> = {
  serviceGuide: {
    title: '矩阵测试许可',
    basis: '《中华人民共和国道路运输条例》第二十四条',
    acceptingBody: '政务服务窗口',
    approvingBody: '示例县交通运输局',
    conditions: '符合法定条件',
    materials: [{ name: '申请表', originals: 1 }],
    steps: [{ name: '申请' }, { name: '决定' }],
    statutoryLimitDays: 20,
    promisedLimitDays: 10,
    fees: '不收费',
    supervision: '监督电话',
    accountability: '依法追究',
    remedies: '行政复议或者行政诉讼',
    officeHours: '工作日',
    address: '示例县',
    phone: '0999-1234567',
  },
  inspectionItem: {
    title: '矩阵测试检查',
    inspectingBody: '示例县交通运输局',
    basis: '依据',
    targets: '对象',
    inspectionContent: '内容',
    samplingRatioPercent: 5,
    methods: ['onSite'],
    frequency: '每年一次',
  },
  discretionBenchmark: {
    title: '矩阵测试违法行为',
    violatedProvision: '违反条款',
    penaltyProvision: '处罚依据',
    statutoryPenalty: '法定处罚',
    circumstances: [{ level: 'general', description: '一般', fineMinYuan: 100, fineMaxYuan: 200 }],
  },
  exemption: {
    title: '矩阵测试免罚',
    violatedProvision: '违反条款',
    exemptionKind: 'minorViolation',
    conditions: '条件',
    measures: '责令改正',
  },
};

/** The console API path of each kind, e.g. /api/service-guides. */
export const listApiPaths = Object.fromEntries(
  listKinds.map((kind) => [kind, `/api/${kindInfo[kind].path}`]),
) as Record<ListKind, string>;

/**
 * One draft entry of each kind in the agency; with `publishedGuide`, also a
 * second service guide, published (for the public page, which the tests of the
 * other routes leave alone).
 */
export async function createListFixtures(
  db: Kysely<DB>,
  agencyId: string,
  now: Date,
  options: { publishedGuide?: boolean } = {},
): Promise<{ entries: Record<ListKind, string>; publishedGuide: string | null }> {
  return db.transaction().execute(async (trx) => {
    const actor = { id: null, name: '测试', now };
    const record = ((event: Parameters<typeof appendEvent>[1]) =>
      appendEvent(trx, { ...event, actorId: null }, now)) as unknown as Recorder;
    const entries = {} as Record<ListKind, string>;
    for (const kind of listKinds) {
      const body = bodySchemas[kind].parse(listExampleBodies[kind]);
      entries[kind] = (await createEntry(trx, record, kind, agencyId, body, actor)).id;
    }
    let publishedGuide: string | null = null;
    if (options.publishedGuide) {
      const body = bodySchemas.serviceGuide.parse({
        ...listExampleBodies.serviceGuide,
        title: '矩阵测试公开指南',
      });
      const entry = await createEntry(trx, record, 'serviceGuide', agencyId, body, actor);
      await moveEntry(trx, record, entry, 'submit', '', actor);
      await moveEntry(trx, record, { ...entry, latest_version: 1 }, 'publish', '', actor);
      publishedGuide = entry.id;
    }
    return { entries, publishedGuide };
  });
}
