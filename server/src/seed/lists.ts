/**
 * The demo's 事前公开 lists for 示例县交通运输局: three service guides, six
 * random-inspection items, three discretion benchmarks and a five-entry
 * exemption list — drafted by the agency head, published by the disclosure
 * officer (one inspection item still waits for review), through the same
 * services as the console, ledger included. Entries link to the demo power
 * list's items and cite the demo law library's articles where those exist
 * (seed/power-list.ts), and are looked up by code and article number, so the
 * lists still load without them.
 *
 * Accuracy. These are plausible demo entries, not an agency's official lists.
 * - 行政处罚法 art. 33 (the three grounds of no penalty) and art. 34 (benchmarks are
 *   published) are the 2021 text.
 * - 道路运输条例: articles 21, 58–63, 71, 72 are those of the demo law library
 *   (see power-list.ts for which of its texts are unverified). The benchmarks divide
 *   the statutory ranges of the demo power list's items — in particular art. 63's
 *   3万–10万元, whose amounts for 普通货运 may have been lowered by the 2022/2023
 *   revisions (UNVERIFIED, as the power list says). Check before relying on them.
 * - Article numbers we are not sure of are NOT cited: for 道路运输条例 art. 22 and 24
 *   (货运驾驶人员条件, 货运经营申请 and its 20-day review) and art. 36 and 39 (客运站
 *   条件 and its 15-day review) the numbers are as we recall them from the 2019–2023
 *   revisions — UNVERIFIED; the provisions on 机动车维修经营备案, 随车携带车辆营运证,
 *   客运站信息公布 and 维修收费公示 are cited by topic only (条号待核对). The
 *   departmental rules (道路货物运输及站场管理规定, 道路旅客运输及客运站管理规定,
 *   机动车维修管理规定) are cited by title only.
 * - Telephone numbers use the area code 0000, which does not exist.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { appendEvent } from '../ledger/append.js';
import { type AnyListBody, bodySchemas, type ListKind } from '../modules/lists/kinds.js';
import { createEntry, moveEntry } from '../modules/lists/service.js';
import type { Recorder } from '../modules/publication/service.js';

const T = '《中华人民共和国道路运输条例》';
const SUIJI = '《国务院办公厅关于推广随机抽查规范事中事后监管的通知》（国办发〔2015〕58号）';

/** [law title, effective on, article number]: looked up in the law library. */
type Cite = [title: string, effectiveOn: string, number: string];
const transport = (number: string): Cite => ['中华人民共和国道路运输条例', '2023-07-20', number];
const penaltyLaw = (number: string): Cite => ['中华人民共和国行政处罚法', '2021-07-15', number];

interface DemoEntry {
  kind: ListKind;
  /** The demo power list's item code, if one fits. */
  item?: string;
  cites?: Cite[];
  fate: 'published' | 'submitted';
  body: Record<string, unknown>;
}

const agencyName = '示例县交通运输局';
const office = {
  acceptingBody: '示例县政务服务中心交通运输窗口',
  approvingBody: agencyName,
  fees: '不收费',
  supervision:
    '示例县交通运输局监督电话：0000-87654321；示例县司法局行政执法监督电话：0000-87650000；也可拨打政务服务便民热线 12345 反映。',
  accountability:
    '工作人员在办理过程中不依法受理、无正当理由拖延、违法收费或者滥用职权、玩忽职守、徇私舞弊的，依照《中华人民共和国行政许可法》第七章（法律责任）和有关规定追究责任。',
  remedies:
    '申请人对决定不服的，可以自知道该决定之日起六十日内向示例县人民政府申请行政复议，或者自知道该决定之日起六个月内向示例县人民法院提起行政诉讼。',
  officeHours: '工作日 上午 9:00—12:00，下午 13:30—17:30（法定节假日除外）',
  address: '示例县人民路 1 号 示例县政务服务中心一楼 交通运输窗口',
  phone: '0000-87651234',
};

