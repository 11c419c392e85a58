/**
 * 培训台账 (Q3): reads and writes of the plan, courses, attendance, exams and
 * scores of one agency and year. Totals, shortfalls and the plan's standing are
 * derived by core from these rows and the settings; nothing derived is stored.
 * Callers have already checked the scope; every write here runs in the route's
 * transaction, and the route appends the ledger event.
 */
import {
  AppError,
  type AttendanceFacts,
  examPassed,
  type IsoDate,
  isValidHours,
  type JurisdictionSettings,
  officerTrainingHours,
  type TrainingKind,
  trainingKindLabels,
  trainingPlanStanding,
  trainingShortfalls,
} from '@zhifa/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The ledger stream of one agency's training in one year. */
export const trainingStream = (agencyId: string, year: number) => `training:${agencyId}:${year}`;

export interface RosterEntry {
  personId: string;
  name: string;
  position: string;
  unitName: string | null;
  certificateNumbers: string[];
}

/**
 * Who the hours requirement applies to: the agency's 执法人员 in post (person kind
 * officer, active, not left enforcement work), with their certificate numbers
 * (any state: an import may name an officer by an expired card too).
 */
export async function trainingRoster(db: Kysely<DB>, agencyId: string): Promise<RosterEntry[]> {
  const rows = await db
    .selectFrom('person as p')
    .leftJoin('unit as n', 'n.id', 'p.unit_id')
    .select([
      'p.id',
      'p.name',
      'p.position',
      'n.name as unit_name',
      sql<string[]>`coalesce((SELECT array_agg(c.number ORDER BY c.valid_to DESC, c.number)
        FROM certificate c WHERE c.person_id = p.id), '{}')`.as('numbers'),
    ])
    .where('p.agency_id', '=', agencyId)
    .where('p.kind', '=', 'officer')
    .where('p.active', '=', true)
    .where('p.left_enforcement_on', 'is', null)
    .orderBy('n.name')
    .orderBy('p.name')
    .execute();
  return rows.map((r) => ({
    personId: r.id,
    name: r.name,
    position: r.position,
    unitName: r.unit_name,
    certificateNumbers: r.numbers,
  }));
}

export async function loadCourses(db: Kysely<DB>, agencyId: string, year: number) {
  return db
    .selectFrom('training_course as c')
    .select([
      'c.id',
      'c.agency_id',
      'c.year',
      'c.title',
      'c.held_on',
      'c.hours',
      'c.kind',
      'c.organiser',
      'c.location',
      sql<number>`(SELECT count(*) FROM training_attendance a WHERE a.course_id = c.id AND a.present)::int`.as(
        'present_count',
      ),
      sql<number>`(SELECT count(*) FROM training_attendance a WHERE a.course_id = c.id AND NOT a.present)::int`.as(
        'absent_count',
      ),
    ])
    .where('c.agency_id', '=', agencyId)
    .where('c.year', '=', year)
    .orderBy('c.held_on')
    .orderBy('c.title')
    .execute();
}

export type CourseRow = Awaited<ReturnType<typeof loadCourses>>[number];

export function presentCourse(row: CourseRow) {
  return {
    id: row.id,
    agencyId: row.agency_id,
    year: row.year,
    title: row.title,
    heldOn: row.held_on,
    hours: row.hours,
    kind: row.kind,
    kindLabel: trainingKindLabels[row.kind],
    organiser: row.organiser,
    location: row.location,
    presentCount: row.present_count,
    absentCount: row.absent_count,
  };
}

export async function loadAttendance(db: Kysely<DB>, agencyId: string, year: number) {
  return db
    .selectFrom('training_attendance as a')
    .innerJoin('training_course as c', 'c.id', 'a.course_id')
    .select(['a.course_id', 'a.person_id', 'a.present', 'a.hours_credited'])
    .where('a.agency_id', '=', agencyId)
    .where('c.year', '=', year)
    .execute();
}

