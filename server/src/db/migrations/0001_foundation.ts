import { type Kysely, sql } from 'kysely';

/**
 * Foundation: agencies, units, users and sessions; the working-day calendar;
 * the versioned jurisdiction settings. Calendar and settings are deployment-wide
 * reference tables (no agency_id): every agency counts the same statutory days.
 */
const statements = [
  `CREATE TABLE agency (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    parent_id uuid REFERENCES agency(id),
    name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 2 AND 100),
    short_name text NOT NULL CHECK (length(short_name) BETWEEN 1 AND 20),
    level text NOT NULL CHECK (level IN ('province', 'city', 'county', 'township')),
    domain text NOT NULL,
    credit_code char(18) NOT NULL UNIQUE,
    region_code char(6) NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX agency_parent_idx ON agency (parent_id)`,
  `CREATE TABLE agency_supervision (
    supervisor_agency_id uuid NOT NULL REFERENCES agency(id),
    agency_id uuid NOT NULL REFERENCES agency(id),
    PRIMARY KEY (supervisor_agency_id, agency_id),
    CHECK (supervisor_agency_id <> agency_id)
  )`,
  `CREATE TABLE unit (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    parent_id uuid REFERENCES unit(id),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (agency_id, name)
  )`,
  // 三员分立 is enforced here as well as in the service: no row may combine two
  // of the three administrator roles.
  `CREATE TABLE app_user (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    unit_id uuid REFERENCES unit(id),
    username text NOT NULL UNIQUE CHECK (username ~ '^[a-z][a-z0-9_.-]{2,31}$'),
    display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
    roles text[] NOT NULL CHECK (cardinality(roles) >= 1),
    password_hash text NOT NULL,
    password_changed_at timestamptz NOT NULL,
    failed_logins integer NOT NULL DEFAULT 0,
    locked_until timestamptz,
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_user_separate_administrators CHECK (
      (('system_admin' = ANY (roles))::int + ('security_admin' = ANY (roles))::int
        + ('audit_admin' = ANY (roles))::int) <= 1
    )
  )`,
  `CREATE INDEX app_user_agency_idx ON app_user (agency_id)`,
  `CREATE TABLE user_session (
    id char(64) PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES app_user(id),
    agency_id uuid NOT NULL REFERENCES agency(id),
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    ip text NOT NULL,
    revoked_at timestamptz
  )`,
  `CREATE INDEX user_session_user_idx ON user_session (user_id)`,
  `CREATE TABLE calendar_year (
    year integer PRIMARY KEY CHECK (year BETWEEN 1949 AND 2200),
    source text NOT NULL,
    updated_by uuid REFERENCES app_user(id),
    updated_at timestamptz NOT NULL
  )`,
  `CREATE TABLE calendar_day (
    date date PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    updated_by uuid REFERENCES app_user(id),
    updated_at timestamptz NOT NULL
  )`,
  `CREATE TABLE settings_version (
    version serial PRIMARY KEY,
    values jsonb NOT NULL,
    changed_by uuid REFERENCES app_user(id),
    changed_at timestamptz NOT NULL,
    note text NOT NULL
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
