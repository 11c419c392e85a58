/**
 * 培训台账 (Q3) and the size of the legal review body (L2): pure rules.
 *
 * - The yearly training plan is due by the end of a month of the year (a setting,
 *   default March: the end of Q1). Its standing on a day: filed on time, filed late,
 *   pending (not filed, the deadline still ahead: a warning) or overdue.
 * - Hours credited per officer in a year, per kind of course, against the yearly
 *   requirement (a setting, default 60); the shortfall list is everyone below it.
 * - An attendance sheet is checked row by row before anything is written: every
 *   problem is reported with its row and column, and one bad row refuses the sheet.
 * - L2: reviewers at least a percentage of the officers (default 5%) and never
 *   fewer than a minimum (default 2).
 */
import type { IsoDate } from './dates.js';

/** 培训类别: 政治理论, 法律知识, 业务技能. */
export const trainingKinds = ['political', 'legal', 'professional'] as const;
export type TrainingKind = (typeof trainingKinds)[number];

export const trainingKindLabels: Record<TrainingKind, string> = {
  political: '政治理论',
  legal: '法律知识',
  professional: '业务技能',
};

/** Hours are whole or half hours (学时), up to this many for one course. */
export const maxCourseHours = 200;

/** Whether a number of hours is a whole or half hour within 0…max. */
export function isValidHours(hours: number, max = maxCourseHours): boolean {
  return Number.isFinite(hours) && hours >= 0 && hours <= max && Number.isInteger(hours * 2);
}

/** Sums of half hours are exact in binary; round anyway so a display never shows 59.99999. */
export const roundHours = (hours: number): number => Math.round(hours * 10) / 10;

// ─── The yearly plan (Q3: by the end of Q1) ────────────────────────────────────────

export type TrainingPlanState = 'filedOnTime' | 'filedLate' | 'pending' | 'overdue';

export const trainingPlanStateLabels: Record<TrainingPlanState, string> = {
  filedOnTime: '已按时报送',
  filedLate: '逾期报送',
  pending: '待报送',
  overdue: '逾期未报送',
};

export interface TrainingPlanStanding {
  state: TrainingPlanState;
  /** The last day the plan may be filed on time. */
  deadline: IsoDate;
  /** Days from today to the deadline (negative once past); null once filed. */
  daysLeft: number | null;
  label: string;
}

