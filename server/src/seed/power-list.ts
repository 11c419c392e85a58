/**
 * The demo's 法律法规库 and 权责清单: the articles the demo items cite, and about
 * ten road-transport items of 示例县交通运输局 — drafted by the agency head,
 * reviewed for legality by a legal reviewer, published by the disclosure
 * officer; one still a draft, one withdrawn, and one published with a basis in a
 * text since amended (so it shows 待修订) and a corrected draft version waiting.
 * Everything goes through the same services as the console, ledger included.
 *
 * Statutes are public facts (著作权法 art. 5: laws and regulations are not
 * subject to copyright). Only the articles the items cite are loaded.
 *
 * Accuracy of the texts:
 * - 行政处罚法 (2021 revision, 主席令第七十号) articles 9, 33, 36, 42, 44, 51, 63, 64 and
 *   行政强制法 (主席令第四十九号) articles 9 and 25: reproduced from the promulgated texts.
 * - 道路运输条例 as revised on 2023-07-20 (fifth revision): articles 21, 58–61, 71–73 are
 *   the 2023 wording (交通运输主管部门 in place of the former 道路运输管理机构).
 *   UNVERIFIED — check against 国家法律法规数据库 (flk.npc.gov.cn) before relying on them:
 *   · art. 62: the 2023 opening (…对没有车辆营运证又无法当场提供其他有效证明的车辆予以暂扣)
 *     is confirmed; its ending (的，应当妥善保管…) follows the earlier revisions' wording.
 *   · art. 63 (未取得道路运输经营许可擅自从事道路运输经营): the text below is the wording of
 *     the earlier revisions with the 2022 change of the authority's name. We could not confirm
 *     whether the 2023 revision (or the 2023 State Council decision on fines, 国发〔2023〕20号)
 *     changed its fine amounts, in particular for 道路普通货物运输; the demo item's range
 *     (3万–10万元) follows this text and must be checked with it.
 *   · the 2022 revision (effective 2022-05-01) holds only art. 59, assumed identical to the
 *     2023 wording; it exists so the demo shows an item citing an amended text (待修订).
 * The in-app note of each demo law says the same, so nobody mistakes a demo for an official text.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { appendEvent } from '../ledger/append.js';
import {
  createItem,
  editItem,
  type ItemContent,
  moveItem,
  reviewItem,
} from '../modules/enforcement-items/service.js';
import { addArticle, createLaw, type LawInput } from '../modules/laws/service.js';
import type { Recorder } from '../modules/publication/service.js';

const demoNote =
  '演示数据：仅收录示例事项引用的条文；正式使用前请与国家法律法规数据库（flk.npc.gov.cn）公布的文本逐条核对。';

interface DemoLaw extends Omit<LawInput, 'supersededBy' | 'note'> {
  key: string;
  supersededBy?: string;
  note?: string;
  articles: [number: string, text: string][];
}

export const demoLaws: DemoLaw[] = [
  {
    key: 'penalty',
    kind: 'law',
    title: '中华人民共和国行政处罚法',
    issuingBody: '全国人民代表大会常务委员会',
    documentNumber: '中华人民共和国主席令第七十号',
    promulgatedOn: '2021-01-22',
    effectiveOn: '2021-07-15',
    amendedOn: null,
    repealedOn: null,
    articles: [
      [
        '第九条',
        '行政处罚的种类：\n（一）警告、通报批评；\n（二）罚款、没收违法所得、没收非法财物；\n（三）暂扣许可证件、降低资质等级、吊销许可证件；\n（四）限制开展生产经营活动、责令停产停业、责令关闭、限制从业；\n（五）行政拘留；\n（六）法律、行政法规规定的其他行政处罚。',
      ],
      [
        '第三十三条',
        '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。初次违法且危害后果轻微并及时改正的，可以不予行政处罚。\n当事人有证据足以证明没有主观过错的，不予行政处罚。法律、行政法规另有规定的，从其规定。\n对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育。',
      ],
      [
        '第三十六条',
        '违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年。法律另有规定的除外。\n前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。',
      ],
      [
        '第四十二条',
        '行政处罚应当由具有行政执法资格的执法人员实施。执法人员不得少于两人，法律另有规定的除外。\n执法人员应当文明执法，尊重和保护当事人合法权益。',
      ],
      [
        '第四十四条',
        '行政机关在作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知当事人依法享有的陈述、申辩、要求听证等权利。',
      ],
      [
        '第五十一条',
        '违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定。法律另有规定的，从其规定。',
      ],
      [
        '第六十三条',
        '行政机关拟作出下列行政处罚决定，应当告知当事人有要求听证的权利，当事人要求听证的，行政机关应当组织听证：\n（一）较大数额罚款；\n（二）没收较大数额违法所得、没收较大价值非法财物；\n（三）降低资质等级、吊销许可证件；\n（四）责令停产停业、责令关闭、限制从业；\n（五）其他较重的行政处罚；\n（六）法律、法规、规章规定的其他情形。\n当事人不承担行政机关组织听证的费用。',
      ],
      [
        '第六十四条',
        '听证应当依照以下程序组织：\n（一）当事人要求听证的，应当在行政机关告知后五日内提出；\n（二）行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点；\n（三）除涉及国家秘密、商业秘密或者个人隐私依法予以保密外，听证公开举行；\n（四）听证由行政机关指定的非本案调查人员主持；当事人认为主持人与本案有直接利害关系的，有权申请回避；\n（五）当事人可以亲自参加听证，也可以委托一至二人代理；\n（六）当事人及其代理人无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，行政机关终止听证；\n（七）举行听证时，调查人员提出当事人违法的事实、证据和行政处罚建议，当事人进行申辩和质证；\n（八）听证应当制作笔录。笔录应当交当事人或者其代理人核对无误后签字或者盖章。当事人或者其代理人拒绝签字或者盖章的，由听证主持人在笔录中注明。',
      ],
    ],
  },
  {
    key: 'coercion',
    kind: 'law',
    title: '中华人民共和国行政强制法',
    issuingBody: '全国人民代表大会常务委员会',
    documentNumber: '中华人民共和国主席令第四十九号',
    promulgatedOn: '2011-06-30',
    effectiveOn: '2012-01-01',
    amendedOn: null,
    repealedOn: null,
    articles: [
      [
        '第九条',
        '行政强制措施的种类：\n（一）限制公民人身自由；\n（二）查封场所、设施或者财物；\n（三）扣押财物；\n（四）冻结存款、汇款；\n（五）其他行政强制措施。',
      ],
      [
        '第二十五条',
        '查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过三十日。法律、行政法规另有规定的除外。\n延长查封、扣押的决定应当及时书面告知当事人，并说明理由。\n对物品需要进行检测、检验、检疫或者技术鉴定的，查封、扣押的期间不包括检测、检验、检疫或者技术鉴定的期间。检测、检验、检疫或者技术鉴定的期间应当明确，并书面告知当事人。检测、检验、检疫或者技术鉴定的费用由行政机关承担。',
      ],
    ],
  },
  {
    key: 'transport2023',
    kind: 'administrativeRegulation',
    title: '中华人民共和国道路运输条例',
    issuingBody: '国务院',
    documentNumber: '国务院令第406号公布，2023年7月20日第五次修订',
    promulgatedOn: '2023-07-20',
    effectiveOn: '2023-07-20',
    amendedOn: null,
    repealedOn: null,
    note: `2004年4月30日国务院令第406号公布，根据2012年11月9日、2016年2月6日、2019年3月2日、2022年3月29日、2023年7月20日国务院决定五次修订。${demoNote}第六十二条后半句、第六十三条罚款数额尚待核对。`,
    articles: [
      [
        '第二十一条',
        '申请从事货运经营的，应当具备下列条件：\n（一）有与其经营业务相适应并经检测合格的车辆；\n（二）有符合本条例第二十二条规定条件的驾驶人员；\n（三）有健全的安全生产管理制度。',
      ],
      [
        '第五十八条',
        '县级以上人民政府交通运输主管部门的工作人员应当严格按照职责权限和程序进行监督检查，不得乱设卡、乱收费、乱罚款。\n县级以上人民政府交通运输主管部门的工作人员应当重点在道路运输及相关业务经营场所、客货集散地进行监督检查。\n县级以上人民政府交通运输主管部门的工作人员在公路路口进行监督检查时，不得随意拦截正常行驶的道路运输车辆。',
      ],
      [
        '第五十九条',
        '县级以上人民政府交通运输主管部门的工作人员实施监督检查时，应当有2名以上人员参加，并向当事人出示执法证件。',
      ],
      [
        '第六十条',
        '县级以上人民政府交通运输主管部门的工作人员实施监督检查时，可以向有关单位和个人了解情况，查阅、复制有关资料。但是，应当保守被调查单位和个人的商业秘密。\n被监督检查的单位和个人应当接受依法实施的监督检查，如实提供有关资料或者情况。',
      ],
      [
        '第六十一条',
        '县级以上人民政府交通运输主管部门的工作人员在实施道路运输监督检查过程中，发现车辆超载行为的，应当立即予以制止，并采取相应措施安排旅客改乘或者强制卸货。',
      ],
      [
        '第六十二条',
        '县级以上人民政府交通运输主管部门的工作人员在实施道路运输监督检查过程中，对没有车辆营运证又无法当场提供其他有效证明的车辆予以暂扣的，应当妥善保管，不得使用，不得收取或者变相收取保管费用。',
      ],
      [
        '第六十三条',
        '违反本条例的规定，未取得道路运输经营许可，擅自从事道路运输经营的，由县级以上地方人民政府交通运输主管部门责令停止经营；有违法所得的，没收违法所得，处违法所得2倍以上10倍以下的罚款；没有违法所得或者违法所得不足2万元的，处3万元以上10万元以下的罚款；构成犯罪的，依法追究刑事责任。',
      ],
      [
        '第七十一条',
        '违反本条例的规定，机动车维修经营者使用假冒伪劣配件维修机动车，承修已报废的机动车或者擅自改装机动车的，由县级以上地方人民政府交通运输主管部门责令改正；有违法所得的，没收违法所得，处违法所得2倍以上10倍以下的罚款；没有违法所得或者违法所得不足1万元的，处2万元以上5万元以下的罚款，没收假冒伪劣配件及报废车辆；情节严重的，由县级以上地方人民政府交通运输主管部门责令停业整顿；构成犯罪的，依法追究刑事责任。',
      ],
      [
        '第七十二条',
        '违反本条例的规定，机动车维修经营者签发虚假的机动车维修合格证，由县级以上地方人民政府交通运输主管部门责令改正；有违法所得的，没收违法所得，处违法所得2倍以上10倍以下的罚款；没有违法所得或者违法所得不足3000元的，处5000元以上2万元以下的罚款；情节严重的，由县级以上地方人民政府交通运输主管部门责令停业整顿；构成犯罪的，依法追究刑事责任。',
      ],
      [
        '第七十三条',
        '违反本条例的规定，机动车驾驶员培训机构不严格按照规定进行培训或者在培训结业证书发放时弄虚作假的，由县级以上地方人民政府交通运输主管部门责令改正；拒不改正的，责令停业整顿。',
      ],
    ],
  },
  {
    key: 'transport2022',
    kind: 'administrativeRegulation',
    title: '中华人民共和国道路运输条例',
    issuingBody: '国务院',
    documentNumber: '国务院令第406号公布，2022年3月29日第四次修订',
    promulgatedOn: '2022-03-29',
    effectiveOn: '2022-05-01',
    amendedOn: '2023-07-20',
    repealedOn: null,
    supersededBy: 'transport2023',
    note: `2022年3月29日第四次修订文本，已于2023年7月20日再次修订。${demoNote}`,
    articles: [
      [
        '第五十九条',
        '县级以上人民政府交通运输主管部门的工作人员实施监督检查时，应当有2名以上人员参加，并向当事人出示执法证件。',
      ],
    ],
  },
];

type Cite = [law: string, number: string];

interface DemoItem {
  code: string;
  content: Omit<ItemContent, 'basisArticleIds' | 'unitId' | 'changeNote' | 'penaltyNote'> & {
    penaltyNote?: string;
  };
  unit: string | null;
  basis: Cite[];
  /** What happens after drafting. */
  fate: 'published' | 'draft' | 'withdrawn' | 'outdated';
}

