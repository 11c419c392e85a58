/**
 * Demo 培训台账 (Q3), 法制审核人员 (L2), 执法主体公示 (P2) and a 窗口公示牌 (P8)
 * for the county transport bureau: the year's training plan filed in February,
 * eight courses across the year with attendance so that most officers reach the
 * 60 hours and a few fall short, one exam, the two demo reviewers, a filled-in
 * profile and one service window. Phone numbers are placeholders (area code
 * 0000), the e-mail domain is reserved (.invalid); every name is invented.
 */
import { addCalendarDays, type IsoDate, shanghaiDateOf, type TrainingKind } from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { demoName } from './certificates.js';

const courses: { title: string; monthDay: string; hours: number; kind: TrainingKind; organiser: string }[] = [
  {
    title: '《中华人民共和国行政处罚法》专题培训',
    monthDay: '03-18',
    hours: 12,
    kind: 'legal',
    organiser: '局法制审核股',
  },
  {
    title: '习近平法治思想专题学习',
    monthDay: '04-15',
    hours: 8,
    kind: 'political',
    organiser: '局机关党委',
  },
  {
    title: '道路运输执法实务',
    monthDay: '05-20',
    hours: 16,
    kind: 'professional',
    organiser: '综合行政执法大队',
  },
  {
    title: '执法记录仪使用规范',
    monthDay: '06-17',
    hours: 4,
    kind: 'professional',
    organiser: '综合行政执法大队',
  },
  {
    title: '《中华人民共和国行政强制法》与查封扣押程序',
    monthDay: '07-15',
    hours: 8,
    kind: 'legal',
    organiser: '局法制审核股',
  },
  {
    title: '行政执法文书制作与案卷评查',
    monthDay: '09-16',
    hours: 8,
    kind: 'professional',
    organiser: '局法制审核股',
  },
  {
    title: '党风廉政建设与执法作风教育',
    monthDay: '10-21',
    hours: 6,
    kind: 'political',
    organiser: '局机关党委',
  },
  {
    title: '治超执法与非现场执法',
    monthDay: '11-11',
    hours: 12,
    kind: 'professional',
    organiser: '综合行政执法大队',
  },
];

/**
 * Which courses officer `i` missed (indices into `courses`): most miss one short
 * course or none (62–74 hours); every sixth misses two long ones (short).
 */
function missed(i: number): number[] {
  if (i % 6 === 4) return [0, 2]; // 46 hours
  if (i % 7 === 5) return [2, 3]; // 54 hours
  if (i % 3 === 1) return [3]; // 70 hours
  if (i % 4 === 2) return [6]; // 68 hours
  return [];
}

export const demoProfile = {
  legalBasis: [
    '《中华人民共和国行政处罚法》第十七条、第十八条',
    '《中华人民共和国行政强制法》第十七条',
    '《中华人民共和国公路法》第八条',
    '《中华人民共和国道路运输条例》第七条',
    '《示例省交通运输综合行政执法条例》第五条',
  ].join('\n'),
  duties: [
    '贯彻执行交通运输法律、法规、规章和政策，负责本县交通运输行业管理。',
    '负责本县道路运输市场监督管理，依法实施道路运输行政许可。',
    '统一行使本县公路路政、道路运政、水路运政、交通工程质量安全监督等行政处罚权以及与之相关的行政检查、行政强制等执法职能。',
    '负责交通运输行政执法人员培训、证件管理和执法监督。',
  ].join('\n'),
  address: '示例县示例大道 88 号',
  phone: '0000-5550101',
  officeHours: '工作日 上午 8:30—12:00，下午 14:30—17:30（法定节假日除外）',
  supervisionPhone: '0000-5550199',
  supervisionEmail: 'jiandu@example.invalid',
  reconsiderationBody: '示例县人民政府',
  litigationCourt: '示例县人民法院',
};

