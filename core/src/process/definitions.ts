/**
 * Process definitions as data: one per kind of procedure. The flowchart the
 * portal publishes (P6) and the transition guard read the same objects.
 *
 * Legal basis texts cite national law only (any enforcement domain uses these
 * definitions); a domain's departmental rules are added by the agency's own
 * procedure documents, not here.
 */
import type { ProcessDefinition, ProcessKind, RecordingDefault, StageDefinition, StageId } from './types.js';
import { conditionLabels } from './types.js';

const CF = '《中华人民共和国行政处罚法》';
const QZ = '《中华人民共和国行政强制法》';
const XK = '《中华人民共和国行政许可法》';
const FW = '《国有土地上房屋征收与补偿条例》';
const SANXIANG =
  '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）';
const SUIJI = '《国务院办公厅关于推广随机抽查规范事中事后监管的通知》（国办发〔2015〕58号）';

const textOnly: RecordingDefault = { requirement: 'none', kinds: [] };
const asNeeded: RecordingDefault = { requirement: 'asNeeded', kinds: ['video', 'audio', 'photo'] };
/** R4: 查封扣押财产 and other acts touching liberty, life, health or major property: full audio/video. */
const fullProcess: RecordingDefault = { requirement: 'mandatory', kinds: ['video'] };

const archiveStage: StageDefinition = {
  id: 'archive',
  label: '归档',
  actors: ['archivist'],
  next: [],
  documents: ['案卷（文字记录与音像记录一并归档）'],
  recording: textOnly,
  legalBasis: [`${CF}第四十七条`, SANXIANG],
};

