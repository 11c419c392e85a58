import { type Kysely, sql } from 'kysely';

/**
 * Running clocks as rows (issue 21): every clock running on an open case — the case time limit,
 * the party's defence and hearing-request periods, service, payment, seizure, major filing — with
 * its due date, rewritten in the transaction of each change to the case and recounted when the
 * calendar or the settings change; lists and worklists filter and order on them in the database.
 * `clocks_counted` marks the cases counted since: cases from before this migration, and cases a
 * seed wrote directly, are counted at the next start.
 */
const statements = [
  `CREATE TABLE case_clock (
    case_id uuid NOT NULL REFERENCES enforcement_case(id),
    agency_id uuid NOT NULL REFERENCES agency(id),
    clock text NOT NULL CHECK (length(clock) BETWEEN 1 AND 40),
    owner text NOT NULL CHECK (owner IN ('agency', 'party')),
    started_on date NOT NULL,
    due_on date NOT NULL,
    -- A party's period that simply ends on its due day (陈述申辩, 听证申请): never overdue.
    lapses boolean NOT NULL,
    -- A paused case time limit: its due day moves on each day the pause lasts, so it is not overdue.
    paused boolean NOT NULL,
    PRIMARY KEY (case_id, clock)
  )`,
  'CREATE INDEX case_clock_due ON case_clock (agency_id, due_on)',
  'ALTER TABLE enforcement_case ADD COLUMN clocks_counted boolean NOT NULL DEFAULT false',
  `CREATE INDEX enforcement_case_uncounted ON enforcement_case (id)
    WHERE NOT clocks_counted AND archived_at IS NULL`,
  // The case list's order, per agency and across a supervisor's agencies.
  'CREATE INDEX enforcement_case_agency_updated ON enforcement_case (agency_id, updated_at DESC, id DESC)',
  'CREATE INDEX enforcement_case_updated ON enforcement_case (updated_at DESC, id DESC)',
  // Open cases, a few per cent of a decade's: what the worklists and "mine" ask for.
  `CREATE INDEX enforcement_case_open ON enforcement_case (agency_id, updated_at DESC, id DESC)
    WHERE archived_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
