import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';
import { writeWorkbook } from '../../xlsx/sheet.js';
import { attendanceSheetColumns } from './sheets.js';

let t: TestApp;
let admin: Session;
let countyId = '';
let cityId = '';
/** Officers of the demo county by name. */
const officers = new Map<string, string>();
let reviewerPersonId = '';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const { db } = t.database;
  countyId = (
    await db
      .selectFrom('agency')
      .select('id')
      .where('name', '=', '示例县交通运输局')
      .executeTakeFirstOrThrow()
  ).id;
  cityId = (
    await db
      .selectFrom('agency')
      .select('id')
      .where('name', '=', '示例市交通运输局')
      .executeTakeFirstOrThrow()
  ).id;
  for (const p of await db
    .selectFrom('person')
    .select(['id', 'name', 'kind'])
    .where('agency_id', '=', countyId)
    .execute()) {
    if (p.kind === 'officer') officers.set(p.name, p.id);
    if (p.name === '周审核') reviewerPersonId = p.id;
  }
});
afterAll(() => t.close());

const get = (session: Session, url: string) => t.request(session, { method: 'GET', url });
const send = (session: Session, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown) =>
  t.request(session, { method, url, payload: payload as object });

async function addCourse(title: string, heldOn: string, hours: number, kind: string) {
  const response = await send(admin, 'POST', '/api/training/courses', {
    title,
    heldOn,
    hours,
    kind,
    organiser: '局法制股',
    location: '局三楼会议室',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

describe('Q3: the demo ledger', () => {
  it('Q3: the county’s plan for the year was filed in February; most officers reach 60 hours, a few fall short', async () => {
    const ledger = (await get(admin, '/api/training?year=2026')).json();
    expect(ledger.plan).toMatchObject({ filedOn: '2026-02-12', plannedCourses: 8, plannedHours: 74 });
    expect(ledger.planStanding.state).toBe('filedOnTime');
    expect(ledger.courses).toHaveLength(8);
    expect(ledger.courses.map((c: { title: string }) => c.title)).toContain('执法记录仪使用规范');
    const totals = ledger.officers.map((o: { total: number }) => o.total) as number[];
    expect(totals.length).toBe(officers.size);
    expect(totals.every((h) => h >= 40 && h <= 74)).toBe(true);
    expect(ledger.shortfalls.length).toBeGreaterThanOrEqual(2);
    expect(ledger.shortfalls.length).toBeLessThanOrEqual(totals.length / 3);
    expect(ledger.exams[0]).toMatchObject({ passMark: 60, takers: officers.size });
    expect(ledger.exams[0].passed).toBeLessThan(officers.size);
  });
});

describe('Q3: the yearly training plan and its deadline', () => {
  it('Q3: not filed → pending with the days left before 31 March, overdue after; filed after it → late', async () => {
    const pending = (await get(admin, '/api/training?year=2027')).json();
    expect(pending.plan).toBeNull();
    expect(pending.planStanding).toMatchObject({ state: 'pending', deadline: '2027-03-31', daysLeft: 127 });
    expect(pending.planStanding.label).toBe('待报送（截止 2027-03-31，还剩 127 天）');
    const overdue = (await get(admin, '/api/training?year=2024')).json();
    expect(overdue.planStanding).toMatchObject({ state: 'overdue', deadline: '2024-03-31' });
    const filed = await send(admin, 'PUT', '/api/training/plan', {
      year: 2024,
      content: '全年组织政治理论、法律知识和业务技能培训',
      plannedCourses: 8,
      plannedHours: 64,
      filedOn: '2024-04-01',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().planStanding.state).toBe('filedLate');
    expect(filed.json().plan).toMatchObject({ plannedCourses: 8, plannedHours: 64, filedOn: '2024-04-01' });
  });

  it('Q3: filed in February is on time; a draft without a date counts as not filed', async () => {
    const draft = await send(admin, 'PUT', '/api/training/plan', {
      year: 2025,
      content: '草稿',
      plannedCourses: 6,
      plannedHours: 60,
      filedOn: null,
    });
    expect(draft.json().planStanding.state).toBe('overdue');
    const filed = await send(admin, 'PUT', '/api/training/plan', {
      year: 2025,
      content: '2025 年度执法人员培训计划',
      plannedCourses: 6,
      plannedHours: 60.5,
      filedOn: '2025-02-10',
    });
    expect(filed.json().planStanding).toMatchObject({ state: 'filedOnTime', daysLeft: null });
    expect(filed.json().plan.content).toBe('2025 年度执法人员培训计划');
  });

  it('Q3: a filing date in the future or years before the plan is refused, naming the field', async () => {
    for (const filedOn of ['2026-11-25', '2023-12-31']) {
      const response = await send(admin, 'PUT', '/api/training/plan', {
        year: 2025,
        content: '计划',
        plannedCourses: 1,
        plannedHours: 1,
        filedOn,
      });
      expect(response.statusCode, filedOn).toBe(422);
      expect(response.json().field).toBe('body.filedOn');
    }
    const quarter = await send(admin, 'PUT', '/api/training/plan', {
      year: 2025,
      content: '计划',
      plannedCourses: 1,
      plannedHours: 1.25,
      filedOn: null,
    });
    expect(quarter.statusCode).toBe(400);
    expect(quarter.json().field).toBe('body.plannedHours');
  });
});

describe('Q3: courses, attendance and hours per officer', () => {
  let law = '';
  let politics = '';
  let skills = '';
  const zhao = () => officers.get('赵执法')!;
  const qian = () => officers.get('钱执法')!;

  beforeAll(async () => {
    law = await addCourse('《行政处罚法》专题培训', '2025-03-12', 16, 'legal');
    politics = await addCourse('习近平法治思想专题学习', '2025-05-20', 8, 'political');
    skills = await addCourse('道路运输执法实务', '2025-09-03', 40, 'professional');
  });

  it('Q3: credits hours per kind; an absence credits nothing; the shortfall list names who is short', async () => {
    const recorded = await send(admin, 'PUT', `/api/training/courses/${law}/attendance`, {
      entries: [
        { personId: zhao(), present: true },
        { personId: qian(), present: true, hoursCredited: 12 },
      ],
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().recorded).toBe(2);
    await send(admin, 'PUT', `/api/training/courses/${politics}/attendance`, {
      entries: [
        { personId: zhao(), present: true },
        { personId: qian(), present: false },
      ],
    });
    await send(admin, 'PUT', `/api/training/courses/${skills}/attendance`, {
      entries: [{ personId: zhao(), present: true }],
    });
    const ledger = (await get(admin, '/api/training?year=2025')).json();
    expect(ledger.requiredHours).toBe(60);
    const row = (id: string) => ledger.officers.find((o: { personId: string }) => o.personId === id);
    expect(row(zhao())).toMatchObject({
      name: '赵执法',
      total: 64,
      byKind: { political: 8, legal: 16, professional: 40 },
      coursesAttended: 3,
      shortfall: 0,
      met: true,
      certificateNumber: expect.stringMatching(/^JT-990121-/),
    });
    expect(row(qian())).toMatchObject({ total: 12, shortfall: 48, met: false, coursesAttended: 1 });
    const short = ledger.shortfalls.map((o: { personId: string }) => o.personId);
    expect(short).toContain(qian());
    expect(short).not.toContain(zhao());
    expect(ledger.shortfalls[0].shortfall).toBeGreaterThanOrEqual(ledger.shortfalls.at(-1).shortfall);
    expect(ledger.courses.map((c: { title: string }) => c.title)).toEqual([
      '《行政处罚法》专题培训',
      '习近平法治思想专题学习',
      '道路运输执法实务',
    ]);
    expect(ledger.courses[1]).toMatchObject({ kindLabel: '政治理论', presentCount: 1, absentCount: 1 });
    // Recording again replaces, never adds.
    await send(admin, 'PUT', `/api/training/courses/${law}/attendance`, {
      entries: [{ personId: qian(), present: true, hoursCredited: 16 }],
    });
    const again = (await get(admin, '/api/training?year=2025')).json();
    expect(again.officers.find((o: { personId: string }) => o.personId === qian()).total).toBe(16);
    // Another year's ledger does not see these hours.
    const other = (await get(admin, '/api/training?year=2024')).json();
    expect(other.officers.find((o: { personId: string }) => o.personId === zhao()).total).toBe(0);
  });

  it('Q3: the course page lists the roster with what was recorded', async () => {
    const detail = (await get(admin, `/api/training/courses/${politics}`)).json();
    expect(detail).toMatchObject({ title: '习近平法治思想专题学习', hours: 8, kindLabel: '政治理论' });
    const byId = new Map(detail.attendance.map((a: { personId: string }) => [a.personId, a]));
    expect(byId.get(zhao())).toMatchObject({ present: true, hoursCredited: 8, inRoster: true });
    expect(byId.get(qian())).toMatchObject({ present: false, hoursCredited: 0 });
    expect(detail.attendance.length).toBe(officers.size);
  });

  it('Q3: bad attendance names the entry and field', async () => {
    const cases: [unknown, number, string][] = [
      [{ personId: zhao(), present: true, hoursCredited: 17 }, 422, 'body.entries.0.hoursCredited'],
      [{ personId: zhao(), present: false, hoursCredited: 2 }, 422, 'body.entries.0.hoursCredited'],
      [{ personId: reviewerPersonId, present: true }, 422, 'body.entries.0.personId'],
      [{ personId: zhao(), present: true, hoursCredited: 1.3 }, 400, 'body.entries.0.hoursCredited'],
      [{ personId: zhao(), present: 'yes' }, 400, 'body.entries.0.present'],
    ];
    for (const [entry, status, field] of cases) {
      const response = await send(admin, 'PUT', `/api/training/courses/${law}/attendance`, {
        entries: [entry],
      });
      expect(response.statusCode, JSON.stringify(entry)).toBe(status);
      expect(response.json().field).toBe(field);
    }
  });

  it('Q3: bad course input names the field; a title is unique in its year; a course stays in its year', async () => {
    const base = { title: '新课程', heldOn: '2025-06-01', hours: 4, kind: 'legal' };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, hours: 0.25 }, 400, 'body.hours'],
      [{ ...base, hours: 0 }, 400, 'body.hours'],
      [{ ...base, kind: 'sports' }, 400, 'body.kind'],
      [{ ...base, heldOn: '2025-02-30' }, 400, 'body.heldOn'],
      [{ ...base, title: '《行政处罚法》专题培训' }, 409, 'body.title'],
    ];
    for (const [payload, status, field] of cases) {
      const response = await send(admin, 'POST', '/api/training/courses', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().field).toBe(field);
    }
    const moved = await send(admin, 'PATCH', `/api/training/courses/${politics}`, { heldOn: '2026-01-05' });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().field).toBe('body.heldOn');
    const shorter = await send(admin, 'PATCH', `/api/training/courses/${law}`, { hours: 8 });
    expect(shorter.statusCode).toBe(422);
    expect(shorter.json().field).toBe('body.hours');
    const renamed = await send(admin, 'PATCH', `/api/training/courses/${politics}`, {
      title: '习近平法治思想专题学习（上）',
      location: '党员活动室',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
  });

  it('Q3: exams with a pass mark; scores above the full mark are refused', async () => {
    const exam = await send(admin, 'POST', '/api/training/exams', {
      title: '2025 年度行政执法人员法律知识考试',
      heldOn: '2025-10-15',
      courseId: law,
      passMark: 60,
    });
    expect(exam.statusCode, exam.body).toBe(201);
    const id = exam.json().id;
    const scored = await send(admin, 'PUT', `/api/training/exams/${id}/scores`, {
      scores: [
        { personId: zhao(), score: 86 },
        { personId: qian(), score: 59.5 },
      ],
    });
    expect(scored.statusCode, scored.body).toBe(200);
    const detail = (await get(admin, `/api/training/exams/${id}`)).json();
    const byId = new Map(detail.scores.map((s: { personId: string }) => [s.personId, s]));
    expect(byId.get(zhao())).toMatchObject({ score: 86, passed: true });
    expect(byId.get(qian())).toMatchObject({ score: 59.5, passed: false });
    const ledger = (await get(admin, '/api/training?year=2025')).json();
    expect(ledger.exams[0]).toMatchObject({ passMark: 60, fullMark: 100, takers: 2, passed: 1 });
    const tooHigh = await send(admin, 'PUT', `/api/training/exams/${id}/scores`, {
      scores: [{ personId: zhao(), score: 101 }],
    });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().field).toBe('body.scores.0.score');
    const badPass = await send(admin, 'POST', '/api/training/exams', {
      title: '及格分过高',
      heldOn: '2025-10-15',
      fullMark: 50,
      passMark: 60,
    });
    expect(badPass.statusCode).toBe(400);
    expect(badPass.json().field).toBe('body.passMark');
  });

  it('Q3: every change is on the ledger stream of the year', async () => {
    const events = await t.database.db
      .selectFrom('ledger_event')
      .select(['kind', 'payload'])
      .where('stream_id', '=', `training:${countyId}:2025`)
      .orderBy('seq')
      .execute();
    const kinds = events.map((e) => e.kind);
    for (const kind of [
      'training.planSaved',
      'training.courseAdded',
      'training.attendanceRecorded',
      'training.courseUpdated',
      'training.examAdded',
      'training.scoresRecorded',
    ])
      expect(kinds).toContain(kind);
    const attendance = events.find((e) => e.kind === 'training.attendanceRecorded')!.payload as {
      source: string;
      entries: unknown[];
    };
    expect(attendance.source).toBe('form');
    expect(attendance.entries).toHaveLength(2);
    // A refused change leaves no event.
    expect(kinds.filter((k) => k === 'training.courseUpdated')).toHaveLength(1);
  });
});

describe('Q3: attendance sheets in and the whole ledger out (.xlsx)', () => {
  const sheet = async (rows: Record<string, string | number>[], columns = attendanceSheetColumns) =>
    (
      await writeWorkbook([{ name: '出勤', columns, rows: rows as Record<string, string | number>[] }], {
        creator: 'test',
        created: t.now(),
      })
    ).toString('base64');
  const importSheet = (content: string) =>
    send(admin, 'POST', '/api/training/import', { year: 2025, fileName: '出勤.xlsx', content });
  const totals = async () =>
    new Map<string, number>(
      (await get(admin, '/api/training?year=2025'))
        .json()
        .officers.map((o: { name: string; total: number }) => [o.name, o.total]),
    );
  const attendanceRows = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('training_attendance as a')
          .innerJoin('training_course as c', 'c.id', 'a.course_id')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('c.year', '=', 2025)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('Q3: imports a clean sheet by name or 执法证号; the ledger records the sheet’s hash', async () => {
    await addCourse('执法记录仪使用规范', '2025-07-08', 4, 'professional');
    const number = (await get(admin, '/api/training?year=2025'))
      .json()
      .officers.find((o: { name: string }) => o.name === '李中队长').certificateNumber;
    const content = await sheet([
      { name: '赵执法', course: '执法记录仪使用规范', hours: '', attendance: '出勤' },
      { certificateNumber: number, course: '执法记录仪使用规范', hours: 3.5, attendance: '是' },
      { name: '钱执法', course: '执法记录仪使用规范', attendance: '缺勤' },
    ]);
    const before = await totals();
    const checked = await send(admin, 'POST', '/api/training/import', { year: 2025, content, dryRun: true });
    expect(checked.json()).toEqual({ rows: 3, courses: 1, dryRun: true, imported: 0 });
    expect(await totals()).toEqual(before);
    const response = await importSheet(content);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ rows: 3, courses: 1, dryRun: false, imported: 3 });
    const after = await totals();
    expect(after.get('赵执法')).toBe(before.get('赵执法')! + 4);
    expect(after.get('李中队长')).toBe(before.get('李中队长')! + 3.5);
    expect(after.get('钱执法')).toBe(before.get('钱执法'));
    const event = await t.database.db
      .selectFrom('ledger_event')
      .select('payload')
      .where('stream_id', '=', `training:${countyId}:2025`)
      .where('kind', '=', 'training.attendanceRecorded')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({
      source: 'import',
      sheetSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((event.payload as { entries: unknown[] }).entries).toHaveLength(3);
  });

  it('Q3: a sheet with bad rows is refused row by row and nothing is written', async () => {
    const rowsBefore = await attendanceRows();
    const eventsBefore = await t.database.db.selectFrom('ledger_event').select('id').execute();
    const response = await importSheet(
      await sheet([
        { name: '赵执法', course: '执法记录仪使用规范', hours: 4, attendance: '出勤' },
        { name: '不存在的人', course: '执法记录仪使用规范', hours: 4, attendance: '出勤' },
        { name: '钱执法', course: '游泳', hours: 'x', attendance: '请假' },
      ]),
    );
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.message).toBe('导入文件有 4 处问题，未导入任何出勤记录');
    expect(body.details).toEqual([
      { field: '第3行/姓名', message: '“不存在的人”不是本机关在岗执法人员' },
      { field: '第4行/课程', message: '本年度没有名为“游泳”的课程' },
      { field: '第4行/出勤', message: '出勤应填“出勤”或“缺勤”，而不是“请假”' },
      { field: '第4行/学时', message: '学时应为 0–200 的整数或半小时，而不是“x”' },
    ]);
    expect(await attendanceRows()).toBe(rowsBefore);
    expect(await t.database.db.selectFrom('ledger_event').select('id').execute()).toHaveLength(
      eventsBefore.length,
    );
  });

  it('Q3: a sheet without the 课程 column, or not a workbook at all, names what is wrong', async () => {
    const noCourse = await importSheet(
      await sheet(
        [{ name: '赵执法', attendance: '出勤' }],
        attendanceSheetColumns.filter((c) => c.key !== 'course'),
      ),
    );
    expect(noCourse.statusCode).toBe(400);
    expect(noCourse.json().field).toBe('第1行/表头');
    expect(noCourse.json().message).toContain('“课程”');
    const notXlsx = await importSheet(Buffer.from('姓名,课程').toString('base64'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().field).toBe('body.content');
    const notBase64 = await importSheet('不是文件');
    expect(notBase64.statusCode).toBe(400);
    expect(notBase64.json().field).toBe('body.content');
  });

  it('Q3: round trip — the export holds plan, courses, attendance and totals, and imports again', async () => {
    const response = await t.request(admin, { method: 'GET', url: '/api/training/export?year=2025' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['年度计划', '课程', '出勤', '学时统计', '考试']);
    const text = (sheetName: string) => {
      const lines: string[] = [];
      workbook.getWorksheet(sheetName)!.eachRow((row) => {
        lines.push(
          (row.values as unknown[])
            .slice(1)
            .map((v) => (v === undefined || v === null ? '' : String(v)))
            .join('|'),
        );
      });
      return lines;
    };
    expect(text('年度计划')).toContain('培训计划|2025 年度执法人员培训计划');
    expect(text('年度计划')).toContain('报送情况|已按时报送');
    expect(text('课程')[0]).toBe('课程|培训日期|类别|学时|组织单位|地点|出勤人数|缺勤人数');
    const ledger = (await get(admin, '/api/training?year=2025')).json();
    const stats = text('学时统计');
    for (const officer of ledger.officers as { name: string; total: number; shortfall: number }[])
      expect(
        stats.some(
          (line) =>
            line.startsWith(`${officer.name}|`) &&
            line.includes(`|${officer.total}|60|${officer.shortfall}|`),
        ),
      ).toBe(true);
    const attendance = workbook.getWorksheet('出勤')!;
    expect(text('出勤')[0]).toBe('姓名|执法证号|承办机构|课程|培训日期|学时|出勤');
    const recorded = attendance.rowCount - 1;
    expect(recorded).toBe((await attendanceRows()) - 0);

    // Unchanged, the exported sheet imports cleanly and changes nothing.
    const before = await totals();
    const again = await importSheet(Buffer.from(response.rawPayload).toString('base64'));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().imported).toBe(recorded);
    expect(await totals()).toEqual(before);

    // Edited — 赵执法's 道路运输执法实务 cut from 40 to 20 hours — the change comes back.
    attendance.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value === '赵执法' && row.getCell(4).value === '道路运输执法实务')
        row.getCell(6).value = 20;
    });
    const edited = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect((await importSheet(edited)).statusCode).toBe(200);
    const after = await totals();
    expect(after.get('赵执法')).toBe(before.get('赵执法')! - 20);
    for (const [name, total] of before) if (name !== '赵执法') expect(after.get(name), name).toBe(total);
  });
});