/** 行政处罚 普通程序. */
export const penaltyGeneralProcess: ProcessDefinition = {
  id: 'penaltyGeneral',
  actKind: 'penalty',
  title: '行政处罚（普通程序）流程',
  summary:
    '案件来源登记后经批准立案，由两名以上执法人员调查取证；调查终结提出处理意见，拟给予处罚的事先告知当事人并听取陈述申辩，符合条件的告知听证权利；重大执法决定经法制审核，情节复杂或重大违法行为经集体讨论，由行政机关负责人作出决定，依法送达、执行后结案归档。',
  initial: 'intake',
  legalBasis: [CF, QZ, SANXIANG],
  stages: [
    {
      id: 'intake',
      label: '案件来源登记',
      actors: ['officer'],
      assistants: ['auxiliary'],
      next: [
        { to: 'register', outcomes: ['register'] },
        { to: 'archive', label: '不予立案', outcomes: ['noRegister'] },
      ],
      documents: ['案件来源登记表'],
      recording: textOnly,
      sources: [
        { id: 'inspection', label: '检查发现' },
        { id: 'complaint', label: '投诉举报' },
        { id: 'referral', label: '移送' },
        { id: 'remoteMonitoring', label: '非现场监控' },
        { id: 'assigned', label: '上级交办' },
      ],
      outcomes: [
        { id: 'register', label: '予以立案' },
        { id: 'noRegister', label: '不予立案' },
      ],
      legalBasis: [`${CF}第四十一条`, `${CF}第五十四条第一款`],
      note: '非现场监控取得的违法事实须经审核，记录内容符合标准、完整准确的方可作为证据，并及时告知当事人。',
    },
    {
      id: 'register',
      label: '立案',
      actors: ['officer'],
      approvers: ['unit_head', 'agency_head'],
      next: [{ to: 'investigate' }],
      documents: ['立案审批表'],
      recording: textOnly,
      legalBasis: [`${CF}第三十六条`, `${CF}第五十四条第二款`],
      note: '立案前核对追责时效：违法行为二年内未被发现的不再给予行政处罚，涉及生命健康安全、金融安全且有危害后果的为五年。',
    },
    {
      id: 'investigate',
      label: '调查取证',
      actors: ['officer'],
      assistants: ['auxiliary'],
      twoOfficers: true,
      next: [{ to: 'review' }],
      documents: ['询问笔录', '现场检查（勘验）笔录', '证据先行登记保存通知书', '抽样取证凭证'],
      recording: asNeeded,
      legalBasis: [`${CF}第四十二条`, `${CF}第五十四条第一款`, `${CF}第五十五条`, `${CF}第五十六条`],
      note: '执法人员不得少于两人，主动出示执法证件；执法辅助人员只能协助，不计入人数。',
    },
    {
      id: 'review',
      label: '调查终结与处理意见',
      actors: ['officer'],
      approvers: ['unit_head'],
      next: [
        { to: 'notify', label: '拟给予处罚', outcomes: ['penalty'] },
        { to: 'legalReview', outcomes: ['noPenalty', 'cancel', 'transfer'] },
        { to: 'decide', label: '拟不予处罚、撤销立案或移送', outcomes: ['noPenalty', 'cancel', 'transfer'] },
      ],
      documents: ['案件调查终结报告', '案件处理意见书'],
      recording: textOnly,
      outcomes: [
        { id: 'penalty', label: '拟给予行政处罚' },
        { id: 'noPenalty', label: '拟不予行政处罚' },
        { id: 'cancel', label: '拟撤销立案' },
        { id: 'transfer', label: '拟移送司法机关或有权机关' },
      ],
      legalBasis: [`${CF}第五十七条第一款`],
    },
    {
      id: 'notify',
      label: '事先告知（陈述申辩、听证权利）',
      actors: ['officer'],
      approvers: ['unit_head'],
      next: [{ to: 'hear' }, { to: 'legalReview' }, { to: 'deliberate' }, { to: 'decide' }],
      documents: ['行政处罚事先告知书', '陈述申辩笔录', '送达回证'],
      recording: textOnly,
      legalBasis: [`${CF}第四十四条`, `${CF}第四十五条`, `${CF}第六十二条`, `${CF}第六十三条`],
      note: '陈述申辩期限届满或当事人明确放弃后方可作出决定；不得因当事人陈述、申辩而给予更重的处罚。',
    },
    {
      id: 'hear',
      label: '听证',
      condition: 'hearingRequested',
      actors: ['legal_reviewer', 'officer'],
      approvers: ['agency_head'],
      next: [{ to: 'legalReview' }, { to: 'deliberate' }, { to: 'decide' }],
      documents: ['听证通知书', '听证笔录', '听证报告书'],
      recording: asNeeded,
      legalBasis: [`${CF}第六十三条`, `${CF}第六十四条`, `${CF}第六十五条`],
      note: '当事人在告知后五个工作日内提出；听证七个工作日前通知；由非本案调查人员主持。',
    },
    {
      id: 'legalReview',
      label: '法制审核',
      condition: 'majorDecision',
      actors: ['legal_reviewer'],
      next: [
        { to: 'deliberate', outcomes: ['passed'] },
        { to: 'decide', outcomes: ['passed'] },
        { to: 'investigate', label: '退回补充调查', outcomes: ['returned'] },
      ],
      documents: ['法制审核意见书'],
      recording: textOnly,
      outcomes: [
        { id: 'passed', label: '审核通过' },
        { id: 'returned', label: '退回补充调查' },
      ],
      legalBasis: [`${CF}第五十八条`, SANXIANG],
      note: '未经法制审核或者审核未通过的，不得作出决定；审核人员不得审核本人承办的案件。',
    },
    {
      id: 'deliberate',
      label: '集体讨论',
      condition: 'complexOrMajorCase',
      actors: ['agency_head'],
      next: [{ to: 'decide' }],
      documents: ['集体讨论记录'],
      recording: textOnly,
      legalBasis: [`${CF}第五十七条第二款`],
    },
    {
      id: 'decide',
      label: '决定',
      actors: ['agency_head'],
      next: [
        { to: 'serve', label: '处罚、不予处罚', outcomes: ['penalty', 'noPenalty'] },
        { to: 'close', label: '撤销立案、移送', outcomes: ['cancel', 'transfer'] },
        // The ways back before service: nothing decided is yet in force (a decision recorded is
        // withdrawn with the move, and the reason kept on the ledger).
        { to: 'legalReview', label: '送法制审核' },
        { to: 'notify', label: '重新告知' },
        { to: 'investigate', label: '退回补充调查' },
      ],
      documents: ['行政处罚决定书', '不予行政处罚决定书', '撤销立案审批表', '涉嫌犯罪案件移送书'],
      recording: textOnly,
      outcomes: [
        { id: 'penalty', label: '处罚' },
        { id: 'noPenalty', label: '不予处罚' },
        { id: 'cancel', label: '撤销立案' },
        { id: 'transfer', label: '移送' },
      ],
      legalBasis: [`${CF}第二十七条`, `${CF}第五十七条`, `${CF}第五十九条`, `${CF}第六十条`],
      note: '自立案之日起九十日内作出决定（延长须经批准并记录）；决定书载明采纳的证据、适用的依据和裁量理由。',
    },
    {
      id: 'serve',
      label: '送达',
      actors: ['officer'],
      assistants: ['auxiliary'],
      next: [{ to: 'execute' }, { to: 'close' }],
      documents: ['送达回证'],
      recording: asNeeded,
      legalBasis: [`${CF}第六十一条`],
      note: '宣告后当场交付；当事人不在场的，七个工作日内依照民事诉讼法的规定送达。',
    },
    {
      id: 'execute',
      label: '执行',
      condition: 'performanceRequired',
      actors: ['officer'],
      approvers: ['agency_head'],
      next: [{ to: 'close' }],
      documents: ['罚款缴款书', '延期（分期）缴纳罚款审批表', '催告书', '强制执行申请书'],
      recording: textOnly,
      outcomes: [
        { id: 'paid', label: '缴款' },
        { id: 'instalment', label: '分期或延期缴纳' },
        { id: 'courtEnforcement', label: '申请人民法院强制执行' },
      ],
      legalBasis: [
        `${CF}第六十六条`,
        `${CF}第六十七条`,
        `${CF}第七十二条`,
        `${QZ}第五十三条`,
        `${QZ}第五十四条`,
      ],
      note: '罚缴分离：自收到决定书之日起十五日内到指定银行或电子支付系统缴纳；逾期每日加处罚款数额的百分之三，加处罚款不超过罚款数额。',
    },
    {
      id: 'close',
      label: '结案',
      actors: ['officer'],
      approvers: ['unit_head', 'agency_head'],
      next: [{ to: 'archive' }],
      documents: ['结案报告'],
      recording: textOnly,
      legalBasis: [`${CF}第四十七条`],
    },
    archiveStage,
  ],
};