const noPenalty: Pick<ItemContent, 'penaltyKinds' | 'fineMinYuan' | 'fineMaxYuan'> = {
  penaltyKinds: [],
  fineMinYuan: null,
  fineMaxYuan: null,
};

export const demoItems: DemoItem[] = [
  {
    code: 'JT-XK-001',
    unit: 'office',
    basis: [['transport2023', '第二十一条']],
    fate: 'published',
    content: {
      name: '道路货物运输经营许可',
      type: 'licensing',
      category: '交通运输',
      duties:
        '受理、审查道路普通货物运输经营申请，对符合条件的颁发道路运输经营许可证并为投入运输的车辆配发车辆营运证；对不予许可的书面说明理由；对被许可人依法实施监督检查。',
      ...noPenalty,
    },
  },
  {
    code: 'JT-CF-001',
    unit: 'brigade',
    basis: [['transport2023', '第六十三条']],
    fate: 'published',
    content: {
      name: '对未取得道路运输经营许可擅自从事道路运输经营的行政处罚',
      type: 'penalty',
      category: '交通运输',
      duties:
        '查处未取得道路运输经营许可擅自从事道路运输经营的行为，责令停止经营，依法没收违法所得、处以罚款；涉嫌犯罪的依法移送司法机关。',
      penaltyKinds: ['fine', 'confiscateIllegalGains'],
      fineMinYuan: 30_000,
      fineMaxYuan: 100_000,
      penaltyNote:
        '有违法所得的，没收违法所得，处违法所得2倍以上10倍以下的罚款；没有违法所得或者违法所得不足2万元的，处3万元以上10万元以下的罚款。',
    },
  },
  {
    code: 'JT-CF-002',
    unit: 'brigade',
    basis: [['transport2023', '第七十一条']],
    fate: 'published',
    content: {
      name: '对机动车维修经营者使用假冒伪劣配件维修机动车、承修已报废的机动车或者擅自改装机动车的行政处罚',
      type: 'penalty',
      category: '交通运输',
      duties:
        '查处机动车维修经营者使用假冒伪劣配件、承修报废车辆、擅自改装机动车的行为，责令改正，依法处罚。',
      penaltyKinds: ['fine', 'confiscateIllegalGains', 'confiscateIllegalProperty', 'orderSuspension'],
      fineMinYuan: 20_000,
      fineMaxYuan: 50_000,
      penaltyNote:
        '有违法所得的，没收违法所得，处违法所得2倍以上10倍以下的罚款；没有违法所得或者违法所得不足1万元的，处2万元以上5万元以下的罚款，没收假冒伪劣配件及报废车辆；情节严重的，责令停业整顿。',
    },
  },
  {
    code: 'JT-CF-003',
    unit: 'squad2',
    basis: [['transport2023', '第七十二条']],
    fate: 'published',
    content: {
      name: '对机动车维修经营者签发虚假机动车维修合格证的行政处罚',
      type: 'penalty',
      category: '交通运输',
      duties: '查处机动车维修经营者签发虚假机动车维修合格证的行为，责令改正，依法处罚。',
      penaltyKinds: ['fine', 'confiscateIllegalGains', 'orderSuspension'],
      fineMinYuan: 5_000,
      fineMaxYuan: 20_000,
      penaltyNote:
        '有违法所得的，没收违法所得，处违法所得2倍以上10倍以下的罚款；没有违法所得或者违法所得不足3000元的，处5000元以上2万元以下的罚款；情节严重的，责令停业整顿。',
    },
  },
  {
    code: 'JT-CF-004',
    unit: 'squad2',
    basis: [['transport2023', '第七十三条']],
    fate: 'draft',
    content: {
      name: '对机动车驾驶员培训机构不严格按照规定进行培训或者在培训结业证书发放时弄虚作假的行政处罚',
      type: 'penalty',
      category: '交通运输',
      duties:
        '查处机动车驾驶员培训机构不按规定培训或者结业证书发放弄虚作假的行为，责令改正；拒不改正的，责令停业整顿。',
      penaltyKinds: ['orderSuspension'],
      fineMinYuan: null,
      fineMaxYuan: null,
    },
  },
  {
    code: 'JT-QZ-001',
    unit: 'brigade',
    basis: [
      ['transport2023', '第六十二条'],
      ['coercion', '第九条'],
      ['coercion', '第二十五条'],
    ],
    fate: 'published',
    content: {
      name: '扣押（暂扣）没有车辆营运证又无法当场提供其他有效证明的车辆',
      type: 'coercion',
      category: '交通运输',
      duties:
        '监督检查中对没有车辆营运证又无法当场提供其他有效证明的车辆依法暂扣，妥善保管，不得使用，不收取保管费用；扣押期限不超过三十日，延长须经机关负责人批准并书面告知。',
      ...noPenalty,
    },
  },
  {
    code: 'JT-QZ-002',
    unit: 'squad1',
    basis: [['transport2023', '第六十一条']],
    fate: 'published',
    content: {
      name: '对超载道路运输车辆予以制止并安排旅客改乘或者强制卸货',
      type: 'coercion',
      category: '交通运输',
      duties: '监督检查中发现车辆超载的，立即予以制止，并采取措施安排旅客改乘或者强制卸货。',
      ...noPenalty,
    },
  },
  {
    code: 'JT-JC-001',
    unit: 'squad1',
    basis: [['transport2022', '第五十九条']],
    fate: 'outdated',
    content: {
      name: '对道路运输车辆的监督检查',
      type: 'inspection',
      category: '交通运输',
      duties:
        '对道路运输车辆及其证件、驾驶人员从业资格实施监督检查；检查时不少于2名执法人员并出示执法证件，可以了解情况、查阅复制有关资料，保守商业秘密。',
      ...noPenalty,
    },
  },
  {
    code: 'JT-JC-002',
    unit: 'squad1',
    basis: [
      ['transport2023', '第五十八条'],
      ['transport2023', '第六十条'],
    ],
    fate: 'withdrawn',
    content: {
      name: '对道路运输经营场所和客货集散地的监督检查',
      type: 'inspection',
      category: '交通运输',
      duties: '在道路运输及相关业务经营场所、客货集散地实施监督检查，不得乱设卡、乱收费、乱罚款。',
      ...noPenalty,
    },
  },
  {
    code: 'JT-QT-001',
    unit: 'legal',
    basis: [
      ['penalty', '第六十三条'],
      ['penalty', '第六十四条'],
    ],
    fate: 'published',
    content: {
      name: '行政处罚听证的组织',
      type: 'other',
      category: '交通运输',
      duties:
        '拟作出较大数额罚款、吊销许可证件、责令停产停业等决定时告知当事人听证权利；当事人要求听证的，指定非本案调查人员主持，依法组织听证并制作笔录。',
      ...noPenalty,
    },
  },
];