describe('Q3: who sees which training ledger', () => {
  it('Q3: another agency’s ledger and courses are 404; the supervisor reads the supervised agency', async () => {
    const { db } = t.database;
    const course = await db
      .insertInto('training_course')
      .values({
        agency_id: cityId,
        year: 2025,
        title: '市局课程',
        held_on: '2025-04-01',
        hours: 4,
        kind: 'legal',
        created_at: t.now(),
        updated_at: t.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await get(admin, `/api/training?agencyId=${cityId}`)).statusCode).toBe(404);
    expect((await get(admin, `/api/training/courses/${course.id}`)).statusCode).toBe(404);
    const patched = await send(admin, 'PATCH', `/api/training/courses/${course.id}`, { title: '改名' });
    expect(patched.statusCode).toBe(404);
    const supervisor = await t.login('supervisor1');
    const supervised = await get(supervisor, `/api/training?agencyId=${countyId}&year=2025`);
    expect(supervised.statusCode).toBe(200);
    expect(supervised.json()).toMatchObject({
      agency: { name: '示例县交通运输局' },
      actions: { manage: false },
    });
    expect((await get(supervisor, `/api/training?agencyId=${cityId}`)).statusCode).toBe(404);
    const officer = await t.login('officer1');
    expect((await get(officer, '/api/training')).statusCode).toBe(403);
  });
});