/** 行政处罚 简易程序（当场处罚）. */
export const penaltySimpleProcess: ProcessDefinition = {
  id: 'penaltySimple',
  actKind: 'penalty',
  title: '行政处罚（简易程序）流程',
  summary:
    '违法事实确凿并有法定依据，对公民处二百元以下、对法人或者其他组织处三千元以下罚款或者警告的，可以当场作出行政处罚决定：出示执法证件，告知违法事实、理由、依据和权利，听取陈述申辩，填写预定格式、编有号码的决定书当场交付，并报所属行政机关备案。',
  initial: 'identify',
  legalBasis: [CF, SANXIANG],
  stages: [
    {
      id: 'identify',
      label: '表明身份',
      actors: ['officer'],
      assistants: ['auxiliary'],
      twoOfficers: true,
      next: [{ to: 'notify' }],
      documents: [],
      recording: asNeeded,
      legalBasis: [`${CF}第四十二条`, `${CF}第五十二条第一款`],
      note: '向当事人出示执法证件。',
    },
    {
      id: 'notify',
      label: '告知',
      actors: ['officer'],
      next: [{ to: 'defence' }],
      documents: [],
      recording: asNeeded,
      legalBasis: [`${CF}第四十四条`],
      note: '告知拟作出的处罚内容及事实、理由、依据和陈述、申辩权利。',
    },
    {
      id: 'defence',
      label: '陈述申辩',
      actors: ['officer'],
      next: [{ to: 'decide' }],
      documents: [],
      recording: asNeeded,
      legalBasis: [`${CF}第四十五条`],
      note: '当事人提出的事实、理由或者证据成立的，应当采纳；不得因陈述、申辩而加重处罚。',
    },
    {
      id: 'decide',
      label: '当场决定',
      actors: ['officer'],
      next: [{ to: 'serve' }],
      documents: ['当场行政处罚决定书'],
      recording: asNeeded,
      outcomes: [
        { id: 'warning', label: '警告' },
        { id: 'fine', label: '罚款' },
      ],
      legalBasis: [`${CF}第五十一条`],
      note: '仅限警告或者限额以内的罚款（限额为本辖区设置）；超出的适用普通程序。',
    },
    {
      id: 'serve',
      label: '当场交付',
      actors: ['officer'],
      next: [{ to: 'file' }],
      documents: ['当场行政处罚决定书（当事人签收或注明拒签）'],
      recording: asNeeded,
      legalBasis: [`${CF}第五十二条第一款`],
    },
    {
      id: 'file',
      label: '备案',
      actors: ['officer'],
      approvers: ['unit_head'],
      next: [{ to: 'execute' }, { to: 'archive' }],
      documents: ['当场行政处罚决定书副本（备案）'],
      recording: textOnly,
      legalBasis: [`${CF}第五十二条第三款`],
    },
    {
      id: 'execute',
      label: '缴纳罚款',
      condition: 'fineImposed',
      actors: ['officer'],
      next: [{ to: 'archive' }],
      documents: ['罚款缴款书', '罚款专用票据（依法当场收缴的）'],
      recording: textOnly,
      legalBasis: [`${CF}第五十三条`, `${CF}第六十七条`, `${CF}第六十八条`, `${CF}第六十九条`],
      note: '罚缴分离：到指定银行或通过电子支付系统缴纳；依法当场收缴的出具专用票据并按期交至银行。',
    },
    archiveStage,
  ],
};