export async function seedDemoTraining(
  trx: Kysely<DB>,
  now: Date,
  ids: { county: string; units: Map<string, string>; persons: Map<string, string> },
): Promise<void> {
  const today = shanghaiDateOf(now);
  const year = Number(today.slice(0, 4));
  const dated = (monthDay: string): IsoDate => `${year}-${monthDay}`;

  await trx
    .updateTable('agency')
    .set({
      legal_basis: demoProfile.legalBasis,
      duties: demoProfile.duties,
      address: demoProfile.address,
      phone: demoProfile.phone,
      office_hours: demoProfile.officeHours,
      supervision_phone: demoProfile.supervisionPhone,
      supervision_email: demoProfile.supervisionEmail,
      reconsideration_body: demoProfile.reconsiderationBody,
      litigation_court: demoProfile.litigationCourt,
      profile_updated_at: now,
    })
    .where('id', '=', ids.county)
    .execute();

  // L2: the two demo reviewers of the 法制审核股; 23 officers need 2 (5% rounded up is 2).
  for (const [username, position] of [
    ['reviewer1', '股长'],
    ['reviewer2', '法制审核员'],
  ] as const)
    await trx.updateTable('person').set({ position }).where('id', '=', ids.persons.get(username)!).execute();
  await trx
    .insertInto('reviewer_register')
    .values([
      {
        agency_id: ids.county,
        person_id: ids.persons.get('reviewer1')!,
        membership: 'staff',
        qualification: '法律职业资格（A证）',
        appointed_on: addCalendarDays(today, -700),
      },
      {
        agency_id: ids.county,
        person_id: ids.persons.get('reviewer2')!,
        membership: 'publicLawyer',
        qualification: '公职律师证',
        appointed_on: addCalendarDays(today, -400),
      },
    ])
    .execute();

  // The year's plan, filed in February (if the demo starts before then, not yet filed).
  const filedOn = dated('02-12');
  await trx
    .insertInto('training_plan')
    .values({
      agency_id: ids.county,
      year,
      content: [
        `${year} 年度全局行政执法人员培训计划：`,
        '一、政治理论：习近平法治思想、党风廉政建设，不少于 14 学时；',
        '二、法律知识：《行政处罚法》《行政强制法》等通用法律和交通运输专门法律法规，不少于 20 学时；',
        '三、业务技能：道路运输执法实务、执法记录仪使用、文书制作与案卷评查、治超和非现场执法，不少于 40 学时；',
        '四、年末组织法律知识考试，考试成绩记入执法人员培训档案。每名执法人员全年培训不少于 60 学时。',
      ].join('\n'),
      planned_courses: courses.length,
      planned_hours: courses.reduce((sum, c) => sum + c.hours, 0),
      filed_on: filedOn <= today ? filedOn : null,
      created_at: now,
      updated_at: now,
    })
    .execute();

  const courseRows = await trx
    .insertInto('training_course')
    .values(
      courses.map((c) => ({
        agency_id: ids.county,
        year,
        title: c.title,
        held_on: dated(c.monthDay),
        hours: c.hours,
        kind: c.kind,
        organiser: c.organiser,
        location: c.kind === 'professional' ? '综合行政执法大队培训室' : '局机关三楼会议室',
        created_at: now,
        updated_at: now,
      })),
    )
    .returning(['id', 'held_on', 'hours'])
    .execute();

  const officers = await trx
    .selectFrom('person')
    .select('id')
    .where('agency_id', '=', ids.county)
    .where('kind', '=', 'officer')
    .where('active', '=', true)
    .orderBy('created_at')
    .orderBy('name')
    .execute();
  const attendance = officers.flatMap((officer, i) =>
    courseRows
      // Only courses already held have attendance; later ones are still ahead in the plan.
      .filter((course) => course.held_on <= today)
      .map((course, j) => {
        const present = !missed(i).includes(j);
        return {
          agency_id: ids.county,
          course_id: course.id,
          person_id: officer.id,
          present,
          hours_credited: present ? course.hours : 0,
          recorded_at: now,
        };
      }),
  );
  if (attendance.length) await trx.insertInto('training_attendance').values(attendance).execute();

  const examOn = dated('11-18');
  if (examOn <= today) {
    const exam = await trx
      .insertInto('training_exam')
      .values({
        agency_id: ids.county,
        year,
        course_id: courseRows[0]!.id,
        title: `${year} 年度行政执法人员法律知识考试`,
        held_on: examOn,
        full_mark: 100,
        pass_mark: 60,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('training_exam_score')
      .values(
        officers.map((officer, i) => ({
          agency_id: ids.county,
          exam_id: exam.id,
          person_id: officer.id,
          // 64–97, and two below the pass mark.
          score: i % 11 === 7 ? 55 + (i % 3) : 64 + ((i * 7) % 34),
          recorded_at: now,
        })),
      )
      .execute();
  }

  // P8: the licensing window at the county's government service centre.
  const board = await trx
    .insertInto('window_board')
    .values({
      agency_id: ids.county,
      name: '1 号窗口 道路运输许可',
      unit_id: ids.units.get('office') ?? null,
      enforcement_types: ['licensing'],
      services: [
        '道路货物运输经营许可（不含危险货物）',
        '道路旅客运输经营许可',
        '道路运输证配发、换发、补发',
        '道路运输从业人员从业资格证申领、换证',
        '出租汽车驾驶员从业资格注册',
      ],
      office_hours: '工作日 上午 9:00—12:00，下午 13:30—17:00',
      phone: '0000-5550102',
      location: '示例县政务服务中心二楼 B 区',
      sort_order: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const clerk = await trx
    .selectFrom('person')
    .select('id')
    .where('agency_id', '=', ids.county)
    .where('name', '=', demoName(9))
    .executeTakeFirst();
  const staff = [
    { person: ids.persons.get('officer2'), duty: '首席代表' },
    { person: clerk?.id, duty: '受理、审核' },
    { person: ids.persons.get('auxiliary1'), duty: '咨询引导' },
  ].filter((s): s is { person: string; duty: string } => Boolean(s.person));
  await trx
    .insertInto('window_board_staff')
    .values(
      staff.map((s, i) => ({
        board_id: board.id,
        agency_id: ids.county,
        person_id: s.person,
        duty: s.duty,
        sort_order: i,
      })),
    )
    .execute();
}
