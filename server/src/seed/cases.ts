/**
 * Demo cases of the county bureau, in different stages, with generated
 * parties (names from the demo name generator, no ID numbers). Dates are
 * relative to the seeding day, so the demo always shows running clocks: a
 * defence period, a service period, a case limit close to its end.
 *
 * Each case's stream carries what the seed did: its registration, its team and
 * the stages passed as events by no one (actor null); and, at each stage it
 * passed, what the API would have added there, by the demo user who would have
 * done it — the 现场笔录, the recordings (stored in the evidence store with their
 * capture metadata, on their own evidence:<id> stream, and linked to the stage),
 * and the 执法文书 the stage produces, rendered from the case's own fields,
 * numbered and signed. So the archived case's file passes the archive check.
 */
import {
  addCalendarDays,
  creditCodeCheckChar,
  type DocumentKindId,
  type IsoDate,
  idNumberCheckChar,
  type ProcessKind,
  processDefinition,
  type RuleContext,
  type StageId,
  shanghaiDateOf,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { CaseOfficerRole, DB } from '../db/schema.js';
import type { CurrentUser } from '../http/session.js';
import { appendEvent } from '../ledger/append.js';
import { type CaseRecordRow, caseFields, mergeCaseData } from '../modules/cases/case-fields.js';
import { requireProducible } from '../modules/cases/documents.js';
import { type LoadedCase, loadCaseFacts } from '../modules/cases/facts.js';
import { partyColumns } from '../modules/cases/party.js';
import { recordContentSchemas, type StoredFacts } from '../modules/cases/schema.js';
import { caseStream, linkEvidence } from '../modules/cases/service.js';
import { dataSchema } from '../modules/documents/render.js';
import { chineseDate, type RenderDeps, renderDocument } from '../modules/documents/service.js';
import { storeContent } from '../modules/documents/templates.js';
import { detectMediaType } from '../modules/evidence/media-type.js';
import { recordEvidence } from '../modules/evidence/service.js';
import { captureFields } from '../modules/evidence/upload.js';
import { ruleContext } from '../modules/settings/rule-context.js';
import { demoName } from './certificates.js';
import { demoPhoto, demoVideo } from './media.js';

interface DemoCase {
  title: string;
  processKind: ProcessKind;
  source: string;
  party: { kind: 'individual' | 'organisation'; name: string };
  /** Days before the seeding day the act came to notice (and was registered). */
  daysAgo: number;
  /** Stages passed, in order; the last is where the case is now. */
  path: StageId[];
  facts: (today: IsoDate) => StoredFacts;
  major?: boolean;
  archived?: boolean;
  /** A seizure recorded on site: video at 通知到场 and 现场笔录, a photo at 现场笔录. */
  recorded?: boolean;
}

const fine = (yuan: number) => ({ kinds: ['fine' as const], fineFen: yuan * 100 });
const violation = (on: IsoDate) => ({ occurredOn: on, continuing: false, severeHarm: false });
const ago = (today: IsoDate, days: number) => addCalendarDays(today, -days);
const general: StageId[] = ['intake', 'register', 'investigate', 'review', 'notify'];
const reasons = {
  evidence: '现场检查笔录、询问笔录及现场照片相互印证，足以认定违法事实',
  basis: '《中华人民共和国道路运输条例》相关条款',
  discretion: '依照本局行政处罚裁量基准，当事人首次违法且积极配合调查，在基准幅度内从轻处罚',
};

const demoCases: DemoCase[] = [
  {
    title: '群众投诉客运车辆站外揽客',
    processKind: 'penaltyGeneral',
    source: 'complaint',
    party: { kind: 'individual', name: demoName(60) },
    daysAgo: 1,
    path: ['intake'],
    facts: (today) => ({ discoveredOn: ago(today, 1), violation: violation(ago(today, 3)) }),
  },
  {
    title: '未取得道路运输经营许可擅自从事经营',
    processKind: 'penaltyGeneral',
    source: 'inspection',
    party: { kind: 'organisation', name: `示例县${demoName(61)}货运部` },
    daysAgo: 80,
    path: ['intake', 'register', 'investigate'],
    facts: (today) => ({ discoveredOn: ago(today, 80), violation: violation(ago(today, 81)) }),
  },
  {
    title: '货运车辆未按规定携带道路运输证',
    processKind: 'penaltyGeneral',
    source: 'remoteMonitoring',
    party: { kind: 'individual', name: demoName(62) },
    daysAgo: 20,
    path: general,
    facts: (today) => ({
      discoveredOn: ago(today, 20),
      violation: violation(ago(today, 21)),
      proposal: fine(500),
      proposalRevision: 1,
      priorNotice: { servedOn: ago(today, 2), proposal: fine(500), hearingRightNotified: false },
    }),
  },
  {
    title: '危险货物运输车辆未按规定线路行驶',
    processKind: 'penaltyGeneral',
    source: 'referral',
    party: { kind: 'organisation', name: `示例县${demoName(63)}危险品运输有限公司` },
    daysAgo: 40,
    path: [...general, 'legalReview'],
    major: true,
    facts: (today) => ({
      discoveredOn: ago(today, 40),
      violation: violation(ago(today, 42)),
      proposal: fine(150_000),
      proposalRevision: 1,
      priorNotice: { servedOn: ago(today, 20), proposal: fine(150_000), hearingRightNotified: true },
      defence: { heardOn: ago(today, 17) },
      hearing: { waived: true },
    }),
  },
  {
    title: '出租汽车拒载',
    processKind: 'penaltyGeneral',
    source: 'complaint',
    party: { kind: 'individual', name: demoName(64) },
    daysAgo: 30,
    path: [...general, 'decide', 'serve'],
    facts: (today) => ({
      discoveredOn: ago(today, 30),
      violation: violation(ago(today, 31)),
      proposal: fine(200),
      proposalRevision: 1,
      priorNotice: { servedOn: ago(today, 12), proposal: fine(200), hearingRightNotified: false },
      defence: { waived: true },
      decision: { outcome: 'penalty', decidedOn: ago(today, 3), penalty: fine(200), reasons },
    }),
  },
  {
    title: '普通货运车辆超限运输',
    processKind: 'penaltyGeneral',
    source: 'inspection',
    party: { kind: 'organisation', name: `示例县${demoName(68)}物流有限公司` },
    daysAgo: 45,
    path: [...general, 'decide', 'serve', 'execute'],
    // At 执行 with the fine in two parts (N8, art. 66): the first paid at the bank, the second due.
    facts: (today) => ({
      discoveredOn: ago(today, 45),
      violation: violation(ago(today, 46)),
      proposal: fine(3000),
      proposalRevision: 1,
      priorNotice: { servedOn: ago(today, 35), proposal: fine(3000), hearingRightNotified: false },
      defence: { waived: true },
      decision: { outcome: 'penalty', decidedOn: ago(today, 25), penalty: fine(3000), reasons },
      service: { servedOn: ago(today, 24), method: 'direct' },
      payment: {
        fineFen: 300_000,
        instalments: {
          parts: [
            { dueOn: ago(today, 9), amountFen: 150_000 },
            { dueOn: ago(today, -30), amountFen: 150_000 },
          ],
          approvedOn: ago(today, 20),
          reason: '当事人经营困难，申请分两期缴纳',
        },
        payments: [
          { paidOn: ago(today, 10), amountFen: 150_000, channel: 'bank', bankReference: 'DEMO-BANK-0002' },
        ],
      },
    }),
  },
  {
    title: '扣押非法营运车辆',
    processKind: 'seizure',
    source: 'inspection',
    party: { kind: 'individual', name: demoName(65) },
    daysAgo: 0,
    path: ['approve', 'notifyParty'],
    facts: (today) => ({ discoveredOn: today, seizureApproval: { approvedOn: today, emergency: false } }),
  },
  {
    title: '扣押无道路运输证营运车辆',
    processKind: 'seizure',
    source: 'inspection',
    party: { kind: 'individual', name: demoName(67) },
    daysAgo: 1,
    path: ['approve', 'notifyParty', 'record'],
    recorded: true,
    facts: (today) => ({
      discoveredOn: ago(today, 1),
      seizureApproval: { approvedOn: ago(today, 1), emergency: false },
    }),
  },
  {
    title: '客运班车未按核定站点停靠',
    processKind: 'penaltyGeneral',
    source: 'inspection',
    party: { kind: 'organisation', name: `示例县${demoName(66)}客运有限公司` },
    daysAgo: 75,
    path: [...general, 'decide', 'serve', 'execute', 'close', 'archive'],
    archived: true,
    facts: (today) => ({
      discoveredOn: ago(today, 75),
      violation: violation(ago(today, 76)),
      proposal: fine(1000),
      proposalRevision: 1,
      priorNotice: { servedOn: ago(today, 50), proposal: fine(1000), hearingRightNotified: false },
      defence: { heardOn: ago(today, 48) },
      decision: { outcome: 'penalty', decidedOn: ago(today, 40), penalty: fine(1000), reasons },
      service: { servedOn: ago(today, 39), method: 'direct' },
      payment: {
        fineFen: 100_000,
        payments: [
          { paidOn: ago(today, 30), amountFen: 100_000, channel: 'bank', bankReference: 'DEMO-BANK-0001' },
        ],
      },
    }),
  },
];

/** The outcome recorded on leaving a stage, where the next stage depends on it. */
const outcomes: Partial<Record<StageId, string>> = {
  intake: 'register',
  review: 'penalty',
  decide: 'penalty',
};

const demoTeam: [string, CaseOfficerRole][] = [
  ['officer1', 'lead'],
  ['officer2', 'assisting'],
  ['auxiliary1', 'assistant'],
];

/** Who does what the API would have been asked for: the lead officer records, the head signs. */
const actors = ['officer1', 'unithead1', 'head1'] as const;
type Actor = (typeof actors)[number];

const place = '示例县城关镇客运站';
const bureau = '示例县交通运输局综合行政执法大队';
const paymentText =
  '自收到本决定书之日起十五日内，到示例县农村商业银行缴纳罚款（账户：示例县财政局非税收入专户，账号 9999 0000 0000 0001）';

interface SeedContext {
  trx: Kysely<DB>;
  deps: RenderDeps;
  now: Date;
  today: IsoDate;
  rule: RuleContext;
  agencyId: string;
  users: Map<Actor, CurrentUser>;
}

/** Generated details of a demo party (fictitious region 990121; check digits valid). */
function demoParty(demo: DemoCase, index: number) {
  const n = String(index + 1).padStart(3, '0');
  const address = `示例县城关镇示范路${index + 1}号`;
  if (demo.party.kind === 'individual') {
    const first17 = `99012119850315${n}`;
    return { idNumber: first17 + idNumberCheckChar(first17), address, phone: `1390000${n.padStart(4, '0')}` };
  }
  const first17 = `91990121MA0000${n}`;
  return { idNumber: first17 + creditCodeCheckChar(first17), address, representative: demoName(70 + index) };
}

const opinions = {
  register: {
    unit_head: '经初步核实，有违法事实，建议立案调查。',
    agency_head: '同意立案，由赵执法、钱执法承办。',
  },
  close: { unit_head: '案件已办结，建议结案。', agency_head: '同意结案。' },
} as const;

/** 立案's and 结案's approval chains, given on the way through them (issue 16): 承办机构负责人, then 机关负责人. */
function approvalsOf(
  demo: DemoCase,
  users: Map<Actor, CurrentUser>,
  on: IsoDate,
): Pick<StoredFacts, 'approvals'> {
  const stages = processDefinition(demo.processKind).stages;
  const passed = stages.filter(
    (s) => demo.path.slice(0, -1).includes(s.id) && (s.approvers?.length ?? 0) > 1,
  );
  if (passed.length === 0) return {};
  const by = { unit_head: users.get('unithead1')!, agency_head: users.get('head1')! } as const;
  return {
    approvals: passed.flatMap((stage) =>
      (['unit_head', 'agency_head'] as const).map((role) => ({
        stage: stage.id,
        role,
        userId: by[role].id,
        name: by[role].displayName,
        opinion: opinions[stage.id === 'register' ? 'register' : 'close'][role],
        approvedOn: on,
      })),
    ),
  };
}

/** One case being seeded: its demo entry, its stored facts, the case as loaded for the rules. */
interface SeedCase {
  demo: DemoCase;
  facts: StoredFacts;
  loaded: LoadedCase;
  stream: { streamId: string; agencyId: string };
  /** 现场笔录 made at a stage, for the document made from it. */
  record?: CaseRecordRow;
  /** Numbers of documents rendered so far, by kind. */
  numbers: Map<DocumentKindId, string | null>;
  /** The recording stored at one stage and linked again at the next. */
  video?: string;
}

/** The facts as the notice and decision state them, after their own 经查，你（单位）. */
const narrative = (demo: DemoCase) => `存在“${demo.title}”的违法行为，有现场检查笔录、现场照片等证据证实。`;
/** The 简要案情 of the 立案审批表, which has no lead-in of its own. */
const summary = (demo: DemoCase) =>
  `当事人${demo.party.name}涉嫌“${demo.title}”，经初步核实，有现场检查笔录、现场照片为证。`;

/** A 现场笔录 of the stage, added as `POST /api/cases/:id/records` would (row, then its event). */
async function addOnSiteRecord(
  ctx: SeedContext,
  c: SeedCase,
  stage: StageId,
  madeAt: string,
  content: unknown,
) {
  const officer = ctx.users.get('officer1')!;
  const parsed = recordContentSchemas.onSite.parse(content);
  const row = await ctx.trx
    .insertInto('case_record')
    .values({
      case_id: c.loaded.row.id,
      agency_id: ctx.agencyId,
      kind: 'onSite',
      stage,
      content: JSON.stringify(parsed),
      made_at: new Date(madeAt),
      recorded_by: officer.id,
      recorded_at: ctx.now,
    })
    .returning(['id', 'kind', 'content', 'made_at'])
    .executeTakeFirstOrThrow();
  await appendEvent(
    ctx.trx,
    {
      ...c.stream,
      actorId: officer.id,
      kind: 'case.recordAdded',
      payload: { recordId: row.id, kind: 'onSite', stage, madeAt, content: parsed },
    },
    ctx.now,
  );
  c.record = row;
}

/**
 * A document of the case as `POST /api/cases/:id/documents` renders it: only a
 * kind a reached stage produces, the fields the case holds filled from it, and
 * `extra` supplying only what the case does not hold; signed by `signer`.
 */
async function renderCaseDocument(
  ctx: SeedContext,
  c: SeedCase,
  kind: DocumentKindId,
  signer: Actor,
  extra: Record<string, unknown>,
  record?: CaseRecordRow,
): Promise<string | null> {
  requireProducible(c.loaded, kind);
  const filled = await caseFields(
    kind,
    c.loaded,
    { db: ctx.trx, cipher: ctx.deps.cipher, rule: ctx.rule },
    record,
  );
  const given = Object.fromEntries(Object.entries(extra).filter(([name]) => !Object.hasOwn(filled, name)));
  const data = dataSchema(kind).parse(mergeCaseData(filled, given));
  const user = ctx.users.get(signer)!;
  const id = await renderDocument(
    ctx.trx,
    ctx.deps,
    {
      agencyId: ctx.agencyId,
      kind,
      streamId: caseStream(c.loaded.row.id),
      data,
      signerId: user.id,
      actorId: user.id,
    },
    ctx.now,
  );
  const { number } = await ctx.trx
    .selectFrom('document')
    .select('number')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  c.numbers.set(kind, number);
  return number;
}

/**
 * Generated media stored as an upload would be (content first, type told from
 * the bytes, capture metadata checked by the upload's schema, then the row and
 * its `evidence.stored` event), uploaded by the lead officer.
 */
async function storeRecording(
  ctx: SeedContext,
  content: Buffer,
  originalName: string,
  fields: Record<string, string>,
): Promise<string> {
  const mediaType = await detectMediaType(content);
  const digest = await storeContent(ctx.deps.evidence, content);
  return recordEvidence(
    ctx.trx,
    ctx.users.get('officer1')!,
    { digest, mediaType, originalName, fields: captureFields.parse(fields) },
    ctx.now,
  );
}

/** Links evidence to a stage the case was at, as `POST /api/cases/:id/evidence` did there. */
async function linkToStage(
  ctx: SeedContext,
  c: SeedCase,
  stage: StageId,
  input: { evidenceId: string; recordingKind: 'video' | 'photo'; description: string },
) {
  const officer = ctx.users.get('officer1')!;
  const linked = await linkEvidence(ctx.trx, { ...c.loaded.row, stage }, input, officer, ctx.now);
  await appendEvent(
    ctx.trx,
    {
      ...c.stream,
      actorId: officer.id,
      kind: 'case.evidenceLinked',
      payload: {
        evidenceId: input.evidenceId,
        stage: linked.stage,
        recordingKind: input.recordingKind,
        partyName: null,
        description: input.description,
      },
    },
    ctx.now,
  );
}

/** What the API would have added while the case was at `stage`. */
async function atStage(ctx: SeedContext, c: SeedCase, stage: StageId) {
  const { demo, facts } = c;
  const registeredOn = ago(ctx.today, demo.daysAgo);
  const officers = ['赵执法', '钱执法'];
  switch (stage) {
    case 'register':
      await renderCaseDocument(ctx, c, 'filingApproval', 'head1', {
        facts: summary(demo),
      });
      break;
    case 'investigate':
      await addOnSiteRecord(ctx, c, stage, `${registeredOn}T09:30:00+08:00`, {
        place,
        inspectors: officers,
        present: [demo.party.kind === 'individual' ? demo.party.name : `${demo.party.name}负责人`],
        findings: `现场检查发现当事人${demo.party.name}存在“${demo.title}”的情形，已拍照取证；当事人在场，对检查情况无异议。`,
        endedAt: `${registeredOn}T10:10:00+08:00`,
      });
      await renderCaseDocument(ctx, c, 'sceneRecord', 'officer1', {}, c.record);
      break;
    case 'notify': {
      const notice = facts.priorNotice;
      const number = await renderCaseDocument(ctx, c, 'priorNotice', 'unithead1', {
        facts: narrative(demo),
        evidence: '现场检查笔录、现场照片。',
        basis: reasons.basis,
        ...(notice?.hearingRightNotified && {
          hearingRight: '你（单位）有权要求听证，应当在收到本告知书之日起五日内提出。',
        }),
        replyDeadline: '收到本告知书之日起五日内',
      });
      // The receipt of the notice; a case served later holds its decision's service, not this one's.
      if (notice && !facts.service)
        await renderCaseDocument(ctx, c, 'serviceReceipt', 'officer1', {
          servedDocument: `行政处罚事先告知书（${number}）`,
          servedAt: chineseDate(notice.servedOn),
          place: bureau,
          method: '直接送达',
        });
      break;
    }
    case 'decide':
      await renderCaseDocument(ctx, c, 'penaltyDecision', 'head1', {
        facts: narrative(demo),
        defence: '当事人陈述申辩称系初次违法，请求从轻处罚；本机关已在裁量中予以考虑。',
        payment: paymentText,
      });
      break;
    case 'serve':
      if (facts.service)
        await renderCaseDocument(ctx, c, 'serviceReceipt', 'officer1', {
          servedDocument: `行政处罚决定书（${c.numbers.get('penaltyDecision')}）`,
          place: bureau,
        });
      break;
    case 'execute':
      // The plan approved at 执行 has its 审批表; everything in it comes from the case.
      if (facts.payment?.instalments || facts.payment?.deferral)
        await renderCaseDocument(ctx, c, 'paymentPlanApproval', 'head1', {});
      break;
    case 'close':
      await renderCaseDocument(ctx, c, 'closingReport', 'head1', {
        summary:
          '本案经立案、调查取证、事先告知、听取陈述申辩，依法作出行政处罚决定并送达，当事人已全额缴纳罚款。',
      });
      break;
    case 'notifyParty':
    case 'record':
      if (!demo.recorded) break;
      await seizureRecording(ctx, c, stage, registeredOn);
      break;
  }
}

/** The seizure recorded on site: the body-camera video at 通知到场 and 现场笔录, a photo, the 现场笔录. */
async function seizureRecording(ctx: SeedContext, c: SeedCase, stage: StageId, on: IsoDate) {
  const capture = { capturedBy: '赵执法', location: place, deviceId: '执法记录仪 DEMO-01' };
  if (stage === 'notifyParty') {
    const video = await storeRecording(ctx, demoVideo(95), 'DEMO-01_现场执法.mp4', {
      ...capture,
      capturedAt: `${on}T09:00:00+08:00`,
      durationSeconds: '95',
    });
    c.video = video;
    await linkToStage(ctx, c, stage, {
      evidenceId: video,
      recordingKind: 'video',
      description: '通知当事人到场，出示执法证件，告知理由、依据和权利，全程录像',
    });
    return;
  }
  await linkToStage(ctx, c, stage, {
    evidenceId: c.video!,
    recordingKind: 'video',
    description: '现场清点、扣押车辆，全程录像',
  });
  const photo = await storeRecording(ctx, demoPhoto(), '扣押车辆外观.png', {
    ...capture,
    capturedAt: `${on}T09:05:00+08:00`,
  });
  await linkToStage(ctx, c, stage, {
    evidenceId: photo,
    recordingKind: 'photo',
    description: '被扣押车辆外观照片',
  });
  await addOnSiteRecord(ctx, c, stage, `${on}T09:10:00+08:00`, {
    place,
    inspectors: ['赵执法', '钱执法'],
    present: [c.demo.party.name],
    findings: `当事人${c.demo.party.name}驾驶的小型客车（示A·D0001）未取得道路运输证从事客运经营，经批准依法扣押该车辆；当事人在场，执法记录仪全程录像。`,
    measures: `扣押车辆一辆，存放于${bureau}停车场。`,
    endedAt: `${on}T09:40:00+08:00`,
  });
  await renderCaseDocument(ctx, c, 'sceneRecord', 'officer1', {}, c.record);
}

export async function seedDemoCases(
  trx: Kysely<DB>,
  deps: RenderDeps,
  now: Date,
  ids: { county: string; shortName: string; persons: Map<string, string> },
): Promise<void> {
  const today = shanghaiDateOf(now);
  const people = await trx
    .selectFrom('person')
    .select(['id', 'name'])
    .where(
      'id',
      'in',
      demoTeam.map(([username]) => ids.persons.get(username)!),
    )
    .execute();
  const userRows = await trx
    .selectFrom('app_user as u')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.agency_id',
      'u.unit_id',
      'u.roles',
      'a.owns_deployment',
    ])
    .where('u.username', 'in', [...actors])
    .execute();
  // The seed acts as these users outside any session, as the routes would for them.
  const users = new Map(
    userRows.map((u) => [
      u.username as Actor,
      {
        id: u.id,
        username: u.username,
        displayName: u.display_name,
        agencyId: u.agency_id,
        unitId: u.unit_id,
        roles: u.roles,
        ownsDeployment: u.owns_deployment,
        restriction: null,
        totpEnabled: false,
        sessionId: '',
        csrfToken: '',
      } satisfies CurrentUser,
    ]),
  );
  const ctx: SeedContext = {
    trx,
    deps,
    now,
    today,
    rule: await ruleContext(trx, now),
    agencyId: ids.county,
    users,
  };
  let serial = 0;
  for (const [index, demo] of demoCases.entries()) {
    // The case registered in the field today knows only the party's name; the rest is completed on it.
    const party =
      demo.path.length > 1 ? partyColumns(demo.party.kind, demoParty(demo, index), deps.cipher, 'seed') : {};
    const facts = { ...demo.facts(today), ...approvalsOf(demo, users, ago(today, demo.daysAgo)) };
    const registered = demo.path.length > (demo.processKind === 'penaltyGeneral' ? 2 : 1);
    if (registered) serial += 1;
    const year = Number(today.slice(0, 4));
    const row = await trx
      .insertInto('enforcement_case')
      .values({
        agency_id: ids.county,
        ...(registered && {
          case_year: year,
          case_serial: serial,
          case_number: `${ids.shortName}案〔${year}〕${serial}号`,
          registered_on: ago(today, demo.daysAgo),
        }),
        process_kind: demo.processKind,
        stage: demo.path.at(-1)!,
        completed_stages: demo.path.slice(0, -1),
        title: demo.title,
        source: demo.source,
        party_kind: demo.party.kind,
        party_name: demo.party.name,
        party_id_number_cipher: null,
        party_id_number_masked: null,
        ...party,
        enforcement_item_id: null,
        facts: JSON.stringify(facts),
        major: demo.major ?? false,
        created_by: null,
        created_at: now,
        updated_at: now,
        archived_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const stream = { streamId: caseStream(row.id), agencyId: ids.county, actorId: null };
    await appendEvent(
      trx,
      {
        ...stream,
        kind: 'case.registered',
        payload: {
          processKind: demo.processKind,
          title: demo.title,
          source: demo.source,
          partyKind: demo.party.kind,
          partyName: demo.party.name,
          partyIdNumberMasked: party.party_id_number_masked ?? null,
          partyAddressMasked: party.party_address_masked ?? null,
          partyPhoneMasked: party.party_phone_masked ?? null,
          partyRepresentative: party.party_representative ?? null,
          enforcementItemId: null,
          discoveredOn: facts.discoveredOn ?? today,
          violation: facts.violation ?? null,
          stage: demo.path[0]!,
        },
      },
      now,
    );
    const officers = demoTeam.map(([username, role]) => ({ personId: ids.persons.get(username)!, role }));
    await trx
      .insertInto('case_officer')
      .values(
        officers.map((o) => ({
          case_id: row.id,
          agency_id: ids.county,
          person_id: o.personId,
          person_kind: o.role === 'assistant' ? ('auxiliary' as const) : ('officer' as const),
          role: o.role,
          assigned_by: null,
          assigned_at: now,
        })),
      )
      .execute();
    const named = officers.map((o) => ({ ...o, name: people.find((p) => p.id === o.personId)!.name }));
    await appendEvent(trx, { ...stream, kind: 'case.officersAssigned', payload: { officers: named } }, now);
    // The case as the rules see it (its team and stored facts), for the documents' fields.
    const loaded = (await loadCaseFacts(trx, [row])).get(row.id)!;
    const seeded: SeedCase = {
      demo,
      facts,
      loaded,
      stream: { streamId: stream.streamId, agencyId: ids.county },
      numbers: new Map(),
    };
    await atStage(ctx, seeded, demo.path[0]!);
    for (let i = 1; i < demo.path.length; i += 1) {
      await appendEvent(
        trx,
        {
          ...stream,
          kind: 'case.transitioned',
          payload: {
            from: demo.path[i - 1]!,
            to: demo.path[i]!,
            outcome: outcomes[demo.path[i - 1]!] ?? null,
            caseNumber: null,
            lateness: [],
          },
        },
        now,
      );
      await atStage(ctx, seeded, demo.path[i]!);
    }
    if (demo.archived)
      await trx.updateTable('enforcement_case').set({ archived_at: now }).where('id', '=', row.id).execute();
  }
}