/** 行政强制措施：查封、扣押. */
export const seizureProcess: ProcessDefinition = {
  id: 'seizure',
  actKind: 'coercion',
  title: '行政强制措施（查封、扣押）流程',
  summary:
    '实施前向行政机关负责人报告并经批准（情况紧急的二十四小时内补办）；由两名以上执法人员实施，出示证件，通知当事人到场，告知理由、依据和权利，听取陈述申辩，制作现场笔录并全程音像记录；当场交付决定书和清单；期限不超过三十日，情况复杂经批准可延长一次且不超过三十日；期限内作出解除、没收或移送等处理决定。',
  initial: 'approve',
  legalBasis: [QZ, SANXIANG],
  stages: [
    {
      id: 'approve',
      label: '报批',
      actors: ['officer'],
      approvers: ['agency_head'],
      next: [{ to: 'notifyParty' }],
      documents: ['查封（扣押）审批表'],
      recording: textOnly,
      legalBasis: [`${QZ}第十八条第一项`, `${QZ}第十九条`],
      note: '情况紧急需当场实施的，二十四小时内向行政机关负责人报告并补办批准手续。',
    },
    {
      id: 'notifyParty',
      label: '通知当事人到场并告知',
      actors: ['officer'],
      assistants: ['auxiliary'],
      twoOfficers: true,
      next: [{ to: 'record' }],
      documents: [],
      recording: fullProcess,
      legalBasis: [`${QZ}第十八条第二项至第六项`],
      note: '出示执法证件，告知理由、依据、权利和救济途径，听取陈述申辩；当事人不到场的，邀请见证人到场。',
    },
    {
      id: 'record',
      label: '现场笔录与音像记录',
      actors: ['officer'],
      assistants: ['auxiliary'],
      twoOfficers: true,
      next: [{ to: 'decide' }],
      documents: ['现场笔录'],
      recording: fullProcess,
      legalBasis: [`${QZ}第十八条第七项至第九项`, SANXIANG],
    },
    {
      id: 'decide',
      label: '查封（扣押）决定书及清单',
      actors: ['officer'],
      twoOfficers: true,
      next: [{ to: 'serve' }],
      documents: ['查封（扣押）决定书', '查封（扣押）财物清单'],
      recording: fullProcess,
      legalBasis: [`${QZ}第二十四条`, `${QZ}第二十五条第一款`],
      note: '查封、扣押期限不得超过三十日（本辖区设置）。',
    },
    {
      id: 'serve',
      label: '送达',
      actors: ['officer'],
      assistants: ['auxiliary'],
      next: [{ to: 'extend' }, { to: 'dispose' }],
      documents: ['送达回证'],
      recording: asNeeded,
      legalBasis: [`${QZ}第二十四条第一款`],
      note: '决定书和清单一式二份，当场交付当事人。',
    },
    {
      id: 'extend',
      label: '延长期限',
      condition: 'seizureExtensionNeeded',
      actors: ['officer'],
      approvers: ['agency_head'],
      next: [{ to: 'dispose' }],
      documents: ['延长查封（扣押）期限审批表', '延长查封（扣押）期限决定书'],
      recording: textOnly,
      legalBasis: [`${QZ}第二十五条第一款`, `${QZ}第二十五条第二款`],
      note: '经行政机关负责人批准，可延长一次，延长期限不超过三十日，并书面告知当事人理由。',
    },
    {
      id: 'dispose',
      label: '处理决定',
      actors: ['officer'],
      approvers: ['agency_head'],
      next: [{ to: 'close' }],
      documents: ['解除查封（扣押）决定书', '财物退还清单', '涉嫌犯罪案件移送书'],
      recording: asNeeded,
      outcomes: [
        { id: 'release', label: '解除' },
        { id: 'confiscate', label: '没收（依法作出处罚决定）' },
        { id: 'destroy', label: '依法销毁' },
        { id: 'transfer', label: '移送' },
      ],
      legalBasis: [`${QZ}第二十一条`, `${QZ}第二十七条`, `${QZ}第二十八条`],
      note: '检测、检验、检疫或者技术鉴定的期间不计入查封、扣押期限，但应当明确并书面告知当事人。',
    },
    {
      id: 'close',
      label: '结案',
      actors: ['officer'],
      approvers: ['unit_head'],
      next: [{ to: 'archive' }],
      documents: ['结案报告'],
      recording: textOnly,
      legalBasis: [SANXIANG],
    },
    archiveStage,
  ],
};

