/**
 * 培训台账 (Q3): the yearly plan (due by the end of Q1, a setting), courses,
 * attendance, exams and scores of an agency, and each officer's hours against
 * the yearly requirement (a setting, 60). Every change is one transaction with
 * its ledger event on the stream training:<agencyId>:<year>. The sheet import and
 * the export are in sheets.ts.
 */
import { maxCourseHours, shanghaiDateOf, trainingKindLabels, trainingKinds } from '@zhifa/core';
import { z } from 'zod';
import { isoDate, text, uuid } from '../../http/fields.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { requireInScope } from '../../http/scope.js';
import { targetAgency } from '../../http/target-agency.js';
import { sendWorkbook, sheetUploadFields } from '../../xlsx/route.js';
import { decodeBase64 } from '../../xlsx/sheet.js';
import { currentSettings } from '../settings/service.js';
import {
  addCourse,
  addExam,
  checkCourseAttendance,
  courseAttendance,
  courseDetail,
  examDetail,
  loadCourseForChange,
  loadExamForChange,
  savePlan,
  trainingOverview,
  trainingRoster,
  trainingStream,
  updateCourse,
  writeAttendance,
  writeScores,
} from './service.js';
import { exportLedger, importAttendance } from './sheets.js';

const idParams = z.strictObject({ id: uuid });
export const trainingYear = z.coerce.number().int().min(2000).max(2200);
const hours = (max: number) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine((v) => Number.isInteger(v * 2), { message: '学时应为整数或半小时（如 1.5）' });
const courseHours = hours(maxCourseHours).refine((v) => v > 0, { message: '学时应大于 0' });
const kind = z.enum(trainingKinds);
const mark = z.number().min(0).max(1000);

const currentYear = (now: Date) => Number(shanghaiDateOf(now).slice(0, 4));

