/** Table types for Kysely; one interface per table, kept in step with migrations/. */

import type {
  CalendarDayKind,
  CertificateState,
  ClockId,
  EnforcementItemType,
  LawKind,
  LegalityReviewResult,
  PartyKind,
  ProcessKind,
  PublicationState,
  RecordingKind,
  ReviewerMembership,
  RevocationKind,
  Role,
  StageId,
  TrainingKind,
} from '@zhifa/core';
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
  // The public profile (P2, migration 0008).
  legal_basis: Generated<string>;
  duties: Generated<string>;
  address: Generated<string>;
  phone: Generated<string>;
  office_hours: Generated<string>;
  supervision_phone: Generated<string>;
  supervision_email: Generated<string>;
  reconsideration_body: Generated<string>;
  litigation_court: Generated<string>;
  profile_updated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Keeps the calendar, the settings and the law library for the whole deployment (migration 0016, SEC-5). */
  owns_deployment: Generated<boolean>;
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
  /** Set when the person left enforcement work (their certificates are cancelled then). */
  left_enforcement_on: ColumnType<string | null, string | null | undefined, string | null>;
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

/** Bumped by triggers on every change to the settings or the calendar (migration 0018). */
export interface RuleDataVersionTable {
  singleton: ColumnType<boolean, never, never>;
  version: ColumnType<string, never, never>;
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

/** Calendar dates (`date` columns) come back as ISO strings (see database.ts). */
type DateColumn = ColumnType<string, string, string>;

export interface CertificateTable {
  id: Generated<string>;
  agency_id: string;
  person_id: string;
  number: string;
  categories: string[];
  region_code: string;
  region_name: string;
  valid_from: DateColumn;
  valid_to: DateColumn;
  issuing_authority: string;
  annual_check_due: DateColumn;
  state: Generated<CertificateState>;
  revocation_kind: RevocationKind | null;
  state_reason: Generated<string>;
  issued_at: Timestamp;
  updated_at: Timestamp;
}

export type CertificateEventKind =
  | 'issued'
  | 'annualCheckPassed'
  | 'annualCheckFailed'
  | 'suspended'
  | 'reinstated'
  | 'revoked'
  | 'cancelled';

export interface CertificateEventTable {
  id: Generated<number>;
  certificate_id: string;
  agency_id: string;
  kind: CertificateEventKind;
  occurred_on: DateColumn;
  reason: Generated<string>;
  actor_id: string | null;
  recorded_at: Timestamp;
}

export interface CertificateCancellationTable {
  id: Generated<string>;
  agency_id: string;
  certificate_id: string;
  addressed_to_agency_id: string | null;
  reason: string;
  requested_on: DateColumn;
  requested_by: string | null;
  requested_at: Timestamp;
  completed_at: Timestamp | null;
  completed_by: string | null;
  completion_note: Generated<string>;
}

export interface AuxiliaryRegisterTable {
  id: Generated<string>;
  agency_id: string;
  person_id: string;
  duties: string;
  supervising_person_id: string | null;
  registered_on: DateColumn;
  ended_on: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 法律法规库 (migration 0007): one text (revision) of a legal norm, and its articles. */
export interface LawTable {
  id: Generated<string>;
  kind: LawKind;
  title: string;
  short_title: string;
  issuing_body: string;
  document_number: Generated<string>;
  promulgated_on: DateColumn;
  effective_on: DateColumn;
  amended_on: ColumnType<string | null, string | null | undefined, string | null>;
  repealed_on: ColumnType<string | null, string | null | undefined, string | null>;
  superseded_by: string | null;
  note: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LawArticleTable {
  id: Generated<string>;
  law_id: string;
  number: string;
  ordinal: number;
  text: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** 行政执法事项 (P3): the item, its numbered versions, their cited articles and legality reviews. */
export interface EnforcementItemTable {
  id: Generated<string>;
  agency_id: string;
  code: string;
  latest_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EnforcementItemVersionTable {
  id: Generated<string>;
  item_id: string;
  agency_id: string;
  version: number;
  revision: Generated<number>;
  name: string;
  type: EnforcementItemType;
  category: string;
  unit_id: string | null;
  duties: string;
  penalty_kinds: Generated<string[]>;
  fine_min_yuan: number | null;
  fine_max_yuan: number | null;
  penalty_note: Generated<string>;
  change_note: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface EnforcementItemBasisTable {
  version_id: string;
  article_id: string;
  position: number;
}

export interface LegalityReviewTable {
  id: Generated<number>;
  agency_id: string;
  item_id: string;
  version_id: string;
  revision: number;
  result: LegalityReviewResult;
  opinion: string;
  reviewer_id: string;
  reviewer_name: string;
  reviewed_at: Timestamp;
}

/** The publication workflow (P1, P10, P11), generic over the subject kind. */
export interface PublicationTable {
  id: Generated<string>;
  agency_id: string;
  subject_kind: string;
  subject_id: string;
  version: number;
  state: PublicationState;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  published_at: Timestamp | null;
  published_by: string | null;
  correction_note: Generated<string>;
  superseded_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
  withdrawal_reason: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type PublicationEventAction =
  | 'drafted'
  | 'submitted'
  | 'returned'
  | 'published'
  | 'corrected'
  | 'superseded'
  | 'withdrawn';

export interface PublicationEventTable {
  id: Generated<number>;
  publication_id: string;
  agency_id: string;
  subject_kind: string;
  subject_id: string;
  version: number;
  action: PublicationEventAction;
  note: Generated<string>;
  actor_id: string | null;
  actor_name: Generated<string>;
  occurred_at: Timestamp;
}

/** 培训台账 (Q3, migration 0008): plan, courses, attendance, exams and scores. Hours in half-hour steps. */
export interface TrainingPlanTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  content: string;
  planned_courses: number;
  planned_hours: number;
  filed_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrainingCourseTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  title: string;
  held_on: DateColumn;
  hours: number;
  kind: TrainingKind;
  organiser: Generated<string>;
  location: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrainingAttendanceTable {
  id: Generated<string>;
  agency_id: string;
  course_id: string;
  person_id: string;
  present: boolean;
  hours_credited: number;
  recorded_at: Timestamp;
}

export interface TrainingExamTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  course_id: string | null;
  title: string;
  held_on: DateColumn;
  full_mark: number;
  pass_mark: number;
  created_at: Timestamp;
}

export interface TrainingExamScoreTable {
  id: Generated<string>;
  agency_id: string;
  exam_id: string;
  person_id: string;
  score: number;
  recorded_at: Timestamp;
}

/** 法制审核人员 (L2, migration 0008). */
export interface ReviewerRegisterTable {
  id: Generated<string>;
  agency_id: string;
  person_id: string;
  membership: ReviewerMembership;
  qualification: Generated<string>;
  appointed_on: DateColumn;
  ended_on: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 窗口公示牌 (P8, migration 0008): a service window and its staff on duty. */
export interface WindowBoardTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  unit_id: string | null;
  enforcement_types: EnforcementItemType[];
  services: string[];
  office_hours: string;
  phone: string;
  location: Generated<string>;
  sort_order: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WindowBoardStaffTable {
  board_id: string;
  agency_id: string;
  person_id: string;
  duty: Generated<string>;
  sort_order: number;
}

/** 事前公开 lists (migration 0009): service guides, random-inspection items, benchmarks, exemptions. */
export type ListKind = 'serviceGuide' | 'inspectionItem' | 'discretionBenchmark' | 'exemption';

export interface ListEntryTable {
  id: Generated<string>;
  agency_id: string;
  kind: ListKind;
  latest_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ListEntryVersionTable {
  id: Generated<string>;
  entry_id: string;
  kind: ListKind;
  agency_id: string;
  version: number;
  title: string;
  enforcement_item_id: string | null;
  /** The kind's fields, as JSON (written as a JSON string, read back parsed). */
  content: ColumnType<unknown, string, string>;
  search_text: string;
  change_note: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ListEntryBasisTable {
  version_id: string;
  article_id: string;
  position: number;
}

// 执法文书 (migration 0011).
export interface DocumentCounterTable {
  agency_id: string;
  kind: string;
  year: number;
  last_serial: number;
}

export interface UserSigningKeyTable {
  user_id: string;
  agency_id: string;
  public_key: string;
  private_key_cipher: string;
  created_at: Timestamp;
}

export interface DocumentTable {
  id: string;
  agency_id: string;
  kind: string;
  title: string;
  year: number | null;
  serial: number | null;
  number: string | null;
  stream_id: string;
  template_source: 'default' | 'agency';
  template_sha256: string;
  sha256: string;
  sm3: string;
  size: number;
  signer_id: string;
  signer_name: string;
  signer_public_key: string;
  signature: string;
  signed_at: Timestamp;
  created_by: string | null;
  created_at: Timestamp;
}

export interface DocumentTemplateTable {
  agency_id: string;
  kind: string;
  sha256: string;
  sm3: string;
  size: number;
  original_name: string | null;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

/** 音像记录事项清单 (migration 0012): an agency's list, whole, as JSON. */
export interface RecordingListTable {
  agency_id: string;
  entries: ColumnType<unknown, string, string>;
  version: number;
  updated_by: string;
  updated_at: Timestamp;
}

/** 站内消息 (migration 0014): what the platform tells one user. */
export interface UserNoticeTable {
  id: Generated<string>;
  user_id: string;
  case_id: string | null;
  subject: string;
  body: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** 案件办理 (migration 0010): the case, its officers, its 笔录, its linked evidence. */
export interface EnforcementCaseTable {
  id: Generated<string>;
  agency_id: string;
  case_number: string | null;
  case_year: number | null;
  case_serial: number | null;
  process_kind: ProcessKind;
  stage: StageId;
  stage_outcome: string | null;
  completed_stages: Generated<StageId[]>;
  title: string;
  source: string;
  source_note: Generated<string>;
  party_kind: PartyKind;
  party_name: string;
  party_id_number_cipher: string | null;
  party_id_number_masked: string | null;
  party_address_cipher: ColumnType<string | null, string | null | undefined, string | null>;
  party_address_masked: ColumnType<string | null, string | null | undefined, string | null>;
  party_phone_cipher: ColumnType<string | null, string | null | undefined, string | null>;
  party_phone_masked: ColumnType<string | null, string | null | undefined, string | null>;
  /** An organisation's 法定代表人 or 负责人. */
  party_representative: ColumnType<string | null, string | null | undefined, string | null>;
  enforcement_item_id: string | null;
  /** The stored fact sections (modules/cases/schema.ts), written as a JSON string, read back parsed. */
  facts: ColumnType<unknown, string, string>;
  major: Generated<boolean>;
  registered_on: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  archived_at: Timestamp | null;
  /** Whether case_clock holds this case's clocks (issue 21); false for cases a seed or an older version wrote. */
  clocks_counted: Generated<boolean>;
}

/** One clock running on an open case (migration 0015). */
export interface CaseClockTable {
  case_id: string;
  agency_id: string;
  clock: ClockId;
  owner: 'agency' | 'party';
  started_on: ColumnType<string, string, string>;
  due_on: ColumnType<string, string, string>;
  lapses: boolean;
  paused: boolean;
}

export type CaseOfficerRole = 'lead' | 'assisting' | 'assistant';

export interface CaseOfficerTable {
  case_id: string;
  agency_id: string;
  person_id: string;
  person_kind: PersonKind;
  role: CaseOfficerRole;
  assigned_by: string | null;
  assigned_at: Timestamp;
}

export type CaseRecordKind = 'inquiry' | 'onSite' | 'hearing' | 'defence';

export interface CaseRecordTable {
  id: Generated<string>;
  case_id: string;
  agency_id: string;
  kind: CaseRecordKind;
  stage: StageId;
  content: ColumnType<unknown, string, never>;
  made_at: Timestamp;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface CaseEvidenceTable {
  id: Generated<string>;
  case_id: string;
  agency_id: string;
  evidence_id: string;
  stage: StageId;
  party_name: string | null;
  recording_kind: RecordingKind | null;
  description: Generated<string>;
  linked_by: string;
  linked_at: Timestamp;
}

export interface DB {
  agency: AgencyTable;
  agency_supervision: AgencySupervisionTable;
  unit: UnitTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  calendar_year: CalendarYearTable;
  calendar_day: CalendarDayTable;
  user_notice: UserNoticeTable;
  case_clock: CaseClockTable;
  settings_version: SettingsVersionTable;
  rule_data_version: RuleDataVersionTable;
  person: PersonTable;
  password_history: PasswordHistoryTable;
  security_audit: SecurityAuditTable;
  ledger_stream: LedgerStreamTable;
  ledger_event: LedgerEventTable;
  checkpoint_leaf: CheckpointLeafTable;
  checkpoint: CheckpointTable;
  evidence: EvidenceTable;
  certificate: CertificateTable;
  certificate_event: CertificateEventTable;
  certificate_cancellation: CertificateCancellationTable;
  auxiliary_register: AuxiliaryRegisterTable;
  law: LawTable;
  law_article: LawArticleTable;
  enforcement_item: EnforcementItemTable;
  enforcement_item_version: EnforcementItemVersionTable;
  enforcement_item_basis: EnforcementItemBasisTable;
  legality_review: LegalityReviewTable;
  publication: PublicationTable;
  publication_event: PublicationEventTable;
  training_plan: TrainingPlanTable;
  training_course: TrainingCourseTable;
  training_attendance: TrainingAttendanceTable;
  training_exam: TrainingExamTable;
  training_exam_score: TrainingExamScoreTable;
  reviewer_register: ReviewerRegisterTable;
  window_board: WindowBoardTable;
  window_board_staff: WindowBoardStaffTable;
  list_entry: ListEntryTable;
  list_entry_version: ListEntryVersionTable;
  list_entry_basis: ListEntryBasisTable;
  document_counter: DocumentCounterTable;
  user_signing_key: UserSigningKeyTable;
  document: DocumentTable;
  document_template: DocumentTemplateTable;
  enforcement_case: EnforcementCaseTable;
  case_officer: CaseOfficerTable;
  case_record: CaseRecordTable;
  case_evidence: CaseEvidenceTable;
  recording_list: RecordingListTable;
}

export type Agency = Selectable<AgencyTable>;
export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