/** 行政检查. */
export const inspectionProcess: ProcessDefinition = {
  id: 'inspection',
  actKind: 'inspection',
  title: '行政检查流程',
  summary:
    '按检查计划或任务（双随机抽查、专项检查、投诉举报核查、上级交办）实施；两名以上执法人员出示执法证件，依法检查并制作现场检查笔录；根据检查结果作出处理：未发现问题的记录在案，发现违法的责令改正，应当给予行政处罚的转入立案程序；检查结果依法公开后归档。',
  initial: 'plan',
  legalBasis: [CF, SUIJI, SANXIANG],
  stages: [
    {
      id: 'plan',
      label: '检查计划（任务）',
      actors: ['officer'],
      approvers: ['unit_head'],
      next: [{ to: 'identify' }],
      documents: ['检查计划', '检查任务单'],
      recording: textOnly,
      sources: [
        { id: 'random', label: '双随机抽查' },
        { id: 'special', label: '专项检查' },
        { id: 'complaint', label: '投诉举报核查' },
        { id: 'assigned', label: '上级交办' },
      ],
      legalBasis: [SUIJI],
    },
    {
      id: 'identify',
      label: '表明身份',
      actors: ['officer'],
      assistants: ['auxiliary'],
      twoOfficers: true,
      next: [{ to: 'inspect' }],
      documents: [],
      recording: asNeeded,
      legalBasis: [`${CF}第五十五条第一款`],
      note: '主动出示执法证件；当事人有权要求出示。',
    },
    {
      id: 'inspect',
      label: '检查',
      actors: ['officer'],
      assistants: ['auxiliary'],
      twoOfficers: true,
      next: [{ to: 'record' }],
      documents: [],
      recording: asNeeded,
      legalBasis: [`${CF}第五十四条第一款`, `${CF}第五十五条第二款`],
    },
    {
      id: 'record',
      label: '现场检查笔录',
      actors: ['officer'],
      twoOfficers: true,
      next: [{ to: 'handle' }],
      documents: ['现场检查笔录'],
      recording: asNeeded,
      legalBasis: [`${CF}第五十五条第二款`],
    },
    {
      id: 'handle',
      label: '处理',
      actors: ['officer'],
      approvers: ['unit_head'],
      next: [{ to: 'archive' }],
      documents: ['责令改正通知书', '案件来源登记表（转立案）'],
      recording: textOnly,
      outcomes: [
        { id: 'noIssue', label: '未发现问题' },
        { id: 'rectify', label: '责令改正' },
        { id: 'register', label: '转立案' },
      ],
      legalBasis: [`${CF}第二十八条第一款`, `${CF}第五十四条`],
      note: '转立案的，以检查发现为案件来源进入行政处罚普通程序。',
    },
    archiveStage,
  ],
};