export const trainingRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/training',
    access: 'training.read',
    summary: '培训台账：年度计划及报送期限、课程、考试、每名执法人员的学时与差额',
    query: z.strictObject({ agencyId: uuid.optional(), year: trainingYear.optional() }),
    handler: async ({ db, user, query, app }) => {
      const agency = await targetAgency(db, user, query.agencyId);
      const now = app.clock();
      const overview = await trainingOverview(
        db,
        agency,
        query.year ?? currentYear(now),
        shanghaiDateOf(now),
        await currentSettings(db),
      );
      return {
        ...overview,
        kinds: trainingKinds.map((value) => ({ value, label: trainingKindLabels[value] })),
        actions: { manage: mayTake(user, 'training.manage') },
      };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/training/plan',
    access: 'training.manage',
    summary: '保存年度培训计划（报送日期为空即尚未报送）',
    body: z.strictObject({
      agencyId: uuid.optional(),
      year: trainingYear,
      content: text(4000),
      plannedCourses: z.number().int().min(0).max(1000),
      plannedHours: hours(10_000),
      filedOn: isoDate.nullable(),
    }),
    handler: async ({ db, user, body, app, record }) => {
      const agency = await targetAgency(db, user, body.agencyId);
      const now = app.clock();
      const { agencyId: _, ...plan } = body;
      await savePlan(db, agency.id, plan, shanghaiDateOf(now), now);
      await record({
        streamId: trainingStream(agency.id, body.year),
        agencyId: agency.id,
        kind: 'training.planSaved',
        payload: plan,
      });
      const overview = await trainingOverview(
        db,
        agency,
        body.year,
        shanghaiDateOf(now),
        await currentSettings(db),
      );
      return { plan: overview.plan, planStanding: overview.planStanding };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/training/courses',
    access: 'training.manage',
    summary: '新增培训课程（名称在本年度内唯一）',
    body: z.strictObject({
      agencyId: uuid.optional(),
      title: text(200),
      heldOn: isoDate,
      hours: courseHours,
      kind,
      organiser: text(100, 0).default(''),
      location: text(200, 0).default(''),
    }),
    handler: async ({ db, user, body, app, record, reply }) => {
      const agency = await targetAgency(db, user, body.agencyId);
      const { agencyId: _, ...input } = body;
      const created = await addCourse(db, agency.id, input, app.clock());
      await record({
        streamId: trainingStream(agency.id, created.year),
        agencyId: agency.id,
        kind: 'training.courseAdded',
        payload: { courseId: created.id, ...input },
      });
      reply.status(201);
      return { id: created.id, year: created.year };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/training/courses/:id',
    access: 'training.read',
    summary: '培训课程详情与出勤名单',
    params: idParams,
    handler: async ({ db, user, params }) => {
      const course = await requireInScope(db, user, await courseDetail(db, params.id), '培训课程');
      return {
        id: course.id,
        agencyId: course.agency_id,
        year: course.year,
        title: course.title,
        heldOn: course.held_on,
        hours: course.hours,
        kind: course.kind,
        kindLabel: trainingKindLabels[course.kind],
        organiser: course.organiser,
        location: course.location,
        attendance: await courseAttendance(db, course),
        actions: { manage: mayTake(user, 'training.manage') },
      };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/training/courses/:id',
    access: 'training.manage',
    summary: '修改培训课程（不能改到其他年度）',
    params: idParams,
    body: z.strictObject({
      title: text(200).optional(),
      heldOn: isoDate.optional(),
      hours: courseHours.optional(),
      kind: kind.optional(),
      organiser: text(100, 0).optional(),
      location: text(200, 0).optional(),
    }),
    handler: async ({ db, user, params, body, app, record }) => {
      const course = await requireInScope(db, user, await loadCourseForChange(db, params.id), '培训课程');
      await updateCourse(db, course, body, app.clock());
      await record({
        streamId: trainingStream(course.agency_id, course.year),
        agencyId: course.agency_id,
        kind: 'training.courseUpdated',
        payload: { courseId: course.id, change: body },
      });
      return { id: course.id };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/training/courses/:id/attendance',
    access: 'training.manage',
    summary: '登记课程出勤（出勤/缺勤、计入学时；学时为空即按课程学时）',
    params: idParams,
    body: z.strictObject({
      entries: z
        .array(
          z.strictObject({
            personId: uuid,
            present: z.boolean(),
            hoursCredited: hours(maxCourseHours).optional(),
          }),
        )
        .min(1)
        .max(1000),
    }),
    handler: async ({ db, user, params, body, app, record }) => {
      const course = await requireInScope(db, user, await loadCourseForChange(db, params.id), '培训课程');
      const entries = checkCourseAttendance(course, await trainingRoster(db, course.agency_id), body.entries);
      await writeAttendance(db, course.agency_id, entries, app.clock());
      await record({
        streamId: trainingStream(course.agency_id, course.year),
        agencyId: course.agency_id,
        kind: 'training.attendanceRecorded',
        payload: { source: 'form', sheetSha256: null, entries },
      });
      return { recorded: entries.length, attendance: await courseAttendance(db, course) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/training/exams',
    access: 'training.manage',
    summary: '新增培训考试（满分、及格分）',
    body: z.strictObject({
      agencyId: uuid.optional(),
      title: text(200),
      heldOn: isoDate,
      courseId: uuid.nullable().default(null),
      fullMark: mark.refine((v) => v > 0, { message: '满分应大于 0' }).default(100),
      passMark: mark,
    }),
    handler: async ({ db, user, body, app, record, reply }) => {
      const agency = await targetAgency(db, user, body.agencyId);
      const { agencyId: _, ...input } = body;
      const created = await addExam(db, agency.id, input, app.clock());
      await record({
        streamId: trainingStream(agency.id, created.year),
        agencyId: agency.id,
        kind: 'training.examAdded',
        payload: { examId: created.id, ...input },
      });
      reply.status(201);
      return { id: created.id, year: created.year };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/training/exams/:id',
    access: 'training.read',
    summary: '培训考试成绩',
    params: idParams,
    handler: async ({ db, user, params }) => {
      const exam = await requireInScope(
        db,
        user,
        await db.selectFrom('training_exam').selectAll().where('id', '=', params.id).executeTakeFirst(),
        '培训考试',
      );
      return {
        id: exam.id,
        year: exam.year,
        title: exam.title,
        heldOn: exam.held_on,
        fullMark: exam.full_mark,
        passMark: exam.pass_mark,
        scores: await examDetail(db, exam),
        actions: { manage: mayTake(user, 'training.manage') },
      };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/training/exams/:id/scores',
    access: 'training.manage',
    summary: '登记考试成绩',
    params: idParams,
    body: z.strictObject({
      scores: z
        .array(z.strictObject({ personId: uuid, score: mark }))
        .min(1)
        .max(1000),
    }),
    handler: async ({ db, user, params, body, app, record }) => {
      const exam = await requireInScope(db, user, await loadExamForChange(db, params.id), '培训考试');
      await writeScores(db, exam, await trainingRoster(db, exam.agency_id), body.scores, app.clock());
      await record({
        streamId: trainingStream(exam.agency_id, exam.year),
        agencyId: exam.agency_id,
        kind: 'training.scoresRecorded',
        payload: { examId: exam.id, scores: body.scores },
      });
      return { recorded: body.scores.length, scores: await examDetail(db, exam) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/training/import',
    access: 'training.manage',
    summary:
      '导入出勤表（.xlsx：姓名或执法证号、课程、学时、出勤；逐行校验，任何一行有误则不写入；可先只检查）',
    body: z.strictObject({
      agencyId: uuid.optional(),
      year: trainingYear,
      ...sheetUploadFields,
    }),
    handler: async ({ db, user, body, app, record }) => {
      const agency = await targetAgency(db, user, body.agencyId);
      const result = await importAttendance(
        db,
        agency.id,
        body.year,
        decodeBase64(body.content),
        app.clock(),
        body.dryRun,
      );
      const outcome = { rows: result.entries.length, courses: result.courses, dryRun: body.dryRun };
      if (body.dryRun) return { ...outcome, imported: 0 };
      await record({
        streamId: trainingStream(agency.id, body.year),
        agencyId: agency.id,
        kind: 'training.attendanceRecorded',
        payload: {
          source: 'import',
          sheetSha256: result.sheetSha256,
          entries: result.entries.map(({ row: _, ...entry }) => entry),
        },
      });
      return { ...outcome, imported: result.entries.length };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/training/export',
    access: 'training.read',
    summary: '导出培训台账（.xlsx：年度计划、课程、出勤、学时统计、考试）',
    query: z.strictObject({ agencyId: uuid.optional(), year: trainingYear.optional() }),
    handler: async ({ db, user, query, app, reply }) => {
      const agency = await targetAgency(db, user, query.agencyId);
      const now = app.clock();
      const year = query.year ?? currentYear(now);
      const data = await exportLedger(db, agency, year, shanghaiDateOf(now), await currentSettings(db), now);
      return sendWorkbook(reply, data, `training-${year}.xlsx`, `培训台账-${agency.name}-${year}.xlsx`);
    },
  }),
];
