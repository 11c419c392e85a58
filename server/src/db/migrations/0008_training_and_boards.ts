import { type Kysely, sql } from 'kysely';

/**
 * 培训台账 (Q3), the legal reviewer register (L2), the agency profile (P2) and
 * window boards (P8).
 *
 * Training: one plan per agency and year (filed_on is when it was filed: the
 * deadline is a setting), courses of a year, attendance per course and person,
 * exams with a pass mark and scores. Hours are whole or half hours, as double
 * precision: sums of halves are exact. Totals and shortfalls are derived in core,
 * never stored.
 *
 * `reviewer_register` lists the agency's 法制审核人员 with their qualification and
 * whether they are staff, a legal adviser or a public lawyer (L2); capacity
 * (≥ 5% of officers, ≥ 2) is derived. The agency gets the columns its public
 * profile needs (P2). A window board belongs to an agency; its staff are persons
 * of the register, so names and positions are never typed twice.
 */
const halfHours = (column: string, max: number) =>
  `CHECK (${column} >= 0 AND ${column} <= ${max} AND ${column} * 2 = trunc(${column} * 2))`;

const statements = [
  `ALTER TABLE agency
    ADD COLUMN legal_basis text NOT NULL DEFAULT '' CHECK (length(legal_basis) <= 4000),
    ADD COLUMN duties text NOT NULL DEFAULT '' CHECK (length(duties) <= 4000),
    ADD COLUMN address text NOT NULL DEFAULT '' CHECK (length(address) <= 200),
    ADD COLUMN phone text NOT NULL DEFAULT '' CHECK (length(phone) <= 50),
    ADD COLUMN office_hours text NOT NULL DEFAULT '' CHECK (length(office_hours) <= 200),
    ADD COLUMN supervision_phone text NOT NULL DEFAULT '' CHECK (length(supervision_phone) <= 50),
    ADD COLUMN supervision_email text NOT NULL DEFAULT '' CHECK (length(supervision_email) <= 100),
    ADD COLUMN reconsideration_body text NOT NULL DEFAULT '' CHECK (length(reconsideration_body) <= 200),
    ADD COLUMN litigation_court text NOT NULL DEFAULT '' CHECK (length(litigation_court) <= 200),
    ADD COLUMN profile_updated_at timestamptz`,
  `CREATE TABLE training_plan (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    content text NOT NULL CHECK (length(content) BETWEEN 1 AND 4000),
    planned_courses integer NOT NULL CHECK (planned_courses BETWEEN 0 AND 1000),
    planned_hours double precision NOT NULL ${halfHours('planned_hours', 10000)},
    filed_on date,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (agency_id, year)
  )`,
  `CREATE TABLE training_course (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    year integer NOT NULL,
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    held_on date NOT NULL,
    hours double precision NOT NULL ${halfHours('hours', 200)} CHECK (hours > 0),
    kind text NOT NULL CHECK (kind IN ('political', 'legal', 'professional')),
    organiser text NOT NULL DEFAULT '' CHECK (length(organiser) <= 100),
    location text NOT NULL DEFAULT '' CHECK (length(location) <= 200),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (agency_id, year, title),
    CHECK (year = EXTRACT(YEAR FROM held_on))
  )`,
  `CREATE INDEX training_course_agency_idx ON training_course (agency_id, year, held_on)`,
  `CREATE TABLE training_attendance (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    course_id uuid NOT NULL REFERENCES training_course(id),
    person_id uuid NOT NULL REFERENCES person(id),
    present boolean NOT NULL,
    hours_credited double precision NOT NULL ${halfHours('hours_credited', 200)},
    recorded_at timestamptz NOT NULL,
    UNIQUE (course_id, person_id),
    CHECK (present OR hours_credited = 0)
  )`,
  `CREATE INDEX training_attendance_person_idx ON training_attendance (agency_id, person_id)`,
  `CREATE TABLE training_exam (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    year integer NOT NULL,
    course_id uuid REFERENCES training_course(id),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    held_on date NOT NULL,
    full_mark double precision NOT NULL CHECK (full_mark > 0 AND full_mark <= 1000),
    pass_mark double precision NOT NULL CHECK (pass_mark >= 0 AND pass_mark <= full_mark),
    created_at timestamptz NOT NULL,
    UNIQUE (agency_id, year, title),
    CHECK (year = EXTRACT(YEAR FROM held_on))
  )`,
  `CREATE TABLE training_exam_score (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    exam_id uuid NOT NULL REFERENCES training_exam(id),
    person_id uuid NOT NULL REFERENCES person(id),
    score double precision NOT NULL CHECK (score >= 0 AND score <= 1000),
    recorded_at timestamptz NOT NULL,
    UNIQUE (exam_id, person_id)
  )`,
  `CREATE TABLE reviewer_register (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    person_id uuid NOT NULL UNIQUE REFERENCES person(id),
    membership text NOT NULL CHECK (membership IN ('staff', 'legalAdviser', 'publicLawyer')),
    qualification text NOT NULL DEFAULT '' CHECK (length(qualification) <= 100),
    appointed_on date NOT NULL,
    ended_on date,
    CHECK (ended_on IS NULL OR ended_on >= appointed_on)
  )`,
  `CREATE INDEX reviewer_register_agency_idx ON reviewer_register (agency_id)`,
  `CREATE TABLE window_board (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    unit_id uuid REFERENCES unit(id),
    enforcement_types text[] NOT NULL CHECK (cardinality(enforcement_types) BETWEEN 1 AND 6),
    services text[] NOT NULL CHECK (cardinality(services) BETWEEN 1 AND 50),
    office_hours text NOT NULL CHECK (length(office_hours) BETWEEN 1 AND 200),
    phone text NOT NULL CHECK (length(phone) BETWEEN 1 AND 50),
    location text NOT NULL DEFAULT '' CHECK (length(location) <= 200),
    sort_order integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (agency_id, name)
  )`,
  `CREATE TABLE window_board_staff (
    board_id uuid NOT NULL REFERENCES window_board(id) ON DELETE CASCADE,
    agency_id uuid NOT NULL REFERENCES agency(id),
    person_id uuid NOT NULL REFERENCES person(id),
    duty text NOT NULL DEFAULT '' CHECK (length(duty) <= 50),
    sort_order integer NOT NULL,
    PRIMARY KEY (board_id, person_id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