/** 行政许可 (short definition). */
export const licensingProcess: ProcessDefinition = {
  id: 'licensing',
  actKind: 'licensing',
  title: '行政许可流程',
  summary:
    '申请人提出申请；材料齐全、符合法定形式的予以受理，不齐全的当场或五日内一次告知补正，不属于本机关职权的不予受理；审查申请材料，需要核查的指派两名以上工作人员核查；依法应当听证或申请人、利害关系人申请听证的组织听证；重大决定经法制审核；作出准予或不予许可决定，依法送达或颁发许可证件后归档。',
  initial: 'apply',
  legalBasis: [XK, SANXIANG],
  stages: [
    {
      id: 'apply',
      label: '申请',
      actors: ['officer'],
      next: [{ to: 'accept' }],
      documents: ['行政许可申请书'],
      recording: textOnly,
      legalBasis: [`${XK}第二十九条`],
    },
    {
      id: 'accept',
      label: '受理',
      actors: ['officer'],
      next: [
        { to: 'review', outcomes: ['accept'] },
        { to: 'archive', label: '不予受理', outcomes: ['reject'] },
      ],
      documents: ['受理通知书', '补正材料通知书', '不予受理决定书'],
      recording: textOnly,
      outcomes: [
        { id: 'accept', label: '受理' },
        { id: 'reject', label: '不予受理' },
      ],
      legalBasis: [`${XK}第三十二条`],
    },
    {
      id: 'review',
      label: '审查',
      actors: ['officer'],
      approvers: ['unit_head'],
      next: [{ to: 'hear' }, { to: 'legalReview' }, { to: 'decide' }],
      documents: ['审查意见', '现场核查笔录'],
      recording: asNeeded,
      legalBasis: [`${XK}第三十四条`, `${XK}第三十六条`],
    },
    {
      id: 'hear',
      label: '听证',
      condition: 'licensingHearing',
      actors: ['legal_reviewer', 'officer'],
      next: [{ to: 'legalReview' }, { to: 'decide' }],
      documents: ['听证告知书', '听证通知书', '听证笔录'],
      recording: asNeeded,
      legalBasis: [`${XK}第四十六条`, `${XK}第四十七条`, `${XK}第四十八条`],
    },
    {
      id: 'legalReview',
      label: '法制审核',
      condition: 'majorDecision',
      actors: ['legal_reviewer'],
      next: [{ to: 'decide' }],
      documents: ['法制审核意见书'],
      recording: textOnly,
      legalBasis: [SANXIANG],
    },
    {
      id: 'decide',
      label: '决定',
      actors: ['agency_head'],
      next: [{ to: 'serve' }],
      documents: ['准予行政许可决定书', '不予行政许可决定书'],
      recording: textOnly,
      outcomes: [
        { id: 'grant', label: '准予许可' },
        { id: 'refuse', label: '不予许可' },
      ],
      legalBasis: [`${XK}第三十七条`, `${XK}第三十八条`, `${XK}第四十二条`],
    },
    {
      id: 'serve',
      label: '送达（颁发证件）',
      actors: ['officer'],
      next: [{ to: 'archive' }],
      documents: ['行政许可证件', '送达回证'],
      recording: textOnly,
      legalBasis: [`${XK}第四十四条`],
    },
    archiveStage,
  ],
};