export async function loadPlan(db: Kysely<DB>, agencyId: string, year: number) {
  return db
    .selectFrom('training_plan')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function loadExams(db: Kysely<DB>, agencyId: string, year: number) {
  return db
    .selectFrom('training_exam as e')
    .leftJoin('training_course as c', 'c.id', 'e.course_id')
    .select([
      'e.id',
      'e.title',
      'e.held_on',
      'e.course_id',
      'c.title as course_title',
      'e.full_mark',
      'e.pass_mark',
      sql<number>`(SELECT count(*) FROM training_exam_score s WHERE s.exam_id = e.id)::int`.as('takers'),
      sql<number>`(SELECT count(*) FROM training_exam_score s WHERE s.exam_id = e.id AND s.score >= e.pass_mark)::int`.as(
        'passed',
      ),
    ])
    .where('e.agency_id', '=', agencyId)
    .where('e.year', '=', year)
    .orderBy('e.held_on')
    .orderBy('e.title')
    .execute();
}

export type ExamRow = Awaited<ReturnType<typeof loadExams>>[number];

export function presentExam(row: ExamRow) {
  return {
    id: row.id,
    title: row.title,
    heldOn: row.held_on,
    course: row.course_id ? { id: row.course_id, title: row.course_title } : null,
    fullMark: row.full_mark,
    passMark: row.pass_mark,
    takers: row.takers,
    passed: row.passed,
  };
}

/** Hours per officer of the roster, in roster order, with name, unit and certificate. */
export async function officerHours(
  db: Kysely<DB>,
  agencyId: string,
  year: number,
  requiredHours: number,
  roster?: RosterEntry[],
) {
  const officers = roster ?? (await trainingRoster(db, agencyId));
  const courses = await loadCourses(db, agencyId, year);
  const attendance = await loadAttendance(db, agencyId, year);
  const hours = officerTrainingHours(
    officers.map((o) => o.personId),
    courses.map((c) => ({ id: c.id, heldOn: c.held_on, hours: c.hours, kind: c.kind })),
    attendance.map(
      (a): AttendanceFacts => ({
        courseId: a.course_id,
        personId: a.person_id,
        present: a.present,
        hoursCredited: a.hours_credited,
      }),
    ),
    year,
    requiredHours,
  );
  return { officers, courses, attendance, hours };
}

/** The whole ledger of a year as the console and the export show it. */
export async function trainingOverview(
  db: Kysely<DB>,
  agency: { id: string; name: string },
  year: number,
  today: IsoDate,
  settings: JurisdictionSettings,
) {
  const required = settings.quality.trainingHoursPerYear;
  const { officers, courses, hours } = await officerHours(db, agency.id, year, required);
  const plan = await loadPlan(db, agency.id, year);
  const byId = new Map(officers.map((o) => [o.personId, o]));
  const officerRows = hours.map((h) => {
    const officer = byId.get(h.personId)!;
    return {
      ...h,
      name: officer.name,
      position: officer.position,
      unit: officer.unitName,
      certificateNumber: officer.certificateNumbers[0] ?? null,
    };
  });
  const shortfallIds = new Set(trainingShortfalls(hours).map((h) => h.personId));
  return {
    agency,
    year,
    today,
    requiredHours: required,
    plan: plan
      ? {
          id: plan.id,
          content: plan.content,
          plannedCourses: plan.planned_courses,
          plannedHours: plan.planned_hours,
          filedOn: plan.filed_on,
          updatedAt: plan.updated_at,
        }
      : null,
    planStanding: trainingPlanStanding(
      plan ? { filedOn: plan.filed_on } : null,
      year,
      today,
      settings.quality.trainingPlanDueMonth,
    ),
    courses: courses.map(presentCourse),
    exams: (await loadExams(db, agency.id, year)).map(presentExam),
    officers: officerRows,
    shortfalls: officerRows
      .filter((o) => shortfallIds.has(o.personId))
      .sort((a, b) => b.shortfall - a.shortfall),
    summary: {
      officers: officerRows.length,
      met: officerRows.filter((o) => o.met).length,
      courses: courses.length,
      hoursOffered: courses.reduce((sum, c) => sum + c.hours, 0),
    },
  };
}

export type TrainingOverview = Awaited<ReturnType<typeof trainingOverview>>;

// ─── Writes ────────────────────────────────────────────────────────────────────────

export interface PlanInput {
  year: number;
  content: string;
  plannedCourses: number;
  plannedHours: number;
  filedOn: IsoDate | null;
}

export async function savePlan(
  db: Kysely<DB>,
  agencyId: string,
  input: PlanInput,
  today: IsoDate,
  now: Date,
) {
  if (input.filedOn && input.filedOn > today)
    throw new AppError('RULE_VIOLATION', '报送日期不能晚于今天', { field: 'body.filedOn' });
  if (input.filedOn && input.filedOn < `${input.year - 1}-01-01`)
    throw new AppError('RULE_VIOLATION', `报送日期应在 ${input.year - 1} 年或 ${input.year} 年`, {
      field: 'body.filedOn',
    });
  return db
    .insertInto('training_plan')
    .values({
      agency_id: agencyId,
      year: input.year,
      content: input.content,
      planned_courses: input.plannedCourses,
      planned_hours: input.plannedHours,
      filed_on: input.filedOn,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'year']).doUpdateSet({
        content: input.content,
        planned_courses: input.plannedCourses,
        planned_hours: input.plannedHours,
        filed_on: input.filedOn,
        updated_at: now,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}

export interface CourseInput {
  title: string;
  heldOn: IsoDate;
  hours: number;
  kind: TrainingKind;
  organiser: string;
  location: string;
}

async function refuseDuplicateTitle(
  db: Kysely<DB>,
  agencyId: string,
  year: number,
  title: string,
  except?: string,
) {
  let query = db
    .selectFrom('training_course')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('title', '=', title);
  if (except) query = query.where('id', '<>', except);
  if (await query.executeTakeFirst())
    throw new AppError('CONFLICT', `${year} 年已有名为“${title}”的课程（导入出勤按课程名称对应，须唯一）`, {
      field: 'body.title',
    });
}

export async function addCourse(db: Kysely<DB>, agencyId: string, input: CourseInput, now: Date) {
  const year = Number(input.heldOn.slice(0, 4));
  await refuseDuplicateTitle(db, agencyId, year, input.title);
  return db
    .insertInto('training_course')
    .values({
      agency_id: agencyId,
      year,
      title: input.title,
      held_on: input.heldOn,
      hours: input.hours,
      kind: input.kind,
      organiser: input.organiser,
      location: input.location,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'year'])
    .executeTakeFirstOrThrow();
}

export async function loadCourseForChange(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('training_course')
    .select(['id', 'agency_id', 'year', 'title', 'hours'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateCourse(
  db: Kysely<DB>,
  course: { id: string; agency_id: string; year: number },
  change: Partial<CourseInput>,
  now: Date,
) {
  if (change.heldOn && Number(change.heldOn.slice(0, 4)) !== course.year)
    throw new AppError('RULE_VIOLATION', `课程属于 ${course.year} 年度的台账，日期不能改到其他年度`, {
      field: 'body.heldOn',
    });
  if (change.title) await refuseDuplicateTitle(db, course.agency_id, course.year, change.title, course.id);
  if (change.hours !== undefined) {
    const over = await db
      .selectFrom('training_attendance')
      .select(sql<number>`max(hours_credited)`.as('max'))
      .where('course_id', '=', course.id)
      .executeTakeFirst();
    if (over?.max != null && over.max > change.hours)
      throw new AppError('RULE_VIOLATION', `已有人员计入 ${over.max} 学时，课程学时不能少于此数`, {
        field: 'body.hours',
      });
  }
  const set = {
    ...(change.title !== undefined && { title: change.title }),
    ...(change.heldOn !== undefined && { held_on: change.heldOn }),
    ...(change.hours !== undefined && { hours: change.hours }),
    ...(change.kind !== undefined && { kind: change.kind }),
    ...(change.organiser !== undefined && { organiser: change.organiser }),
    ...(change.location !== undefined && { location: change.location }),
  };
  if (Object.keys(set).length === 0)
    throw new AppError('VALIDATION_FAILED', '没有要修改的字段', { field: 'body' });
  await db
    .updateTable('training_course')
    .set({ ...set, updated_at: now })
    .where('id', '=', course.id)
    .execute();
}

export interface AttendanceEntry {
  courseId: string;
  personId: string;
  present: boolean;
  hoursCredited: number;
}

/** Inserts or replaces attendance rows (one per course and person). */
export async function writeAttendance(
  db: Kysely<DB>,
  agencyId: string,
  entries: AttendanceEntry[],
  now: Date,
) {
  if (entries.length === 0) return;
  await db
    .insertInto('training_attendance')
    .values(
      entries.map((e) => ({
        agency_id: agencyId,
        course_id: e.courseId,
        person_id: e.personId,
        present: e.present,
        hours_credited: e.hoursCredited,
        recorded_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['course_id', 'person_id']).doUpdateSet((eb) => ({
        present: eb.ref('excluded.present'),
        hours_credited: eb.ref('excluded.hours_credited'),
        recorded_at: eb.ref('excluded.recorded_at'),
      })),
    )
    .execute();
}

/**
 * Attendance typed in the console for one course: each person must be an officer
 * in post; hours default to the course's when present and must be 0 when absent.
 */
export function checkCourseAttendance(
  course: { id: string; hours: number },
  roster: RosterEntry[],
  entries: { personId: string; present: boolean; hoursCredited?: number | undefined }[],
): AttendanceEntry[] {
  const inRoster = new Set(roster.map((r) => r.personId));
  const seen = new Set<string>();
  return entries.map((entry, i) => {
    const field = (name: string) => `body.entries.${i}.${name}`;
    if (!inRoster.has(entry.personId))
      throw new AppError('RULE_VIOLATION', '该人员不是本机关在岗执法人员', { field: field('personId') });
    if (seen.has(entry.personId))
      throw new AppError('VALIDATION_FAILED', '同一人员重复登记', { field: field('personId') });
    seen.add(entry.personId);
    const hours = entry.hoursCredited ?? (entry.present ? course.hours : 0);
    if (!entry.present && hours > 0)
      throw new AppError('RULE_VIOLATION', '缺勤不能计学时', { field: field('hoursCredited') });
    if (hours > course.hours)
      throw new AppError('RULE_VIOLATION', `计入学时不能超过课程的 ${course.hours} 学时`, {
        field: field('hoursCredited'),
      });
    if (!isValidHours(hours))
      throw new AppError('VALIDATION_FAILED', '学时应为整数或半小时', { field: field('hoursCredited') });
    return { courseId: course.id, personId: entry.personId, present: entry.present, hoursCredited: hours };
  });
}

export async function courseDetail(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('training_course')
    .select(['id', 'agency_id', 'year', 'title', 'held_on', 'hours', 'kind', 'organiser', 'location'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Everyone of the roster with whatever was recorded for them on one course. */
export async function courseAttendance(db: Kysely<DB>, course: { id: string; agency_id: string }) {
  const roster = await trainingRoster(db, course.agency_id);
  const recorded = await db
    .selectFrom('training_attendance as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .select(['a.person_id', 'p.name', 'a.present', 'a.hours_credited'])
    .where('a.course_id', '=', course.id)
    .execute();
  const byPerson = new Map(recorded.map((r) => [r.person_id, r]));
  const rows = roster.map((o) => {
    const r = byPerson.get(o.personId);
    return {
      personId: o.personId,
      name: o.name,
      unit: o.unitName,
      inRoster: true,
      present: r ? r.present : null,
      hoursCredited: r ? r.hours_credited : null,
    };
  });
  // Someone recorded earlier who has since left stays visible, marked as no longer in post.
  const inRoster = new Set(roster.map((o) => o.personId));
  for (const r of recorded)
    if (!inRoster.has(r.person_id))
      rows.push({
        personId: r.person_id,
        name: r.name,
        unit: null,
        inRoster: false,
        present: r.present,
        hoursCredited: r.hours_credited,
      });
  return rows;
}

export interface ExamInput {
  title: string;
  heldOn: IsoDate;
  courseId: string | null;
  fullMark: number;
  passMark: number;
}

export async function addExam(db: Kysely<DB>, agencyId: string, input: ExamInput, now: Date) {
  if (input.passMark > input.fullMark)
    throw new AppError('VALIDATION_FAILED', '及格分不能高于满分', { field: 'body.passMark' });
  const year = Number(input.heldOn.slice(0, 4));
  if (input.courseId) {
    const course = await db
      .selectFrom('training_course')
      .select(['agency_id', 'year'])
      .where('id', '=', input.courseId)
      .executeTakeFirst();
    if (course?.agency_id !== agencyId)
      throw new AppError('VALIDATION_FAILED', '课程不存在或不属于该执法主体', { field: 'body.courseId' });
  }
  const taken = await db
    .selectFrom('training_exam')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('title', '=', input.title)
    .executeTakeFirst();
  if (taken)
    throw new AppError('CONFLICT', `${year} 年已有名为“${input.title}”的考试`, { field: 'body.title' });
  return db
    .insertInto('training_exam')
    .values({
      agency_id: agencyId,
      year,
      course_id: input.courseId,
      title: input.title,
      held_on: input.heldOn,
      full_mark: input.fullMark,
      pass_mark: input.passMark,
      created_at: now,
    })
    .returning(['id', 'year'])
    .executeTakeFirstOrThrow();
}

export async function loadExamForChange(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('training_exam')
    .select(['id', 'agency_id', 'year', 'title', 'full_mark', 'pass_mark'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function writeScores(
  db: Kysely<DB>,
  exam: { id: string; agency_id: string; full_mark: number },
  roster: RosterEntry[],
  scores: { personId: string; score: number }[],
  now: Date,
) {
  const inRoster = new Set(roster.map((r) => r.personId));
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    if (!inRoster.has(s.personId))
      throw new AppError('RULE_VIOLATION', '该人员不是本机关在岗执法人员', {
        field: `body.scores.${i}.personId`,
      });
    if (seen.has(s.personId))
      throw new AppError('VALIDATION_FAILED', '同一人员重复登记', { field: `body.scores.${i}.personId` });
    seen.add(s.personId);
    if (s.score > exam.full_mark)
      throw new AppError('VALIDATION_FAILED', `成绩不能高于满分 ${exam.full_mark}`, {
        field: `body.scores.${i}.score`,
      });
  });
  await db
    .insertInto('training_exam_score')
    .values(
      scores.map((s) => ({
        agency_id: exam.agency_id,
        exam_id: exam.id,
        person_id: s.personId,
        score: s.score,
        recorded_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['exam_id', 'person_id']).doUpdateSet((eb) => ({
        score: eb.ref('excluded.score'),
        recorded_at: eb.ref('excluded.recorded_at'),
      })),
    )
    .execute();
}

export async function examDetail(db: Kysely<DB>, exam: { id: string; agency_id: string; pass_mark: number }) {
  const roster = await trainingRoster(db, exam.agency_id);
  const scores = await db
    .selectFrom('training_exam_score as s')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .select(['s.person_id', 'p.name', 's.score'])
    .where('s.exam_id', '=', exam.id)
    .execute();
  const byPerson = new Map(scores.map((s) => [s.person_id, s]));
  const rows = roster.map((o) => {
    const s = byPerson.get(o.personId);
    return {
      personId: o.personId,
      name: o.name,
      unit: o.unitName,
      score: s ? s.score : null,
      passed: s ? examPassed(s.score, exam.pass_mark) : null,
    };
  });
  const inRoster = new Set(roster.map((o) => o.personId));
  for (const s of scores)
    if (!inRoster.has(s.person_id))
      rows.push({
        personId: s.person_id,
        name: s.name,
        unit: null,
        score: s.score,
        passed: examPassed(s.score, exam.pass_mark),
      });
  return rows;
}