/** The last day of `month` (1–12) of `year`: the plan's deadline. */
export function trainingPlanDeadline(year: number, dueMonth = 3): IsoDate {
  const lastDay = new Date(Date.UTC(year, dueMonth, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(dueMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

const daysBetween = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The plan of `year` on `today`. Filed means a filing date is recorded; the deadline
 * day itself is still on time. Not filed: pending until the deadline, overdue after.
 */
export function trainingPlanStanding(
  plan: { filedOn: IsoDate | null } | null,
  year: number,
  today: IsoDate,
  dueMonth = 3,
): TrainingPlanStanding {
  const deadline = trainingPlanDeadline(year, dueMonth);
  const standing = (state: TrainingPlanState, daysLeft: number | null): TrainingPlanStanding => ({
    state,
    deadline,
    daysLeft,
    label:
      state === 'pending'
        ? `待报送（截止 ${deadline}，还剩 ${daysLeft} 天）`
        : state === 'overdue'
          ? `逾期未报送（截止 ${deadline}）`
          : trainingPlanStateLabels[state],
  });
  if (plan?.filedOn) return standing(plan.filedOn <= deadline ? 'filedOnTime' : 'filedLate', null);
  const daysLeft = daysBetween(today, deadline);
  return standing(daysLeft >= 0 ? 'pending' : 'overdue', daysLeft);
}

// ─── Hours per officer (Q3: at least 60 a year) ─────────────────────────────────────

export interface TrainingCourseFacts {
  id: string;
  heldOn: IsoDate;
  hours: number;
  kind: TrainingKind;
}

export interface AttendanceFacts {
  courseId: string;
  personId: string;
  present: boolean;
  hoursCredited: number;
}

export interface OfficerHours {
  personId: string;
  /** Hours credited in the year, all kinds. */
  total: number;
  byKind: Record<TrainingKind, number>;
  /** Courses attended (present) in the year. */
  coursesAttended: number;
  required: number;
  /** Hours still missing; 0 once the requirement is met. */
  shortfall: number;
  met: boolean;
}

/**
 * Hours credited to each officer in `year`: only courses held in that year count,
 * and an absence credits nothing whatever the hours say. Officers come back in the
 * order given, each with the requirement applied.
 */
export function officerTrainingHours(
  officerIds: readonly string[],
  courses: readonly TrainingCourseFacts[],
  attendance: readonly AttendanceFacts[],
  year: number,
  requiredHours: number,
): OfficerHours[] {
  const inYear = new Map(courses.filter((c) => Number(c.heldOn.slice(0, 4)) === year).map((c) => [c.id, c]));
  const totals = new Map(
    officerIds.map((id) => [
      id,
      { byKind: { political: 0, legal: 0, professional: 0 } as Record<TrainingKind, number>, attended: 0 },
    ]),
  );
  for (const entry of attendance) {
    const course = inYear.get(entry.courseId);
    const officer = totals.get(entry.personId);
    if (!course || !officer || !entry.present) continue;
    officer.byKind[course.kind] += Math.min(entry.hoursCredited, course.hours);
    officer.attended += 1;
  }
  return officerIds.map((personId) => {
    const { byKind, attended } = totals.get(personId)!;
    const total = roundHours(byKind.political + byKind.legal + byKind.professional);
    const shortfall = roundHours(Math.max(0, requiredHours - total));
    return {
      personId,
      total,
      byKind: {
        political: roundHours(byKind.political),
        legal: roundHours(byKind.legal),
        professional: roundHours(byKind.professional),
      },
      coursesAttended: attended,
      required: requiredHours,
      shortfall,
      met: shortfall === 0,
    };
  });
}

/** Everyone below the requirement, the largest shortfall first. */
export function trainingShortfalls(hours: readonly OfficerHours[]): OfficerHours[] {
  return hours.filter((h) => !h.met).sort((a, b) => b.shortfall - a.shortfall);
}

/** Q3 "exams and results": passed when the score reaches the pass mark. */
export function examPassed(score: number, passMark: number): boolean {
  return score >= passMark;
}

// ─── Importing an attendance sheet ──────────────────────────────────────────────────

/** Column headers of the attendance sheet, as people type them. */
export const attendanceColumns = {
  name: '姓名',
  certificateNumber: '执法证号',
  course: '课程',
  hours: '学时',
  attendance: '出勤',
} as const;

export interface AttendanceSheetRow {
  /** The row number in the sheet (the header is row 1). */
  row: number;
  name: string;
  certificateNumber: string;
  course: string;
  /** As typed: blank means the course's hours for someone present. */
  hours: string;
  attendance: string;
}

export interface RosterOfficer {
  personId: string;
  name: string;
  certificateNumbers: readonly string[];
}

export interface ImportCourse {
  id: string;
  title: string;
  hours: number;
}

export interface AttendanceRowProblem {
  row: number;
  column: string;
  message: string;
}

export interface ImportedAttendance {
  row: number;
  personId: string;
  courseId: string;
  present: boolean;
  hoursCredited: number;
}

const presentWords = new Set(['出勤', '是', '到', '已到', '参加', '√', '✓', 'Y', 'YES', '1']);
const absentWords = new Set(['缺勤', '否', '未到', '未参加', '缺席', '×', '✗', 'N', 'NO', '0']);

/**
 * Checks every row of an attendance sheet against the officers and the year's
 * courses: an officer by 执法证号 or, failing that, by a name that is unique;
 * a course by its exact title; 出勤 as 出勤/缺勤 (or 是/否); 学时 a whole or half
 * hour no more than the course's (blank: the course's hours when present, 0 when
 * absent). The same officer and course twice is a problem too. Entries are
 * returned only when there are no problems at all.
 */
export function checkAttendanceRows(
  rows: readonly AttendanceSheetRow[],
  roster: readonly RosterOfficer[],
  courses: readonly ImportCourse[],
): { entries: ImportedAttendance[]; problems: AttendanceRowProblem[] } {
  const problems: AttendanceRowProblem[] = [];
  const entries: ImportedAttendance[] = [];
  const byNumber = new Map<string, RosterOfficer>();
  for (const officer of roster)
    for (const number of officer.certificateNumbers) byNumber.set(number.toUpperCase(), officer);
  const byName = new Map<string, RosterOfficer[]>();
  for (const officer of roster) byName.set(officer.name, [...(byName.get(officer.name) ?? []), officer]);
  const byTitle = new Map<string, ImportCourse[]>();
  for (const course of courses) byTitle.set(course.title, [...(byTitle.get(course.title) ?? []), course]);
  const seen = new Map<string, number>();
  if (rows.length === 0) problems.push({ row: 1, column: '', message: '表格中没有出勤记录' });

  for (const row of rows) {
    const problem = (column: string, message: string) => problems.push({ row: row.row, column, message });
    const before = problems.length;
    // The officer: the certificate number decides when given; a name must be unique.
    let officer: RosterOfficer | undefined;
    const number = row.certificateNumber.trim().toUpperCase();
    const name = row.name.trim();
    if (number) {
      officer = byNumber.get(number);
      if (!officer)
        problem(attendanceColumns.certificateNumber, `执法证号“${number}”不是本机关在岗执法人员的证件`);
      else if (name && officer.name !== name) {
        problem(attendanceColumns.name, `姓名“${name}”与执法证号 ${number} 的持证人（${officer.name}）不符`);
        officer = undefined;
      }
    } else if (name) {
      const matches = byName.get(name) ?? [];
      if (matches.length === 0) problem(attendanceColumns.name, `“${name}”不是本机关在岗执法人员`);
      else if (matches.length > 1)
        problem(attendanceColumns.name, `本机关有 ${matches.length} 名执法人员叫“${name}”，请填写执法证号`);
      else officer = matches[0];
    } else problem(attendanceColumns.name, '姓名和执法证号至少填写一项');

    const title = row.course.trim();
    const matchingCourses = title ? (byTitle.get(title) ?? []) : [];
    const course = matchingCourses.length === 1 ? matchingCourses[0] : undefined;
    if (!title) problem(attendanceColumns.course, '课程不能为空');
    else if (matchingCourses.length === 0)
      problem(attendanceColumns.course, `本年度没有名为“${title}”的课程`);
    else if (matchingCourses.length > 1)
      problem(attendanceColumns.course, `本年度有多个名为“${title}”的课程`);

    const word = row.attendance.trim().toUpperCase();
    const present = presentWords.has(word) ? true : absentWords.has(word) ? false : undefined;
    if (present === undefined)
      problem(
        attendanceColumns.attendance,
        word
          ? `出勤应填“出勤”或“缺勤”，而不是“${row.attendance.trim()}”`
          : '出勤不能为空（填“出勤”或“缺勤”）',
      );

    const typed = row.hours.trim();
    let hours: number | undefined;
    if (typed === '') hours = present === false ? 0 : course?.hours;
    else {
      const value = Number(typed);
      if (!isValidHours(value))
        problem(attendanceColumns.hours, `学时应为 0–${maxCourseHours} 的整数或半小时，而不是“${typed}”`);
      else if (course && value > course.hours)
        problem(attendanceColumns.hours, `学时 ${value} 超过课程“${course.title}”的 ${course.hours} 学时`);
      else if (present === false && value > 0) problem(attendanceColumns.hours, '缺勤不能计学时');
      else hours = value;
    }

    if (officer && course) {
      const key = `${officer.personId}|${course.id}`;
      const first = seen.get(key);
      if (first !== undefined)
        problem(attendanceColumns.course, `与第 ${first} 行重复：同一人员同一课程只能有一条出勤记录`);
      else seen.set(key, row.row);
    }
    if (problems.length === before && officer && course && present !== undefined && hours !== undefined)
      entries.push({
        row: row.row,
        personId: officer.personId,
        courseId: course.id,
        present,
        hoursCredited: hours,
      });
  }
  return problems.length ? { entries: [], problems } : { entries, problems };
}

// ─── L2: the legal review body ──────────────────────────────────────────────────────

export interface ReviewerCapacity {
  officers: number;
  reviewers: number;
  /** ceil(officers × ratio%), before the minimum applies. */
  byRatio: number;
  /** The larger of the ratio and the minimum. */
  required: number;
  sufficient: boolean;
  /** How many reviewers are missing; 0 when sufficient. */
  shortBy: number;
  message: string;
}

/**
 * L2: reviewers ≥ ratio% of officers, rounded up (40 officers at 5% → 2; 41 → 3),
 * and ≥ the minimum.
 */
export function reviewerCapacity(
  officers: number,
  reviewers: number,
  settings: { reviewerRatioPercent: number; reviewerMinimum: number },
): ReviewerCapacity {
  // Rounded to 1e-9 first, so a product like 0.07 × 100 that lands a hair above an integer stays that integer.
  const byRatio = Math.ceil(Math.round(((officers * settings.reviewerRatioPercent) / 100) * 1e9) / 1e9);
  const required = Math.max(byRatio, settings.reviewerMinimum);
  const shortBy = Math.max(0, required - reviewers);
  return {
    officers,
    reviewers,
    byRatio,
    required,
    sufficient: shortBy === 0,
    shortBy,
    message:
      shortBy === 0
        ? `法制审核人员 ${reviewers} 名，符合要求（执法人员 ${officers} 名，应不少于 ${required} 名）`
        : `法制审核人员不足：执法人员 ${officers} 名，应不少于 ${required} 名（不低于 ${settings.reviewerRatioPercent}% 且不少于 ${settings.reviewerMinimum} 名），现有 ${reviewers} 名，还差 ${shortBy} 名`,
  };
}

/** 法制审核人员的类别: staff of the agency, or a legal adviser / public lawyer who joins (L2). */
export const reviewerMemberships = ['staff', 'legalAdviser', 'publicLawyer'] as const;
export type ReviewerMembership = (typeof reviewerMemberships)[number];

export const reviewerMembershipLabels: Record<ReviewerMembership, string> = {
  staff: '本机关工作人员',
  legalAdviser: '法律顾问',
  publicLawyer: '公职律师',
};