/**
 * 行政征收 (short definition): only 国有土地上房屋征收 under its State Council
 * regulation. Land expropriation (土地管理法) and requisition (征用) differ and
 * are not modelled.
 */
export const expropriationProcess: ProcessDefinition = {
  id: 'expropriation',
  actKind: 'expropriation',
  title: '行政征收（国有土地上房屋征收）流程',
  summary:
    '房屋征收部门拟定征收补偿方案，经论证后公布征求公众意见（不少于三十日）；旧城区改建多数被征收人认为方案不符合规定的组织听证会；进行社会稳定风险评估，经法制审核后由市、县级人民政府作出房屋征收决定并公告；签订补偿协议或者作出补偿决定；被征收人在法定期限内不申请复议、不起诉又不搬迁的，申请人民法院强制执行。',
  initial: 'plan',
  legalBasis: [FW, SANXIANG],
  stages: [
    {
      id: 'plan',
      label: '拟定征收补偿方案',
      actors: ['officer'],
      approvers: ['unit_head'],
      next: [{ to: 'consult' }],
      documents: ['征收补偿方案'],
      recording: textOnly,
      legalBasis: [`${FW}第十条第一款`],
    },
    {
      id: 'consult',
      label: '论证并征求公众意见',
      actors: ['officer'],
      approvers: ['agency_head'],
      next: [{ to: 'hear' }, { to: 'assess' }],
      documents: ['征求意见公告', '征求意见情况和修改情况公告'],
      recording: textOnly,
      legalBasis: [`${FW}第十条第二款`, `${FW}第十一条第一款`],
      note: '征求意见期限不得少于三十日。',
    },
    {
      id: 'hear',
      label: '听证会',
      condition: 'expropriationHearing',
      actors: ['agency_head', 'officer'],
      next: [{ to: 'assess' }],
      documents: ['听证会记录'],
      recording: asNeeded,
      legalBasis: [`${FW}第十一条第二款`],
    },
    {
      id: 'assess',
      label: '社会稳定风险评估',
      actors: ['officer'],
      next: [{ to: 'legalReview' }],
      documents: ['社会稳定风险评估报告'],
      recording: textOnly,
      legalBasis: [`${FW}第十二条第一款`],
    },
    {
      id: 'legalReview',
      label: '法制审核',
      actors: ['legal_reviewer'],
      next: [{ to: 'decide' }],
      documents: ['法制审核意见书'],
      recording: textOnly,
      legalBasis: [SANXIANG],
    },
    {
      id: 'decide',
      label: '征收决定',
      actors: ['agency_head'],
      next: [{ to: 'announce' }],
      documents: ['房屋征收决定'],
      recording: textOnly,
      legalBasis: [`${FW}第八条`, `${FW}第十二条`],
      note: '被征收人数量较多的，经政府常务会议讨论决定。',
    },
    {
      id: 'announce',
      label: '公告',
      actors: ['officer'],
      next: [{ to: 'compensate' }],
      documents: ['房屋征收决定公告'],
      recording: textOnly,
      legalBasis: [`${FW}第十三条`],
    },
    {
      id: 'compensate',
      label: '补偿',
      actors: ['officer'],
      approvers: ['agency_head'],
      next: [{ to: 'execute' }, { to: 'archive' }],
      documents: ['征收补偿协议', '补偿决定书'],
      recording: asNeeded,
      outcomes: [
        { id: 'agreement', label: '签订补偿协议' },
        { id: 'decision', label: '作出补偿决定' },
      ],
      legalBasis: [`${FW}第二十五条`, `${FW}第二十六条`, `${FW}第二十七条`],
    },
    {
      id: 'execute',
      label: '申请强制执行',
      condition: 'compulsoryExecution',
      actors: ['officer'],
      approvers: ['agency_head'],
      next: [{ to: 'archive' }],
      documents: ['强制执行申请书'],
      recording: asNeeded,
      legalBasis: [`${FW}第二十八条`],
    },
    archiveStage,
  ],
};

