/**
 * Authorization-matrix fixtures and example requests for the training ledger
 * (Q3), the reviewer register (L2), the agency profile (P2) and window boards
 * (P8): one record of each per side, and a well-formed request per route.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { attendanceSheetColumns } from '../modules/training/sheets.js';
import { writeWorkbook } from '../xlsx/sheet.js';
import { blankRow } from './sheets.js';

export interface TrainingFixtures {
  course: string;
  exam: string;
  reviewer: string;
  windowBoard: string;
}

export async function createTrainingFixtures(
  db: Kysely<DB>,
  side: string,
  agencyId: string,
  personId: string,
  now: Date,
): Promise<TrainingFixtures> {
  const course = await db
    .insertInto('training_course')
    .values({
      agency_id: agencyId,
      year: 2025,
      title: `矩阵课程-${side}`,
      held_on: '2025-05-01',
      hours: 4,
      kind: 'legal',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const exam = await db
    .insertInto('training_exam')
    .values({
      agency_id: agencyId,
      year: 2025,
      course_id: course.id,
      title: `矩阵考试-${side}`,
      held_on: '2025-05-02',
      full_mark: 100,
      pass_mark: 60,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const reviewer = await db
    .insertInto('reviewer_register')
    .values({ agency_id: agencyId, person_id: personId, membership: 'staff', appointed_on: '2025-01-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const windowBoard = await db
    .insertInto('window_board')
    .values({
      agency_id: agencyId,
      name: `矩阵窗口-${side}`,
      enforcement_types: ['licensing'],
      services: ['矩阵事项'],
      office_hours: '工作日',
      phone: '0000-0000000',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { course: course.id, exam: exam.id, reviewer: reviewer.id, windowBoard: windowBoard.id };
}

/** Which fixture each path parameter names; `publicAgency` is the own agency, open to anyone. */
export const trainingPathResources: Record<string, keyof TrainingFixtures | 'agency' | 'publicAgency'> = {
  '/api/agencies/:id/profile': 'agency',
  '/api/training/courses/:id': 'course',
  '/api/training/courses/:id/attendance': 'course',
  '/api/training/exams/:id': 'exam',
  '/api/training/exams/:id/scores': 'exam',
  '/api/reviewers/:id': 'reviewer',
  '/api/window-boards/:id': 'windowBoard',
  '/agencies/:id': 'publicAgency',
  '/agencies/:id/reviewers': 'publicAgency',
  '/agencies/:id/windows': 'publicAgency',
};

/** A one-row attendance sheet (for a person who is not an officer: refused row by row, nothing written). */
export async function attendanceSheetBase64(): Promise<string> {
  const row = {
    ...blankRow(attendanceSheetColumns),
    name: '矩阵人员',
    certificateNumber: '',
    course: '矩阵课程-own',
    hours: '4',
    attendance: '出勤',
  };
  const sheet = await writeWorkbook([{ name: '出勤', columns: attendanceSheetColumns, rows: [row] }], {
    creator: 'matrix',
    created: new Date(0),
  });
  return sheet.toString('base64');
}

type Example = {
  body?: unknown;
  query?: Record<string, string>;
  agencyScoped?: boolean;
};

let serial = 0;
const next = () => {
  serial += 1;
  return serial;
};

export const profileExample = {
  legalBasis: '矩阵测试',
  duties: '矩阵测试',
  address: '矩阵测试',
  phone: '0000-0000000',
  officeHours: '工作日',
  supervisionPhone: '0000-0000000',
  supervisionEmail: '',
  reconsiderationBody: '矩阵测试',
  litigationCourt: '矩阵测试',
};

const boardExample = () => ({
  name: `矩阵窗口${next()}`,
  unitId: null,
  enforcementTypes: ['licensing'],
  services: ['矩阵事项'],
  officeHours: '工作日',
  phone: '0000-0000000',
});

/** Example requests by route, per side; `agency` and `person` are the side's fixtures. */
export function trainingExamples<S extends string>(
  fixture: (side: S) => { agency: string; person: string },
  sheet: () => string,
): Record<string, (side: S) => Example> {
  const agency = (side: S) => fixture(side).agency;
  return {
    'GET /api/training': (side) => ({ query: { agencyId: agency(side), year: '2025' }, agencyScoped: true }),
    'GET /api/training/export': (side) => ({
      query: { agencyId: agency(side), year: '2025' },
      agencyScoped: true,
    }),
    'PUT /api/training/plan': (side) => ({
      body: {
        agencyId: agency(side),
        year: 2025,
        content: '矩阵测试',
        plannedCourses: 1,
        plannedHours: 4,
        filedOn: null,
      },
      agencyScoped: true,
    }),
    'POST /api/training/courses': (side) => ({
      body: {
        agencyId: agency(side),
        title: `矩阵课程${next()}`,
        heldOn: '2025-06-01',
        hours: 2,
        kind: 'legal',
      },
      agencyScoped: true,
    }),
    'PATCH /api/training/courses/:id': () => ({ body: { location: '矩阵测试' } }),
    // The side's person is not an officer: the request is well-formed and refused as a rule (422).
    'PUT /api/training/courses/:id/attendance': (side) => ({
      body: { entries: [{ personId: fixture(side).person, present: true }] },
    }),
    'POST /api/training/exams': (side) => ({
      body: { agencyId: agency(side), title: `矩阵考试${next()}`, heldOn: '2025-06-01', passMark: 60 },
      agencyScoped: true,
    }),
    'PUT /api/training/exams/:id/scores': (side) => ({
      body: { scores: [{ personId: fixture(side).person, score: 80 }] },
    }),
    'POST /api/training/import': (side) => ({
      body: { agencyId: agency(side), year: 2025, content: sheet() },
      agencyScoped: true,
    }),
    'GET /api/reviewers': (side) => ({ query: { agencyId: agency(side) }, agencyScoped: true }),
    'POST /api/reviewers': (side) => ({
      body: { personId: fixture(side).person, membership: 'staff' },
      agencyScoped: true,
    }),
    'PATCH /api/reviewers/:id': () => ({ body: { qualification: '矩阵测试' } }),
    'GET /api/window-boards': (side) => ({ query: { agencyId: agency(side) }, agencyScoped: true }),
    'POST /api/window-boards': (side) => ({
      body: { agencyId: agency(side), ...boardExample() },
      agencyScoped: true,
    }),
    'PUT /api/window-boards/:id': () => ({ body: boardExample() }),
    'PUT /api/agencies/:id/profile': () => ({ body: profileExample }),
  };
}