interface DemoUserRef {
  id: string;
  name: string;
}

export async function seedDemoPowerList(
  trx: Kysely<DB>,
  now: Date,
  ids: { county: string; units: Map<string, string> },
): Promise<void> {
  const users = new Map(
    (
      await trx
        .selectFrom('app_user')
        .select(['id', 'username', 'display_name'])
        .where('username', 'in', ['head1', 'reviewer1', 'discloser1'])
        .execute()
    ).map((u) => [u.username, { id: u.id, name: u.display_name }]),
  );
  const recorder =
    (user: DemoUserRef | null): Recorder =>
    (event) =>
      appendEvent(trx, { ...event, actorId: user?.id ?? null }, now);
  const actor = (user: DemoUserRef) => ({ id: user.id, name: user.name, now });
  const head = users.get('head1')!;
  const reviewer = users.get('reviewer1')!;
  const discloser = users.get('discloser1')!;

  // Laws first (the newer revision before the one it supersedes), then their articles.
  const lawIds = new Map<string, string>();
  for (const law of [...demoLaws.filter((l) => !l.supersededBy), ...demoLaws.filter((l) => l.supersededBy)]) {
    const id = await createLaw(
      trx,
      {
        ...law,
        supersededBy: law.supersededBy ? lawIds.get(law.supersededBy)! : null,
        note: law.note ?? demoNote,
      },
      now,
      recorder(null),
    );
    lawIds.set(law.key, id);
    for (const [number, text] of law.articles)
      await addArticle(trx, { id }, { number, text }, now, recorder(null));
  }
  const article = async ([law, number]: Cite) =>
    (
      await trx
        .selectFrom('law_article')
        .select('id')
        .where('law_id', '=', lawIds.get(law)!)
        .where('number', '=', number)
        .executeTakeFirstOrThrow()
    ).id;

  for (const item of demoItems) {
    const content: ItemContent = {
      penaltyNote: '',
      ...item.content,
      unitId: item.unit ? ids.units.get(item.unit)! : null,
      basisArticleIds: await Promise.all(item.basis.map(article)),
      changeNote: '',
    };
    const created = await createItem(
      trx,
      recorder(head),
      { agencyId: ids.county, code: item.code, ...content },
      actor(head),
    );
    if (item.fate === 'draft') continue;
    const loaded = { ...created };
    await reviewItem(
      trx,
      recorder(reviewer),
      loaded,
      { result: 'passed', opinion: '主体适格，依据准确有效，职责表述与法定职权一致，同意公示。' },
      actor(reviewer),
    );
    await moveItem(trx, recorder(head), loaded, 'submit', '', actor(head));
    await moveItem(trx, recorder(discloser), loaded, 'publish', '', actor(discloser));
    if (item.fate === 'withdrawn')
      await moveItem(
        trx,
        recorder(discloser),
        loaded,
        'withdraw',
        '与“对道路运输车辆的监督检查”合并公示，本事项撤下',
        actor(discloser),
      );
    if (item.fate === 'outdated') {
      // The basis text was amended: a corrected second version waits as a draft.
      await editItem(
        trx,
        recorder(head),
        { ...loaded, latest_version: 1 },
        {
          ...content,
          basisArticleIds: [
            await article(['transport2023', '第五十九条']),
            await article(['transport2023', '第六十条']),
          ],
          changeNote: '依据更新为2023年修订的《道路运输条例》',
        },
        actor(head),
      );
    }
  }
}