const demoEntries: DemoEntry[] = [
  // 服务指南 (P5)
  {
    kind: 'serviceGuide',
    item: 'JT-XK-001',
    cites: [transport('第二十一条')],
    fate: 'published',
    body: {
      title: '道路货物运输经营许可',
      basis: `${T}第二十一条、第二十二条、第二十四条；《道路货物运输及站场管理规定》`,
      conditions:
        '（一）有与其经营业务相适应并经检测合格的车辆；\n（二）有符合规定条件的驾驶人员：取得相应的机动车驾驶证，年龄不超过60周岁，经考试合格取得道路货物运输从业资格证；\n（三）有健全的安全生产管理制度。\n使用总质量4500千克及以下普通货运车辆从事普通货运经营的，无需申请本许可。',
      materials: [
        { name: '道路货物运输经营申请表', originals: 1, copies: 0, note: '' },
        {
          name: '负责人身份证明；委托他人办理的，经办人身份证明和委托书',
          originals: 1,
          copies: 1,
          note: '原件核验后退还',
        },
        {
          name: '机动车辆行驶证、车辆技术检测合格证明',
          originals: 0,
          copies: 1,
          note: '已购置车辆提供；拟购置车辆提交承诺书',
        },
        { name: '拟聘用驾驶人员的机动车驾驶证、从业资格证', originals: 0, copies: 1, note: '' },
        {
          name: '安全生产管理制度文本',
          originals: 1,
          copies: 0,
          note: '含安全生产责任制、操作规程、车辆技术管理制度',
        },
      ],
      steps: [
        { name: '申请', description: '到政务服务中心交通运输窗口或通过网上政务服务平台提交材料' },
        {
          name: '受理',
          description: '材料齐全、符合法定形式的当场受理；不齐全的一次性告知需要补正的全部内容',
        },
        { name: '审查', description: '审查申请材料，必要时实地核查车辆和安全生产管理制度落实情况' },
        { name: '决定', description: '作出准予或者不予许可的决定；不予许可的书面说明理由' },
        { name: '送达', description: '颁发道路运输经营许可证，为投入运输的车辆配发道路运输证' },
      ],
      statutoryLimitDays: 20,
      promisedLimitDays: 5,
      limitNote: '自受理之日起计算，不含实地核查和申请人补正材料的时间',
      ...office,
    },
  },
  {
    kind: 'serviceGuide',
    fate: 'published',
    body: {
      title: '道路旅客运输站经营许可',
      basis: `${T}第三十六条、第三十九条；《道路旅客运输及客运站管理规定》`,
      conditions:
        '（一）有经验收合格的客运站；\n（二）有相应的专业人员和管理人员；\n（三）有相应的设备、设施；\n（四）有健全的业务操作规程和安全管理制度。',
      materials: [
        { name: '道路旅客运输站经营申请表', originals: 1, copies: 0, note: '' },
        { name: '客运站竣工验收证明', originals: 0, copies: 1, note: '' },
        { name: '站级核定证明或者站场设施设备清单', originals: 1, copies: 0, note: '' },
        {
          name: '负责人身份证明；委托他人办理的，经办人身份证明和委托书',
          originals: 1,
          copies: 1,
          note: '原件核验后退还',
        },
        { name: '拟聘用的专业人员、管理人员的身份证明和专业证书', originals: 0, copies: 1, note: '' },
        {
          name: '业务操作规程和安全管理制度文本',
          originals: 1,
          copies: 0,
          note: '含危险品查堵、出站检查、应急预案',
        },
      ],
      steps: [
        { name: '申请', description: '到政务服务中心交通运输窗口提交材料' },
        { name: '受理', description: '材料齐全、符合法定形式的当场受理' },
        { name: '审查', description: '审查材料并实地核查站场设施设备' },
        { name: '决定', description: '作出准予或者不予许可的决定' },
        { name: '送达', description: '颁发道路运输经营许可证' },
      ],
      statutoryLimitDays: 15,
      promisedLimitDays: 10,
      limitNote: '自受理之日起计算，不含实地核查时间',
      ...office,
    },
  },
  {
    kind: 'serviceGuide',
    fate: 'published',
    body: {
      title: '机动车维修经营备案',
      basis: `${T}关于机动车维修经营备案的规定（条号待核对）；《机动车维修管理规定》`,
      conditions:
        '从事机动车维修经营业务的，应当在依法向市场监督管理部门办理有关登记手续后，向所在地县级人民政府交通运输主管部门备案，并具备与其经营业务相适应的维修车辆停车场和生产厂房、设备设施、技术人员和管理制度。',
      materials: [
        { name: '机动车维修经营备案表', originals: 1, copies: 0, note: '' },
        { name: '维修经营场地的使用证明', originals: 0, copies: 1, note: '产权证明或者租赁合同' },
        { name: '技术人员的资格证明', originals: 0, copies: 1, note: '' },
        { name: '维修设备设施清单', originals: 1, copies: 0, note: '' },
        { name: '维修质量管理制度等文本', originals: 1, copies: 0, note: '' },
      ],
      steps: [
        { name: '提交备案材料', description: '到窗口或者网上提交备案材料' },
        { name: '核对', description: '窗口核对材料是否齐全' },
        { name: '备案', description: '材料齐全的当场予以备案并出具备案证明' },
      ],
      statutoryLimitDays: 1,
      promisedLimitDays: 1,
      limitNote: '材料齐全、符合法定形式的，当场予以备案',
      ...office,
      remedies:
        '对备案有异议的，可以向示例县交通运输局提出；认为行政行为侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。',
    },
  },
  // 随机抽查事项清单 (P4, Q9)
  {
    kind: 'inspectionItem',
    fate: 'published',
    body: {
      title: '道路运输企业安全生产检查',
      inspectingBody: agencyName,
      basis: `《中华人民共和国安全生产法》；${T}；${SUIJI}`,
      targets: '辖区内道路旅客运输企业、危险货物运输企业和普通货物运输企业',
      inspectionContent:
        '安全生产责任制和安全生产管理制度落实；安全管理机构和人员配备；驾驶人员安全教育培训；营运车辆技术管理和定期检测；事故隐患排查治理和应急预案。',
      samplingRatioPercent: 5,
      methods: ['onSite', 'documentary'],
      frequency: '每年不少于 1 次',
    },
  },
  {
    kind: 'inspectionItem',
    cites: [transport('第七十一条'), transport('第七十二条')],
    fate: 'published',
    body: {
      title: '机动车维修经营者检查',
      inspectingBody: agencyName,
      basis: `${T}第七十一条、第七十二条；《机动车维修管理规定》；${SUIJI}`,
      targets: '辖区内已备案的机动车维修经营者',
      inspectionContent:
        '备案事项与实际经营情况是否一致；维修配件来源和质量；维修竣工出厂合格证签发；维修档案；维修工时定额和收费标准公示。',
      samplingRatioPercent: 5,
      methods: ['onSite'],
      frequency: '每年不少于 1 次',
    },
  },
  {
    kind: 'inspectionItem',
    fate: 'published',
    body: {
      title: '机动车驾驶员培训机构检查',
      inspectingBody: agencyName,
      basis: `${T}第七十三条；《机动车驾驶员培训管理规定》；${SUIJI}`,
      targets: '辖区内已备案的机动车驾驶员培训机构',
      inspectionContent:
        '教练员和教学车辆情况；培训教学大纲执行和培训学时；计时培训系统运行；结业证书发放；培训收费公示。',
      samplingRatioPercent: 10,
      methods: ['onSite', 'onlineMonitoring'],
      frequency: '每年不少于 1 次',
      note: '培训学时通过计时培训系统网络监测，现场检查抽查教学车辆和档案。',
    },
  },
  {
    kind: 'inspectionItem',
    fate: 'published',
    body: {
      title: '道路旅客运输站经营者检查',
      inspectingBody: agencyName,
      basis: `${T}；《道路旅客运输及客运站管理规定》；${SUIJI}`,
      targets: '辖区内二级以上道路旅客运输站',
      inspectionContent:
        '危险品查堵（“三品”检查）；出站检查；营运客车报班和安全例检；运输线路、班次、票价信息公布。',
      samplingRatioPercent: 20,
      methods: ['onSite'],
      frequency: '每半年 1 次',
    },
  },
  {
    kind: 'inspectionItem',
    item: 'JT-JC-001',
    cites: [transport('第五十九条'), transport('第六十条')],
    fate: 'published',
    body: {
      title: '道路运输车辆动态监控检查',
      inspectingBody: agencyName,
      basis: `${T}第五十九条、第六十条；《道路运输车辆动态监督管理办法》；${SUIJI}`,
      targets: '辖区内重型载货汽车、半挂牵引车和营运客车所属的道路运输企业',
      inspectionContent: '卫星定位装置安装和在线情况；监控平台接入；超速、疲劳驾驶等违规信息的处置记录。',
      samplingRatioPercent: 3,
      methods: ['onlineMonitoring', 'documentary'],
      frequency: '每季度 1 次',
    },
  },
  {
    kind: 'inspectionItem',
    fate: 'submitted',
    body: {
      title: '货运源头单位装载检查',
      inspectingBody: agencyName,
      basis: `${T}第六十一条；《公路安全保护条例》；${SUIJI}`,
      targets: '辖区内货运站场、物流园区等货运源头单位',
      inspectionContent: '货物装载登记；超限超载车辆出场查验；源头单位责任制度落实。',
      samplingRatioPercent: 10,
      methods: ['onSite'],
      frequency: '每年不少于 2 次',
    },
  },
  // 行政处罚裁量基准 (X4)
  {
    kind: 'discretionBenchmark',
    item: 'JT-CF-001',
    cites: [transport('第六十三条')],
    fate: 'published',
    body: {
      title: '未取得道路运输经营许可，擅自从事道路运输经营',
      violatedProvision: `${T}关于从事道路运输经营应当取得道路运输经营许可的规定`,
      penaltyProvision: `${T}第六十三条`,
      statutoryPenalty:
        '责令停止经营；有违法所得的，没收违法所得，处违法所得2倍以上10倍以下的罚款；没有违法所得或者违法所得不足2万元的，处3万元以上10万元以下的罚款；构成犯罪的，依法追究刑事责任。',
      circumstances: [
        {
          level: 'minor',
          description: '首次被查处，经营时间不满1个月，未造成危害后果',
          fineMinYuan: 30_000,
          fineMaxYuan: 45_000,
          otherMeasures: '责令停止经营',
        },
        {
          level: 'general',
          description: '经营时间1个月以上不满3个月，或者被责令停止经营后再次被查处',
          fineMinYuan: 45_000,
          fineMaxYuan: 65_000,
          otherMeasures: '责令停止经营',
        },
        {
          level: 'serious',
          description: '经营时间3个月以上，或者1年内被查处2次',
          fineMinYuan: 65_000,
          fineMaxYuan: 85_000,
          otherMeasures: '责令停止经营',
        },
        {
          level: 'severe',
          description: '1年内被查处3次以上，或者造成人员伤亡、重大财产损失等严重后果',
          fineMinYuan: 85_000,
          fineMaxYuan: 100_000,
          otherMeasures: '责令停止经营；涉嫌犯罪的移送司法机关',
        },
      ],
      note: '本表适用于没有违法所得或者违法所得不足2万元的情形；违法所得2万元以上的，没收违法所得，按违法所得2倍以上10倍以下处罚款。',
    },
  },
  {
    kind: 'discretionBenchmark',
    item: 'JT-CF-003',
    cites: [transport('第七十二条')],
    fate: 'published',
    body: {
      title: '机动车维修经营者签发虚假的机动车维修合格证',
      violatedProvision: `${T}关于机动车维修经营者签发维修合格证的规定；《机动车维修管理规定》`,
      penaltyProvision: `${T}第七十二条`,
      statutoryPenalty:
        '责令改正；有违法所得的，没收违法所得，处违法所得2倍以上10倍以下的罚款；没有违法所得或者违法所得不足3000元的，处5000元以上2万元以下的罚款；情节严重的，责令停业整顿。',
      circumstances: [
        {
          level: 'minor',
          description: '签发虚假维修合格证1份，已主动收回，未造成危害后果',
          fineMinYuan: 5_000,
          fineMaxYuan: 8_000,
          otherMeasures: '责令改正',
        },
        {
          level: 'general',
          description: '签发虚假维修合格证2份至3份',
          fineMinYuan: 8_000,
          fineMaxYuan: 12_000,
          otherMeasures: '责令改正',
        },
        {
          level: 'serious',
          description: '签发虚假维修合格证4份至5份，或者1年内因同一违法行为被处罚过',
          fineMinYuan: 12_000,
          fineMaxYuan: 16_000,
          otherMeasures: '责令改正',
        },
        {
          level: 'severe',
          description: '签发虚假维修合格证6份以上，或者造成交通事故',
          fineMinYuan: 16_000,
          fineMaxYuan: 20_000,
          otherMeasures: '责令改正；情节严重的责令停业整顿',
        },
      ],
      note: '本表适用于没有违法所得或者违法所得不足3000元的情形。',
    },
  },
  {
    kind: 'discretionBenchmark',
    item: 'JT-CF-002',
    cites: [transport('第七十一条')],
    fate: 'published',
    body: {
      title: '机动车维修经营者使用假冒伪劣配件维修机动车、承修已报废的机动车或者擅自改装机动车',
      violatedProvision: `${T}关于机动车维修经营者不得使用假冒伪劣配件、承修报废车辆、擅自改装机动车的规定`,
      penaltyProvision: `${T}第七十一条`,
      statutoryPenalty:
        '责令改正；有违法所得的，没收违法所得，处违法所得2倍以上10倍以下的罚款；没有违法所得或者违法所得不足1万元的，处2万元以上5万元以下的罚款，没收假冒伪劣配件及报废车辆；情节严重的，责令停业整顿。',
      circumstances: [
        {
          level: 'general',
          description: '首次被查处，涉及车辆1辆，未造成危害后果',
          fineMinYuan: 20_000,
          fineMaxYuan: 30_000,
          otherMeasures: '没收假冒伪劣配件及报废车辆',
        },
        {
          level: 'serious',
          description: '涉及车辆2辆至3辆，或者1年内因同一违法行为被处罚过',
          fineMinYuan: 30_000,
          fineMaxYuan: 40_000,
          otherMeasures: '没收假冒伪劣配件及报废车辆',
        },
        {
          level: 'severe',
          description: '涉及车辆4辆以上，或者造成交通事故',
          fineMinYuan: 40_000,
          fineMaxYuan: 50_000,
          otherMeasures: '没收假冒伪劣配件及报废车辆；责令停业整顿',
        },
      ],
      note: '本表适用于没有违法所得或者违法所得不足1万元的情形。该违法行为不设“轻微”情节。',
    },
  },
  // 免罚清单 (Q8)
  {
    kind: 'exemption',
    cites: [penaltyLaw('第三十三条')],
    fate: 'published',
    body: {
      title: '道路运输车辆未随车携带车辆营运证（道路运输证）',
      violatedProvision: `${T}关于随车携带车辆营运证的规定（条号待核对）`,
      exemptionKind: 'firstViolation',
      conditions: '初次违法，能够通过道路运输电子证照或者信息系统查验到有效证件，并当场改正',
      measures: '责令改正，对当事人进行批评教育并告知相关法律规定',
    },
  },
  {
    kind: 'exemption',
    cites: [penaltyLaw('第三十三条')],
    fate: 'published',
    body: {
      title: '客运站经营者未按规定公布运输线路、班次、票价等信息',
      violatedProvision: `${T}及《道路旅客运输及客运站管理规定》关于客运站信息公布的规定（条号待核对）`,
      exemptionKind: 'minorViolation',
      conditions: '违法行为轻微，在责令改正期限内公布完毕，未造成旅客滞留、投诉等危害后果',
      measures: '责令限期改正，批评教育',
    },
  },
  {
    kind: 'exemption',
    cites: [penaltyLaw('第三十三条')],
    fate: 'published',
    body: {
      title: '机动车维修经营者未按规定公示维修工时定额和收费标准',
      violatedProvision: '《机动车维修管理规定》关于维修收费公示的规定（条号待核对）',
      exemptionKind: 'minorViolation',
      conditions: '违法行为轻微，在责令改正期限内完成公示，未造成消费者权益损害',
      measures: '责令限期改正，批评教育',
    },
  },
  {
    kind: 'exemption',
    cites: [penaltyLaw('第三十三条')],
    fate: 'published',
    body: {
      title: '机动车维修经营者未按规定建立机动车维修档案',
      violatedProvision: '《机动车维修管理规定》关于建立维修档案的规定（条号待核对）',
      exemptionKind: 'firstViolation',
      conditions: '初次违法，缺失的维修档案不超过3份，在责令改正期限内补建完整，未造成危害后果',
      measures: '责令限期补建档案，批评教育',
    },
  },
  {
    kind: 'exemption',
    cites: [penaltyLaw('第三十三条')],
    fate: 'published',
    body: {
      title: '道路运输车辆卫星定位装置不能保持正常使用',
      violatedProvision: '《道路运输车辆动态监督管理办法》关于保持卫星定位装置正常使用的规定（条号待核对）',
      exemptionKind: 'noFault',
      conditions:
        '经营者有证据足以证明装置不能正常使用系设备或者第三方平台故障所致，已及时报修并采取人工监控等替代措施，无主观过错',
      measures: '督促尽快修复，对当事人进行教育',
    },
  },
];

