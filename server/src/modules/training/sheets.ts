/**
 * 培训台账 as .xlsx (Q3): attendance imported from a sheet with the columns 姓名
 * or 执法证号, 课程, 学时, 出勤 — checked row by row by core, nothing written if
 * any row fails — and the whole ledger of a year exported: plan, courses,
 * attendance (in the import format, so an exported sheet imports again), exams
 * and per-officer totals.
 */
import { createHash } from 'node:crypto';
import {
  attendanceColumns,
  checkAttendanceRows,
  type ImportedAttendance,
  type IsoDate,
  type JurisdictionSettings,
  trainingKindLabels,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { readSheet, rowProblemsError, type SheetColumn, writeWorkbook } from '../../xlsx/sheet.js';
import { loadCourses, trainingOverview, trainingRoster, writeAttendance } from './service.js';

type AttendanceKey = 'name' | 'certificateNumber' | 'unit' | 'course' | 'heldOn' | 'hours' | 'attendance';

/** The attendance sheet: what an import reads and what the export writes (plus unit and date, for people). */
export const attendanceSheetColumns: readonly SheetColumn<AttendanceKey>[] = [
  { key: 'name', header: attendanceColumns.name, width: 12 },
  { key: 'certificateNumber', header: attendanceColumns.certificateNumber, width: 18 },
  { key: 'unit', header: '承办机构', width: 16, exportOnly: true },
  { key: 'course', header: attendanceColumns.course, width: 32, required: true },
  { key: 'heldOn', header: '培训日期', width: 12, exportOnly: true },
  { key: 'hours', header: attendanceColumns.hours, width: 8 },
  { key: 'attendance', header: attendanceColumns.attendance, width: 8, required: true },
];

/** The sheet an import reads first: the export's attendance sheet, so an exported workbook imports as is. */
export const attendanceSheetName = '出勤';
const maxImportRows = 5000;

export async function importAttendance(
  db: Kysely<DB>,
  agencyId: string,
  year: number,
  data: Buffer,
  now: Date,
  dryRun = false,
): Promise<{ entries: ImportedAttendance[]; sheetSha256: string; courses: number }> {
  const rows = await readSheet(data, attendanceSheetColumns, {
    maxRows: maxImportRows,
    sheetName: attendanceSheetName,
  });
  const roster = await trainingRoster(db, agencyId);
  const courses = await loadCourses(db, agencyId, year);
  const { entries, problems } = checkAttendanceRows(
    rows.map((r) => ({
      row: r.row,
      name: r.values.name,
      certificateNumber: r.values.certificateNumber,
      course: r.values.course,
      hours: r.values.hours,
      attendance: r.values.attendance,
    })),
    roster,
    courses.map((c) => ({ id: c.id, title: c.title, hours: c.hours })),
  );
  if (problems.length > 0) throw rowProblemsError(problems, '出勤记录');
  if (!dryRun) await writeAttendance(db, agencyId, entries, now);
  return {
    entries,
    sheetSha256: createHash('sha256').update(data).digest('hex'),
    courses: new Set(entries.map((e) => e.courseId)).size,
  };
}

const yesNo = (value: boolean) => (value ? '是' : '否');

/** The whole ledger of one agency and year as a workbook. */
export async function exportLedger(
  db: Kysely<DB>,
  agency: { id: string; name: string },
  year: number,
  today: IsoDate,
  settings: JurisdictionSettings,
  now: Date,
): Promise<Buffer> {
  const ledger = await trainingOverview(db, agency, year, today, settings);
  const attendance = await db
    .selectFrom('training_attendance as a')
    .innerJoin('training_course as c', 'c.id', 'a.course_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .leftJoin('unit as n', 'n.id', 'p.unit_id')
    .select([
      'p.name',
      'n.name as unit_name',
      'c.title',
      'c.held_on',
      'a.present',
      'a.hours_credited',
      (eb) =>
        eb
          .selectFrom('certificate as x')
          .select('x.number')
          .whereRef('x.person_id', '=', 'a.person_id')
          .orderBy('x.valid_to', 'desc')
          .orderBy('x.number')
          .limit(1)
          .as('certificate_number'),
    ])
    .where('a.agency_id', '=', agency.id)
    .where('c.year', '=', year)
    .orderBy('c.held_on')
    .orderBy('c.title')
    .orderBy('n.name')
    .orderBy('p.name')
    .execute();
  const plan = ledger.plan;
  return writeWorkbook<string>(
    [
      {
        name: '年度计划',
        columns: [
          { key: 'field', header: '项目', width: 18 },
          { key: 'value', header: '内容', width: 80 },
        ],
        rows: [
          { field: '执法主体', value: agency.name },
          { field: '年度', value: year },
          { field: '培训计划', value: plan?.content ?? '（未制定）' },
          { field: '计划课程数', value: plan?.plannedCourses ?? null },
          { field: '计划学时', value: plan?.plannedHours ?? null },
          { field: '报送日期', value: plan?.filedOn ?? '' },
          { field: '报送期限', value: ledger.planStanding.deadline },
          { field: '报送情况', value: ledger.planStanding.label },
          { field: '每人年度应修学时', value: ledger.requiredHours },
          { field: '导出日期', value: today },
        ],
      },
      {
        name: '课程',
        columns: [
          { key: 'title', header: '课程', width: 32 },
          { key: 'heldOn', header: '培训日期', width: 12 },
          { key: 'kind', header: '类别', width: 10 },
          { key: 'hours', header: '学时', width: 8 },
          { key: 'organiser', header: '组织单位', width: 18 },
          { key: 'location', header: '地点', width: 20 },
          { key: 'present', header: '出勤人数', width: 10 },
          { key: 'absent', header: '缺勤人数', width: 10 },
        ],
        rows: ledger.courses.map((c) => ({
          title: c.title,
          heldOn: c.heldOn,
          kind: c.kindLabel,
          hours: c.hours,
          organiser: c.organiser,
          location: c.location,
          present: c.presentCount,
          absent: c.absentCount,
        })),
      },
      {
        name: attendanceSheetName,
        columns: attendanceSheetColumns,
        rows: attendance.map((a) => ({
          name: a.name,
          certificateNumber: a.certificate_number ?? '',
          unit: a.unit_name ?? '',
          course: a.title,
          heldOn: a.held_on,
          hours: a.hours_credited,
          attendance: a.present ? '出勤' : '缺勤',
        })),
      },
      {
        name: '学时统计',
        columns: [
          { key: 'name', header: '姓名', width: 12 },
          { key: 'certificateNumber', header: '执法证号', width: 18 },
          { key: 'unit', header: '承办机构', width: 16 },
          { key: 'political', header: trainingKindLabels.political, width: 10 },
          { key: 'legal', header: trainingKindLabels.legal, width: 10 },
          { key: 'professional', header: trainingKindLabels.professional, width: 10 },
          { key: 'total', header: '合计学时', width: 10 },
          { key: 'required', header: '应修学时', width: 10 },
          { key: 'shortfall', header: '差额', width: 8 },
          { key: 'met', header: '是否达标', width: 10 },
        ],
        rows: ledger.officers.map((o) => ({
          name: o.name,
          certificateNumber: o.certificateNumber ?? '',
          unit: o.unit ?? '',
          political: o.byKind.political,
          legal: o.byKind.legal,
          professional: o.byKind.professional,
          total: o.total,
          required: o.required,
          shortfall: o.shortfall,
          met: yesNo(o.met),
        })),
      },
      {
        name: '考试',
        columns: [
          { key: 'title', header: '考试', width: 32 },
          { key: 'heldOn', header: '考试日期', width: 12 },
          { key: 'course', header: '对应课程', width: 28 },
          { key: 'fullMark', header: '满分', width: 8 },
          { key: 'passMark', header: '及格分', width: 8 },
          { key: 'takers', header: '参考人数', width: 10 },
          { key: 'passed', header: '及格人数', width: 10 },
        ],
        rows: ledger.exams.map((e) => ({
          title: e.title,
          heldOn: e.heldOn,
          course: e.course?.title ?? '',
          fullMark: e.fullMark,
          passMark: e.passMark,
          takers: e.takers,
          passed: e.passed,
        })),
      },
    ],
    { creator: agency.name, created: now },
  );
}
