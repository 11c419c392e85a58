/** Table types for Kysely; one interface per table, kept in step with migrations/. */

import type { CalendarDayKind, Role } from '@zhifa/core';
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type AgencyLevel = 'province' | 'city' | 'county' | 'township';

export interface AgencyTable {
  id: Generated<string>;
  parent_id: string | null;
  name: string;
  short_name: string;
  level: AgencyLevel;
  domain: string;
  credit_code: string;
  region_code: string;
  created_at: CreatedAt;
}

export interface AgencySupervisionTable {
  supervisor_agency_id: string;
  agency_id: string;
}

export interface UnitTable {
  id: Generated<string>;
  agency_id: string;
  parent_id: string | null;
  name: string;
  created_at: CreatedAt;
}

export interface AppUserTable {
  id: Generated<string>;
  agency_id: string;
  unit_id: string | null;
  username: string;
  display_name: string;
  roles: Role[];
  password_hash: string;
  password_changed_at: Timestamp;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  person_id: string | null;
  must_change_password: Generated<boolean>;
  totp_secret_cipher: string | null;
  totp_enabled_at: Timestamp | null;
}

export type PersonKind = 'officer' | 'auxiliary' | 'reviewer' | 'head' | 'staff';

export interface PersonTable {
  id: Generated<string>;
  agency_id: string;
  unit_id: string | null;
  name: string;
  kind: PersonKind;
  position: Generated<string>;
  id_number_cipher: string;
  id_number_digest: string;
  id_number_masked: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: string;
  agency_id: string;
  password_hash: string;
  created_at: Timestamp;
}

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface SecurityAuditTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  user_id: string | null;
  username: string | null;
  agency_id: string | null;
  ip: Generated<string>;
  event: string;
  outcome: AuditOutcome;
  target: Generated<string>;
  detail: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface UserSessionTable {
  id: string;
  user_id: string;
  agency_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string;
  revoked_at: Timestamp | null;
}

export interface CalendarYearTable {
  year: number;
  source: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface CalendarDayTable {
  date: string;
  kind: CalendarDayKind;
  name: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface SettingsVersionTable {
  version: Generated<number>;
  values: ColumnType<unknown, string, never>;
  changed_by: string | null;
  changed_at: Timestamp;
  note: string;
}

export interface LedgerStreamTable {
  stream_id: string;
  agency_id: string | null;
  head_seq: number;
  head_hash: string;
  updated_at: Timestamp;
}

export interface LedgerEventTable {
  id: Generated<number>;
  stream_id: string;
  seq: number;
  occurred_at: Timestamp;
  actor_id: string | null;
  agency_id: string | null;
  kind: string;
  payload: ColumnType<unknown, string, never>;
  prev_hash: string;
  hash: string;
}

export interface CheckpointLeafTable {
  leaf_index: number;
  stream_id: string;
  seq: number;
  event_hash: string;
}

export interface CheckpointTable {
  id: Generated<number>;
  tree_size: number;
  root: string;
  created_at: Timestamp;
  public_key: string;
  signature: string;
}

export interface EvidenceTable {
  id: Generated<string>;
  agency_id: string;
  sha256: string;
  sm3: string;
  size: number;
  media_type: string;
  original_name: string | null;
  captured_by: string;
  captured_at: Timestamp;
  location: string | null;
  device_id: string | null;
  duration_seconds: number | null;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface DB {
  agency: AgencyTable;
  agency_supervision: AgencySupervisionTable;
  unit: UnitTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  calendar_year: CalendarYearTable;
  calendar_day: CalendarDayTable;
  settings_version: SettingsVersionTable;
  person: PersonTable;
  password_history: PasswordHistoryTable;
  security_audit: SecurityAuditTable;
  ledger_stream: LedgerStreamTable;
  ledger_event: LedgerEventTable;
  checkpoint_leaf: CheckpointLeafTable;
  checkpoint: CheckpointTable;
  evidence: EvidenceTable;
}

export type Agency = Selectable<AgencyTable>;
export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