export async function seedDemoLists(trx: Kysely<DB>, now: Date, ids: { county: string }): Promise<void> {
  const users = new Map(
    (
      await trx
        .selectFrom('app_user')
        .select(['id', 'username', 'display_name'])
        .where('username', 'in', ['head1', 'discloser1'])
        .execute()
    ).map((u) => [u.username, { id: u.id, name: u.display_name, now }]),
  );
  const head = users.get('head1')!;
  const discloser = users.get('discloser1')!;
  const recorder =
    (user: { id: string }): Recorder =>
    (event) =>
      appendEvent(trx, { ...event, actorId: user.id }, now);
  const itemId = async (code: string) =>
    (
      await trx
        .selectFrom('enforcement_item')
        .select('id')
        .where('agency_id', '=', ids.county)
        .where('code', '=', code)
        .executeTakeFirst()
    )?.id ?? null;
  const articleId = async ([title, effectiveOn, number]: Cite) =>
    (
      await trx
        .selectFrom('law_article as a')
        .innerJoin('law as l', 'l.id', 'a.law_id')
        .select('a.id')
        .where('l.title', '=', title)
        .where('l.effective_on', '=', effectiveOn)
        .where('a.number', '=', number)
        .executeTakeFirst()
    )?.id;

  for (const entry of demoEntries) {
    const cited = await Promise.all((entry.cites ?? []).map(articleId));
    const body = bodySchemas[entry.kind].parse({
      ...entry.body,
      enforcementItemId: entry.item ? await itemId(entry.item) : null,
      basisArticleIds: cited.filter((id): id is string => id !== undefined),
    }) as AnyListBody;
    const created = await createEntry(trx, recorder(head), entry.kind, ids.county, body, head);
    await moveEntry(trx, recorder(head), created, 'submit', '', head);
    if (entry.fate === 'published')
      await moveEntry(trx, recorder(discloser), created, 'publish', '', discloser);
  }
}