export const processDefinitions: Readonly<Record<ProcessKind, ProcessDefinition>> = {
  penaltyGeneral: penaltyGeneralProcess,
  penaltySimple: penaltySimpleProcess,
  seizure: seizureProcess,
  inspection: inspectionProcess,
  licensing: licensingProcess,
  expropriation: expropriationProcess,
};

export function processDefinition(kind: ProcessKind): ProcessDefinition {
  return processDefinitions[kind];
}

export function findStage(definition: ProcessDefinition, id: StageId): StageDefinition | undefined {
  return definition.stages.find((stage) => stage.id === id);
}

/**
 * Arrows that go back (close a cycle), as `from>to` keys: found depth-first from
 * the first stage, following arrows in definition order — e.g. 法制审核 退回补充调查.
 * Without them a definition is a DAG, the order its flowchart is drawn in.
 */
export function backTransitions(definition: ProcessDefinition): Set<string> {
  const state = new Map<StageId, 'active' | 'done'>();
  const back = new Set<string>();
  const visit = (id: StageId) => {
    state.set(id, 'active');
    for (const transition of findStage(definition, id)?.next ?? []) {
      const seen = state.get(transition.to);
      if (seen === 'active') back.add(`${id}>${transition.to}`);
      else if (!seen) visit(transition.to);
    }
    state.set(id, 'done');
  };
  visit(definition.initial);
  for (const stage of definition.stages) if (!state.has(stage.id)) visit(stage.id);
  return back;
}

/**
 * Structural problems of a definition, in English for developers (empty when
 * sound): unknown targets, duplicate ids, unreachable stages, no terminal stage,
 * transitions restricted to outcomes the stage does not have.
 */
export function definitionProblems(definition: ProcessDefinition): string[] {
  const problems: string[] = [];
  const ids = new Set<StageId>();
  for (const stage of definition.stages) {
    if (ids.has(stage.id)) problems.push(`duplicate stage ${stage.id}`);
    ids.add(stage.id);
  }
  if (!ids.has(definition.initial)) problems.push(`initial stage ${definition.initial} missing`);
  for (const stage of definition.stages) {
    if (!stage.label.trim()) problems.push(`${stage.id}: empty label`);
    if (stage.actors.length === 0) problems.push(`${stage.id}: no actor`);
    if (stage.legalBasis.length === 0) problems.push(`${stage.id}: no legal basis`);
    if (stage.condition && !conditionLabels[stage.condition]) problems.push(`${stage.id}: unknown condition`);
    if (stage.recording.requirement !== 'none' && stage.recording.kinds.length === 0)
      problems.push(`${stage.id}: recording required but no kind accepted`);
    const targets = new Set<StageId>();
    for (const transition of stage.next) {
      if (!ids.has(transition.to)) problems.push(`${stage.id} → ${transition.to}: unknown target`);
      if (targets.has(transition.to)) problems.push(`${stage.id} → ${transition.to}: duplicate transition`);
      targets.add(transition.to);
      for (const outcome of transition.outcomes ?? []) {
        if (!stage.outcomes?.some((o) => o.id === outcome))
          problems.push(`${stage.id} → ${transition.to}: unknown outcome ${outcome}`);
      }
    }
  }
  const reached = new Set<StageId>([definition.initial]);
  const queue: StageId[] = [definition.initial];
  while (queue.length > 0) {
    const stage = findStage(definition, queue.shift()!);
    for (const transition of stage?.next ?? []) {
      if (!reached.has(transition.to)) {
        reached.add(transition.to);
        queue.push(transition.to);
      }
    }
  }
  for (const id of ids) if (!reached.has(id)) problems.push(`${id}: unreachable`);
  if (!definition.stages.some((stage) => stage.next.length === 0)) problems.push('no terminal stage');
  return problems;
}
